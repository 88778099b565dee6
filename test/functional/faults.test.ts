// The CLI against voiceid-local's injected faults: throttling and 5xx are retried with the same
// ClientToken (one job, not several), dropped connections and timeouts end in the reference's
// message and exit code, a truncated body is a clear error.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type AddressInfo } from 'node:net';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { baseEnv, OPERATION, REQUIRED_ARGS, runCli } from '../helpers/run-cli.js';

const DOMAIN = 'abcdefghij0123456789AB';
/** The longest delay setTimeout takes (2^31 - 1 ms, almost 25 days). */
const LONGEST_TIMER_MS = 2 ** 31 - 1;
const env = baseEnv({ AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secretkey' });

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ domains: [DOMAIN], credentials: new Map([['AKIDEXAMPLE', 'secretkey']]) });
});
afterAll(() => emulator.close());
let jobsBefore = 0;
beforeEach(() => {
  emulator.faults.clear();
  jobsBefore = emulator.state.count('jobs');
});

const cli = (...extra: string[]) => runCli(['--endpoint-url', emulator.url, ...OPERATION, ...REQUIRED_ARGS, ...extra], { env });
const jobCount = (): number => emulator.state.count('jobs') - jobsBefore;

describe('retries', () => {
  it('retries throttling with the same ClientToken and makes one job', async () => {
    emulator.faults.add({ kind: 'throttle', count: 2 });
    const before = emulator.requestCount();
    const result = await cli('--client-token', 'retry-1');
    expect(result.exitCode).toBe(0);
    expect(emulator.requestCount() - before).toBe(3);
    expect(jobCount()).toBe(1);
  });

  it('retries a 500 and a 503, then succeeds with one job', async () => {
    emulator.faults.add({ kind: 'internal', count: 1 });
    emulator.faults.add({ kind: 'unavailable', count: 1 });
    const result = await cli();
    expect(result.exitCode).toBe(0);
    expect(jobCount()).toBe(1);
  });

  it('gives up after 3 attempts with the reference message (254)', async () => {
    emulator.faults.add({ kind: 'throttle', count: 5 });
    const result = await cli();
    expect(result).toMatchObject({
      exitCode: 254,
      stdout: '',
      stderr: '\nAn error occurred (ThrottlingException) when calling the StartSpeakerEnrollmentJob operation (reached max retries: 2): Rate exceeded\n',
    });
    expect(jobCount()).toBe(0);
  });
});

describe('broken transport', () => {
  it('a dropped connection (every attempt) is 255 with the reference message', async () => {
    emulator.faults.add({ kind: 'drop', count: 3 });
    const result = await cli();
    expect(result).toMatchObject({
      exitCode: 255,
      stderr: `\nConnection was closed before we received a valid response from endpoint URL: "${emulator.url}/".\n`,
    });
  });

  it('a read timeout is 255 with the reference message', async () => {
    // The answer never comes while the test runs (close() cancels it): only the CLI's 1 s read
    // timeout can end the call, however slow the machine.
    emulator.faults.add({ kind: 'delay', count: 1, delayMs: LONGEST_TIMER_MS });
    const before = emulator.requestCount();
    const result = await runCli(['--cli-read-timeout', '1', '--endpoint-url', emulator.url, ...OPERATION, ...REQUIRED_ARGS], {
      env: baseEnv({ AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secretkey', AWS_MAX_ATTEMPTS: '1' }),
    });
    expect(result).toMatchObject({ exitCode: 255, stderr: `\nRead timeout on endpoint URL: "${emulator.url}/"\n` });
    expect(emulator.requestCount() - before).toBe(1);
  });

  it('a truncated response body is a clear error, not an empty success', async () => {
    emulator.faults.add({ kind: 'truncate', count: 1 });
    const result = await cli();
    expect(result.exitCode).toBe(255);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^\nThe service returned a response body that is not valid JSON: .+\n$/);
  });

  it.each([
    ['garbage', 'garbage\r\n\r\n'],
    ['another protocol', 'SSH-2.0-OpenSSH_9.2\r\n'],
    ['an unknown HTTP version', 'HTTP/9.9 200 OK\r\n\r\n'],
    ['a status that is no number', 'HTTP/1.1 abc OK\r\nContent-Length: 0\r\n\r\n'],
  ])('an answer whose first line is no HTTP status line (%s) is retried, then 255 with the reference message', async (_name, answer) => {
    // Python's http.client raises BadStatusLine: botocore's ConnectionClosedError, retried.
    let connections = 0;
    const server = createServer((socket) => {
      connections++;
      socket.once('data', () => socket.end(answer));
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const result = await runCli(['--endpoint-url', url, ...OPERATION, ...REQUIRED_ARGS], { env });
      expect(result).toMatchObject({
        exitCode: 255,
        stdout: '',
        stderr: `\nConnection was closed before we received a valid response from endpoint URL: "${url}/".\n`,
      });
      expect(connections).toBe(3);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
