// Writes dist/cli.js.cache, the V8 code cache bin/aws-voiceid.js starts from: one full request
// against voiceid-local on 127.0.0.1, then warmUp() (src/main.ts: --query and every formatter),
// in one run of bin/aws-voiceid.js, which writes the cache as it exits. Then checks that the
// cache is there and that V8 accepts it. warmCache() rejects with a one-line message otherwise
// (and leaves no cache behind), which fails the build.
import { execFile } from 'node:child_process';
import { startLocal } from './start-local.mjs';
import { existsSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const cacheFile = `${root}dist/cli.js.cache`;
const DOMAIN = 'warmupdomain0000000000';

// The warm-up's environment, built from nothing (no ~/.aws; no NODE_OPTIONS, since V8 rejects a
// cache made under other flags).
const ENV = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: '/nonexistent',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_ACCESS_KEY_ID: 'AKIDWARMUP',
  AWS_SECRET_ACCESS_KEY: 'warmup',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_CONFIG_FILE: '/nonexistent/config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
};

// Loads dist/cli.js with its cache as bin/aws-voiceid.js does and prints cachedDataRejected.
const ACCEPTS = `const { readFileSync } = require('node:fs');
const { Module } = require('node:module');
const { Script } = require('node:vm');
const file = process.argv[1];
const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData: readFileSync(file + '.cache') });
process.stdout.write(String(script.cachedDataRejected));`;

// A message on one line (the CLI's own errors can take two: `Parameter validation failed:` and why).
const oneLine = (text) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ')
    .slice(0, 500);

/** Writes and checks dist/cli.js.cache; rejects with a one-line message. */
export async function warmCache() {
  rmSync(cacheFile, { force: true });
  let local;
  try {
    local = await startLocal(['--domain', DOMAIN, '--credentials', 'AKIDWARMUP:warmup']);
  } catch (error) {
    throw new Error(`the warm-up's voiceid-local did not start (${oneLine(error.message)})`);
  }
  try {
    await warmUpRun(local.url);
  } catch (error) {
    // The run's exit hook writes a cache even when the warm-up failed: one that lacks code.
    rmSync(cacheFile, { force: true });
    throw error;
  } finally {
    local.child.kill('SIGTERM');
  }
  if (!existsSync(cacheFile) || statSync(cacheFile).size === 0) {
    throw new Error('the warm-up run wrote no dist/cli.js.cache (is dist/ writable?)');
  }
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', ACCEPTS, `${root}dist/cli.js`], { cwd: root, env: ENV });
  if (stdout !== 'false') {
    rmSync(cacheFile, { force: true });
    throw new Error(`V8 rejects the dist/cli.js.cache the warm-up wrote (cachedDataRejected: ${stdout})`);
  }
}

/** One request through bin/aws-voiceid.js, then warmUp(); rejects unless both succeed. */
async function warmUpRun(url) {
  const argv = [
    'bin/aws-voiceid.js',
    '--endpoint-url',
    url,
    'voice-id',
    'start-speaker-enrollment-job',
    '--domain-id',
    DOMAIN,
    '--data-access-role-arn',
    'arn:aws:iam::123456789012:role/WarmUp',
    '--input-data-config',
    'S3Uri=s3://warm-up/in.json',
    '--output-data-config',
    'S3Uri=s3://warm-up/out',
  ];
  try {
    await promisify(execFile)(process.execPath, argv, { cwd: root, env: { ...ENV, AWS_VOICEID_WARM_CACHE: '1' } });
  } catch (error) {
    const why = oneLine(error.stderr ?? '') || oneLine(error.message);
    throw new Error(`the warm-up run exited ${error.code ?? error.signal}: ${why}`);
  }
}
