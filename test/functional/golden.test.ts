// Replays the golden cases recorded from AWS CLI v2.9.19 (fixtures/golden, recorded by
// scripts/record-fixtures.ts) against the clone: exit code, stdout, stderr and what reached
// the scripted endpoint. The clone is the built command, bin/aws-voiceid.js with dist/, which
// test/global-setup.ts builds from the current src/ before any test runs (why the replay runs
// the built command and not run() in-process: see there).
//   GOLDEN_FILES=params.json,output.json          replay only these case files (default: all)
//   GOLDEN_CLI='/usr/bin/aws'                     replay against another command (split on spaces)
//   GOLDEN_MODE=reference | clone                 reference: `args` and the raw recording (default
//                                                 when GOLDEN_CLI is /usr/bin/aws); clone: `clone_args`
//                                                 and the `expected` overrides
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startFakeVoiceId, type FakeVoiceId } from '../helpers/fake-voiceid.js';
import { CASES_DIR, REFERENCE_CLI, REPO_ROOT, compareResults, loadCases, loadExpected, ptyPythonPath, runCase, type GoldenCase } from '../helpers/golden.js';

/** `tty` cases put stdout on a pseudo-terminal through python3's pty module; skipped without it. */
const canRun = (c: GoldenCase): boolean => c.tty !== true || ptyPythonPath() !== null;

/** Concurrent cases per case file; each one gets its own endpoint from the pool. */
const POOL_SIZE = 4;
const RUN_TIMEOUT_MS = 60_000;
const TEST_TIMEOUT_MS = 120_000;

const CLI = process.env.GOLDEN_CLI?.split(' ').filter(Boolean) ?? [process.execPath, join(REPO_ROOT, 'bin/aws-voiceid.js')];
const REFERENCE_MODE = (process.env.GOLDEN_MODE ?? (CLI[0] === REFERENCE_CLI ? 'reference' : 'clone')) === 'reference';

function selectedFiles(): string[] {
  const wanted = process.env.GOLDEN_FILES;
  if (!wanted || wanted === 'all')
    return readdirSync(CASES_DIR)
      .filter((f) => f.endsWith('.json'))
      .sort();
  return wanted
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
}

/** A fixed set of endpoints handed out one case at a time. */
class EndpointPool {
  private readonly free: FakeVoiceId[] = [];
  private readonly all: FakeVoiceId[] = [];
  private readonly waiting: Array<(fake: FakeVoiceId) => void> = [];

  async start(size: number): Promise<void> {
    this.all.push(...(await Promise.all(Array.from({ length: size }, () => startFakeVoiceId()))));
    this.free.push(...this.all);
  }

  async use<T>(fn: (fake: FakeVoiceId) => Promise<T>): Promise<T> {
    const fake = this.free.pop() ?? (await new Promise<FakeVoiceId>((resolve) => this.waiting.push(resolve)));
    try {
      return await fn(fake);
    } finally {
      const next = this.waiting.shift();
      if (next) next(fake);
      else this.free.push(fake);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((f) => f.close()));
  }
}

const files = selectedFiles();
const casesByFile = new Map<string, GoldenCase[]>();
for (const file of files) casesByFile.set(file, await loadCases([join(CASES_DIR, file)]));

describe.each(files)('golden cases from fixtures/cases/%s', (file) => {
  const pool = new EndpointPool();
  beforeAll(() => pool.start(POOL_SIZE));
  afterAll(() => pool.close());

  // The reference cannot reproduce what only later versions do (expected_like).
  const cases = (casesByFile.get(file) ?? []).filter((c) => !(REFERENCE_MODE && c.expected_like));
  const noTty = cases.filter((c) => !canRun(c));
  if (noTty.length > 0) it.skip.each(noTty.map((c) => [c.name]))('%s (needs python3 with pty for its terminal)', () => {});
  it.concurrent.each(cases.filter(canRun).map((c) => [c.name, c] as const))(
    '%s',
    async (_name, c) => {
      const expected = await loadExpected(c, { overrides: !REFERENCE_MODE });
      const actual = await pool.use((fake) => runCase(CLI, c, fake, { argsKey: REFERENCE_MODE ? 'args' : 'clone_args', timeoutMs: RUN_TIMEOUT_MS }));
      const problems = compareResults(c, expected, actual);
      if (problems.length > 0) {
        const args = (REFERENCE_MODE ? c.args : (c.clone_args ?? c.args)).map((a) => JSON.stringify(a)).join(' ');
        throw new Error([`args: ${args}`, ...problems.map((p) => `- ${p}`)].join('\n'));
      }
    },
    TEST_TIMEOUT_MS,
  );
});
