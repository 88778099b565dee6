// Replays the golden cases (fixtures/cases → fixtures/golden, recorded from AWS CLI v2.9.19;
// fixtures/cases-2.36.7 → fixtures/golden-2.36.7, recorded from AWS CLI v2.36.7, replayed with
// AWS_VOICEID_COMPAT=2.36.7; both recorded by scripts/record-fixtures.ts) against the clone: exit
// code, stdout, stderr and what reached the scripted endpoint. The clone is run() from src/ in
// this process, or for a sample and the cases that need a process of their own the built command,
// bin/aws-voiceid.js with dist/, which test/global-setup.ts builds from the current src/ before
// any test runs (which is which: test/helpers/golden-in-process.ts; GOLDEN_SPAWN=all spawns all).
//   GOLDEN_GENERATIONS=2.9.19,2.36.7              replay these generations (default: both;
//                                                 `all`: every one)
//   GOLDEN_FILES=params.json,output.json          replay only these case files (default: all)
//   GOLDEN_CLI='/usr/bin/aws'                     replay against another command (split on spaces)
//   GOLDEN_MODE=reference | clone                 reference: `args` and the raw recording (default
//                                                 when GOLDEN_CLI is a generation's reference);
//                                                 clone: `clone_args`, the `expected` overrides and
//                                                 the generation's environment (AWS_VOICEID_COMPAT)
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startFakeVoiceId, type FakeVoiceId } from '../helpers/fake-voiceid.js';
import { spawnReason } from '../helpers/golden-in-process.js';
import {
  GOLDEN_GENERATIONS,
  REPO_ROOT,
  compareResults,
  goldenGeneration,
  loadCases,
  loadExpected,
  ptyPythonPath,
  runCase,
  type GoldenCase,
  type GoldenGeneration,
} from '../helpers/golden.js';

/** `tty` cases put stdout on a pseudo-terminal through python3's pty module; skipped without it. */
const canRun = (c: GoldenCase): boolean => c.tty !== true || ptyPythonPath() !== null;

/** Concurrent cases per case file; each one gets its own endpoint from the pool. */
const POOL_SIZE = 4;
const RUN_TIMEOUT_MS = 60_000;
const TEST_TIMEOUT_MS = 120_000;

/**
 * The generations replayed by default. 2.36.7 joins when the clone implements it (issue 14): until
 * then `GOLDEN_GENERATIONS=2.9.19,2.36.7` replays it on demand.
 */
const DEFAULT_GENERATIONS = '2.9.19,2.36.7';

const CLI = process.env.GOLDEN_CLI?.split(' ').filter(Boolean) ?? [process.execPath, join(REPO_ROOT, 'bin/aws-voiceid.js')];
const REFERENCE_MODE = (process.env.GOLDEN_MODE ?? (GOLDEN_GENERATIONS.some((g) => g.reference === CLI[0]) ? 'reference' : 'clone')) === 'reference';

function selectedGenerations(): GoldenGeneration[] {
  const wanted = process.env.GOLDEN_GENERATIONS || DEFAULT_GENERATIONS;
  if (wanted === 'all') return [...GOLDEN_GENERATIONS];
  return wanted
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
    .map(goldenGeneration);
}

/** The case files of each generation: all of them, or those named in GOLDEN_FILES that it has. */
function selectedFiles(generations: readonly GoldenGeneration[]): Map<GoldenGeneration, string[]> {
  const wanted = process.env.GOLDEN_FILES;
  const names = !wanted || wanted === 'all' ? null : wanted.split(',').map((f) => f.trim());
  const caseFiles = (g: GoldenGeneration): string[] =>
    readdirSync(g.casesDir)
      .filter((f) => f.endsWith('.json') && (names === null || names.includes(f)))
      .sort();
  const byGeneration = new Map(generations.map((g) => [g, caseFiles(g)]));
  const missing = (names ?? []).filter((f) => f !== '' && ![...byGeneration.values()].some((files) => files.includes(f)));
  if (missing.length > 0) throw new Error(`GOLDEN_FILES: no ${missing.join(', ')} in ${generations.map((g) => relative(REPO_ROOT, g.casesDir)).join(', ')}`);
  return byGeneration;
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

const filesByGeneration = selectedFiles(selectedGenerations());
const casesByFile = new Map<string, GoldenCase[]>();
for (const [generation, files] of filesByGeneration) {
  for (const file of files) casesByFile.set(join(generation.casesDir, file), await loadCases([join(generation.casesDir, file)]));
}

for (const [generation, files] of filesByGeneration) {
  describe.each(files)(`golden cases from ${relative(REPO_ROOT, generation.casesDir)}/%s`, (file) => {
    const pool = new EndpointPool();
    beforeAll(() => pool.start(POOL_SIZE));
    afterAll(() => pool.close());

    // The reference cannot reproduce what only later versions do (expected_like).
    const cases = (casesByFile.get(join(generation.casesDir, file)) ?? []).filter((c) => !(REFERENCE_MODE && c.expected_like));
    const noTty = cases.filter((c) => !canRun(c));
    if (noTty.length > 0) it.skip.each(noTty.map((c) => [c.name]))('%s (needs python3 with pty for its terminal)', () => {});
    it.concurrent.each(cases.filter(canRun).map((c) => [c.name, c] as const))(
      '%s',
      async (_name, c) => {
        const expected = await loadExpected(c, generation, { overrides: !REFERENCE_MODE });
        const actual = await pool.use((fake) =>
          runCase(CLI, c, fake, {
            argsKey: REFERENCE_MODE ? 'args' : 'clone_args',
            timeoutMs: RUN_TIMEOUT_MS,
            extraEnv: REFERENCE_MODE ? {} : generation.cloneEnv,
            inProcess: !REFERENCE_MODE && process.env.GOLDEN_CLI === undefined && spawnReason(c) === undefined,
          }),
        );
        const problems = compareResults(c, expected, actual);
        if (problems.length > 0) {
          const args = (REFERENCE_MODE ? c.args : (c.clone_args ?? c.args)).map((a) => JSON.stringify(a)).join(' ');
          throw new Error([`args: ${args}`, ...problems.map((p) => `- ${p}`)].join('\n'));
        }
      },
      TEST_TIMEOUT_MS,
    );
  });
}
