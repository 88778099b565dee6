// What the job tests share: an emulator over one of the two stores (s3-fixture.ts), the JS SDK
// client, manifests, waiting for a job to end (polling Describe, never a guessed sleep), and the
// records a test puts straight into the state (watchlists, fraudsters) where no operation of this
// branch makes them.
import { DescribeFraudsterRegistrationJobCommand, DescribeSpeakerEnrollmentJobCommand, type VoiceIDClient } from '@aws-sdk/client-voice-id';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { fraudsterKey, watchlistKey } from '../../src/emulator/records.js';
import { voiceprintOf } from '../../src/emulator/voiceprint.js';
import { localClient } from './voiceid-client.js';
import { dirFixture, s3rverFixture, type S3Fixture } from './s3-fixture.js';
import { wav } from './wav.js';

export const IN = 'voiceid-in';
export const OUT = 'voiceid-out';
export const ROLE = 'arn:aws:iam::123456789012:role/VoiceIdRole';

export const STORES: readonly [string, () => Promise<S3Fixture>][] = [
  ['--s3-dir', async () => dirFixture([IN, OUT])],
  ['--s3-endpoint-url (s3rver)', () => s3rverFixture([IN, OUT])],
];

export interface Harness {
  readonly fixture: S3Fixture;
  readonly emulator: Emulator;
  readonly client: VoiceIDClient;
  close(): Promise<void>;
}

export async function harness(makeStore: () => Promise<S3Fixture>, domains: readonly string[]): Promise<Harness> {
  const fixture = await makeStore();
  const emulator = await startEmulator({
    credentials: new Map([['AKIDEXAMPLE', 'secretkey']]),
    domains,
    s3: fixture.options,
    timing: { submittedMs: 0, durationMs: 0 },
  });
  const client = localClient(emulator.url);
  return {
    fixture,
    emulator,
    client,
    close: async () => {
      client.destroy();
      await emulator.close();
      await fixture.close();
    },
  };
}

/** An audio spec of the manifest for a file put at s3://voiceid-in/audio/<name>. */
export async function putAudio(h: Harness, name: string, body: Buffer, ChannelId = 0): Promise<{ S3Uri: string; ChannelId: number }> {
  await h.fixture.put(IN, `audio/${name}`, body);
  return { S3Uri: `s3://${IN}/audio/${name}`, ChannelId };
}

const ENDED = new Set(['COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED']);
type Job = { JobId?: string; JobStatus?: string; [k: string]: unknown };

/** Polls Describe until the job has ended (a short interval: the test waits for the event). */
export async function waitForEnd(h: Harness, kind: 'speaker' | 'fraudster', DomainId: string, JobId: string): Promise<Job> {
  for (;;) {
    const out =
      kind === 'speaker'
        ? await h.client.send(new DescribeSpeakerEnrollmentJobCommand({ DomainId, JobId }))
        : await h.client.send(new DescribeFraudsterRegistrationJobCommand({ DomainId, JobId }));
    const job = out.Job as Job;
    if (ENDED.has(job.JobStatus ?? '')) return job;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The output file of a job, parsed. */
export async function outputOf(h: Harness, prefix: string, jobId: string, manifestName: string): Promise<Record<string, unknown[]>> {
  const text = await h.fixture.get(OUT, `${prefix}/${jobId}/${manifestName}.out`);
  if (text === undefined) throw new Error(`no output file ${prefix}/${jobId}/${manifestName}.out`);
  return JSON.parse(text) as Record<string, unknown[]>;
}

/** A watchlist put straight into the state; `asDefault` makes it the domain's default one. */
export function addWatchlist(h: Harness, DomainId: string, WatchlistId: string, asDefault = false): void {
  const now = Date.now();
  const domain = h.emulator.state.get('domains', DomainId);
  if (!domain) throw new Error(`no domain ${DomainId}`);
  h.emulator.state.commit([
    {
      collection: 'watchlists',
      key: watchlistKey(DomainId, WatchlistId),
      value: { DomainId, WatchlistId, Name: WatchlistId, DefaultWatchlist: asDefault, CreatedAt: now, UpdatedAt: now },
    },
    ...(asDefault ? [{ collection: 'domains' as const, key: DomainId, value: { ...domain, DefaultWatchlistId: WatchlistId } }] : []),
  ]);
}

/** A fraudster put straight into the state, with the voice print of wav({seed}). */
export function addFraudster(h: Harness, DomainId: string, GeneratedFraudsterId: string, seed: number, WatchlistIds: string[]): void {
  const voiceprint = voiceprintOf([wav({ seed }).subarray(44)]);
  h.emulator.state.commit([
    {
      collection: 'fraudsters',
      key: fraudsterKey(DomainId, GeneratedFraudsterId),
      value: { DomainId, GeneratedFraudsterId, CreatedAt: Date.now(), WatchlistIds, voiceprint },
    },
  ]);
}
