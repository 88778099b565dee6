// voiceid-local as a process: its command line, its state file across `kill -9`, clean stops,
// and this project's CLI and (where installed) the real AWS CLI v2 as its clients.
import { afterEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DescribeSpeakerEnrollmentJobCommand } from '@aws-sdk/client-voice-id';
import { startLocalProcess, type LocalProcess } from '../helpers/local-process.js';
import { timeoutFor } from '../helpers/budget.js';
import { localClient } from '../helpers/voiceid-client.js';
import { REPO_ROOT } from '../helpers/golden.js';
import { processEnv, requiredOptions } from '../helpers/process-env.js';

const run = promisify(execFile);
const DOMAIN = 'abcdefghij0123456789AB';
const REQUIRED = requiredOptions(DOMAIN);
const ENV = processEnv();

const processes: LocalProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const p of processes.splice(0)) p.child.kill('SIGKILL');
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function local(args: string[]): Promise<LocalProcess> {
  const p = await startLocalProcess(args);
  processes.push(p);
  return p;
}

async function cli(command: string[], url: string, extra: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      command[0] as string,
      [...command.slice(1), '--endpoint-url', url, 'voice-id', 'start-speaker-enrollment-job', ...REQUIRED, ...extra],
      { env: ENV },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const CLONE = [process.execPath, join(REPO_ROOT, 'bin/aws-voiceid.js')];

describe('voiceid-local', () => {
  it(
    'keeps an answered job through kill -9 and a restart on the same state file',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'voiceid-local-'));
      dirs.push(dir);
      const state = join(dir, 'state.json');
      const args = ['--port', '0', '--state', state, '--domain', DOMAIN, '--credentials', 'AKIDEXAMPLE:secretkey'];
      const first = await local(args);
      const started = await cli(CLONE, first.url, ['--client-token', 'kill-9']);
      expect(started.code).toBe(0);
      const jobId = JSON.parse(started.stdout).Job.JobId as string;
      first.child.kill('SIGKILL');
      await first.exited;
      const second = await local(args);
      const client = localClient(second.url);
      const { Job } = await client.send(new DescribeSpeakerEnrollmentJobCommand({ DomainId: DOMAIN, JobId: jobId }));
      client.destroy();
      expect(Job?.JobId).toBe(jobId);
      const again = await cli(CLONE, second.url, ['--client-token', 'kill-9']);
      expect(JSON.parse(again.stdout).Job.JobId).toBe(jobId);
    },
    timeoutFor(6),
  ); // two starts, two CLI runs, an exit, a describe

  it(
    'prints its URL first and stops cleanly on SIGTERM and SIGINT',
    async () => {
      for (const signal of ['SIGTERM', 'SIGINT'] as const) {
        const p = await local(['--port', '0']);
        expect(p.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        p.child.kill(signal);
        expect(await p.exited).toBe(0);
      }
    },
    timeoutFor(4),
  ); // two starts, two exits

  it(
    'refuses bad arguments with one line and exit 2',
    async () => {
      const script = join(REPO_ROOT, 'bin/voiceid-local.js');
      for (const args of [['--port', 'x'], ['--bogus'], ['--credentials', 'nocolon'], ['--fault', 'explode']]) {
        const result = await run(process.execPath, [script, ...args], { env: ENV }).catch((e: { code: number; stderr: string }) => e);
        expect('code' in result && result.code).toBeGreaterThan(0);
        expect((result as { stderr: string }).stderr).toMatch(/^voiceid-local: /);
        expect((result as { stderr: string }).stderr).not.toMatch(/\n\s+at /);
      }
    },
    timeoutFor(4),
  ); // four runs

  it(
    "serves this project's CLI: a job, and the same job again for the same token",
    async () => {
      const p = await local(['--port', '0', '--domain', DOMAIN, '--credentials', 'AKIDEXAMPLE:secretkey']);
      const first = await cli(CLONE, p.url, ['--client-token', 'same', '--job-name', 'cli-job']);
      const second = await cli(CLONE, p.url, ['--client-token', 'same', '--job-name', 'cli-job']);
      expect(first.code).toBe(0);
      expect(JSON.parse(second.stdout).Job.JobId).toBe(JSON.parse(first.stdout).Job.JobId);
      const conflict = await cli(CLONE, p.url, ['--client-token', 'same', '--job-name', 'other']);
      expect(conflict).toMatchObject({
        code: 254,
        stderr:
          '\nAn error occurred (ConflictException) when calling the StartSpeakerEnrollmentJob operation: The ClientToken was already used with different parameters.\n',
      });
    },
    timeoutFor(4),
  ); // a start, three CLI runs
});

// The acceptance scenario of the local endpoint, with the real AWS CLI v2 as the client. It runs
// where /usr/bin/aws (Debian's awscli 2.9.19) is installed, and is skipped elsewhere.
describe.skipIf(!existsSync('/usr/bin/aws'))('voiceid-local with the real AWS CLI v2 (/usr/bin/aws)', () => {
  const aws = async (url: string, args: string[], env: Record<string, string> = {}) => {
    try {
      const { stdout, stderr } = await run('/usr/bin/aws', ['--endpoint-url', url, 'voice-id', ...args], { env: { ...ENV, ...env } });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  const start = ['start-speaker-enrollment-job', ...REQUIRED];

  it(
    'starts, repeats, describes and lists a job, and gets the errors where due, across kill -9',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'voiceid-local-'));
      dirs.push(dir);
      const args = ['--port', '0', '--state', join(dir, 'state.json'), '--domain', DOMAIN, '--credentials', 'AKIDEXAMPLE:secretkey'];
      const first = await local(args);
      const started = await aws(first.url, [...start, '--client-token', 'aws-1']);
      expect(started.code).toBe(0);
      const jobId = JSON.parse(started.stdout).Job.JobId as string;
      expect(JSON.parse((await aws(first.url, [...start, '--client-token', 'aws-1'])).stdout).Job.JobId).toBe(jobId);
      const described = await aws(first.url, ['describe-speaker-enrollment-job', '--domain-id', DOMAIN, '--job-id', jobId]);
      expect(JSON.parse(described.stdout).Job.JobId).toBe(jobId);
      const listed = await aws(first.url, ['list-speaker-enrollment-jobs', '--domain-id', DOMAIN]);
      expect(JSON.parse(listed.stdout).JobSummaries.map((j: { JobId: string }) => j.JobId)).toEqual([jobId]);
      const errorName = (r: { stderr: string }) => /An error occurred \((\w+)\)/.exec(r.stderr)?.[1];
      expect(errorName(await aws(first.url, ['describe-domain', '--domain-id', 'zzzzzzzzzzzzzzzzzzzzzz']))).toBe('ResourceNotFoundException');
      expect(errorName(await aws(first.url, [...start, '--job-name', 'not valid!']))).toBe('ValidationException');
      expect(errorName(await aws(first.url, [...start, '--client-token', 'aws-1', '--job-name', 'other']))).toBe('ConflictException');
      expect(errorName(await aws(first.url, ['list-domains'], { AWS_SECRET_ACCESS_KEY: 'wrong' }))).toBe('InvalidSignatureException');
      expect(errorName(await aws(first.url, ['list-domains'], { AWS_ACCESS_KEY_ID: 'AKIDNOBODY' }))).toBe('UnrecognizedClientException');
      first.child.kill('SIGKILL');
      await first.exited;
      const second = await local(args);
      const again = await aws(second.url, ['describe-speaker-enrollment-job', '--domain-id', DOMAIN, '--job-id', jobId]);
      expect(JSON.parse(again.stdout).Job.JobId).toBe(jobId);
    },
    timeoutFor(13),
  ); // two starts, ten runs of /usr/bin/aws, an exit
});
