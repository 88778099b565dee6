#!/usr/bin/env node
// npm run bench:emulator: what a write costs voiceid-local as its state grows. For each size,
// a state file with that many jobs (written in the version-1 format, which the first start
// converts), then N signed StartSpeakerEnrollmentJob calls through the AWS SDK, one after the
// other: median, p95 and max latency, and the time to the URL of the first start and of a
// restart (ms, the node process included). At the largest size also the starts made while a
// compaction rewrites the snapshot (POST /__voiceid-local/compact). Then C concurrent starts on
// a new state: the wall time, how many were answered, and whether every answered job is there
// after a kill -9 and a restart. Prints a table; asserts nothing (timings are never asserted).
//   node scripts/bench-emulator-state.mjs [--starts 300] [--sizes 0,10000,100000] [--concurrent 1000]
import { Agent } from 'node:http';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ListSpeakerEnrollmentJobsCommand, StartSpeakerEnrollmentJobCommand, VoiceIDClient } from '@aws-sdk/client-voice-id';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { startLocal } from './start-local.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const STARTS = Number(option('--starts', '300'));
const SIZES = option('--sizes', '0,10000,100000').split(',').map(Number);
const CONCURRENT = Number(option('--concurrent', '1000'));
const DOMAIN = 'abcdefghij0123456789AB';
const KEY = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secretkey' };
const JOB = {
  DomainId: DOMAIN,
  JobName: 'nightly-enrollment',
  DataAccessRoleArn: 'arn:aws:iam::123456789012:role/VoiceIdRole',
  InputDataConfig: { S3Uri: 's3://voiceid-input/manifests/nightly/manifest.json' },
  OutputDataConfig: { S3Uri: 's3://voiceid-output/results/nightly/', KmsKeyId: 'alias/voiceid-output' },
  EnrollmentConfig: { ExistingEnrollmentAction: 'OVERWRITE', FraudDetectionConfig: { FraudDetectionAction: 'FAIL', RiskThreshold: 50 } },
};

if (!existsSync(join(root, 'dist/voiceid-local.js'))) {
  console.error('bench-emulator-state: run `npm run build` first (dist/voiceid-local.js)');
  process.exit(2);
}

const folders = [];
process.on('exit', () => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A version-1 state file holding `count` jobs of DOMAIN, as voiceid-local 0.1.0 wrote them. */
function writeState(file, count) {
  const now = Date.now();
  const { ClientToken: _none, ...input } = { ...JOB };
  const request = JSON.stringify(sortKeys(input));
  const jobs = {};
  const tokens = {};
  for (let i = 0; i < count; i += 1) {
    const id = `bench${String(i).padStart(17, '0')}`;
    jobs[id] = { JobId: id, ...JOB, CreatedAt: now - 1000 * (count - i), request };
    tokens[`StartSpeakerEnrollmentJob/bench-${i}`] = id;
  }
  const domain = {
    DomainId: DOMAIN,
    Arn: `arn:aws:voiceid:us-east-1:123456789012:domain/${DOMAIN}`,
    Name: `local-${DOMAIN}`,
    DomainStatus: 'ACTIVE',
    ServerSideEncryptionConfiguration: { KmsKeyId: 'alias/aws/voiceid' },
    CreatedAt: now,
    UpdatedAt: now,
  };
  writeFileSync(file, JSON.stringify({ version: 1, domains: { [DOMAIN]: domain }, jobs, tokens }));
}

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys(value[k])]),
    );
  }
  return value;
}

function client(url, sockets = 1) {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  return new VoiceIDClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: KEY,
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({ httpAgent: agent, requestTimeout: 600_000 }),
  });
}

async function startProcess(file) {
  const t0 = performance.now();
  const local = await startLocal(['--state', file, '--domain', DOMAIN, '--credentials', `${KEY.accessKeyId}:${KEY.secretAccessKey}`, '--job-duration', '3600']);
  return { ...local, openMs: performance.now() - t0 };
}

const stopped = (child, signal) =>
  new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill(signal);
  });

let token = 0;
const start = (c) => {
  token += 1;
  return c.send(new StartSpeakerEnrollmentJobCommand({ ...JOB, ClientToken: `run-${process.pid}-${token}` }));
};

/** Latencies in ms of `count` starts one after the other (while `until()` is false, when given). */
async function sequential(c, count, until) {
  const ms = [];
  for (let i = 0; i < count && !until?.(); i += 1) {
    const t0 = performance.now();
    await start(c);
    ms.push(performance.now() - t0);
  }
  return ms;
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const summary = (ms) => ({ median: quantile(ms, 0.5), p95: quantile(ms, 0.95), max: Math.max(...ms), n: ms.length });

async function listAll(c) {
  const ids = new Set();
  let NextToken;
  do {
    const page = await c.send(new ListSpeakerEnrollmentJobsCommand({ DomainId: DOMAIN, MaxResults: 100, NextToken }));
    for (const job of page.JobSummaries ?? []) ids.add(job.JobId);
    NextToken = page.NextToken;
  } while (NextToken);
  return ids;
}

const rows = [];
for (const size of SIZES) {
  const folder = mkdtempSync(join(tmpdir(), 'bench-state-'));
  folders.push(folder);
  const file = join(folder, 'state.json');
  writeState(file, size);
  const local = await startProcess(file);
  const c = client(local.url);
  await sequential(c, 20); // warm-up
  rows.push({ name: `${size.toLocaleString('en-US')} jobs`, open: local.openMs, ...summary(await sequential(c, STARTS)) });
  if (size === Math.max(...SIZES)) {
    let report;
    const compaction = fetch(`${local.url}/__voiceid-local/compact`, { method: 'POST' })
      .then((r) => r.json())
      .then((r) => (report = r));
    const during = await sequential(c, Number.POSITIVE_INFINITY, () => report !== undefined);
    await compaction;
    rows.push({ name: `${size.toLocaleString('en-US')} jobs, during a compaction of ${Math.round(report.ms)} ms`, ...summary(during) });
  }
  c.destroy();
  await stopped(local.child, 'SIGTERM');
  const again = await startProcess(file);
  rows.find((r) => r.name === `${size.toLocaleString('en-US')} jobs`).reopen = again.openMs;
  await stopped(again.child, 'SIGTERM');
}

const format = (ms) => (Number.isFinite(ms) ? ms.toFixed(2) : '-');
console.log(`\nStartSpeakerEnrollmentJob through the SDK, one at a time (${STARTS} per size after 20 warm-up calls), ms:\n`);
console.log('| state | first start (version 1 converted) | restart | n | median | p95 | max |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
const cell = (ms) => (ms === undefined ? '' : format(ms));
for (const r of rows) console.log(`| ${r.name} | ${cell(r.open)} | ${cell(r.reopen)} | ${r.n} | ${format(r.median)} | ${format(r.p95)} | ${format(r.max)} |`);
const base = rows[0];
const largest = rows.find((r) => r.name === `${Math.max(...SIZES).toLocaleString('en-US')} jobs`);
if (base && largest && largest !== base) console.log(`\nmedian at ${largest.name} / at ${base.name}: ${(largest.median / base.median).toFixed(2)}x`);

// C concurrent starts on a new state, then kill -9, a restart, and every answered job looked up.
{
  const folder = mkdtempSync(join(tmpdir(), 'bench-state-'));
  folders.push(folder);
  const file = join(folder, 'state.json');
  const local = await startProcess(file);
  const c = client(local.url, CONCURRENT);
  const t0 = performance.now();
  const results = await Promise.allSettled(Array.from({ length: CONCURRENT }, () => start(c)));
  const wall = performance.now() - t0;
  const answered = results.filter((r) => r.status === 'fulfilled').map((r) => r.value.Job.JobId);
  c.destroy();
  await stopped(local.child, 'SIGKILL');
  const again = await startProcess(file);
  const c2 = client(again.url);
  const saved = await listAll(c2);
  c2.destroy();
  await stopped(again.child, 'SIGTERM');
  const kept = answered.filter((id) => saved.has(id)).length;
  console.log(
    `\n${CONCURRENT} concurrent starts: ${wall.toFixed(0)} ms wall, ${answered.length} answered, ${kept} of them in the state after kill -9 and a restart`,
  );
}
