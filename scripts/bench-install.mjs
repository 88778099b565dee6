#!/usr/bin/env node
// npm run bench:install: how fast an install runs that its user cannot write (`sudo npm install
// -g`, a container image), against one that user can write and against `node -e 0`, in the same
// rounds. Four copies of the build (bin/ and dist/) in a scratch folder:
//   writable      its user can write it (the caches of the build; nothing left to write)
//   read-only     its user cannot write it: the caches of the build, as the tarball carries them
//   rejected      read-only, and V8 rejects every cache of the build (as under another node): the
//                 CLI's own caches in the user's ~/.cache/aws-voiceid, after one unmeasured run
//   no caches     read-only, no cache at all and no writable home: each run compiles every file
//                 it loads, which is what a read-only install would cost without the build's caches
// The user: nobody (setpriv) when this runs as root, whom file modes do not stop, with each
// copy's ownership set to match; else the copies' files are made read-only. Each round runs
// every side once, in an order rotated from round to round; the figures are medians. A
// benchmark reports; it asserts nothing.
//   node scripts/bench-install.mjs [--runs 20]
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliFiles, rejectCache } from './code-caches.mjs';
import { asRoot, asRunner, NOBODY } from './read-only-user.mjs';
import { startLocal } from './start-local.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const DOMAIN = 'benchinstall00000000AB';

const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag < 0 ? 20 : Number(process.argv[runsFlag + 1]);
if (!Number.isInteger(runs) || runs < 1 || (process.argv.length > 2 && runsFlag < 0)) {
  console.error('usage: node scripts/bench-install.mjs [--runs N]');
  process.exit(2);
}
if (!existsSync(join(root, 'dist/cli/main.js.cache'))) {
  console.error('bench-install: run `npm run build` first (dist/cli/ and its code caches)');
  process.exit(2);
}

const scratch = mkdtempSync(join(tmpdir(), 'bench-install-'));
chmodSync(scratch, 0o755);

/** A copy of the build, `caches` 'build' | 'rejected' | 'none', and a home; `writable` by its user. */
function copy(name, { caches, writable, home }) {
  const pkg = join(scratch, name);
  cpSync(join(root, 'bin'), join(pkg, 'bin'), { recursive: true });
  cpSync(join(root, 'dist'), join(pkg, 'dist'), { recursive: true });
  for (const file of cliFiles(join(pkg, 'dist/cli'))) {
    if (caches === 'none') rmSync(`${file}.cache`);
    if (caches === 'rejected') rejectCache(file);
  }
  const homeDir = join(scratch, `${name}-home`);
  mkdirSync(homeDir, { mode: 0o755 });
  if (asRoot) {
    if (writable) spawnSync('chown', ['-R', `${NOBODY}:${NOBODY}`, pkg]);
    if (home) chownSync(homeDir, NOBODY, NOBODY);
  } else {
    if (!writable) spawnSync('chmod', ['-R', 'a-w', pkg]);
    if (!home) chmodSync(homeDir, 0o555);
  }
  return { pkg, home: homeDir };
}

const env = (home) => ({
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: home,
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: '/nonexistent/config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'secretkey',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_PAGER: '',
});

/** Wall ms of one run of `node ARGS` as the runner; an exit code other than 0 throws. */
function measure(args, home) {
  const [file, argv] = asRunner(process.execPath, args);
  const start = process.hrtime.bigint();
  const result = spawnSync(file, argv, { env: env(home), stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status ?? result.signal}: ${String(result.stderr).trim().split('\n')[0]}`);
  return ms;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

let local;
try {
  const copies = {
    writable: copy('writable', { caches: 'build', writable: true, home: false }),
    'read-only': copy('read-only', { caches: 'build', writable: false, home: false }),
    rejected: copy('rejected', { caches: 'rejected', writable: false, home: true }),
    'no caches': copy('no-caches', { caches: 'none', writable: false, home: false }),
  };
  local = await startLocal(['--domain', DOMAIN, '--credentials', 'AKIDEXAMPLE:secretkey', '--job-duration', '3600']);
  const request = ['--endpoint-url', local.url, 'voice-id', 'start-speaker-enrollment-job', '--domain-id', DOMAIN];
  request.push('--data-access-role-arn', 'arn:aws:iam::123456789012:role/VoiceIdRole');
  request.push('--input-data-config', 'S3Uri=s3://voiceid-input/manifest.json', '--output-data-config', 'S3Uri=s3://voiceid-output/results');
  const scenarios = [
    ['--version', ['--version']],
    ['--generate-cli-skeleton', ['voice-id', 'start-speaker-enrollment-job', '--generate-cli-skeleton']],
    ['--cli-input-yaml, skeleton', ['voice-id', 'list-domains', '--cli-input-yaml', 'MaxResults: 3', '--generate-cli-skeleton']],
    ['describe-domain help', ['voice-id', 'describe-domain', 'help']],
    ['request, --output json', request],
    ['request, --output table', [...request, '--output', 'table']],
  ];
  console.log(`aws-voiceid bench-install: node ${process.version}; ${runs} rounds; the runner: ${asRoot ? `uid ${NOBODY}` : 'this user, files read-only'}`);
  console.log('median ms (ratio to the writable install; ms above `node -e 0`)');
  const names = ['floor', ...Object.keys(copies)];
  console.log(['scenario'.padEnd(28), ...names.map((name) => name.padStart(20))].join(''));
  for (const [title, argv] of scenarios) {
    const sides = {
      floor: { args: ['-e', '0'], home: copies.writable.home },
      ...Object.fromEntries(Object.entries(copies).map(([name, { pkg, home }]) => [name, { args: [join(pkg, 'bin/aws-voiceid.js'), ...argv], home }])),
    };
    const samples = Object.fromEntries(names.map((name) => [name, []]));
    // One unmeasured run each (the rejected copy writes its user caches then).
    for (const name of names) measure(sides[name].args, sides[name].home);
    for (let i = 0; i < runs; i++) {
      const shift = i % names.length;
      for (const name of [...names.slice(shift), ...names.slice(0, shift)]) samples[name].push(measure(sides[name].args, sides[name].home));
    }
    const medians = Object.fromEntries(names.map((name) => [name, median(samples[name])]));
    const cell = (name) =>
      name === 'floor'
        ? `${medians.floor.toFixed(1)}`.padStart(20)
        : `${medians[name].toFixed(1)} (${(medians[name] / medians.writable).toFixed(2)}; +${(medians[name] - medians.floor).toFixed(0)})`.padStart(20);
    console.log([title.padEnd(28), ...names.map(cell)].join(''));
  }
} catch (error) {
  console.error(`bench-install: ${error.message}`);
  process.exitCode = 1;
} finally {
  local?.child.kill('SIGTERM');
  spawnSync('chmod', ['-R', 'u+w', scratch]);
  rmSync(scratch, { recursive: true, force: true });
}
