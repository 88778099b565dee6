// npm run demo: starts a local Voice ID endpoint on a free loopback port, runs a real
// `start-speaker-enrollment-job` against it with this CLI, prints the JSON answer, stops it.
// Everything stays on 127.0.0.1; the credentials are voiceid-local's documented local pair.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { LOCAL_CREDENTIALS, startEmulator } from '../src/emulator/server.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const DOMAIN = 'demo0domain0000000000A';
const endpoint = await startEmulator({ domains: [DOMAIN] });
const args = [
  'bin/aws-voiceid.js',
  '--endpoint-url',
  endpoint.url,
  'voice-id',
  'start-speaker-enrollment-job',
  '--domain-id',
  DOMAIN,
  '--data-access-role-arn',
  'arn:aws:iam::123456789012:role/VoiceIdRole',
  '--input-data-config',
  'S3Uri=s3://voiceid-input/manifest.json',
  '--output-data-config',
  'S3Uri=s3://voiceid-output/results,KmsKeyId=alias/voiceid',
  '--job-name',
  'demo-enrollment',
];
console.log(`local Voice ID endpoint: ${endpoint.url}`);
console.log(`$ aws-voiceid ${args.slice(1).join(' ')}`);
const run = promisify(execFile);
const result = await run(process.execPath, args, {
  cwd: root,
  encoding: 'utf8',
  env: {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: root,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_DEFAULT_REGION: 'us-east-1',
    TZ: 'UTC',
  },
}).then(
  (done) => ({ ...done, code: 0 }),
  (failed: { stdout: string; stderr: string; code?: number }) => ({ stdout: failed.stdout, stderr: failed.stderr, code: failed.code ?? 1 }),
);
await endpoint.close();
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
