// The local endpoint under load: 200 concurrent StartSpeakerEnrollmentJob calls, distinct
// tokens → 200 jobs, one token → one job; and a kill -9 in the middle of a burst leaves state
// files that a restart opens with every job that was answered.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListSpeakerEnrollmentJobsCommand, StartSpeakerEnrollmentJobCommand, type VoiceIDClient } from '@aws-sdk/client-voice-id';
import { timeoutFor } from '../helpers/budget.js';
import { startLocalProcess, type LocalProcess } from '../helpers/local-process.js';
import { localClient } from '../helpers/voiceid-client.js';

const DOMAIN = 'abcdefghij0123456789AB';
const JOB = {
  DomainId: DOMAIN,
  DataAccessRoleArn: 'arn:aws:iam::123456789012:role/VoiceIdRole',
  InputDataConfig: { S3Uri: 's3://voiceid-input/manifest.json' },
  OutputDataConfig: { S3Uri: 's3://voiceid-output/results' },
};
const BURST = 200;

const processes: LocalProcess[] = [];
const dirs: string[] = [];
const clients: VoiceIDClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const p of processes.splice(0)) p.child.kill('SIGKILL');
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function start(existing?: string): Promise<{ p: LocalProcess; client: VoiceIDClient; state: string }> {
  let state = existing;
  if (!state) {
    const dir = await mkdtemp(join(tmpdir(), 'voiceid-load-'));
    dirs.push(dir);
    state = join(dir, 'state.json');
  }
  const p = await startLocalProcess(['--port', '0', '--state', state, '--domain', DOMAIN, '--credentials', 'AKIDEXAMPLE:secretkey']);
  processes.push(p);
  const client = localClient(p.url);
  clients.push(client);
  return { p, client, state };
}

async function allJobs(client: VoiceIDClient): Promise<string[]> {
  const ids: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await client.send(new ListSpeakerEnrollmentJobsCommand({ DomainId: DOMAIN, MaxResults: 100, NextToken }));
    ids.push(...(page.JobSummaries ?? []).map((j) => j.JobId as string));
    NextToken = page.NextToken;
  } while (NextToken);
  return ids;
}

describe('voiceid-local under load', () => {
  it(
    `gives ${BURST} jobs for ${BURST} concurrent calls with distinct tokens`,
    async () => {
      const { client } = await start();
      const results = await Promise.all(
        Array.from({ length: BURST }, (_, i) => client.send(new StartSpeakerEnrollmentJobCommand({ ...JOB, ClientToken: `distinct-${i}` }))),
      );
      expect(new Set(results.map((r) => r.Job?.JobId)).size).toBe(BURST);
      expect((await allJobs(client)).length).toBe(BURST);
    },
    timeoutFor(3),
  ); // a start, the burst, the listing

  it(
    `gives one job for the same token ${BURST} times`,
    async () => {
      const { client } = await start();
      const results = await Promise.all(
        Array.from({ length: BURST }, () => client.send(new StartSpeakerEnrollmentJobCommand({ ...JOB, ClientToken: 'the-same-token' }))),
      );
      expect(new Set(results.map((r) => r.Job?.JobId)).size).toBe(1);
      expect(await allJobs(client)).toHaveLength(1);
    },
    timeoutFor(3),
  ); // a start, the burst, the listing

  it(
    'keeps every answered job through a kill -9 in the middle of a burst',
    async () => {
      const { p, client, state } = await start();
      const answered: string[] = [];
      // Killed by the answer that makes 20: some calls were answered, the others are still in flight
      // (the client keeps at most 50 of them on the wire, so at most 70 can have been answered).
      const calls = Array.from({ length: BURST }, (_, i) =>
        client
          .send(new StartSpeakerEnrollmentJobCommand({ ...JOB, ClientToken: `kill-${i}` }))
          .then((r) => {
            answered.push(r.Job?.JobId as string);
            if (answered.length === 20) p.child.kill('SIGKILL');
          })
          .catch(() => undefined),
      );
      await Promise.all(calls);
      await p.exited;
      expect(answered.length).toBeGreaterThanOrEqual(20);
      expect(answered.length).toBeLessThan(BURST);
      const restarted = await start(state);
      const saved = new Set(await allJobs(restarted.client));
      expect(answered.filter((id) => !saved.has(id))).toEqual([]);
    },
    timeoutFor(5),
  ); // a start, the burst, the exit, a restart, the listing
});
