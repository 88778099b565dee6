#!/usr/bin/env node
// npm run bench: each scenario's start-up against node's own floor (`node -e 0`) and against AWS
// CLI v2 (/usr/bin/aws), measured in the same run, on voiceid-local at 127.0.0.1. Twice: with
// NODE_EXTRA_CA_CERTS unset, then set to a CA file (node reads it before any JS runs, so the floor
// is measured with it set too). Each round runs `node -e 0`, the clone and aws one after the
// other, in an order rotated from round to round so that no side always goes first; the ratios
// are the medians of the per-round ratios, the figures that count on a noisy machine. Prints the
// targets of issue 17 next to the measured ratios; a benchmark reports, it asserts nothing. Then
// the clone's warm runs of the request with --output table and yaml against --output json: a
// ratio near 1.00 says that the formatter's code came from the V8 code cache (the test of that
// is test/functional/code-cache.test.ts; timings are never asserted).
//   node scripts/bench.mjs [--runs 20] [--aws /usr/bin/aws] [--only REGEX] [--ca-file PATH] [--json FILE]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printEnvironment, printFormats } from './bench-report.mjs';
import { startLocal } from './start-local.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const TIME = '/usr/bin/time';
const LAUNCHER = join(root, 'bin/aws-voiceid');
const DOMAIN = 'abcdefghij0123456789AB';
const REQUIRED = [
  '--domain-id',
  DOMAIN,
  '--data-access-role-arn',
  'arn:aws:iam::123456789012:role/VoiceIdRole',
  '--input-data-config',
  'S3Uri=s3://voiceid-input/manifest.json',
  '--output-data-config',
  'S3Uri=s3://voiceid-output/results',
];

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}

/** --runs, --aws, --only, --ca-file, --json from `args`; a bad one is a one-line error. */
function parseOptions(args) {
  const known = new Set(['--runs', '--aws', '--only', '--ca-file', '--json']);
  const given = {};
  for (let i = 0; i < args.length; i += 2) {
    if (!known.has(args[i])) fail(`unknown option ${args[i]} (options: ${[...known].join(', ')})`);
    if (args[i + 1] === undefined) fail(`${args[i]} needs a value`);
    given[args[i]] = args[i + 1];
  }
  const runs = Number(given['--runs'] ?? '20');
  if (!Number.isInteger(runs) || runs < 1) fail(`--runs must be a positive integer, not ${given['--runs']}`);
  let only;
  try {
    only = given['--only'] === undefined ? undefined : new RegExp(given['--only']);
  } catch (error) {
    fail(`--only: ${error.message}`);
  }
  const caFile = given['--ca-file'] ?? (process.env.NODE_EXTRA_CA_CERTS || '/etc/ssl/certs/ca-certificates.crt');
  return { runs, aws: given['--aws'] ?? '/usr/bin/aws', only, caFile, json: given['--json'] };
}

const options = parseOptions(process.argv.slice(2));
if (!existsSync(join(root, 'dist/cli/main.js')) || !existsSync(join(root, 'dist/cli/main.js.cache'))) {
  fail('run `npm run build` first (dist/cli/ and its code caches)');
}
const haveAws = existsSync(options.aws);
const haveTime = existsSync(TIME);
const haveCa = existsSync(options.caFile);
if (!haveAws) console.error(`bench: ${options.aws} is missing; measuring the clone alone (apt-get install awscli gives AWS CLI v2.9.19)`);
if (!haveTime) console.error(`bench: ${TIME} is missing; peak RSS is not measured (apt-get install time)`);
if (!haveCa) console.error(`bench: the CA file ${options.caFile} does not exist; skipping the runs with NODE_EXTRA_CA_CERTS set`);

/** The command that runs `node bin/aws-voiceid.js` directly, under this node. */
const direct = (argv) => [process.execPath, join(root, 'bin/aws-voiceid.js'), ...argv];
/** The clone's command: the sh launcher (`launcher`) where it exists, else the JS bin. */
const cloneCommand = (argv, launcher = LAUNCHER) => (existsSync(launcher) ? [launcher, ...argv] : direct(argv));
const haveLauncher = existsSync(LAUNCHER);

/** A fresh environment, nothing inherited but PATH (this node first, for the launcher). */
function makeEnv(home, caFile) {
  return {
    PATH: `${dirname(process.execPath)}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    HOME: home,
    LANG: 'C.UTF-8',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'secretkey',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_PAGER: '',
    ...(caFile ? { NODE_EXTRA_CA_CERTS: caFile } : {}),
  };
}

/** Wall ms and peak RSS (KiB) of one run of `command`; any exit code but `expect` throws. */
function measure(command, env, expect) {
  const statFile = join(env.HOME, 'time.txt');
  const full = haveTime ? [TIME, '-f', '%M', '-o', statFile, ...command] : command;
  const start = process.hrtime.bigint();
  const result = spawnSync(full[0], full.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error) throw new Error(`${command.join(' ')}: ${result.error.message}`);
  if (result.status !== expect) {
    const how = result.status === null ? `was killed by ${result.signal}` : `exited ${result.status}`;
    throw new Error(`${command.join(' ')} ${how}, expected ${expect}: ${String(result.stderr).trim()}`);
  }
  const rssKb = haveTime ? Number(readFileSync(statFile, 'utf8').trim().split('\n').at(-1)) : Number.NaN;
  return { ms, rssKb };
}

/** The scenarios on `url`, each with its sides (what runs each round) and its exit code. */
function scenarios(url) {
  const request = ['--endpoint-url', url, 'voice-id', 'start-speaker-enrollment-job', ...REQUIRED];
  const list = [
    { id: 'request', name: 'request, --output json', argv: request, expect: 0 },
    { id: 'table', name: 'request, --output table --query Job', argv: [...request, '--output', 'table', '--query', 'Job'], expect: 0 },
    { id: 'skeleton', name: '--generate-cli-skeleton', argv: ['voice-id', 'start-speaker-enrollment-job', '--generate-cli-skeleton'], expect: 0 },
    { id: 'usage', name: 'usage error (no required options)', argv: ['--endpoint-url', url, 'voice-id', 'start-speaker-enrollment-job'], expect: 252 },
    { id: 'version', name: '--version', argv: ['--version'], expect: 0 },
  ];
  return list
    .filter((s) => !options.only || options.only.test(s.name))
    .map((s) => {
      const sides = { floor: { command: [process.execPath, '-e', '0'], expect: 0 }, clone: { command: cloneCommand(s.argv), expect: s.expect } };
      if (haveAws) sides.aws = { command: [options.aws, ...s.argv], expect: s.expect };
      // What the launcher saves: the request through node bin/aws-voiceid.js, in the same rounds.
      if (s.id === 'request' && haveLauncher) sides.direct = { command: direct(s.argv), expect: s.expect };
      return { ...s, sides };
    });
}

/** `runs` rounds of every side of `sides`, after one unmeasured run each; the order rotates. */
function rounds(sides, env, runs) {
  const keys = Object.keys(sides);
  const samples = Object.fromEntries(keys.map((key) => [key, []]));
  for (const key of keys) measure(sides[key].command, env, sides[key].expect);
  for (let i = 0; i < runs; i++) {
    const shift = i % keys.length;
    for (const key of [...keys.slice(shift), ...keys.slice(0, shift)]) samples[key].push(measure(sides[key].command, env, sides[key].expect));
  }
  return samples;
}

/** The warm runs of the request with --output table and yaml, each against --output json. */
function formats(url, env, runs) {
  const request = ['--endpoint-url', url, 'voice-id', 'start-speaker-enrollment-job', ...REQUIRED];
  return ['table', 'yaml']
    .map((format) => ({ format, name: `warm run, request, --output ${format}` }))
    .filter((row) => !options.only || options.only.test(row.name))
    .map((row) => {
      const sides = { json: { command: cloneCommand([...request, '--output', 'json']), expect: 0 } };
      sides.other = { command: cloneCommand([...request, '--output', row.format]), expect: 0 };
      return { ...row, samples: rounds(sides, env, runs) };
    });
}

const header = [
  `aws-voiceid bench: node ${process.version}; ${options.runs} rounds`,
  `${options.aws} ${haveAws ? 'present' : 'missing'}`,
  `CA file ${options.caFile}${haveCa ? '' : ' (missing: NODE_EXTRA_CA_CERTS set is skipped)'}`,
  `clone: ${haveLauncher ? 'bin/aws-voiceid (sh launcher)' : 'node bin/aws-voiceid.js (no bin/aws-voiceid)'}`,
];
console.log(header.join('; '));

const { child: local, url } = await startLocal(['--domain', DOMAIN, '--credentials', 'AKIDEXAMPLE:secretkey', '--job-duration', '3600']);
const home = mkdtempSync(join(tmpdir(), 'bench-home-'));
const report = { node: process.version, runs: options.runs, aws: haveAws ? options.aws : null, caFile: haveCa ? options.caFile : null, environments: [] };
try {
  const environments = [{ name: 'unset', env: makeEnv(home) }];
  if (haveCa) environments.push({ name: 'set', env: makeEnv(home, options.caFile) });
  for (const { name, env } of environments) {
    const results = scenarios(url).map((s) => ({ id: s.id, name: s.name, expect: s.expect, samples: rounds(s.sides, env, options.runs) }));
    const entry = { name, NODE_EXTRA_CA_CERTS: env.NODE_EXTRA_CA_CERTS ?? null, scenarios: results };
    report.environments.push(entry);
    printEnvironment(entry, { haveAws, caFile: options.caFile });
  }
  report.formats = formats(url, environments[0].env, options.runs);
  printFormats(report.formats);
} catch (error) {
  console.error(`bench: ${error.message}`);
  process.exitCode = 1;
} finally {
  local.kill('SIGTERM');
  rmSync(home, { recursive: true, force: true });
}
if (options.json && process.exitCode !== 1) {
  writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nraw numbers (wall ms and peak RSS in KiB of every run): ${options.json}`);
}
