// The parts of the jobs, table-driven: the RIFF/WAV checks, the manifest's rules, the --s3-dir
// key mapping (no key leaves DIR), the command line's S3 options, and a restart that finds a
// job IN_PROGRESS and does it again from the beginning.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wavChannel } from '../../src/emulator/jobs/wav.js';
import { parseManifest } from '../../src/emulator/jobs/manifest.js';
import { DirStore } from '../../src/emulator/s3/dir-store.js';
import { main } from '../../src/emulator/main.js';
import { startEmulator } from '../../src/emulator/server.js';
import { wav } from '../helpers/wav.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'voiceid-parts-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('wavChannel', () => {
  const stereo = wav({ seed: 3, channels: 2, frames: 4 });
  it.each([
    ['a mono 8 kHz PCM-16 file', wav({ seed: 1 }), 0, undefined],
    ['the second channel of a stereo file', stereo, 1, undefined],
    ['channel 1 of a mono file', wav({ seed: 1 }), 1, 'has no channel 1 (it has 1)'],
    ['16 kHz', wav({ seed: 1, rate: 16000 }), 0, 'has a sample rate of 16000 Hz, not 8 kHz'],
    ['8-bit samples', wav({ seed: 1, bits: 8 }), 0, 'has 8-bit samples, not PCM-16'],
    ['IEEE float', wav({ seed: 1, format: 3 }), 0, 'is not PCM audio (format 3)'],
    ['three channels', wav({ seed: 1, channels: 3 }), 0, 'has 3 channels; Voice ID takes at most 2'],
    ['no RIFF header', Buffer.from('ID3 not a wav file'), 0, 'is not a WAV file (no RIFF/WAVE header)'],
    ['no data chunk', wav({ seed: 1 }).subarray(0, 36), 0, 'has no data chunk'],
  ])('%s', (_name, file, channel, reason) => {
    const result = wavChannel(file, channel);
    expect(result.ok ? undefined : result.reason).toBe(reason);
  });

  it('takes the samples of the chosen channel', () => {
    const result = wavChannel(stereo, 1);
    const data = stereo.subarray(44);
    expect(result.ok && [...result.samples]).toEqual([0, 1, 2, 3].flatMap((i) => [...data.subarray(i * 4 + 2, i * 4 + 4)]));
  });
});

describe('parseManifest', () => {
  const parse = (text: string) => parseManifest('speaker', Buffer.from(text), 's3://b/m.json');
  it.each([
    ['not JSON', '{', 'is not a JSON document'],
    ['not an object', '[]', 'is not a JSON object'],
    ['another version', '{"Version": "1.1", "SpeakerEnrollmentRequests": []}', 'has Version "1.1"; the schema version is "1.0"'],
    ['no request list', '{"Version": "1.0", "FraudsterRegistrationRequests": []}', 'has no SpeakerEnrollmentRequests list'],
    [
      'a request without RequestId',
      '{"Version": "1.0", "SpeakerEnrollmentRequests": [{"SpeakerId": "a"}]}',
      'has no RequestId in SpeakerEnrollmentRequests[0]',
    ],
  ])('fails the job for %s', (_name, text, why) => {
    expect(parse(text)).toEqual({ ok: false, message: `The input manifest file s3://b/m.json ${why}.` });
  });

  it('reports the rules a request breaks, and duplicate RequestIds', () => {
    const audio = [{ S3Uri: 's3://bucket/a.wav', ChannelId: 0 }];
    const requests = [
      { RequestId: 'ok', SpeakerId: 'a', AudioSpecifications: audio },
      { RequestId: 'bad-id', SpeakerId: '-a', AudioSpecifications: audio },
      { RequestId: 'no-channel', SpeakerId: 'a', AudioSpecifications: [{ S3Uri: 's3://bucket/a.wav' }] },
      { RequestId: 'bad-uri', SpeakerId: 'a', AudioSpecifications: [{ S3Uri: 'https://bucket/a.wav', ChannelId: 0 }] },
      { RequestId: 'twice', SpeakerId: 'a', AudioSpecifications: audio },
      { RequestId: 'twice', SpeakerId: 'b', AudioSpecifications: audio },
    ];
    const result = parse(JSON.stringify({ Version: '1.0', SpeakerEnrollmentRequests: requests }));
    expect(result.ok && result.requests.map((r) => [r.RequestId, r.problem])).toEqual([
      ['ok', undefined],
      ['bad-id', 'SpeakerId must be 1 to 256 letters, digits, "_" and "-", starting with a letter or digit.'],
      ['no-channel', 'AudioSpecifications[0].ChannelId must be 0 or 1.'],
      ['bad-uri', 'AudioSpecifications[0].S3Uri must be the S3 URI of a .wav file (s3://bucket/key).'],
      ['twice', 'RequestId twice is not unique within the input file.'],
      ['twice', 'RequestId twice is not unique within the input file.'],
    ]);
  });
});

describe('the --s3-dir store', () => {
  it.each(['../other/x', 'a/../../x', '/etc/passwd', 'a//b', './a', 'a/.', 'a\0b', ''])('refuses the key %j', async (key) => {
    const store = new DirStore(tempDir());
    await expect(store.get({ bucket: 'bucket', key }, 100)).rejects.toMatchObject({ code: 'InvalidKey', status: 400 });
    await expect(store.put({ bucket: 'bucket', key }, Buffer.from('x'))).rejects.toMatchObject({ code: 'InvalidKey' });
  });

  it('maps s3://bucket/key to DIR/bucket/key, and answers NoSuchBucket, NoSuchKey and TooLarge', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'bucket'));
    const store = new DirStore(dir);
    await store.put({ bucket: 'bucket', key: 'a/b/c.json' }, Buffer.from('hello'));
    expect((await store.get({ bucket: 'bucket', key: 'a/b/c.json' }, 100)).toString()).toBe('hello');
    await expect(store.get({ bucket: 'bucket', key: 'a/b/c.json' }, 4)).rejects.toMatchObject({ code: 'TooLarge' });
    await expect(store.get({ bucket: 'bucket', key: 'a/b' }, 100)).rejects.toMatchObject({ code: 'NoSuchKey', status: 404 });
    await expect(store.get({ bucket: 'nobucket', key: 'a' }, 100)).rejects.toMatchObject({ code: 'NoSuchBucket', status: 404 });
  });
});

describe('voiceid-local --s3-dir / --s3-endpoint-url', () => {
  const run = async (argv: string[]) => {
    let err = '';
    const result = await main(argv, { out: () => undefined, err: (t) => (err += t) });
    if (typeof result !== 'number') await result.close();
    return { code: typeof result === 'number' ? result : 0, err: err.split('\n')[0] };
  };
  it.each([
    [['--s3-dir', '/no/such/dir'], 'voiceid-local: --s3-dir /no/such/dir: no such directory'],
    [['--s3-endpoint-url', 'ftp://x'], 'voiceid-local: --s3-endpoint-url ftp://x: expected the http:// or https:// URL of an S3-compatible server'],
    [['--s3-endpoint-url', 'not a url'], 'voiceid-local: --s3-endpoint-url not a url: expected the http:// or https:// URL of an S3-compatible server'],
    [['--s3-dir', '/tmp', '--s3-endpoint-url', 'http://127.0.0.1:9000'], 'voiceid-local: --s3-dir and --s3-endpoint-url: give one of them, not both'],
  ])('refuses %j with a usage error', async (argv, message) => {
    expect(await run(argv)).toEqual({ code: 2, err: message });
  });

  it('starts with an existing --s3-dir and with an http --s3-endpoint-url', async () => {
    expect(await run(['--s3-dir', tempDir()])).toEqual({ code: 0, err: '' });
    expect(await run(['--s3-endpoint-url', 'http://127.0.0.1:9'])).toEqual({ code: 0, err: '' });
  });
});

describe('a restart', () => {
  it('does a job found IN_PROGRESS again from the beginning', async () => {
    const dir = tempDir();
    const s3 = join(dir, 's3');
    mkdirSync(join(s3, 'input'), { recursive: true });
    mkdirSync(join(s3, 'output'));
    writeFileSync(join(s3, 'input', 'a.wav'), wav({ seed: 9 }));
    const manifest = {
      Version: '1.0',
      SpeakerEnrollmentRequests: [{ RequestId: 'r', SpeakerId: 's', AudioSpecifications: [{ S3Uri: 's3://input/a.wav', ChannelId: 0 }] }],
    };
    writeFileSync(join(s3, 'input', 'm.json'), JSON.stringify(manifest));
    const DomainId = 'restartDomain012345678';
    const job = {
      JobId: 'restartJob000000000001',
      DomainId,
      DataAccessRoleArn: 'arn:aws:iam::123456789012:role/R',
      InputDataConfig: { S3Uri: 's3://input/m.json' },
      OutputDataConfig: { S3Uri: 's3://output' },
      CreatedAt: Date.now(),
      request: '{}',
      progress: { JobStatus: 'IN_PROGRESS' as const, PercentComplete: 50 },
    };
    // A state file holding the job as a process killed in the middle of it left it.
    const stateFile = join(dir, 'state.json');
    const first = await startEmulator({ stateFile, domains: [DomainId], timing: { submittedMs: 0, durationMs: 0 } });
    await first.close();
    const seeded = await startEmulator({ stateFile, timing: { submittedMs: 1e9, durationMs: 1e9 } });
    seeded.state.commit([{ collection: 'jobs', key: job.JobId, value: job }]);
    await seeded.state.durable();
    await seeded.close();
    const again = await startEmulator({ stateFile, s3: { dir: s3 }, timing: { submittedMs: 0, durationMs: 0 } });
    try {
      while (!['COMPLETED', 'FAILED', 'COMPLETED_WITH_ERRORS'].includes(again.state.get('jobs', job.JobId)?.progress?.JobStatus ?? ''))
        await new Promise((resolve) => setTimeout(resolve, 10));
      expect(again.state.get('jobs', job.JobId)?.progress).toMatchObject({ JobStatus: 'COMPLETED', PercentComplete: 100 });
      expect([...again.state.values('speakers')].map((s) => s.CustomerSpeakerId)).toEqual(['s']);
      const output = JSON.parse(readFileSync(join(s3, 'output', job.JobId, 'm.json.out'), 'utf8'));
      expect(output.SuccessfulEnrollments).toMatchObject([{ RequestId: 'r', EnrollmentStatus: 'NEW_ENROLLMENT' }]);
    } finally {
      await again.close();
    }
  });
});
