// A whole speaker enrollment batch, with each store (--s3-dir, and --s3-endpoint-url against
// s3rver): the manifest and WAV files are put in the store, the job is started with the JS SDK and
// polled until it ends, the output file is read back, and the enrolled speakers are in the state
// (and in ListSpeakers where this branch serves it). 20 new speakers, bad requests of each kind,
// an existing speaker skipped (SKIP), another overwritten (OVERWRITE), a known fraudster refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StartSpeakerEnrollmentJobCommand } from '@aws-sdk/client-voice-id';
import { OPERATIONS } from '../../src/emulator/operations.js';
import { addFraudster, addWatchlist, harness, IN, OUT, outputOf, putAudio, ROLE, STORES, waitForEnd, type Harness } from '../helpers/job-harness.js';
import { wav } from '../helpers/wav.js';

const DOMAIN = 'enrollDomain0123456789';
const OTHER = 'enrollDomainB123456789';
const THIRD = 'enrollDomainC123456789';

async function enroll(h: Harness, DomainId: string, name: string, requests: unknown[], EnrollmentConfig?: object) {
  await h.fixture.put(IN, `manifests/${name}`, JSON.stringify({ Version: '1.0', SpeakerEnrollmentRequests: requests }));
  const { Job } = await h.client.send(
    new StartSpeakerEnrollmentJobCommand({
      DomainId,
      JobName: name.replace(/\W/g, '-'),
      DataAccessRoleArn: ROLE,
      InputDataConfig: { S3Uri: `s3://${IN}/manifests/${name}` },
      OutputDataConfig: { S3Uri: `s3://${OUT}/results/` },
      ...(EnrollmentConfig ? { EnrollmentConfig } : {}),
    }),
  );
  const ended = await waitForEnd(h, 'speaker', DomainId, Job?.JobId as string);
  const output = ended.JobStatus === 'FAILED' ? {} : await outputOf(h, 'results', Job?.JobId as string, name);
  return { job: ended, output };
}

const speakersOf = (h: Harness, DomainId: string) => [...h.emulator.state.values('speakers')].filter((s) => s.DomainId === DomainId);

describe.each(STORES)('a speaker enrollment batch with %s', (_label, makeStore) => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(makeStore, [DOMAIN, OTHER, THIRD]);
    addWatchlist(h, DOMAIN, 'defaultWatchlist012345', true);
    addFraudster(h, DOMAIN, 'knownFraudster01234567', 999, ['defaultWatchlist012345']);
  });
  afterAll(async () => h.close());

  it('enrolls 20 speakers, reports the bad requests, skips and overwrites existing speakers', async () => {
    const first = await enroll(h, DOMAIN, 'existing.json', [
      { RequestId: 'pre-1', SpeakerId: 'existing-skip', AudioSpecifications: [await putAudio(h, 'pre-1.wav', wav({ seed: 1001 }))] },
      { RequestId: 'pre-2', SpeakerId: 'existing-over', AudioSpecifications: [await putAudio(h, 'pre-2.wav', wav({ seed: 1002 }))] },
    ]);
    expect(first.job).toMatchObject({ JobStatus: 'COMPLETED', JobProgress: { PercentComplete: 100 } });
    const before = new Map(speakersOf(h, DOMAIN).map((s) => [s.CustomerSpeakerId, s]));

    const requests: unknown[] = [];
    for (let i = 1; i <= 20; i++) {
      // Speaker 20 speaks on the second channel of a stereo file.
      const audio = i === 20 ? await putAudio(h, 's20.wav', wav({ seed: 20, channels: 2 }), 1) : await putAudio(h, `s${i}.wav`, wav({ seed: i }));
      requests.push({
        RequestId: `r${i}`,
        SpeakerId: `speaker-${i}`,
        AudioSpecifications: [audio, ...(i === 3 ? [await putAudio(h, 's3b.wav', wav({ seed: 33 }))] : [])],
      });
    }
    const good = await putAudio(h, 'good.wav', wav({ seed: 77 }));
    requests.push(
      { RequestId: 'skip', SpeakerId: 'existing-skip', AudioSpecifications: [await putAudio(h, 'skip.wav', wav({ seed: 2001 }))] },
      { RequestId: 'no-speaker', AudioSpecifications: [good] },
      { RequestId: 'eleven-files', SpeakerId: 'x-11', AudioSpecifications: Array.from({ length: 11 }, () => good) },
      { RequestId: 'cd-audio', SpeakerId: 'x-cd', AudioSpecifications: [await putAudio(h, 'cd.wav', wav({ seed: 5, rate: 44100 }))] },
      { RequestId: 'float', SpeakerId: 'x-float', AudioSpecifications: [await putAudio(h, 'float.wav', wav({ seed: 5, format: 3 }))] },
      { RequestId: 'mono-ch1', SpeakerId: 'x-ch1', AudioSpecifications: [{ ...good, ChannelId: 1 }] },
      { RequestId: 'missing', SpeakerId: 'x-missing', AudioSpecifications: [{ S3Uri: `s3://${IN}/audio/none.wav`, ChannelId: 0 }] },
      { RequestId: 'not-wav', SpeakerId: 'x-text', AudioSpecifications: [await putAudio(h, 'text.wav', Buffer.from('not audio'))] },
      { RequestId: 'fraudster', SpeakerId: 'x-fraud', AudioSpecifications: [await putAudio(h, 'fraud.wav', wav({ seed: 999 }))] },
    );
    const { job, output } = await enroll(h, DOMAIN, 'batch.json', requests);
    expect(job).toMatchObject({ JobStatus: 'COMPLETED_WITH_ERRORS', JobProgress: { PercentComplete: 100 } });
    expect(job.FailureDetails).toBeUndefined();
    expect(Object.keys(output)).toEqual(['Version', 'Errors', 'SuccessfulEnrollments']);
    expect(output.Version).toBe('1.0');
    const errors = output.Errors as { RequestId: string; ErrorCode: number; ErrorMessage: string }[];
    expect(errors.map((e) => [e.RequestId, e.ErrorCode])).toEqual([
      ['no-speaker', 400],
      ['eleven-files', 400],
      ['cd-audio', 400],
      ['float', 400],
      ['mono-ch1', 400],
      ['missing', 404],
      ['not-wav', 400],
      ['fraudster', 409],
    ]);
    expect(errors.find((e) => e.RequestId === 'cd-audio')?.ErrorMessage).toMatch(/44100 Hz, not 8 kHz/);
    expect(errors.find((e) => e.RequestId === 'fraudster')?.ErrorMessage).toMatch(/knownFraudster01234567 with a risk score of 100/);
    const enrolled = output.SuccessfulEnrollments as {
      RequestId: string;
      GeneratedSpeakerId: string;
      EnrollmentStatus: string;
      FraudDetectionResult?: object;
    }[];
    expect(enrolled.map((e) => e.RequestId)).toEqual([...Array.from({ length: 20 }, (_, i) => `r${i + 1}`), 'skip']);
    expect(enrolled.slice(0, 20).every((e) => e.EnrollmentStatus === 'NEW_ENROLLMENT' && /^[a-zA-Z0-9]{22}$/.test(e.GeneratedSpeakerId))).toBe(true);
    expect(enrolled[0]?.FraudDetectionResult).toEqual({
      FraudDetectionAction: 'FAIL',
      FraudDetectionDecision: 'LOW_RISK',
      FraudDetectionReasons: [],
      RiskDetails: { KnownFraudsterRisk: { GeneratedFraudsterId: 'knownFraudster01234567', RiskScore: expect.any(Number) } },
    });
    expect(enrolled[20]).toEqual({
      RequestId: 'skip',
      GeneratedSpeakerId: before.get('existing-skip')?.GeneratedSpeakerId,
      EnrollmentStatus: 'DUPLICATE_SKIPPED',
    });
    expect(h.emulator.state.get('speakers', `${DOMAIN}/${before.get('existing-skip')?.GeneratedSpeakerId}`)?.voiceprint).toBe(
      before.get('existing-skip')?.voiceprint,
    );

    const over = await enroll(
      h,
      DOMAIN,
      'overwrite.json',
      [{ RequestId: 'o', SpeakerId: 'existing-over', AudioSpecifications: [await putAudio(h, 'o.wav', wav({ seed: 3003 }))] }],
      {
        ExistingEnrollmentAction: 'OVERWRITE',
      },
    );
    expect(over.job.JobStatus).toBe('COMPLETED');
    const overwritten = before.get('existing-over');
    expect(over.output.SuccessfulEnrollments).toMatchObject([
      { RequestId: 'o', GeneratedSpeakerId: overwritten?.GeneratedSpeakerId, EnrollmentStatus: 'OVERWRITTEN' },
    ]);
    const now = h.emulator.state.get('speakers', `${DOMAIN}/${overwritten?.GeneratedSpeakerId}`);
    expect(now?.voiceprint).not.toBe(overwritten?.voiceprint);
    expect(now?.CreatedAt).toBe(overwritten?.CreatedAt);

    const speakers = speakersOf(h, DOMAIN);
    expect(speakers).toHaveLength(22);
    expect(new Set(speakers.map((s) => s.CustomerSpeakerId))).toEqual(
      new Set(['existing-skip', 'existing-over', ...Array.from({ length: 20 }, (_, i) => `speaker-${i + 1}`)]),
    );
    expect(speakers.every((s) => s.Status === 'ENROLLED')).toBe(true);
    if (Object.hasOwn(OPERATIONS, 'ListSpeakers')) {
      const { ListSpeakersCommand } = await import('@aws-sdk/client-voice-id');
      const listed = await h.client.send(new ListSpeakersCommand({ DomainId: DOMAIN, MaxResults: 100 }));
      expect(listed.SpeakerSummaries?.map((s) => s.CustomerSpeakerId).sort()).toEqual(speakers.map((s) => s.CustomerSpeakerId).sort());
    }
  });

  it('enrolls a high-risk speaker with FraudDetectionAction IGNORE, and refuses an opted-out one', async () => {
    const optedOut = {
      DomainId: DOMAIN,
      GeneratedSpeakerId: 'optedOutSpeaker0123456',
      CustomerSpeakerId: 'gone',
      Status: 'OPTED_OUT' as const,
      CreatedAt: 1,
      UpdatedAt: 1,
    };
    h.emulator.state.commit([{ collection: 'speakers', key: `${DOMAIN}/${optedOut.GeneratedSpeakerId}`, value: optedOut }]);
    const { job, output } = await enroll(
      h,
      DOMAIN,
      'ignore.json',
      [
        { RequestId: 'risky', SpeakerId: 'risky', AudioSpecifications: [await putAudio(h, 'risky.wav', wav({ seed: 999 }))] },
        { RequestId: 'gone', SpeakerId: 'gone', AudioSpecifications: [await putAudio(h, 'gone.wav', wav({ seed: 4 }))] },
      ],
      { FraudDetectionConfig: { FraudDetectionAction: 'IGNORE', RiskThreshold: 90 } },
    );
    expect(job.JobStatus).toBe('COMPLETED_WITH_ERRORS');
    expect(output.SuccessfulEnrollments).toMatchObject([
      {
        RequestId: 'risky',
        EnrollmentStatus: 'NEW_ENROLLMENT',
        FraudDetectionResult: {
          FraudDetectionAction: 'IGNORE',
          FraudDetectionDecision: 'HIGH_RISK',
          FraudDetectionReasons: ['KNOWN_FRAUDSTER'],
          RiskDetails: { KnownFraudsterRisk: { GeneratedFraudsterId: 'knownFraudster01234567', RiskScore: 100 } },
        },
      },
    ]);
    expect(output.Errors).toMatchObject([{ RequestId: 'gone', ErrorCode: 409 }]);
    expect(h.emulator.state.get('speakers', `${DOMAIN}/${optedOut.GeneratedSpeakerId}`)).toEqual(optedOut);
  });

  it('writes the same output for the same input, but for the generated ids', async () => {
    const requests = [
      { RequestId: 'a', SpeakerId: 'same-a', AudioSpecifications: [await putAudio(h, 'same-a.wav', wav({ seed: 71 }))] },
      { RequestId: 'b', SpeakerId: 'same-b', AudioSpecifications: [await putAudio(h, 'same-b.wav', wav({ seed: 72, bits: 8 }))] },
    ];
    // Two domains alike (no speakers, no fraudsters): the same manifest gives the same file.
    const one = await enroll(h, OTHER, 'same-1.json', requests);
    const two = await enroll(h, THIRD, 'same-2.json', requests);
    const withoutIds = (o: object) => JSON.stringify(o).replace(/"GeneratedSpeakerId":"\w{22}"/g, '"GeneratedSpeakerId":"…"');
    expect(withoutIds(two.output)).toBe(withoutIds(one.output));
    expect(two.output.Errors).toHaveLength(1);
  });

  it('fails the job, with FailureDetails, for a missing or malformed manifest', async () => {
    const start = (S3Uri: string) =>
      h.client.send(
        new StartSpeakerEnrollmentJobCommand({
          DomainId: DOMAIN,
          DataAccessRoleArn: ROLE,
          InputDataConfig: { S3Uri },
          OutputDataConfig: { S3Uri: `s3://${OUT}/x` },
        }),
      );
    const missing = await start(`s3://${IN}/manifests/none.json`);
    expect(await waitForEnd(h, 'speaker', DOMAIN, missing.Job?.JobId as string)).toMatchObject({ JobStatus: 'FAILED', FailureDetails: { StatusCode: 404 } });
    await h.fixture.put(IN, 'manifests/broken.json', '{"Version": "1.0", "SpeakerEnrollmentRequests": [');
    const broken = await start(`s3://${IN}/manifests/broken.json`);
    expect(await waitForEnd(h, 'speaker', DOMAIN, broken.Job?.JobId as string)).toMatchObject({
      JobStatus: 'FAILED',
      FailureDetails: { StatusCode: 400, Message: `The input manifest file s3://${IN}/manifests/broken.json is not a JSON document.` },
    });
    await h.fixture.put(IN, 'manifests/v2.json', '{"Version": "2.0", "SpeakerEnrollmentRequests": []}');
    const v2 = await start(`s3://${IN}/manifests/v2.json`);
    expect((await waitForEnd(h, 'speaker', DOMAIN, v2.Job?.JobId as string)).FailureDetails).toMatchObject({ Message: expect.stringMatching(/Version "2.0"/) });
  });
});
