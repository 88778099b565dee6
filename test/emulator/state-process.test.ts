// voiceid-local as a process and its --state: a second one on the same file exits 3, a kill -9
// leaves no lock behind, a path it cannot write exits 4 and a damaged file exits 1, each with
// one line on stderr and before it listens; a write that fails while it runs stops it (exit 4).
import { afterEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ListSpeakerEnrollmentJobsCommand, StartSpeakerEnrollmentJobCommand } from '@aws-sdk/client-voice-id';
import { startLocalProcess, type LocalProcess } from '../helpers/local-process.js';
import { localClient } from '../helpers/voiceid-client.js';
import { timeoutFor } from '../helpers/budget.js';
import { REPO_ROOT } from '../helpers/golden.js';

const run = promisify(execFile);
const DOMAIN = 'abcdefghij0123456789AB';
const SCRIPT = join(REPO_ROOT, 'bin/voiceid-local.js');
const JOB = {
  DomainId: DOMAIN,
  DataAccessRoleArn: 'arn:aws:iam::123456789012:role/VoiceIdRole',
  InputDataConfig: { S3Uri: 's3://voiceid-input/manifest.json' },
  OutputDataConfig: { S3Uri: 's3://voiceid-output/results' },
};

const processes: LocalProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const p of processes.splice(0)) p.child.kill('SIGKILL');
  for (const d of dirs.splice(0)) {
    chmodSync(d, 0o700);
    rmSync(d, { recursive: true, force: true });
  }
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'voiceid-local-state-'));
  dirs.push(dir);
  return dir;
}

async function local(args: string[]): Promise<LocalProcess> {
  const p = await startLocalProcess(args);
  processes.push(p);
  return p;
}

/** Runs voiceid-local to its exit (those that fail at start). */
async function refused(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [SCRIPT, '--port', '0', ...args], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A folder this process cannot write in: one without write permission, or /sys for root (whom permissions do not stop). */
function unwritableFolder(): string | undefined {
  if (process.getuid?.() !== 0) {
    const dir = folder();
    chmodSync(dir, 0o500);
    return dir;
  }
  return existsSync('/sys/kernel') ? '/sys' : undefined;
}

describe('voiceid-local --state', () => {
  it(
    'refuses a second voiceid-local on the same state file with exit 3, and starts once a kill -9 ended the first',
    async () => {
      const state = join(folder(), 'state.json');
      const first = await local(['--port', '0', '--state', state, '--domain', DOMAIN]);
      const second = await refused(['--state', state]);
      expect(second).toEqual({
        code: 3,
        stdout: '',
        stderr: `voiceid-local: the state file ${state} is in use by another voiceid-local (pid ${first.child.pid})\n`,
      });
      first.child.kill('SIGKILL');
      await first.exited;
      const third = await local(['--port', '0', '--state', state, '--domain', DOMAIN]);
      expect(third.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    },
    timeoutFor(4),
  ); // a start, a refused run, an exit, a start

  it(
    'refuses a state path it cannot write with exit 4 and one line',
    async () => {
      const dir = folder();
      writeFileSync(join(dir, 'a-file'), '');
      mkdirSync(join(dir, 'a-folder'));
      const cases: [string, RegExp][] = [
        [join(dir, 'missing', 'state.json'), /^voiceid-local: the folder of the state file .*\/missing\/state\.json does not exist\n$/],
        [join(dir, 'a-file', 'state.json'), /^voiceid-local: the folder of the state file .*\/a-file\/state\.json is not a folder\n$/],
        [join(dir, 'a-folder'), /^voiceid-local: the state file .*\/a-folder is a folder\n$/],
      ];
      const readOnly = unwritableFolder();
      if (readOnly)
        cases.push([
          join(readOnly, 'voiceid-state.json'),
          /^voiceid-local: cannot write in the folder of the state file .*voiceid-state\.json: E\w+: [^,\n]+\n$/,
        ]);
      for (const [state, message] of cases) {
        const result = await refused(['--state', state]);
        expect(result.code, state).toBe(4);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(message);
      }
    },
    timeoutFor(4),
  ); // up to four refused runs

  it(
    'stops with exit 4 and one line when a write fails, after a 500 to the start that waited for it, and loses no answered start',
    async () => {
      const state = join(folder(), 'state.json');
      const args = ['--port', '0', '--state', state, '--domain', DOMAIN, '--credentials', 'AKIDEXAMPLE:secretkey'];
      // Files of at most 64 blocks: the journal's append fails with EFBIG (SIGXFSZ ignored).
      const limited = ['/bin/sh', '-c', `trap '' XFSZ; ulimit -f 64; exec "$0" "$@"`];
      const p = await startLocalProcess(args, {}, limited);
      processes.push(p);
      let stderr = '';
      p.child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const client = localClient(p.url);
      const answered: string[] = [];
      let failure: { name?: string; $metadata?: { httpStatusCode?: number } } | undefined;
      for (let i = 0; failure === undefined; i += 1) {
        await client
          .send(new StartSpeakerEnrollmentJobCommand({ ...JOB, ClientToken: `fill-${i}` }))
          .then((r) => answered.push(r.Job?.JobId as string))
          .catch((error: typeof failure) => (failure = error));
      }
      client.destroy();
      // The write that fails is a start's (which then gets its 500) or the job runner's, in the
      // background (a job's progress); then the start under way finds the endpoint stopping and
      // its connection closed. Which one comes first depends on the machine's speed, not on the
      // endpoint: either way nothing answered is lost (below).
      const closed = /ECONNRESET|ECONNREFUSED|socket hang up|TimeoutError|EPIPE/.test(
        `${(failure as { name?: string })?.name} ${String((failure as { message?: string })?.message)} ${String((failure as { code?: string })?.code)}`,
      );
      if (!closed) expect(failure).toMatchObject({ name: 'InternalServerException', $metadata: { httpStatusCode: 500 } });
      expect(await p.exited).toBe(4);
      expect(stderr).toMatch(/^voiceid-local: cannot write the state file .*state\.json: EFBIG: file too large, write; stopping\n$/);
      const again = await local(args);
      const restarted = localClient(again.url);
      const saved = new Set<string | undefined>();
      let NextToken: string | undefined;
      do {
        const page = await restarted.send(new ListSpeakerEnrollmentJobsCommand({ DomainId: DOMAIN, MaxResults: 100, NextToken }));
        for (const job of page.JobSummaries ?? []) saved.add(job.JobId);
        NextToken = page.NextToken;
      } while (NextToken);
      restarted.destroy();
      expect(answered.length).toBeGreaterThan(0);
      expect(answered.filter((id) => !saved.has(id))).toEqual([]);
    },
    timeoutFor(5),
  ); // a start, the starts until one fails, the exit, a restart, a listing

  it(
    'refuses a damaged state file with exit 1 and one line, and leaves it as it was',
    async () => {
      const state = join(folder(), 'state.json');
      writeFileSync(state, '{"format":"voiceid-local-state","version":2,"seq":0,"records":1}\n["jobs"]\n');
      const result = await refused(['--state', state]);
      expect(result).toEqual({
        code: 1,
        stdout: '',
        stderr: `voiceid-local: the state file ${state} is damaged at line 2: not a record [collection, key, value] (move the state files away to start empty)\n`,
      });
      expect(existsSync(`${state}.journal`)).toBe(false);
    },
    timeoutFor(1),
  );
});
