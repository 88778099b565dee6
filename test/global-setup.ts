// vitest globalSetup (vitest.config.ts): builds dist/ with scripts/build.mjs (the bundle and its
// V8 code cache) before any test file runs, and again before each rerun in watch mode, so every
// test that runs bin/aws-voiceid.js, bin/voiceid-local.js or dist/ (the golden replay, the
// process tests, the code-cache test) tests the current src/. A failed build fails the run.
//
// The golden replay runs most cases through run() from src/ in-process and spawns the built
// command for a sample and for the cases that need a process (test/helpers/golden-in-process.ts),
// so the bundle is still replayed on every kind of case: the shim, the bundle's rewritten imports,
// the code cache, the process's exit code, stdout and stdin. The cost of building first: about
// 3 s on a 2-core machine, once per run.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { REPO_ROOT } from './helpers/golden.js';

async function build(): Promise<void> {
  try {
    // The build's own warm-up builds its environment from nothing; it needs only PATH here.
    await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'scripts/build.mjs')], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    });
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`the build (scripts/build.mjs) failed, so no test ran:\n${stderr?.trim() || String(error)}`);
  }
}

export async function setup(project: TestProject): Promise<void> {
  await build();
  project.onTestsRerun(build);
}
