// A whole fraudster registration batch with a watchlist, with each store (--s3-dir, and
// --s3-endpoint-url against s3rver): duplicates skipped (of a fraudster already known and within
// the file), REGISTER_AS_NEW, the default watchlist, bad requests, and an enrollment job whose
// fraud check looks in that watchlist. Then Start's idempotency, List's filter and pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListFraudsterRegistrationJobsCommand, StartFraudsterRegistrationJobCommand, StartSpeakerEnrollmentJobCommand } from '@aws-sdk/client-voice-id';
import { addFraudster, addWatchlist, harness, IN, OUT, outputOf, putAudio, ROLE, STORES, waitForEnd, type Harness } from '../helpers/job-harness.js';
import { wav } from '../helpers/wav.js';

const DOMAIN = 'fraudDomain01234567890';
const DEFAULT = 'defaultWatchlist012345';
const WATCH = 'nightWatchlist01234567';

async function register(h: Harness, name: string, requests: unknown[], RegistrationConfig?: object, ClientToken?: string) {
  await h.fixture.put(IN, `manifests/${name}`, JSON.stringify({ Version: '1.0', FraudsterRegistrationRequests: requests }));
  const { Job } = await h.client.send(
    new StartFraudsterRegistrationJobCommand({
      DomainId: DOMAIN,
      DataAccessRoleArn: ROLE,
      InputDataConfig: { S3Uri: `s3://${IN}/manifests/${name}` },
      OutputDataConfig: { S3Uri: `s3://${OUT}/fraud` },
      ...(RegistrationConfig ? { RegistrationConfig } : {}),
      ...(ClientToken ? { ClientToken } : {}),
    }),
  );
  const job = await waitForEnd(h, 'fraudster', DOMAIN, Job?.JobId as string);
  return { job, output: await outputOf(h, 'fraud', Job?.JobId as string, name) };
}

const fraudstersOf = (h: Harness) => [...h.emulator.state.values('fraudsters')].filter((f) => f.DomainId === DOMAIN);

describe.each(STORES)('a fraudster registration batch with %s', (_label, makeStore) => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(makeStore, [DOMAIN]);
    addWatchlist(h, DOMAIN, DEFAULT, true);
    addWatchlist(h, DOMAIN, WATCH);
    addFraudster(h, DOMAIN, 'knownFraudster01234567', 500, [DEFAULT]);
  });
  afterAll(async () => h.close());

  it('registers new fraudsters into the watchlist, skips duplicates, reports bad requests', async () => {
    const requests: unknown[] = [];
    for (let i = 0; i < 10; i++) requests.push({ RequestId: `f${i}`, AudioSpecifications: [await putAudio(h, `f${i}.wav`, wav({ seed: 600 + i }))] });
    requests.push(
      { RequestId: 'known', AudioSpecifications: [await putAudio(h, 'known.wav', wav({ seed: 500 }))] },
      { RequestId: 'again', AudioSpecifications: [await putAudio(h, 'again.wav', wav({ seed: 600 }))] },
      { RequestId: 'eight-bit', AudioSpecifications: [await putAudio(h, 'eight.wav', wav({ seed: 1, bits: 8 }))] },
      { RequestId: 'no-audio', AudioSpecifications: [] },
      { RequestId: 'three-channels', AudioSpecifications: [await putAudio(h, 'three.wav', wav({ seed: 1, channels: 3 }))] },
      { RequestId: 'missing', AudioSpecifications: [{ S3Uri: `s3://${IN}/audio/none.wav`, ChannelId: 0 }] },
    );
    const { job, output } = await register(h, 'fraud.json', requests, { WatchlistIds: [WATCH] });
    expect(job).toMatchObject({ JobStatus: 'COMPLETED_WITH_ERRORS', RegistrationConfig: { WatchlistIds: [WATCH] }, JobProgress: { PercentComplete: 100 } });
    expect(Object.keys(output)).toEqual(['Version', 'Errors', 'SuccessfulRegistrations']);
    expect((output.Errors as { RequestId: string; ErrorCode: number }[]).map((e) => [e.RequestId, e.ErrorCode])).toEqual([
      ['eight-bit', 400],
      ['no-audio', 400],
      ['three-channels', 400],
      ['missing', 404],
    ]);
    const done = output.SuccessfulRegistrations as {
      RequestId: string;
      GeneratedFraudsterId: string;
      RegistrationStatus: string;
      FraudsterSimilarityScore?: number;
    }[];
    expect(done.map((r) => [r.RequestId, r.RegistrationStatus])).toEqual([
      ...Array.from({ length: 10 }, (_, i) => [`f${i}`, 'NEW_REGISTRATION']),
      ['known', 'DUPLICATE_SKIPPED'],
      ['again', 'DUPLICATE_SKIPPED'],
    ]);
    expect(done[10]).toEqual({
      RequestId: 'known',
      GeneratedFraudsterId: 'knownFraudster01234567',
      RegistrationStatus: 'DUPLICATE_SKIPPED',
      FraudsterSimilarityScore: 100,
    });
    expect(done[11]?.GeneratedFraudsterId).toBe(done[0]?.GeneratedFraudsterId);
    expect(done.slice(0, 10).every((r) => (r.FraudsterSimilarityScore ?? 0) < 30)).toBe(true);
    const fraudsters = fraudstersOf(h);
    expect(fraudsters).toHaveLength(11);
    const added = fraudsters.filter((f) => f.GeneratedFraudsterId !== 'knownFraudster01234567');
    expect(added.every((f) => f.WatchlistIds.length === 1 && f.WatchlistIds[0] === WATCH)).toBe(true);
    expect(new Set(added.map((f) => f.GeneratedFraudsterId))).toEqual(new Set(done.slice(0, 10).map((r) => r.GeneratedFraudsterId)));
  });

  it('registers a duplicate as new with REGISTER_AS_NEW, into the default watchlist', async () => {
    const { job, output } = await register(h, 'as-new.json', [{ RequestId: 'n', AudioSpecifications: [await putAudio(h, 'n.wav', wav({ seed: 500 }))] }], {
      DuplicateRegistrationAction: 'REGISTER_AS_NEW',
    });
    expect(job.JobStatus).toBe('COMPLETED');
    expect(output.SuccessfulRegistrations).toMatchObject([{ RequestId: 'n', RegistrationStatus: 'NEW_REGISTRATION', FraudsterSimilarityScore: 100 }]);
    const id = (output.SuccessfulRegistrations?.[0] as { GeneratedFraudsterId?: string } | undefined)?.GeneratedFraudsterId;
    expect(h.emulator.state.get('fraudsters', `${DOMAIN}/${id}`)?.WatchlistIds).toEqual([DEFAULT]);
  });

  it("checks an enrollment against the fraudsters of the job's watchlist", async () => {
    const audio = await putAudio(h, 'speaker-601.wav', wav({ seed: 601 }));
    const start = async (SpeakerId: string, WatchlistIds: string[]) => {
      const manifest = { Version: '1.0', SpeakerEnrollmentRequests: [{ RequestId: 'e', SpeakerId, AudioSpecifications: [audio] }] };
      await h.fixture.put(IN, `manifests/${SpeakerId}.json`, JSON.stringify(manifest));
      const { Job } = await h.client.send(
        new StartSpeakerEnrollmentJobCommand({
          DomainId: DOMAIN,
          DataAccessRoleArn: ROLE,
          InputDataConfig: { S3Uri: `s3://${IN}/manifests/${SpeakerId}.json` },
          OutputDataConfig: { S3Uri: `s3://${OUT}/enroll` },
          EnrollmentConfig: { FraudDetectionConfig: { WatchlistIds } },
        }),
      );
      const job = await waitForEnd(h, 'speaker', DOMAIN, Job?.JobId as string);
      return { job, output: await outputOf(h, 'enroll', Job?.JobId as string, `${SpeakerId}.json`) };
    };
    // The voice is that of fraudster f1, of WATCH: unknown in the default watchlist, refused in WATCH.
    const inDefault = await start('e-1', [DEFAULT]);
    expect(inDefault.job.JobStatus).toBe('COMPLETED');
    expect(inDefault.output.SuccessfulEnrollments).toMatchObject([
      { RequestId: 'e', EnrollmentStatus: 'NEW_ENROLLMENT', FraudDetectionResult: { FraudDetectionDecision: 'LOW_RISK' } },
    ]);
    const inWatch = await start('e-2', [WATCH]);
    expect(inWatch.job.JobStatus).toBe('COMPLETED_WITH_ERRORS');
    expect(inWatch.output).toMatchObject({ Errors: [{ RequestId: 'e', ErrorCode: 409 }], SuccessfulEnrollments: [] });
    expect([...h.emulator.state.values('speakers')].map((s) => s.CustomerSpeakerId)).toEqual(['e-1']);
  });

  it('answers ResourceNotFoundException for a watchlist the domain does not have', async () => {
    const error = await h.client
      .send(
        new StartFraudsterRegistrationJobCommand({
          DomainId: DOMAIN,
          DataAccessRoleArn: ROLE,
          InputDataConfig: { S3Uri: `s3://${IN}/x.json` },
          OutputDataConfig: { S3Uri: `s3://${OUT}/x` },
          RegistrationConfig: { WatchlistIds: ['noSuchWatchlist0123456'] },
        }),
      )
      .catch((e: { name: string; message: string; ResourceType?: string }) => e);
    expect(error).toMatchObject({
      name: 'ResourceNotFoundException',
      ResourceType: 'WATCHLIST',
      message: 'Watchlist with ID noSuchWatchlist0123456 does not exist.',
    });
  });

  it('is idempotent with ClientToken, lists by JobStatus and in pages', async () => {
    const audio = await putAudio(h, 'idem.wav', wav({ seed: 700 }));
    const one = await register(h, 'idem.json', [{ RequestId: 'i', AudioSpecifications: [audio] }], undefined, 'token-1');
    const two = await register(h, 'idem.json', [{ RequestId: 'i', AudioSpecifications: [audio] }], undefined, 'token-1');
    expect(two.job.JobId).toBe(one.job.JobId);
    const all: string[] = [];
    let NextToken: string | undefined;
    do {
      const out = await h.client.send(new ListFraudsterRegistrationJobsCommand({ DomainId: DOMAIN, MaxResults: 2, NextToken }));
      all.push(...(out.JobSummaries ?? []).map((j) => j.JobId as string));
      NextToken = out.NextToken;
    } while (NextToken);
    expect(all).toHaveLength(3);
    expect(all[2]).toBe(one.job.JobId);
    const withErrors = await h.client.send(new ListFraudsterRegistrationJobsCommand({ DomainId: DOMAIN, JobStatus: 'COMPLETED_WITH_ERRORS' }));
    expect(withErrors.JobSummaries?.map((j) => j.JobStatus)).toEqual(['COMPLETED_WITH_ERRORS']);
    expect(Object.keys(withErrors.JobSummaries?.[0] ?? {}).sort()).toEqual(['CreatedAt', 'DomainId', 'EndedAt', 'JobId', 'JobProgress', 'JobStatus']);
  });
});
