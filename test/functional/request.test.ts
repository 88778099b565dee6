// The request on the wire and the answer on stdout, end to end through run() against the
// scripted endpoint on 127.0.0.1: what the reference sends is what we send.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeVoiceId, type FakeVoiceId } from '../helpers/fake-voiceid.js';
import { baseEnv, OPERATION, REQUIRED_ARGS, runCli } from '../helpers/run-cli.js';
import { createServer } from 'node:net';

let fake: FakeVoiceId;
beforeAll(async () => {
  fake = await startFakeVoiceId();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.script());

const cli = (...args: string[]) => runCli(['--endpoint-url', fake.url, ...OPERATION, ...REQUIRED_ARGS, ...args]);

describe('the wire request', () => {
  it('sends members in argument-table order, the generated ClientToken last, ASCII-escaped', async () => {
    const result = await cli('--job-name', 'é😀/x');
    expect(result.exitCode).toBe(0);
    expect(fake.requests).toHaveLength(1);
    const request = fake.requests[0]!;
    expect(request.signature).toBe('valid');
    expect(request.target).toBe('VoiceID.StartSpeakerEnrollmentJob');
    expect(request.contentType).toBe('application/x-amz-json-1.0');
    expect(request.body).toBe(
      '{"DataAccessRoleArn": "arn:aws:iam::123456789012:role/VoiceIdRole", "DomainId": "abcdefghij0123456789AB", ' +
        '"InputDataConfig": {"S3Uri": "s3://voiceid-input/manifest.json"}, "JobName": "\\u00e9\\ud83d\\ude00/x", ' +
        '"OutputDataConfig": {"S3Uri": "s3://voiceid-output/results"}, "ClientToken": "00000000-0000-4000-8000-000000000001"}',
    );
  });

  it('names this project in the user agent', async () => {
    await cli();
    const agent = fake.requests[0]!.rawHeaders.find(([name]) => name.toLowerCase() === 'user-agent')?.[1] ?? '';
    expect(agent).toMatch(/aws-voiceid\/\d+\.\d+\.\d+/);
  });

  it('when --client-token is given then it is sent first, verbatim', async () => {
    await cli('--client-token', 'my token with spaces!');
    expect(fake.requests[0]!.body.startsWith('{"ClientToken": "my token with spaces!", ')).toBe(true);
  });

  it('keeps big integers and nested member order exactly as written', async () => {
    await cli('--enrollment-config', '{"FraudDetectionConfig": {"RiskThreshold": 12345678901234567890, "FraudDetectionAction": "FAIL"}}');
    expect(fake.requests[0]!.body).toContain(
      '"EnrollmentConfig": {"FraudDetectionConfig": {"RiskThreshold": 12345678901234567890, "FraudDetectionAction": "FAIL"}}',
    );
  });

  it('signs with the session token when there is one', async () => {
    const result = await runCli(['--endpoint-url', fake.url, ...OPERATION, ...REQUIRED_ARGS], {
      env: baseEnv({ AWS_ACCESS_KEY_ID: 'AKIDSESSION', AWS_SECRET_ACCESS_KEY: 'session-secret-key', AWS_SESSION_TOKEN: 'tok' }),
    });
    expect(result.exitCode).toBe(0);
    expect(fake.requests[0]).toMatchObject({ signature: 'valid', securityToken: 'tok', credentialScope: 'AKIDSESSION/us-east-1/voiceid' });
  });

  it('with --no-sign-request sends no signature and needs no credentials', async () => {
    const result = await runCli(['--no-sign-request', '--endpoint-url', fake.url, ...OPERATION, ...REQUIRED_ARGS], {
      env: baseEnv({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined }),
    });
    expect(result.exitCode).toBe(0);
    expect(fake.requests[0]!.signature).toBe('unsigned');
  });

  it('uses --region over AWS_REGION over AWS_DEFAULT_REGION', async () => {
    await runCli(['--endpoint-url', fake.url, ...OPERATION, ...REQUIRED_ARGS], { env: baseEnv({ AWS_REGION: 'eu-west-1' }) });
    await runCli(['--region', 'ap-south-1', '--endpoint-url', fake.url, ...OPERATION, ...REQUIRED_ARGS], { env: baseEnv({ AWS_REGION: 'eu-west-1' }) });
    expect(fake.requests.map((r) => r.credentialScope)).toEqual(['AKIDEXAMPLE/eu-west-1/voiceid', 'AKIDEXAMPLE/ap-south-1/voiceid']);
  });
});

describe('errors in the reference order', () => {
  it('a missing region (253) comes before validation, and nothing is sent', async () => {
    const result = await runCli(['--endpoint-url', fake.url, ...OPERATION, ...REQUIRED_ARGS, '--job-name', ''], {
      env: baseEnv({ AWS_DEFAULT_REGION: undefined }),
    });
    expect(result).toMatchObject({ exitCode: 253, stdout: '' });
    expect(result.stderr).toBe('\nYou must specify a region. You can also configure your region by running "aws configure".\n');
    expect(fake.requests).toHaveLength(0);
  });

  it('validation (252) comes before missing credentials', async () => {
    const env = baseEnv({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined });
    const invalid = await runCli(['--endpoint-url', fake.url, ...OPERATION, ...REQUIRED_ARGS, '--job-name', ''], { env });
    expect(invalid.exitCode).toBe(252);
    expect(invalid.stderr).toBe('\nParameter validation failed:\nInvalid length for parameter JobName, value: 0, valid min length: 1\n');
    const valid = await runCli(['--endpoint-url', fake.url, ...OPERATION, ...REQUIRED_ARGS], { env });
    expect(valid.exitCode).toBe(253);
    expect(valid.stderr).toBe('\nUnable to locate credentials. You can configure credentials by running "aws configure".\n');
    expect(fake.requests).toHaveLength(0);
  });

  it('partial env credentials are an error (255) even without signing', async () => {
    const result = await runCli(['--no-sign-request', '--endpoint-url', fake.url, ...OPERATION, ...REQUIRED_ARGS], {
      env: baseEnv({ AWS_SECRET_ACCESS_KEY: undefined }),
    });
    expect(result).toMatchObject({ exitCode: 255, stderr: '\nPartial credentials found in env, missing: AWS_SECRET_ACCESS_KEY\n' });
  });

  it('a service error is 254 with the __type namespace removed and x-amzn-ErrorType ignored', async () => {
    fake.script([
      { status: 404, body: { __type: 'com.amazonaws.voiceid#ResourceNotFoundException', message: 'no domain' }, headers: { 'x-amzn-ErrorType': 'Other' } },
    ]);
    const result = await cli();
    expect(result).toMatchObject({
      exitCode: 254,
      stdout: '',
      stderr: '\nAn error occurred (ResourceNotFoundException) when calling the StartSpeakerEnrollmentJob operation: no domain\n',
    });
  });

  it('a 500 is retried with the same ClientToken, then reported with the retry count', async () => {
    fake.script([{ status: 500, raw: '' }]);
    const result = await cli();
    expect(result.exitCode).toBe(254);
    expect(result.stderr).toBe(
      '\nAn error occurred (500) when calling the StartSpeakerEnrollmentJob operation (reached max retries: 2): Internal Server Error\n',
    );
    expect(fake.requests).toHaveLength(3);
    expect(new Set(fake.requests.map((r) => JSON.parse(r.body).ClientToken)).size).toBe(1);
  });

  it('a 400 ValidationException is not retried', async () => {
    fake.script([{ status: 400, body: { __type: 'ValidationException', message: 'bad thing' } }]);
    const result = await cli();
    expect(result.exitCode).toBe(254);
    expect(fake.requests).toHaveLength(1);
  });

  it('a refused connection is 255 with the request URL', async () => {
    const port = await closedPort();
    const result = await runCli(['--endpoint-url', `http://127.0.0.1:${port}`, ...OPERATION, ...REQUIRED_ARGS]);
    expect(result).toMatchObject({ exitCode: 255, stderr: `\nCould not connect to the endpoint URL: "http://127.0.0.1:${port}/"\n` });
  });

  it('an endpoint URL without a scheme is a 252 before anything else', async () => {
    const result = await runCli(['--endpoint-url', '127.0.0.1:8765', ...OPERATION, ...REQUIRED_ARGS]);
    expect(result.exitCode).toBe(252);
    expect(result.stderr).toBe(
      '\nBad value for --endpoint-url "127.0.0.1:8765": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/\n',
    );
  });

  it('refuses an endpoint URL that the reference would silently replace by the AWS endpoint', async () => {
    const result = await runCli(['--endpoint-url', `${fake.url}/p?x=1`, ...OPERATION, ...REQUIRED_ARGS]);
    expect(result).toMatchObject({ exitCode: 255, stderr: `\nInvalid endpoint: ${fake.url}/p?x=1\n` });
  });
});

describe('the answer', () => {
  it('prints the wire timestamps with their microseconds, in model order, without unknown keys or nulls', async () => {
    fake.script([{ status: 200, body: { Zed: 1, Job: { JobStatus: 'SUBMITTED', JobName: null, CreatedAt: 1732554209.123456, JobId: 'j' } } }]);
    const result = await cli();
    expect(result.stdout).toBe(
      '{\n    "Job": {\n        "CreatedAt": "2024-11-25T17:03:29.123456+00:00",\n        "JobId": "j",\n        "JobStatus": "SUBMITTED"\n    }\n}\n',
    );
  });

  it('prints nothing for an empty answer', async () => {
    fake.script([{ status: 200, body: {} }]);
    expect(await cli()).toMatchObject({ exitCode: 0, stdout: '', stderr: '' });
  });

  it('uses the local time zone', async () => {
    fake.script([{ status: 200, body: { Job: { CreatedAt: 1675080000.123 } } }]);
    const result = await runCli(['--endpoint-url', fake.url, ...OPERATION, ...REQUIRED_ARGS], { env: baseEnv({ TZ: 'Asia/Kolkata' }) });
    expect(result.stdout).toContain('"CreatedAt": "2023-01-30T17:30:00.123000+05:30"');
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 9;
}
