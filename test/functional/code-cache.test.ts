// The V8 code caches of the build (dist/cli/*.js.cache, written by scripts/warm-cache.mjs): V8
// accepts them, and formatting a response as table, YAML (or any other format) compiles no
// function of the CLI lazily, i.e. the warm-up put every formatter's code into the caches.
// One process per format, started from the cache as a user's run is: first a request with
// --output json, which compiles whatever of the request path the cache lacks (that depends on
// the request and the answer: the fake's answer holds members voiceid-local's, which the
// warm-up uses, does not), then the same request with the format under test, which must add
// nothing. How the probe sees lazy compilation: test/helpers/code-cache-probe.cjs. Timings are
// the benchmark's business (npm run bench), never asserted here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startFakeVoiceId, SECRETS, type FakeVoiceId } from '../helpers/fake-voiceid.js';
import { REPO_ROOT } from '../helpers/golden.js';
import { processEnv, requiredOptions } from '../helpers/process-env.js';

const PROBE = join(REPO_ROOT, 'test/helpers/code-cache-probe.cjs');
const ENV = processEnv({ AWS_SECRET_ACCESS_KEY: SECRETS.AKIDEXAMPLE ?? '' });

interface ProbeReport {
  rejected: string[];
  missing: string[];
  runs: { exitCode: number; grown: number }[];
}

let fake: FakeVoiceId;
let dir: string;
beforeAll(async () => {
  fake = await startFakeVoiceId();
  dir = await mkdtemp(join(tmpdir(), 'code-cache-'));
});
afterAll(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

/** The probe's report for requests with each of `outputs` (extra argv), in one process. */
async function probe(name: string, outputs: readonly (readonly string[])[]): Promise<ProbeReport> {
  const report = join(dir, `${name}.json`);
  const request = ['--endpoint-url', fake.url, 'voice-id', 'start-speaker-enrollment-job', ...requiredOptions('abcdefghij0123456789AB')];
  await promisify(execFile)(process.execPath, [PROBE, report, JSON.stringify(outputs.map((extra) => [...request, ...extra]))], { env: ENV });
  return JSON.parse(await readFile(report, 'utf8')) as ProbeReport;
}

describe('the code caches (dist/cli/*.js.cache)', () => {
  it.each([
    ['table', ['--output', 'table']],
    ['table with --query', ['--output', 'table', '--query', 'Job']],
    ['yaml', ['--output', 'yaml']],
    ['yaml-stream', ['--output', 'yaml-stream']],
    ['text', ['--output', 'text']],
  ] as const)('is accepted by V8 and holds the code that formats a response as %s', async (name, extra) => {
    const report = await probe(name.replace(/\W+/g, '-'), [['--output', 'json'], extra]);
    expect(report.rejected, 'V8 rejected these code caches').toEqual([]);
    expect(report.missing, 'these files of the request path have no code cache: see warmUp() in src/warm-up.ts').toEqual([]);
    expect(report.runs.map((r) => r.exitCode)).toEqual([0, 0]);
    const grown = report.runs[1]?.grown;
    expect(grown, `--output ${name} compiled ${grown} bytes of code that the caches lack: see warmUp() in src/warm-up.ts`).toBeLessThanOrEqual(0);
  });
});
