// npm's `prepare`: builds dist/ (scripts/build.mjs) where npm runs it, that is in a clone after
// `npm ci` or `npm install`, before `npm pack` and `npm publish`, and in the clone npm makes to
// install the package from a git URL. An installed package (a tarball or the registry's) carries
// dist/ already, and npm runs no script of it.
//
// One case needs help: `npm install -g git+URL` (and `github:owner/repo`) prepares its clone, a
// temporary folder in npm's cache, with an `npm install` that inherits the global install's
// settings (npm_config_global, the prefix; npm/cli#8440 and #3692, open on npm 10 and 11). That
// install links the clone into the global prefix as if it were `npm install -g .` and installs no
// devDependencies, so the build could not find esbuild, and the package npm installs afterwards
// (packed from the clone) lands through that link in the clone, which npm then deletes. So there
// this script first puts back the empty folder that the link replaced (only a link to this very
// clone), then installs the devDependencies itself, from the lockfile, with the same npm (`npm ci
// --ignore-scripts`, as a local install: npm would otherwise run this prepare again), and builds.
// Any other clone without them gets one line naming what is missing and exit 1.
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readFileSync, realpathSync, unlinkSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { missingBuildDeps, missingBuildDepsMessage } from './build-deps.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
// The global install's settings that a local `npm ci` must not inherit (npm 11 refuses
// --allow-scripts in a project-scoped install).
const GLOBAL_SETTINGS = ['npm_config_global', 'npm_config_prefix', 'npm_config_local_prefix', 'npm_config_location', 'npm_config_allow_scripts'];
const { env } = process;

/** Whether `dir` is inside `parent` (both real paths). */
const inside = (dir, parent) => {
  const path = relative(parent, dir);
  return path !== '' && !path.startsWith('..') && !isAbsolute(path);
};

/** npm's clone of a git dependency, prepared under a global install's settings. */
function isGlobalGitClone() {
  if (env.npm_config_global !== 'true' || !env.npm_config_cache || !env.npm_config_prefix) return false;
  try {
    return inside(realpathSync(root), realpathSync(join(env.npm_config_cache, '_cacache', 'tmp')));
  } catch {
    return false;
  }
}

/** Puts back the empty folder that the inherited settings replaced by a link to this clone. */
function unlinkFromPrefix() {
  const { name } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const modules = process.platform === 'win32' ? join(env.npm_config_prefix, 'node_modules') : join(env.npm_config_prefix, 'lib', 'node_modules');
  const link = join(modules, name);
  try {
    if (lstatSync(link).isSymbolicLink() && realpathSync(link) === realpathSync(root)) {
      // The folder that npm made there, and that the inner install replaced, is where npm then
      // unpacks the package: an empty one, as npm left it.
      unlinkSync(link);
      mkdirSync(link);
    }
  } catch {
    // No link there: nothing to undo.
  }
}

const globalGitClone = isGlobalGitClone();
if (globalGitClone) unlinkFromPrefix();
if (globalGitClone && missingBuildDeps().length > 0 && env.npm_execpath) {
  console.error('prepare: npm installed no devDependencies for this global install from git (npm/cli#8440): npm ci --ignore-scripts --prefer-offline');
  const localEnv = Object.fromEntries(Object.entries(env).filter(([name]) => !GLOBAL_SETTINGS.includes(name.toLowerCase())));
  const npm = spawnSync(process.execPath, [env.npm_execpath, 'ci', '--ignore-scripts', '--include=dev', '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: root,
    env: localEnv,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (npm.status !== 0) {
    console.error(`prepare: npm ci in ${root} failed (${npm.error?.message ?? `exit ${npm.status ?? npm.signal}`}), so dist/ cannot be built`);
    process.exit(1);
  }
}
const missing = missingBuildDeps();
if (missing.length > 0) {
  console.error(`prepare: ${missingBuildDepsMessage(missing)}`);
  process.exit(1);
}
await import('./build.mjs');
