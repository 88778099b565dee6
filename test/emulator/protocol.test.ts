// The local endpoint driven by the AWS SDK for JavaScript: the six operations, idempotency,
// paging, the service's errors, SigV4, and job progress over (injected) time.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CreateDomainCommand,
  DescribeDomainCommand,
  DescribeSpeakerEnrollmentJobCommand,
  ListDomainsCommand,
  ListSpeakerEnrollmentJobsCommand,
  StartSpeakerEnrollmentJobCommand,
  type VoiceIDClient,
} from '@aws-sdk/client-voice-id';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { localClient } from '../helpers/voiceid-client.js';

const DOMAIN = 'abcdefghij0123456789AB';
const JOB = {
  DomainId: DOMAIN,
  DataAccessRoleArn: 'arn:aws:iam::123456789012:role/VoiceIdRole',
  InputDataConfig: { S3Uri: 's3://voiceid-input/manifest.json' },
  OutputDataConfig: { S3Uri: 's3://voiceid-output/results' },
};

let clock = Date.parse('2026-11-25T17:00:00Z');
let emulator: Emulator;
let client: VoiceIDClient;

beforeAll(async () => {
  emulator = await startEmulator({
    credentials: new Map([['AKIDEXAMPLE', 'secretkey']]),
    domains: [DOMAIN],
    now: () => clock,
    timing: { submittedMs: 1000, durationMs: 5000 },
  });
  client = localClient(emulator.url);
});
afterAll(async () => {
  client.destroy();
  await emulator.close();
});
beforeEach(() => {
  clock = Date.now();
  emulator.faults.clear();
});

const errorOf = async (promise: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> => {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, ...(e.$metadata?.httpStatusCode ? { status: e.$metadata.httpStatusCode } : {}) };
  }
  throw new Error('expected an error');
};

describe('StartSpeakerEnrollmentJob', () => {
  // The job runner looks at the (injected) clock: the job is SUBMITTED until submittedMs has
  // passed, IN_PROGRESS until durationMs, then ends; here without an S3, FAILED and saying so.
  it('moves a job from SUBMITTED through IN_PROGRESS to its end no sooner than the job duration', async () => {
    const start = clock;
    const { Job } = await client.send(new StartSpeakerEnrollmentJobCommand({ ...JOB, JobName: 'nightly', ClientToken: 'progress-1' }));
    expect(Job).toMatchObject({ JobStatus: 'SUBMITTED', JobName: 'nightly', DomainId: DOMAIN, JobProgress: { PercentComplete: 0 } });
    expect(Job?.JobId).toMatch(/^[a-zA-Z0-9]{22}$/);
    const describe = async () => (await client.send(new DescribeSpeakerEnrollmentJobCommand({ DomainId: DOMAIN, JobId: Job?.JobId }))).Job;
    const until = async (status: string) => {
      for (;;) {
        const job = await describe();
        if (job?.JobStatus === status) return job;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    clock = start + 3000;
    expect(await until('IN_PROGRESS')).toMatchObject({ JobProgress: { PercentComplete: 0 } });
    expect(await describe()).toMatchObject({ JobStatus: 'IN_PROGRESS' });
    clock = start + 6000;
    const done = await until('FAILED');
    expect(done).toMatchObject({ JobProgress: { PercentComplete: 100 }, FailureDetails: { StatusCode: 400 } });
    expect(done?.FailureDetails?.Message).toBe(
      'voiceid-local has no S3 to read s3://voiceid-input/manifest.json from: start it with --s3-dir DIR (s3://bucket/key is the file DIR/bucket/key) or --s3-endpoint-url URL (an S3-compatible server).',
    );
    expect(done?.EndedAt?.getTime()).toBe(start + 6000);
  });

  it('returns the same job for the same client token and parameters', async () => {
    const first = await client.send(new StartSpeakerEnrollmentJobCommand({ ...JOB, ClientToken: 'same-1' }));
    const again = await client.send(new StartSpeakerEnrollmentJobCommand({ ...JOB, ClientToken: 'same-1' }));
    expect(again.Job?.JobId).toBe(first.Job?.JobId);
  });

  it('refuses the same client token with other parameters (ConflictException)', async () => {
    await client.send(new StartSpeakerEnrollmentJobCommand({ ...JOB, ClientToken: 'same-2' }));
    const error = await errorOf(client.send(new StartSpeakerEnrollmentJobCommand({ ...JOB, JobName: 'other', ClientToken: 'same-2' })));
    expect(error).toMatchObject({ name: 'ConflictException', status: 400 });
  });

  it('stores and echoes WatchlistIds (the final model) like the other members, and compares them for the client token', async () => {
    for (const WatchlistId of ['watchlist0123456789abc', 'watchlist0123456789abd']) {
      emulator.state.commit([
        {
          collection: 'watchlists',
          key: `${DOMAIN}/${WatchlistId}`,
          value: { DomainId: DOMAIN, WatchlistId, Name: WatchlistId, DefaultWatchlist: false, CreatedAt: 0, UpdatedAt: 0 },
        },
      ]);
    }
    const watched = { FraudDetectionConfig: { FraudDetectionAction: 'FAIL' as const, WatchlistIds: ['watchlist0123456789abc'] } };
    const { Job } = await client.send(new StartSpeakerEnrollmentJobCommand({ ...JOB, EnrollmentConfig: watched, ClientToken: 'watch-1' }));
    expect(Job?.EnrollmentConfig).toEqual(watched);
    const described = await client.send(new DescribeSpeakerEnrollmentJobCommand({ DomainId: DOMAIN, JobId: Job?.JobId }));
    expect(described.Job?.EnrollmentConfig).toEqual(watched);
    const other = { FraudDetectionConfig: { ...watched.FraudDetectionConfig, WatchlistIds: ['watchlist0123456789abd'] } };
    const error = await errorOf(client.send(new StartSpeakerEnrollmentJobCommand({ ...JOB, EnrollmentConfig: other, ClientToken: 'watch-1' })));
    expect(error).toMatchObject({ name: 'ConflictException', status: 400 });
  });

  it('validates WatchlistIds as the final service does: one item of 22 letters and digits', async () => {
    const error = await errorOf(
      client.send(
        new StartSpeakerEnrollmentJobCommand({ ...JOB, EnrollmentConfig: { FraudDetectionConfig: { WatchlistIds: ['watchlist0123456789abc', 'x'] } } }),
      ),
    );
    expect(error).toMatchObject({ name: 'ValidationException', status: 400 });
    expect(error.message).toBe(
      "3 validation errors detected: Value at 'enrollmentConfig.fraudDetectionConfig.watchlistIds' failed to satisfy constraint: Member must have length less than or equal to 1; " +
        "Value 'x' at 'enrollmentConfig.fraudDetectionConfig.watchlistIds.2.member' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9]{22}$; " +
        "Value 'x' at 'enrollmentConfig.fraudDetectionConfig.watchlistIds.2.member' failed to satisfy constraint: Member must have length greater than or equal to 22",
    );
  });

  it('validates as the service does: every broken constraint, in the service wording', async () => {
    const error = await errorOf(
      client.send(
        new StartSpeakerEnrollmentJobCommand({
          ...JOB,
          DomainId: 'short',
          EnrollmentConfig: { ExistingEnrollmentAction: 'X' as 'SKIP', FraudDetectionConfig: { RiskThreshold: 101 } },
        }),
      ),
    );
    expect(error).toEqual({
      name: 'ValidationException',
      status: 400,
      message:
        "4 validation errors detected: Value 'short' at 'domainId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9]{22}$; " +
        "Value 'short' at 'domainId' failed to satisfy constraint: Member must have length greater than or equal to 22; " +
        "Value 'X' at 'enrollmentConfig.existingEnrollmentAction' failed to satisfy constraint: Member must satisfy enum value set: [SKIP, OVERWRITE]; " +
        "Value '101' at 'enrollmentConfig.fraudDetectionConfig.riskThreshold' failed to satisfy constraint: Member must have value less than or equal to 100",
    });
  });

  it('answers ResourceNotFoundException for an unknown domain', async () => {
    const error = await errorOf(client.send(new StartSpeakerEnrollmentJobCommand({ ...JOB, DomainId: 'zzzzzzzzzzzzzzzzzzzzzz' })));
    expect(error).toMatchObject({ name: 'ResourceNotFoundException', message: 'Domain with ID zzzzzzzzzzzzzzzzzzzzzz does not exist.' });
  });
});

describe('domains', () => {
  it('creates, describes and lists domains, with idempotent creation', async () => {
    const input = { Name: 'my-domain', ServerSideEncryptionConfiguration: { KmsKeyId: 'alias/k' }, ClientToken: 'dom-1' };
    const created = await client.send(new CreateDomainCommand(input));
    expect(created.Domain).toMatchObject({ Name: 'my-domain', DomainStatus: 'ACTIVE' });
    expect((await client.send(new CreateDomainCommand(input))).Domain?.DomainId).toBe(created.Domain?.DomainId);
    const described = await client.send(new DescribeDomainCommand({ DomainId: created.Domain?.DomainId }));
    expect(described.Domain?.Arn).toBe(`arn:aws:voiceid:us-east-1:123456789012:domain/${created.Domain?.DomainId}`);
    const listed = await client.send(new ListDomainsCommand({}));
    expect(listed.DomainSummaries?.map((d) => d.DomainId)).toContain(created.Domain?.DomainId);
  });
});

describe('ListSpeakerEnrollmentJobs', () => {
  it('pages with MaxResults and NextToken and filters by JobStatus', async () => {
    const domain = (await client.send(new CreateDomainCommand({ Name: 'paging', ServerSideEncryptionConfiguration: { KmsKeyId: 'k' } }))).Domain?.DomainId;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      clock += 1;
      const { Job } = await client.send(new StartSpeakerEnrollmentJobCommand({ ...JOB, DomainId: domain, ClientToken: `page-${i}` }));
      ids.push(Job?.JobId as string);
    }
    const seen: string[] = [];
    let NextToken: string | undefined;
    do {
      const out = await client.send(new ListSpeakerEnrollmentJobsCommand({ DomainId: domain, MaxResults: 2, NextToken }));
      expect((out.JobSummaries ?? []).length).toBeLessThanOrEqual(2);
      seen.push(...(out.JobSummaries ?? []).map((j) => j.JobId as string));
      NextToken = out.NextToken;
    } while (NextToken);
    expect(seen).toEqual(ids);
    const submitted = await client.send(new ListSpeakerEnrollmentJobsCommand({ DomainId: domain, JobStatus: 'SUBMITTED' }));
    expect(submitted.JobSummaries).toHaveLength(5);
    const completed = await client.send(new ListSpeakerEnrollmentJobsCommand({ DomainId: domain, JobStatus: 'COMPLETED' }));
    expect(completed.JobSummaries).toHaveLength(0);
  });
});

describe('SigV4', () => {
  it('refuses a wrong secret with InvalidSignatureException (403)', async () => {
    const wrong = localClient(emulator.url, { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wrong' });
    expect(await errorOf(wrong.send(new ListDomainsCommand({})))).toMatchObject({ name: 'InvalidSignatureException', status: 403 });
  });

  it('refuses an unknown key id with UnrecognizedClientException (403)', async () => {
    const unknown = localClient(emulator.url, { accessKeyId: 'AKIDNOBODY', secretAccessKey: 'secretkey' });
    expect(await errorOf(unknown.send(new ListDomainsCommand({})))).toMatchObject({ name: 'UnrecognizedClientException', status: 403 });
  });

  it('refuses a request signed more than 15 minutes ago', async () => {
    clock = Date.now() + 16 * 60 * 1000;
    const error = await errorOf(client.send(new ListDomainsCommand({})));
    expect(error.name).toBe('InvalidSignatureException');
    expect(error.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/);
  });
});

describe('the envelope', () => {
  const post = (headers: Record<string, string>, body = '{}') => fetch(emulator.url, { method: 'POST', headers, body });

  it('refuses an unsigned request with MissingAuthenticationTokenException (403)', async () => {
    const response = await post({ 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'VoiceID.ListDomains' });
    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({ __type: 'com.amazon.coral.service#MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
  });
});

describe('fault injection', () => {
  it('throttles the next request, then answers normally', async () => {
    emulator.faults.add({ kind: 'throttle', count: 1 });
    expect(await errorOf(client.send(new ListDomainsCommand({})))).toMatchObject({ name: 'ThrottlingException' });
    await expect(client.send(new ListDomainsCommand({}))).resolves.toBeDefined();
  });

  it('answers 500 InternalServerException', async () => {
    emulator.faults.add({ kind: 'internal', count: 1 });
    expect(await errorOf(client.send(new ListDomainsCommand({})))).toMatchObject({ name: 'InternalServerException', status: 500 });
  });

  it('is set through the control path too', async () => {
    const response = await fetch(`${emulator.url}/__voiceid-local/faults`, { method: 'POST', body: JSON.stringify({ kind: 'internal', count: 2 }) });
    expect(await response.json()).toEqual({ faults: [{ kind: 'internal', count: 2 }] });
    await errorOf(client.send(new ListDomainsCommand({})));
    await errorOf(client.send(new ListDomainsCommand({})));
    await expect(client.send(new ListDomainsCommand({}))).resolves.toBeDefined();
  });
});
