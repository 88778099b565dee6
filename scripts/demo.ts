// npm run demo: starts a local Voice ID endpoint on a free loopback port with its S3 in a scratch
// folder (a manifest and one WAV file), runs a real `start-speaker-enrollment-job` against it
// with this CLI, then polls the job with `describe-speaker-enrollment-job` until it ends, prints
// the job as it ended, and stops. Everything stays on 127.0.0.1; the credentials are
// voiceid-local's documented local pair. Exit 0 when the job completed, else the CLI's exit code
// (or 1 when the job ended otherwise).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { LOCAL_CREDENTIALS, startEmulator } from '../src/emulator/server.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const DOMAIN = 'demo0domain0000000000A';
const POLL_MS = 250; // the demo's pace between two polls
const ACTIVE = new Set(['SUBMITTED', 'IN_PROGRESS']);

class CliFailed extends Error {
  constructor(readonly code: number) {
    super(`the CLI exited ${code}`);
  }
}

/** One second of a 220 Hz tone: 8 kHz, 16-bit PCM, one channel, as Voice ID takes it. */
function toneWav(): Buffer {
  const data = Buffer.alloc(8000 * 2);
  for (let i = 0; i < 8000; i++) data.writeInt16LE(Math.round(9000 * Math.sin((2 * Math.PI * 220 * i) / 8000)), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'latin1');
  header.writeUInt32LE(16, 16); // the fmt chunk's size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // channels
  header.writeUInt32LE(8000, 24); // frames a second
  header.writeUInt32LE(16000, 28); // bytes a second
  header.writeUInt16LE(2, 32); // bytes a frame
  header.writeUInt16LE(16, 34); // bits a sample
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** The S3 folder of the demo: the manifest with one enrollment request, and its audio. */
function makeS3(dir: string): void {
  mkdirSync(join(dir, 'voiceid-input/demo'), { recursive: true });
  mkdirSync(join(dir, 'voiceid-output'), { recursive: true });
  writeFileSync(join(dir, 'voiceid-input/demo/caller.wav'), toneWav());
  const request = { RequestId: 'req-1', SpeakerId: 'demo-customer', AudioSpecifications: [{ S3Uri: 's3://voiceid-input/demo/caller.wav', ChannelId: 0 }] };
  writeFileSync(join(dir, 'voiceid-input/demo/manifest.json'), JSON.stringify({ Version: '1.0', SpeakerEnrollmentRequests: [request] }));
}

/** Runs this CLI, echoing the command line; its stdout, or CliFailed after passing on its output. */
async function cli(url: string, args: readonly string[], echo = true): Promise<string> {
  if (echo) console.log(`$ aws-voiceid --endpoint-url ${url} voice-id ${args.join(' ')}`);
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: root,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_DEFAULT_REGION: 'us-east-1',
    TZ: 'UTC',
  };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['bin/aws-voiceid.js', '--endpoint-url', url, 'voice-id', ...args], {
      cwd: root,
      env,
    });
    process.stderr.write(stderr);
    return stdout;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; code?: number };
    process.stdout.write(failed.stdout ?? '');
    process.stderr.write(failed.stderr ?? String(error));
    throw new CliFailed(typeof failed.code === 'number' ? failed.code : 1);
  }
}

/** Starts the job, polls it until it ends; its end status. */
async function demo(url: string): Promise<string> {
  const started = await cli(url, [
    'start-speaker-enrollment-job',
    ...['--domain-id', DOMAIN, '--job-name', 'demo-enrollment'],
    ...['--data-access-role-arn', 'arn:aws:iam::123456789012:role/VoiceIdRole'],
    ...['--input-data-config', 'S3Uri=s3://voiceid-input/demo/manifest.json'],
    ...['--output-data-config', 'S3Uri=s3://voiceid-output/demo'],
  ]);
  process.stdout.write(started);
  const jobId = (JSON.parse(started) as { Job: { JobId: string } }).Job.JobId;
  const describe = ['describe-speaker-enrollment-job', '--domain-id', DOMAIN, '--job-id', jobId];
  const poll = [...describe, '--query', 'Job.JobStatus', '--output', 'text'];
  let status = '';
  for (let first = true; first || ACTIVE.has(status); first = false) {
    if (!first) await sleep(POLL_MS);
    status = (await cli(url, poll, first)).trim();
    console.log(status);
  }
  process.stdout.write(await cli(url, describe));
  return status;
}

const s3 = mkdtempSync(join(tmpdir(), 'voiceid-demo-s3-'));
makeS3(s3);
const endpoint = await startEmulator({ domains: [DOMAIN], s3: { dir: s3 }, timing: { submittedMs: 300, durationMs: 1500 } });
console.log(`local Voice ID endpoint: ${endpoint.url} (S3 in ${s3})`);
try {
  const status = await demo(endpoint.url);
  process.exitCode = status === 'COMPLETED' ? 0 : 1;
} catch (error) {
  if (!(error instanceof CliFailed)) throw error;
  process.exitCode = error.code;
} finally {
  await endpoint.close();
  rmSync(s3, { recursive: true, force: true });
}
