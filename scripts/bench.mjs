#!/usr/bin/env node
// npm run bench: the CLI against AWS CLI v2 (/usr/bin/aws), run alternately, many times each, on
// the local endpoint (127.0.0.1 only). Prints the median wall time, the peak RSS and the median
// of the pairwise ratios aws/clone per scenario; ratios measured side by side are the figures
// that count on a noisy machine. Then the clone's warm runs of the request with --output table
// and yaml against the same request with --output json, alternated: a ratio near 1.00 says that
// the formatter's code came from the V8 code cache (the test of that is
// test/functional/code-cache.test.ts; timings are never asserted).
//   node scripts/bench.mjs [--runs 20] [--aws /usr/bin/aws]
import { spawnSync } from 'node:child_process';
import { startLocal } from './start-local.mjs';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const RUNS = Number(option('--runs', '20'));
const AWS = option('--aws', '/usr/bin/aws');
const TIME = '/usr/bin/time';
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

if (!existsSync(join(root, 'dist/cli.js')) || !existsSync(join(root, 'dist/cli.js.cache'))) {
  console.error('bench: run `npm run build` first (dist/cli.js and its code cache dist/cli.js.cache)');
  process.exit(2);
}
const haveAws = existsSync(AWS);
const haveTime = existsSync(TIME);
if (!haveAws) console.error(`bench: ${AWS} is missing; measuring the clone alone (apt-get install awscli gives AWS CLI v2.9.19)`);
if (!haveTime) console.error(`bench: ${TIME} is missing; peak RSS is not measured (apt-get install time)`);

const { child: local, url } = await startLocal(['--domain', DOMAIN, '--credentials', 'AKIDEXAMPLE:secretkey', '--job-duration', '3600']);

const home = mkdtempSync(join(tmpdir(), 'bench-home-'));
const env = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: home,
  LANG: 'C.UTF-8',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'secretkey',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_PAGER: '',
  ...(process.env.NODE_EXTRA_CA_CERTS ? { NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS } : {}),
};

const REQUEST = ['--endpoint-url', url, 'voice-id', 'start-speaker-enrollment-job', ...REQUIRED];
const SCENARIOS = [
  { name: 'request, --output json', argv: [...REQUEST] },
  { name: 'request, --output table --query Job', argv: [...REQUEST, '--output', 'table', '--query', 'Job'] },
  { name: '--generate-cli-skeleton', argv: ['voice-id', 'start-speaker-enrollment-job', '--generate-cli-skeleton'] },
];

function measure(command) {
  const statFile = join(home, 'time.txt');
  const full = haveTime ? [TIME, '-f', '%M', '-o', statFile, ...command] : command;
  const start = process.hrtime.bigint();
  const result = spawnSync(full[0], full.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command.join(' ')} exited ${result.status}: ${result.stderr}`);
  const rssKb = haveTime ? Number(readFileSync(statFile, 'utf8').trim().split('\n').at(-1)) : NaN;
  return { ms, rssKb };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const clone = (argv) => [process.execPath, join(root, 'bin/aws-voiceid.js'), ...argv];

const FORMATS = ['table', 'yaml'];

const rows = [];
const formatRows = [];
try {
  for (const scenario of SCENARIOS) {
    measure(clone(scenario.argv));
    if (haveAws) measure([AWS, ...scenario.argv]);
    const mine = [];
    const theirs = [];
    for (let i = 0; i < RUNS; i++) {
      mine.push(measure(clone(scenario.argv)));
      if (haveAws) theirs.push(measure([AWS, ...scenario.argv]));
    }
    rows.push({
      scenario: scenario.name,
      clone: mine,
      aws: theirs,
      ratio: haveAws ? median(mine.map((m, i) => theirs[i].ms / m.ms)) : NaN,
    });
  }
  for (const format of FORMATS) {
    const json = clone([...REQUEST, '--output', 'json']);
    const other = clone([...REQUEST, '--output', format]);
    measure(json);
    measure(other);
    const base = [];
    const mine = [];
    for (let i = 0; i < RUNS; i++) {
      // Each pair in the other order than the last, so that neither side always goes first.
      if (i % 2) mine.push(measure(other));
      base.push(measure(json));
      if (!(i % 2)) mine.push(measure(other));
    }
    formatRows.push({ format, mine, ratio: median(mine.map((m, i) => m.ms / base[i].ms)) });
  }
} finally {
  local.kill('SIGTERM');
  rmSync(home, { recursive: true, force: true });
}

const f = (n, digits = 0) => (Number.isNaN(n) ? 'n/a' : n.toFixed(digits));
const mib = (kb) => (Number.isNaN(kb) ? 'n/a' : `${(kb / 1024).toFixed(1)} MiB`);
console.log(
  `aws-voiceid vs ${haveAws ? AWS : '(no reference)'}: ${RUNS} alternating runs each; NODE_EXTRA_CA_CERTS ${env.NODE_EXTRA_CA_CERTS ? 'set' : 'unset'}; ${process.version}`,
);
console.log('');
console.log('| scenario | clone median | aws median | aws/clone (median of pairs) | clone peak RSS | aws peak RSS |');
console.log('|---|---|---|---|---|---|');
for (const row of rows) {
  const peak = (list) => Math.max(...list.map((m) => m.rssKb));
  console.log(
    `| ${row.scenario} | ${f(median(row.clone.map((m) => m.ms)))} ms | ${haveAws ? `${f(median(row.aws.map((m) => m.ms)))} ms` : 'n/a'} | ${f(row.ratio, 2)}x | ${mib(peak(row.clone))} | ${haveAws ? mib(peak(row.aws)) : 'n/a'} |`,
  );
}
console.log('');
console.log('| clone, warm run | median | vs --output json (median of pairs) |');
console.log('|---|---|---|');
for (const row of formatRows) {
  console.log(`| request, --output ${row.format} | ${f(median(row.mine.map((m) => m.ms)))} ms | ${f(row.ratio, 2)}x |`);
}
