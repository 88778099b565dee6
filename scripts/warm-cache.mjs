// Writes dist/cli.js.cache, the V8 code cache bin/aws-voiceid.js starts from, after one full
// request against voiceid-local on 127.0.0.1 (so that the request path's functions are in it).
import { execFile } from 'node:child_process';
import { startLocal } from './start-local.mjs';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${root}dist/cli.js.cache`, { force: true });
let local;
try {
  const started = await startLocal(['--domain', 'warmupdomain0000000000', '--credentials', 'AKIDWARMUP:warmup']);
  local = started.child;
  const url = started.url;
  await promisify(execFile)(
    process.execPath,
    ['bin/aws-voiceid.js', '--endpoint-url', url, 'voice-id', 'start-speaker-enrollment-job',
      '--domain-id', 'warmupdomain0000000000', '--data-access-role-arn', 'arn:aws:iam::123456789012:role/WarmUp',
      '--input-data-config', 'S3Uri=s3://warm-up/in.json', '--output-data-config', 'S3Uri=s3://warm-up/out'],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: '/nonexistent',
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_ACCESS_KEY_ID: 'AKIDWARMUP',
        AWS_SECRET_ACCESS_KEY: 'warmup',
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_CONFIG_FILE: '/nonexistent/config',
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
        AWS_VOICEID_WARM_CACHE: '1',
      },
    },
  );
} catch (error) {
  console.warn(`warm-cache: no code cache written (${error.message.split('\n')[0]}); the first run will write it`);
} finally {
  local?.kill('SIGTERM');
}
