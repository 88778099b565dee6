// The CLI as a process (bin/aws-voiceid.js, the built bundle): Ctrl-C during a request exits
// 130 without waiting for the answer, a closed stdout ends quietly, and no secret reaches any
// output, --debug included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { timeoutFor } from '../helpers/budget.js';
import { startFakeVoiceId, type FakeVoiceId } from '../helpers/fake-voiceid.js';
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
let fake: FakeVoiceId;
beforeAll(async () => {
  emulator = await startEmulator({ domains: [DOMAIN], credentials: new Map([['AKIDEXAMPLE', SECRET]]) });
  fake = await startFakeVoiceId();
});
afterAll(async () => {
  await emulator.close();
  await fake.close();
});

describe('signals and pipes', () => {
  it(
    'Ctrl-C during a request exits 130 without waiting for the answer, with a newline on stdout and no stack trace',
    async () => {
      // The endpoint never answers: only the SIGINT can end the call.
      fake.script([{ hang: true }]);
      const child = spawn(process.execPath, [CLI, '--endpoint-url', fake.url, ...REQUIRED], { env: ENV });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      // 'close': the process has exited and its stdout and stderr are read to the end.
      const closed = new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      const first = await Promise.race([fake.received(1).then(() => 'request arrived'), closed.then((c) => `exited ${c}: ${stderr}`)]);
      expect(first).toBe('request arrived');
      child.kill('SIGINT');
      expect(await closed).toBe(130);
      expect(stdout).toBe('\n');
      expect(stderr).toBe('');
    },
    timeoutFor(2),
  );

  it(
    'a stdout closed by the reader (| head -c 20) ends quietly with exit 0',
    async () => {
      const { stdout, stderr } = await run(
        'bash',
        ['-c', `node "${CLI}" --endpoint-url ${emulator.url} ${REQUIRED.join(' ')} | head -c 20; echo " rc=\${PIPESTATUS[0]}"`],
        { env: ENV },
      );
      expect(stdout).toMatch(/^\{\n {4}"Job": \{\n {4,8} rc=0\n$/);
      expect(stderr).toBe('');
    },
    timeoutFor(1),
  );
});

describe('output written with write(2)', () => {
  it(
    'writes a large answer whole and in order to a non-blocking pipe (EAGAIN: the rest through the stream), then exits 0',
    async () => {
      // About 1 MB of JSON, far beyond a pipe's 64 kB: the first write(2) fills the pipe and the
      // next one fails with EAGAIN on a non-blocking descriptor, whatever the reader's pace.
      const jobs = Array.from({ length: 4000 }, (_, i) => ({ JobId: `job-${String(i).padStart(6, '0')}`, JobName: 'x'.repeat(200) }));
      fake.script([{ body: { JobSummaries: jobs } }]);
      // python3 makes the pipe's write end non-blocking (as a parent may leave it), runs the CLI
      // on it and copies what arrives to its own stdout.
      const script = [
        'import os, subprocess, sys',
        'r, w = os.pipe()',
        'os.set_blocking(w, False)',
        'p = subprocess.Popen(sys.argv[1:], stdout=w)',
        'os.close(w)',
        'data = b"".join(iter(lambda: os.read(r, 65536), b""))',
        'sys.stdout.buffer.write(data)',
        'sys.exit(p.wait())',
      ].join('\n');
      const argv = [process.execPath, CLI, '--endpoint-url', fake.url, 'voice-id', 'list-speaker-enrollment-jobs', '--domain-id', DOMAIN, '--no-paginate'];
      const { stdout, stderr } = await run('python3', ['-c', script, ...argv], { env: ENV, maxBuffer: 64 * 1024 * 1024 });
      expect(stderr).toBe('');
      const printed = JSON.parse(stdout) as { JobSummaries: { JobId: string }[] };
      expect(printed.JobSummaries.map((job) => job.JobId)).toEqual(jobs.map((job) => job.JobId));
      expect(stdout.length).toBeGreaterThan(1_000_000);
    },
    timeoutFor(1),
  );
});

describe('a broken install', () => {
  it('without its build (dist/cli) says so in one line, exit 255', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'no-build-'));
    try {
      await mkdir(join(dir, 'bin'));
      for (const file of ['aws-voiceid.js', 'load-cli.cjs', 'package.json']) await copyFile(join(REPO_ROOT, 'bin', file), join(dir, 'bin', file));
      const result = await run(process.execPath, [join(dir, 'bin/aws-voiceid.js'), '--version'], { env: ENV }).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => error,
      );
      expect(result.code).toBe(255);
      expect(result.stderr).toMatch(
        /^aws-voiceid: its build \(dist\/cli\) cannot be loaded: ENOENT: no such file or directory, open '[^']+main\.js'\. Reinstall it, or run npm run build in a clone\.\n$/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('secrets', () => {
  it(
    'never prints the secret key, the session token or the sensitive JobName, --debug included',
    async () => {
      const outputs: string[] = [];
      for (const extra of [['--debug'], ['--debug', '--output', 'text'], ['--debug', '--job-name', 'SensitiveJobName']]) {
        const result = await run(process.execPath, [CLI, '--endpoint-url', emulator.url, ...REQUIRED, ...extra], { env: ENV });
        outputs.push(result.stdout + result.stderr);
      }
      const debugOnly = outputs.map((o) =>
        o
          .split('\n')
          .filter((l) => l.includes(' - DEBUG - '))
          .join('\n'),
      );
      expect(debugOnly.join('').length).toBeGreaterThan(1000);
      for (const text of outputs) {
        expect(text).not.toContain(SECRET);
        expect(text).not.toContain(TOKEN);
      }
      for (const text of debugOnly) expect(text).not.toContain('SensitiveJobName');
    },
    timeoutFor(3),
  );
});
