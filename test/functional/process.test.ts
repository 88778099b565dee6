// The CLI as a process (bin/aws-voiceid.js, the built bundle): Ctrl-C during a request exits
// 130 at once, a closed stdout ends quietly, and no secret reaches any output, --debug included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { REPO_ROOT } from '../helpers/golden.js';
import { processEnv, requiredOptions } from '../helpers/process-env.js';

const run = promisify(execFile);
const CLI = join(REPO_ROOT, 'bin/aws-voiceid.js');
const DOMAIN = 'abcdefghij0123456789AB';
const SECRET = 'wJalrXUtnFEMI-super-secret-key';
const TOKEN = 'FwoGZXIvYXdzEXAMPLE-session-token';
const REQUIRED = ['voice-id', 'start-speaker-enrollment-job', ...requiredOptions(DOMAIN)];
const ENV = processEnv({ AWS_SECRET_ACCESS_KEY: SECRET, AWS_SESSION_TOKEN: TOKEN });

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ domains: [DOMAIN], credentials: new Map([['AKIDEXAMPLE', SECRET]]) });
});
afterAll(() => emulator.close());

describe('signals and pipes', () => {
  it('Ctrl-C during a request exits 130 at once, with a newline on stdout and no stack trace', async () => {
    emulator.faults.add({ kind: 'delay', count: 1, delayMs: 10_000 });
    const child = spawn(process.execPath, [CLI, '--endpoint-url', emulator.url, ...REQUIRED], { env: ENV });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise((resolve) => setTimeout(resolve, 700));
    const sentAt = Date.now();
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(130);
    expect(Date.now() - sentAt).toBeLessThan(2000);
    expect(stdout).toBe('\n');
    expect(stderr).toBe('');
    emulator.faults.clear();
  });

  it('a stdout closed by the reader (| head -c 20) ends quietly with exit 0', async () => {
    const { stdout, stderr } = await run('bash', ['-c', `node "${CLI}" --endpoint-url ${emulator.url} ${REQUIRED.join(' ')} | head -c 20; echo " rc=\${PIPESTATUS[0]}"`], { env: ENV });
    expect(stdout).toMatch(/^\{\n {4}"Job": \{\n {4,8} rc=0\n$/);
    expect(stderr).toBe('');
  });
});

describe('secrets', () => {
  it('never prints the secret key, the session token or the sensitive JobName, --debug included', async () => {
    const outputs: string[] = [];
    for (const extra of [['--debug'], ['--debug', '--output', 'text'], ['--debug', '--job-name', 'SensitiveJobName']]) {
      const result = await run(process.execPath, [CLI, '--endpoint-url', emulator.url, ...REQUIRED, ...extra], { env: ENV });
      outputs.push(result.stdout + result.stderr);
    }
    const debugOnly = outputs.map((o) => o.split('\n').filter((l) => l.includes(' - DEBUG - ')).join('\n'));
    expect(debugOnly.join('').length).toBeGreaterThan(1000);
    for (const text of outputs) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(TOKEN);
    }
    for (const text of debugOnly) expect(text).not.toContain('SensitiveJobName');
  });
});
