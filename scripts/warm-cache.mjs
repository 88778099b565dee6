// Writes the V8 code caches bin/aws-voiceid.js starts from (dist/cli/*.js.cache): one full request
// against voiceid-local on 127.0.0.1, then warmUp() (src/warm-up.ts: the manual pages, YAML input,
// --query and every formatter), then the loading of every file the run did not load yet
// (loadAll() in bin/load-cli.cjs: the prompt, STS, SSO, the CJK codecs, ...), in one run of
// bin/aws-voiceid.js, which writes the cache of every file as it exits. So every file of dist/cli/
// has a cache from the build, and an install that cannot write there (read-only, or owned by
// root) compiles nothing from nothing. Then checks that every file has its cache and that V8
// accepts each. warmCache() rejects with a one-line message otherwise (and leaves no cache
// behind), which fails the build.
import { execFile } from 'node:child_process';
import { CACHE_CHECK, cliFiles } from './code-caches.mjs';
import { startLocal } from './start-local.mjs';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist/cli`;
const cacheFile = `${dist}/main.js.cache`;
const caches = () => readdirSync(dist).filter((name) => name.endsWith('.js.cache'));
const removeCaches = () => {
  for (const name of caches()) rmSync(`${dist}/${name}`, { force: true });
};
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

// A message on one line (the CLI's own errors can take two: `Parameter validation failed:` and why).
const oneLine = (text) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ')
    .slice(0, 500);

/** Writes and checks the code caches of dist/cli/; rejects with a one-line message. */
export async function warmCache() {
  removeCaches();
  let local;
  try {
    local = await startLocal(['--domain', DOMAIN, '--credentials', 'AKIDWARMUP:warmup']);
  } catch (error) {
    throw new Error(`the warm-up's voiceid-local did not start (${oneLine(error.message)})`);
  }
  try {
    await warmUpRun(local.url);
  } catch (error) {
    // The run's exit hook writes caches even when the warm-up failed: ones that lack code.
    removeCaches();
    throw error;
  } finally {
    local.child.kill('SIGTERM');
  }
  if (!existsSync(cacheFile) || statSync(cacheFile).size === 0) {
    throw new Error('the warm-up run wrote no dist/cli/main.js.cache (is dist/ writable?)');
  }
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', CACHE_CHECK, ...cliFiles(dist)], { cwd: root, env: ENV });
  if (stdout !== '') {
    removeCaches();
    throw new Error(`the code caches the warm-up wrote are not all there and good: ${oneLine(stdout)}`);
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
