// kill -9 loses no answered job: voiceid-local is killed in the middle of a burst of starts
// (with compactions asked for all along), at a random answer, several times over on the same
// state file; and killed by itself (VOICEID_LOCAL_KILL_AT) at each point of the journal's
// writes and of a compaction. Each time a restart on the same file must hold every job that
// was answered. The kills are placed by events (the Nth answer, a failpoint), never by time.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListSpeakerEnrollmentJobsCommand, StartSpeakerEnrollmentJobCommand, type VoiceIDClient } from '@aws-sdk/client-voice-id';
import { FAILPOINTS } from '../../src/emulator/state-file.js';
import { startLocalProcess, type LocalProcess } from '../helpers/local-process.js';
import { timeoutFor } from '../helpers/budget.js';
import { localClient } from '../helpers/voiceid-client.js';

const DOMAIN = 'abcdefghij0123456789AB';
const JOB = {
  DomainId: DOMAIN,
  DataAccessRoleArn: 'arn:aws:iam::123456789012:role/VoiceIdRole',
  InputDataConfig: { S3Uri: 's3://voiceid-input/manifest.json' },
  OutputDataConfig: { S3Uri: 's3://voiceid-output/results' },
  JobName: 'crash-test',
};

const processes: LocalProcess[] = [];
const clients: VoiceIDClient[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
  for (const p of processes.splice(0)) p.child.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function stateFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'voiceid-crash-'));
  dirs.push(dir);
  return join(dir, 'state.json');
}

async function local(state: string, env: Record<string, string> = {}): Promise<{ p: LocalProcess; client: VoiceIDClient }> {
  const p = await startLocalProcess(['--port', '0', '--state', state, '--domain', DOMAIN, '--credentials', 'AKIDEXAMPLE:secretkey'], env);
  processes.push(p);
  const client = localClient(p.url);
  clients.push(client);
  return { p, client };
}

async function savedJobs(client: VoiceIDClient): Promise<Set<string>> {
  const ids = new Set<string>();
  let NextToken: string | undefined;
  do {
    const page = await client.send(new ListSpeakerEnrollmentJobsCommand({ DomainId: DOMAIN, MaxResults: 100, NextToken }));
    for (const job of page.JobSummaries ?? []) ids.add(job.JobId as string);
    NextToken = page.NextToken;
  } while (NextToken);
  return ids;
}

interface Burst {
  /** The JobIds answered (also those answered after the kill, already on their way). */
  readonly answered: string[];
  /** Settles once every call has an answer or an error. */
  readonly settled: Promise<unknown>;
}

/**
 * `count` concurrent starts with distinct tokens; `onAnswer(n)` is called at the nth answer.
 * Compactions are asked for one after the other until the burst settles (or the process ends).
 */
function burst(url: string, client: VoiceIDClient, prefix: string, count: number, onAnswer: (n: number) => void, compacting: boolean): Burst {
  const answered: string[] = [];
  let done = false;
  const calls = Array.from({ length: count }, (_, i) =>
    client
      .send(new StartSpeakerEnrollmentJobCommand({ ...JOB, ClientToken: `${prefix}-${i}` }))
      .then((r) => {
        answered.push(r.Job?.JobId as string);
        onAnswer(answered.length);
      })
      .catch(() => undefined),
  );
  const compactions = (async () => {
    while (compacting && !done) {
      const ok = await fetch(`${url}/__voiceid-local/compact`, { method: 'POST' }).then(
        (r) => r.ok,
        () => false,
      );
      if (!ok) return;
    }
  })();
  const settled = Promise.all(calls).then(() => {
    done = true;
    return compactions;
  });
  return { answered, settled };
}

const ROUNDS = 10;
const BURST = 150;

describe('kill -9 during a burst of starts', () => {
  it(
    `keeps every answered job through ${ROUNDS} kills at random answers, with compactions running`,
    async () => {
      const state = stateFile();
      const answered: string[] = [];
      const kills: number[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        const { p, client } = await local(state);
        const saved = await savedJobs(client);
        expect(
          answered.filter((id) => !saved.has(id)),
          `lost after the kills at answers ${kills.join(', ')}`,
        ).toEqual([]);
        const killAt = 1 + Math.floor(Math.random() * (BURST - 50));
        kills.push(killAt);
        const round$ = burst(p.url, client, `round${round}`, BURST, (n) => n === killAt && p.child.kill('SIGKILL'), true);
        await round$.settled;
        expect(await p.exited).toBe('SIGKILL');
        answered.push(...round$.answered);
        expect(round$.answered.length).toBeGreaterThanOrEqual(killAt);
      }
      const { client } = await local(state);
      const saved = await savedJobs(client);
      expect(
        answered.filter((id) => !saved.has(id)),
        `lost after the kills at answers ${kills.join(', ')}`,
      ).toEqual([]);
    },
    timeoutFor(4 * (ROUNDS + 1)),
  ); // per round: a start, a listing, the burst, the exit
});

// The failpoints: the nth time the state reaches a point, the process kills itself there. The
// journal's points at its 5th write (of at least 8: the domain's, and 400 starts at most 50 at
// a time); a compaction is asked for at the 150th answer of 400 (a snapshot of more than one
// 64 KiB chunk), while the other starts go on.
const POINTS: readonly string[] = FAILPOINTS.map((point) => (point.startsWith('journal:') ? `${point}@5` : point));

describe('kill -9 at each point of the writes', () => {
  it.each(POINTS)(
    'keeps every answered job when killed at %s',
    async (point) => {
      const state = stateFile();
      const { p, client } = await local(state, { VOICEID_LOCAL_KILL_AT: point });
      const compact = () => void fetch(`${p.url}/__voiceid-local/compact`, { method: 'POST' }).catch(() => undefined);
      const killed = burst(p.url, client, 'point', 400, (n) => n === 150 && compact(), false);
      await killed.settled;
      expect(await p.exited).toBe('SIGKILL');
      const again = await local(state);
      const saved = await savedJobs(again.client);
      expect(killed.answered.filter((id) => !saved.has(id))).toEqual([]);
      // And it goes on: a compaction and a start on the recovered files.
      await again.client.send(new StartSpeakerEnrollmentJobCommand({ ...JOB, ClientToken: 'after' }));
      expect((await fetch(`${again.p.url}/__voiceid-local/compact`, { method: 'POST' })).ok).toBe(true);
    },
    timeoutFor(7),
  ); // a start, the burst, the exit, a restart, a listing, a start, a compaction
});
