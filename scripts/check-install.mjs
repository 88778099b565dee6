#!/usr/bin/env node
// npm run check:install: installs aws-voiceid every way the README's "Install" section shows, with
// npm 10 and npm 11 on this node, and runs what each install put on PATH: `aws-voiceid --version`,
// `--generate-cli-skeleton`, and a request against the installed `voiceid-local` on 127.0.0.1.
// CI runs it after the tests (.ci/run). The paths, each from a fresh clone of HEAD:
//   clone      `npm ci` in the clone, then `npx aws-voiceid` / `npx voiceid-local` there
//   tarball    `npm pack`, then `npm install -g <tarball>` into a fresh prefix: one package
//              installed, no script run, dist/ as packed (every file with its V8 code cache)
//   git        `npm install -g git+file://<clone>` into a fresh prefix (npm builds it: prepare);
//              with npm 11 also with the --allow-scripts=aws-voiceid its warning suggests
//   npx        `npx --package <tarball> aws-voiceid ...` and `... voiceid-local`
//   project    `npm install --save-dev <tarball>` in a project, then `npx aws-voiceid` and
//              `npx voiceid-local` there (a CI pipeline's way)
//   read-only  the tarball's install run by a user who cannot write it (nobody, when this runs as
//              root; else the files made read-only): it works, writes nothing, and V8 accepts
//              the code cache of every file of dist/cli/ that the pack carried
// npm 10 or 11 that this machine lacks is installed (pinned, below) into the scratch folder with
// the machine's npm. npm reaches the registry (npm ci, the git install's build) with this
// machine's npm settings and cache; nothing else of the environment is passed on, and every
// request goes to 127.0.0.1. Prints one line per check and the tarball's figures; exits 1 when a
// check failed, 2 on a usage error.
//   node scripts/check-install.mjs [--npm 10,11] [--keep]
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE_CHECK, cliFiles } from './code-caches.mjs';
import { asRoot, asRunner, listing, NOBODY } from './read-only-user.mjs';
import { startLocal } from './start-local.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The npm of each major that the check installs when the machine's npm is another one. */
const PINNED_NPM = { 10: '10.9.9', 11: '11.19.1' };
const DOMAIN = 'installcheck0000000000';
const KEY = 'AKIDINSTALLCHECK';
const SECRET = 'install-check-secret';
/** How long one command may take (npm ci and the git install fetch from the registry). */
const COMMAND_LIMIT_MS = 10 * 60_000;

function usage(message) {
  console.error(`check-install: ${message}`);
  console.error('usage: node scripts/check-install.mjs [--npm 10,11] [--keep]');
  process.exit(2);
}

function parseOptions(args) {
  const options = { majors: ['10', '11'], keep: false };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--keep') options.keep = true;
    else if (args[i] === '--npm') {
      const value = args[++i];
      if (value === undefined) usage('--npm needs a value');
      options.majors = value.split(',');
      for (const major of options.majors) if (!(major in PINNED_NPM)) usage(`--npm ${value}: npm ${major} is not one of ${Object.keys(PINNED_NPM).join(', ')}`);
    } else usage(`unknown option ${args[i]}`);
  }
  return options;
}

const options = parseOptions(process.argv.slice(2));
const scratch = mkdtempSync(join(tmpdir(), 'aws-voiceid-install-'));
// Traversable by the read-only check's user (mkdtemp makes it 0700).
chmodSync(scratch, 0o755);
const home = join(scratch, 'home');
mkdirSync(home, { mode: 0o755 });

/** The machine's npm: its command line, its settings file and its cache (for the registry). */
function machineNpm() {
  const get = (key) => spawnSync('npm', ['config', 'get', key], { encoding: 'utf8' }).stdout?.trim();
  const version = spawnSync('npm', ['--version'], { encoding: 'utf8' }).stdout?.trim();
  if (!version) usage('npm is not on PATH');
  return { version, userconfig: get('userconfig'), globalconfig: get('globalconfig'), cache: get('cache') };
}
const machine = machineNpm();

/** A fresh environment for npm and the installed commands: PATH, HOME, npm's settings; no AWS. */
function baseEnv(binDirs) {
  const env = {
    PATH: [...binDirs, join(process.execPath, '..'), '/usr/bin', '/bin'].join(':'),
    HOME: home,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: join(home, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-credentials'),
    AWS_ACCESS_KEY_ID: KEY,
    AWS_SECRET_ACCESS_KEY: SECRET,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_PAGER: '',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
  // Both settings files, by name: a global install into another prefix would read PREFIX/etc/npmrc
  // instead of the machine's (where a cafile or a registry may be set).
  if (machine.userconfig && existsSync(machine.userconfig)) env.npm_config_userconfig = machine.userconfig;
  if (machine.globalconfig && existsSync(machine.globalconfig)) env.npm_config_globalconfig = machine.globalconfig;
  if (machine.cache) env.npm_config_cache = machine.cache;
  return env;
}

/** Runs a command to its end, as the user who cannot write an install when `readOnly`: { status, stdout, stderr, ms }. */
function run(command, args, { cwd = scratch, env, readOnly = false } = {}) {
  const started = Date.now();
  const [file, argv] = readOnly ? asRunner(command, args) : [command, args];
  const result = spawnSync(file, argv, { cwd, env, encoding: 'utf8', timeout: COMMAND_LIMIT_MS, maxBuffer: 64 * 1024 * 1024 });
  return {
    status: result.status ?? result.signal ?? result.error?.message,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
    ms: Date.now() - started,
  };
}

class CheckFailed extends Error {}

/** The last lines of a command's stderr, on one line. */
const tail = (text) =>
  text
    .trim()
    .split('\n')
    .slice(-3)
    .map((line) => line.trim())
    .join(' | ')
    .slice(0, 400);

function mustRun(what, command, args, options) {
  const result = run(command, args, options);
  if (result.status !== 0) throw new CheckFailed(`${what} exited ${result.status}: ${tail(result.stderr || result.stdout)}`);
  return result;
}

/** The npm of `major`: the machine's, or the pinned one installed into the scratch folder. */
function npmOf(major) {
  if (machine.version.split('.')[0] === major) return { version: machine.version, bin: [] };
  const prefix = join(scratch, `npm-${major}`);
  mustRun(`installing npm ${PINNED_NPM[major]}`, 'npm', ['install', '--prefix', prefix, '--no-save', '--no-package-lock', `npm@${PINNED_NPM[major]}`], {
    env: baseEnv([]),
  });
  const bin = join(prefix, 'node_modules', '.bin');
  return { version: run(join(bin, 'npm'), ['--version'], { env: baseEnv([bin]) }).stdout.trim(), bin: [bin] };
}

/** Starts an installed voiceid-local (`command`) and resolves with { url, stop }. */
async function startInstalledLocal(command, env, cwd) {
  let local;
  try {
    local = await startLocal(['--domain', DOMAIN, '--credentials', `${KEY}:${SECRET}`], { command, env, cwd, timeoutMs: COMMAND_LIMIT_MS });
  } catch (error) {
    throw new CheckFailed(error.message);
  }
  const { child } = local;
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }
    });
  return { url: local.url, stop };
}

const SKELETON_ARGS = ['voice-id', 'start-speaker-enrollment-job', '--generate-cli-skeleton'];
const expectedSkeleton = () => {
  const result = mustRun("the clone's skeleton", process.execPath, [join(root, 'bin/aws-voiceid.js'), ...SKELETON_ARGS], { env: baseEnv([]) });
  return result.stdout;
};
let skeleton;

/**
 * The three runs every install must pass. `cli` and `local` are argv prefixes: how the install
 * runs aws-voiceid and voiceid-local. Rejects with CheckFailed naming the first that failed.
 */
async function exercise({ cli, local, env, cwd, readOnly = false }) {
  const [command, ...prefix] = cli;
  const version = mustRun('aws-voiceid --version', command, [...prefix, '--version'], { env, cwd, readOnly });
  if (!/^aws-voiceid\/\d+\.\d+\.\d+ aws-cli\/2\.9\.19 Node\//.test(version.stdout))
    throw new CheckFailed(`aws-voiceid --version printed ${JSON.stringify(version.stdout.slice(0, 100))}`);
  skeleton ??= expectedSkeleton();
  const made = mustRun('--generate-cli-skeleton', command, [...prefix, ...SKELETON_ARGS], { env, cwd, readOnly });
  if (made.stdout !== skeleton) throw new CheckFailed('--generate-cli-skeleton printed something else than the clone does');
  const server = await startInstalledLocal(local, env, cwd);
  try {
    const request = mustRun(
      'a request against voiceid-local',
      command,
      [
        ...prefix,
        '--endpoint-url',
        server.url,
        'voice-id',
        'start-speaker-enrollment-job',
        '--domain-id',
        DOMAIN,
        '--data-access-role-arn',
        'arn:aws:iam::123456789012:role/InstallCheck',
        '--input-data-config',
        'S3Uri=s3://install-check/in.json',
        '--output-data-config',
        'S3Uri=s3://install-check/out',
        '--query',
        'Job.JobStatus',
        '--output',
        'text',
      ],
      { env, cwd, readOnly },
    );
    if (request.stdout !== 'SUBMITTED\n') throw new CheckFailed(`the request printed ${JSON.stringify(request.stdout.slice(0, 100))}, not SUBMITTED`);
  } finally {
    await server.stop();
  }
}

/** The lifecycle scripts npm runs when it installs a package from a tarball (it runs no `prepare` there). */
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'];

/** Why the installed package's code caches are not all there and accepted by V8 (as the runner, if `readOnly`), or undefined. */
function cacheProblem(prefix, env, readOnly = false) {
  const caches = run(process.execPath, ['-e', CACHE_CHECK, ...cliFiles(join(prefix, 'lib/node_modules/aws-voiceid/dist/cli'))], { env, readOnly });
  if (caches.status === 0 && caches.stdout === '') return undefined;
  return `the installed code caches are not all there and good${readOnly ? ' for this user' : ''}: ${tail(caches.stdout || caches.stderr)}`;
}

/** The installed packages under a global prefix (each folder of lib/node_modules with a package.json). */
function installedPackages(prefix) {
  const modules = join(prefix, 'lib', 'node_modules');
  const found = [];
  const visit = (dir) => {
    for (const name of existsSync(dir) ? readdirSync(dir) : []) {
      if (name.startsWith('.')) continue;
      if (name.startsWith('@')) visit(join(dir, name));
      else if (existsSync(join(dir, name, 'package.json'))) {
        found.push(name);
        visit(join(dir, name, 'node_modules'));
      }
    }
  };
  visit(modules);
  return found;
}

const results = [];
let figures;

async function check(name, npm, body) {
  const started = Date.now();
  try {
    const note = await body();
    results.push({ ok: true, line: `ok    npm ${npm.version}  ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)${note ? `: ${note}` : ''}` });
  } catch (error) {
    if (!(error instanceof CheckFailed)) throw error;
    results.push({ ok: false, line: `FAIL  npm ${npm.version}  ${name}: ${error.message}` });
  }
  console.log(results.at(-1).line);
}

async function checkWith(major) {
  const npm = npmOf(major);
  const npmEnv = baseEnv(npm.bin);
  const clone = join(scratch, `clone-npm${major}`);
  mustRun('git clone', 'git', ['clone', '--quiet', '--no-hardlinks', root, clone], { env: npmEnv });
  let tarball;

  await check('clone: npm ci, npx aws-voiceid', npm, async () => {
    const ci = mustRun('npm ci', 'npm', ['ci', '--prefer-offline'], { cwd: clone, env: npmEnv });
    if (/allowScripts|install-scripts/.test(ci.stderr)) throw new CheckFailed(`npm ci warned about install scripts: ${tail(ci.stderr)}`);
    await exercise({ cli: ['npx', 'aws-voiceid'], local: ['npx', 'voiceid-local'], env: npmEnv, cwd: clone });
  });

  await check('tarball: npm pack, npm install -g <tarball>', npm, async () => {
    if (!existsSync(join(clone, 'node_modules'))) throw new CheckFailed('no clone to pack (npm ci failed)');
    const packed = mustRun('npm pack', 'npm', ['pack', '--json', '--pack-destination', scratch], { cwd: clone, env: npmEnv });
    const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[')));
    tarball = join(scratch, `${major}-${info.filename}`);
    mustRun('mv', 'mv', [join(scratch, info.filename), tarball]);
    figures ??= { size: info.size, unpackedSize: info.unpackedSize, files: info.entryCount };
    const prefix = join(scratch, `prefix-tarball-npm${major}`);
    const installed = mustRun('npm install -g', 'npm', ['install', '-g', '--prefix', prefix, '--foreground-scripts', tarball], { env: npmEnv });
    const packages = installedPackages(prefix);
    if (packages.join() !== 'aws-voiceid') throw new CheckFailed(`npm installed ${packages.length} packages (${packages.join(', ')}), not aws-voiceid alone`);
    figures.installed = packages.length;
    if (/^> aws-voiceid@/m.test(installed.stdout + installed.stderr)) throw new CheckFailed(`npm ran a script while installing: ${tail(installed.stdout)}`);
    const { scripts = {} } = JSON.parse(readFileSync(join(prefix, 'lib/node_modules/aws-voiceid/package.json'), 'utf8'));
    const problem = cacheProblem(prefix, npmEnv);
    if (problem) throw new CheckFailed(problem);
    await exercise({ cli: [join(prefix, 'bin/aws-voiceid')], local: [join(prefix, 'bin/voiceid-local')], env: baseEnv([join(prefix, 'bin'), ...npm.bin]) });
    const scriptsRun = INSTALL_SCRIPTS.filter((script) => scripts[script]);
    if (scriptsRun.length > 0) throw new CheckFailed(`the package has install scripts: ${scriptsRun.join(', ')}`);
    return `${(info.size / 1000).toFixed(1)} kB, ${(info.unpackedSize / 1e6).toFixed(2)} MB unpacked, ${info.entryCount} files, ${packages.length} package installed`;
  });

  await check("read-only install (the tarball's, run by a user who cannot write it)", npm, async () => {
    if (tarball === undefined) throw new CheckFailed('no tarball (npm pack failed)');
    const prefix = join(scratch, `prefix-readonly-npm${major}`);
    mustRun('npm install -g', 'npm', ['install', '-g', '--prefix', prefix, tarball], { env: npmEnv });
    const before = listing(prefix).join('\n');
    if (!asRoot) run('chmod', ['-R', 'a-w', prefix]);
    try {
      const env = baseEnv([join(prefix, 'bin')]);
      await exercise({ cli: [join(prefix, 'bin/aws-voiceid')], local: [join(prefix, 'bin/voiceid-local')], env, readOnly: true });
      // A help page and YAML input load files that the runs above did not.
      mustRun('help', join(prefix, 'bin/aws-voiceid'), ['voice-id', 'describe-domain', 'help'], { env, readOnly: true });
      mustRun(
        '--cli-input-yaml',
        join(prefix, 'bin/aws-voiceid'),
        ['voice-id', 'list-domains', '--cli-input-yaml', 'MaxResults: 3', '--generate-cli-skeleton'],
        { env, readOnly: true },
      );
      const problem = cacheProblem(prefix, env, true);
      if (problem) throw new CheckFailed(problem);
    } finally {
      if (!asRoot) run('chmod', ['-R', 'u+w', prefix]);
    }
    if (listing(prefix).join('\n') !== before) throw new CheckFailed('a run changed the install');
    return asRoot ? `run as uid ${NOBODY}` : 'files made read-only';
  });

  await check('npx --package <tarball> aws-voiceid', npm, async () => {
    if (tarball === undefined) throw new CheckFailed('no tarball (npm pack failed)');
    // A cache of its own, so that npx installs the tarball rather than finding it.
    const env = { ...npmEnv, npm_config_cache: join(scratch, `npx-cache-npm${major}`) };
    const empty = join(scratch, `npx-cwd-npm${major}`);
    mkdirSync(empty);
    await exercise({
      cli: ['npx', '--yes', `--package=${tarball}`, '--', 'aws-voiceid'],
      local: ['npx', '--yes', `--package=${tarball}`, '--', 'voiceid-local'],
      env,
      cwd: empty,
    });
  });

  await check('project: npm install --save-dev <tarball>, npx aws-voiceid, npx voiceid-local', npm, async () => {
    if (tarball === undefined) throw new CheckFailed('no tarball (npm pack failed)');
    const project = join(scratch, `project-npm${major}`);
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'ci-pipeline', version: '1.0.0', private: true })}\n`);
    mustRun('npm install --save-dev', 'npm', ['install', '--save-dev', tarball], { cwd: project, env: npmEnv });
    await exercise({ cli: ['npx', 'aws-voiceid'], local: ['npx', 'voiceid-local'], env: npmEnv, cwd: project });
  });

  // npm 11 warns that the git install's prepare is not covered by allowScripts and suggests
  // --allow-scripts, which its children inherit: that way must work too.
  const gitWays = major === '10' ? [[]] : [[], ['--allow-scripts=aws-voiceid']];
  for (const flags of gitWays) {
    await check(`git: npm install -g ${flags.map((flag) => `${flag} `).join('')}git+file://<clone>`, npm, async () => {
      const tag = flags.length === 0 ? '' : '-flags';
      const prefix = join(scratch, `prefix-git${tag}-npm${major}`);
      const bare = join(scratch, `git${tag}-npm${major}`);
      mustRun('git clone', 'git', ['clone', '--quiet', '--no-hardlinks', root, bare], { env: npmEnv });
      const installed = mustRun('npm install -g git+file://', 'npm', ['install', '-g', '--prefix', prefix, ...flags, `git+file://${bare}`], { env: npmEnv });
      const problem = cacheProblem(prefix, npmEnv);
      if (problem) throw new CheckFailed(problem);
      await exercise({ cli: [join(prefix, 'bin/aws-voiceid')], local: [join(prefix, 'bin/voiceid-local')], env: baseEnv([join(prefix, 'bin')]) });
      return /allowScripts|install-scripts/.test(installed.stderr) ? 'npm warned that the prepare script is not covered by allowScripts (it ran)' : '';
    });
  }
}

try {
  const dirty = run('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root }).stdout.trim();
  const head = run('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).stdout.trim();
  console.log(`check-install: HEAD ${head}${dirty ? ' (uncommitted changes are not checked)' : ''}, node ${process.version}, in ${scratch}`);
  for (const major of options.majors) {
    try {
      await checkWith(major);
    } catch (error) {
      if (!(error instanceof CheckFailed)) throw error;
      results.push({ ok: false, line: `FAIL  npm ${major}: ${error.message}` });
      console.log(results.at(-1).line);
    }
  }
  if (figures) {
    writeFileSync(join(scratch, 'figures.json'), `${JSON.stringify(figures)}\n`);
    console.log(
      `tarball ${(figures.size / 1000).toFixed(1)} kB, unpacked ${(figures.unpackedSize / 1e6).toFixed(2)} MB (${figures.files} files), packages installed: ${figures.installed ?? '?'}`,
    );
  }
} finally {
  if (!options.keep) {
    run('chmod', ['-R', 'u+w', scratch]);
    rmSync(scratch, { recursive: true, force: true });
  }
}
const failed = results.filter((result) => !result.ok).length;
console.log(failed === 0 ? `check-install: all ${results.length} checks passed` : `check-install: ${failed} of ${results.length} checks failed`);
process.exit(failed === 0 ? 0 : 1);
