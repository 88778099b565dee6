// voiceid-local's errors as clients read them: the JS SDK's modelled exceptions with the members
// of their structures (err.Message, err.ResourceType, err.ConflictType), the same text printed by
// this project's CLI and by AWS CLI v2; and paging: NextTokens bound to their listing, MaxResults
// as the model and the service's deserializer take it.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection } from '../helpers/service-failure.js';
import {
  ConflictException,
  CreateDomainCommand,
  DescribeDomainCommand,
  ListDomainsCommand,
  ListSpeakerEnrollmentJobsCommand,
  ResourceNotFoundException,
  StartSpeakerEnrollmentJobCommand,
  ValidationException,
  type VoiceIDClient,
} from '@aws-sdk/client-voice-id';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { REPO_ROOT } from '../helpers/golden.js';
import { processEnv, requiredOptions } from '../helpers/process-env.js';
import { RequestSigner, requestBytes, send } from '../helpers/raw-http.js';
import { localClient } from '../helpers/voiceid-client.js';

const run = promisify(execFile);
const DOMAIN = 'abcdefghij0123456789AB';
const MISSING = 'zzzzzzzzzzzzzzzzzzzzzz';
const JOB = {
  DomainId: DOMAIN,
  DataAccessRoleArn: 'arn:aws:iam::123456789012:role/VoiceIdRole',
  InputDataConfig: { S3Uri: 's3://voiceid-input/manifest.json' },
  OutputDataConfig: { S3Uri: 's3://voiceid-output/results' },
};

let emulator: Emulator;
let client: VoiceIDClient;

beforeAll(async () => {
  emulator = await startEmulator({ domains: [DOMAIN], credentials: new Map([['AKIDEXAMPLE', 'secretkey']]) });
  client = localClient(emulator.url);
});
afterAll(async () => {
  client.destroy();
  await emulator.close();
});

async function newDomain(name: string): Promise<string> {
  const { Domain } = await client.send(new CreateDomainCommand({ Name: name, ServerSideEncryptionConfiguration: { KmsKeyId: 'k' } }));
  return Domain?.DomainId as string;
}

// The wire body carries the model's `Message`; the JS SDK v3 reads it into err.message and then
// deletes err.Message (@smithy/core's decorateServiceException), so through the SDK the message is
// err.message, and the other members of the structure keep their model names.
describe('modelled errors through the JS SDK', () => {
  it('sets the message and ResourceType of a ResourceNotFoundException', async () => {
    const error = await rejection(client.send(new DescribeDomainCommand({ DomainId: MISSING })));
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error).toMatchObject({ message: `Domain with ID ${MISSING} does not exist.`, ResourceType: 'DOMAIN', $metadata: { httpStatusCode: 400 } });
  });

  it('sets the message and ConflictType of a ConflictException', async () => {
    await client.send(new StartSpeakerEnrollmentJobCommand({ ...JOB, ClientToken: 'conflict' }));
    const error = await rejection(client.send(new StartSpeakerEnrollmentJobCommand({ ...JOB, JobName: 'other', ClientToken: 'conflict' })));
    expect(error).toBeInstanceOf(ConflictException);
    expect(error).toMatchObject({ message: 'The ClientToken was already used with different parameters.', ConflictType: 'CONCURRENT_CHANGES' });
  });

  it('sets the message of a ValidationException', async () => {
    const error = await rejection(client.send(new DescribeDomainCommand({ DomainId: 'short' })));
    expect(error).toBeInstanceOf(ValidationException);
    expect((error as ValidationException).message).toMatch(/^2 validation errors detected: Value 'short' at 'domainId'/);
  });
});

describe('error bodies on the wire', () => {
  const signer = (): RequestSigner => new RequestSigner(emulator.url);
  const body = async (target: string, input: unknown): Promise<unknown> => {
    const s = signer();
    try {
      const result = await send(emulator.port, requestBytes(await s.sign(target, JSON.stringify(input))));
      return JSON.parse(result.response?.body ?? 'null');
    } finally {
      s.destroy();
    }
  };

  it('sends a modelled error with its namespaced __type and the members of its structure, in model order', async () => {
    expect(await body('VoiceID.DescribeDomain', { DomainId: MISSING })).toEqual({
      __type: 'com.amazonaws.voiceid#ResourceNotFoundException',
      Message: `Domain with ID ${MISSING} does not exist.`,
      ResourceType: 'DOMAIN',
    });
    expect(await body('VoiceID.DescribeDomain', {})).toEqual({
      __type: 'com.amazonaws.voiceid#ValidationException',
      Message: "1 validation error detected: Value null at 'domainId' failed to satisfy constraint: Member must not be null",
    });
  });

  it('sends a framework error (not in the model) with a message', async () => {
    const response = await fetch(emulator.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'VoiceID.DescribeDomain' },
      body: '{}',
    });
    expect(await response.json()).toEqual({ __type: 'com.amazon.coral.service#MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
  });
});

describe('the same errors printed by the CLIs', () => {
  const cli = async (command: string[], args: string[]): Promise<{ code: number; stderr: string }> => {
    try {
      await run(command[0] as string, [...command.slice(1), '--endpoint-url', emulator.url, 'voice-id', ...args], { env: processEnv() });
      return { code: 0, stderr: '' };
    } catch (error) {
      const e = error as { code: number; stderr: string };
      return { code: e.code, stderr: e.stderr };
    }
  };
  const notFound = `\nAn error occurred (ResourceNotFoundException) when calling the StartSpeakerEnrollmentJob operation: Domain with ID ${MISSING} does not exist.\n`;
  const start = ['start-speaker-enrollment-job', ...requiredOptions(MISSING)];

  it("prints a modelled error's Message (this project's CLI)", async () => {
    expect(await cli([process.execPath, join(REPO_ROOT, 'bin/aws-voiceid.js')], start)).toEqual({ code: 254, stderr: notFound });
  });

  it.skipIf(!existsSync('/usr/bin/aws'))("prints a modelled error's Message (AWS CLI v2, /usr/bin/aws)", async () => {
    expect(await cli(['/usr/bin/aws'], start)).toEqual({ code: 254, stderr: notFound });
  });
});

describe('NextToken', () => {
  let domain: string;
  let token: string;

  beforeAll(async () => {
    domain = await newDomain('paging-tokens');
    for (let i = 0; i < 3; i += 1) await client.send(new StartSpeakerEnrollmentJobCommand({ ...JOB, DomainId: domain, ClientToken: `tok-${i}` }));
    token = (await client.send(new ListSpeakerEnrollmentJobsCommand({ DomainId: domain, MaxResults: 1 }))).NextToken as string;
    expect(token).toBeTruthy();
  });

  const invalid = { name: 'ValidationException', message: 'Invalid NextToken provided.' };

  it('is good for the listing that gave it, also with another MaxResults', async () => {
    const page = await client.send(new ListSpeakerEnrollmentJobsCommand({ DomainId: domain, MaxResults: 5, NextToken: token }));
    expect(page.JobSummaries).toHaveLength(2);
  });

  it('is refused for another domain', async () => {
    expect(await rejection(client.send(new ListSpeakerEnrollmentJobsCommand({ DomainId: DOMAIN, NextToken: token })))).toMatchObject(invalid);
  });

  it('is refused with another JobStatus filter', async () => {
    expect(await rejection(client.send(new ListSpeakerEnrollmentJobsCommand({ DomainId: domain, JobStatus: 'SUBMITTED', NextToken: token })))).toMatchObject(
      invalid,
    );
  });

  it('is refused by another operation', async () => {
    expect(await rejection(client.send(new ListDomainsCommand({ NextToken: token })))).toMatchObject(invalid);
    for (let i = 0; i < 2; i += 1) await newDomain(`paging-more-${i}`);
    const domainsToken = (await client.send(new ListDomainsCommand({ MaxResults: 1 }))).NextToken;
    expect(await rejection(client.send(new ListSpeakerEnrollmentJobsCommand({ DomainId: domain, NextToken: domainsToken })))).toMatchObject(invalid);
  });

  it.each(['garbage', 'b2Zmc2V0OjE=', Buffer.from('{"listing":"x","offset":1}').toString('base64')])('is refused when made up: %s', async (made) => {
    expect(await rejection(client.send(new ListSpeakerEnrollmentJobsCommand({ DomainId: domain, NextToken: made })))).toMatchObject(invalid);
  });
});

describe('MaxResults', () => {
  // The service's deserializer (Jackson) reads a fraction sent for an integer member truncated, as
  // validate-service.ts's acceptsScalar says: 2.5 is 2, in the page size and in the range check.
  it('reads 2.5 as 2: pages of two whose NextTokens the next call takes', async () => {
    const domain = await newDomain('paging-fraction');
    for (let i = 0; i < 5; i += 1) await client.send(new StartSpeakerEnrollmentJobCommand({ ...JOB, DomainId: domain, ClientToken: `frac-${i}` }));
    const sizes: number[] = [];
    let NextToken: string | undefined;
    do {
      const page = await client.send(new ListSpeakerEnrollmentJobsCommand({ DomainId: domain, MaxResults: 2.5, NextToken }));
      sizes.push(page.JobSummaries?.length ?? 0);
      NextToken = page.NextToken;
    } while (NextToken);
    expect(sizes).toEqual([2, 2, 1]);
  });

  it.each([
    [0, "Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1"],
    [0.5, "Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1"],
    [101, "Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100"],
  ])('refuses %d out of the model range', async (max, violation) => {
    expect(await rejection(client.send(new ListSpeakerEnrollmentJobsCommand({ DomainId: DOMAIN, MaxResults: max })))).toMatchObject({
      name: 'ValidationException',
      message: `1 validation error detected: ${violation}`,
    });
  });

  it('refuses a string for MaxResults with a SerializationException', async () => {
    const error = await rejection(client.send(new ListDomainsCommand({ MaxResults: '2' as unknown as number })));
    expect(error).toMatchObject({ name: 'SerializationException', message: 'STRING_VALUE can not be converted to an Integer' });
  });
});
