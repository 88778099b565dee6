// npm's `prepare` (scripts/prepare.mjs) and the build (scripts/build.mjs) in a clone that lacks
// the build's devDependencies: one line that names what is missing and what to run, exit 1, no
// stack trace and no dist/. (That they build where the dependencies are, and the global install
// from git that installs them itself, is scripts/check-install.mjs's, run by CI.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../helpers/golden.js';
import { processEnv } from '../helpers/process-env.js';

let clone: string;
beforeAll(async () => {
  clone = await mkdtemp(join(tmpdir(), 'prepare-'));
  await cp(join(REPO_ROOT, 'scripts'), join(clone, 'scripts'), { recursive: true });
  await cp(join(REPO_ROOT, 'package.json'), join(clone, 'package.json'));
});
afterAll(async () => {
  await rm(clone, { recursive: true, force: true });
});

describe('a clone without node_modules', () => {
  it.each([
    ['prepare', 'scripts/prepare.mjs', {}],
    ['prepare under a global install', 'scripts/prepare.mjs', { npm_config_global: 'true' }],
    ['build', 'scripts/build.mjs', {}],
  ] as const)('%s: says what is missing on one line and exits 1', async (name, script, extra) => {
    const failed = await promisify(execFile)(process.execPath, [join(clone, script)], { cwd: clone, env: processEnv(extra) }).then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toBe('');
    const prefix = name === 'build' ? 'build' : 'prepare';
    expect(failed?.stderr).toBe(
      `${prefix}: cannot build dist/: esbuild, @aws-sdk/client-voice-id, @aws-sdk/client-sts, @aws-sdk/client-sso, @aws-sdk/client-s3, @smithy/core, @smithy/node-http-handler (devDependencies) are not installed in ${clone}/node_modules; run \`npm ci\` in the clone first, with devDependencies (not --omit=dev, nor NODE_ENV=production)\n`,
    );
    expect(await readdir(clone)).toEqual(['package.json', 'scripts']);
  });
});
