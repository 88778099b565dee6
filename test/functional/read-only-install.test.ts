// An install whose dist/cli/ the user cannot write (`npm install -g` as root, a read-only image):
// the build gives every file of dist/cli/ a V8 code cache (scripts/warm-cache.mjs), so such an
// install runs from caches made at pack time and never needs to write. Where V8 rejects them (a
// node other than the build's), bin/load-cli.cjs keeps its caches in the user's cache folder
// instead, so that only the first run compiles. The user who cannot write: nobody (setpriv) when
// the tests run as root, whom no file mode stops; else the copy's files are made read-only.
// Speed is the benchmark's business; this checks which caches V8 took.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { chmod, chown, cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CACHE_CHECK, cliFiles, rejectCache } from '../../scripts/code-caches.mjs';
import { asRoot, asRunner, listing, NOBODY } from '../../scripts/read-only-user.mjs';
import { REPO_ROOT } from '../helpers/golden.js';
import { processEnv } from '../helpers/process-env.js';

// Loads the CLI from the copy as bin/aws-voiceid.js does, runs --version, writes the caches it
// would write on exit, and prints, for each file loaded, whether V8 took a cache for it
// (cachedDataRejected: false), refused one (true) or had none (null).
const PROBE = `const { loadCli } = require(process.argv[1] + '/bin/load-cli.cjs');
const seen = {};
const loader = loadCli({ onScript: (file, script) => { seen[require('node:path').basename(file)] = script.cachedDataRejected ?? null; } });
const io = loader.cli.nodeIo(new AbortController().signal, { endsWithRun: true });
loader.cli.run(['voice-id', 'list-domains', '--cli-input-yaml', 'MaxResults: 2', '--generate-cli-skeleton'], io).then(async () => {
  await io.flushed();
  loader.writeCaches();
  process.stderr.write(JSON.stringify(seen));
});`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'read-only-install-'));
  await chmod(dir, 0o755);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A copy of bin/ and dist/ under `name` that the runner cannot write (unless `writable`), and a home it can. */
async function install(name: string, { rejectCaches = false, writable = false } = {}): Promise<{ pkg: string; home: string }> {
  const pkg = join(dir, name);
  await cp(join(REPO_ROOT, 'bin'), join(pkg, 'bin'), { recursive: true });
  await cp(join(REPO_ROOT, 'dist'), join(pkg, 'dist'), { recursive: true });
  if (rejectCaches) for (const file of cliFiles(join(pkg, 'dist/cli'))) rejectCache(file);
  const home = join(dir, `${name}-home`);
  await mkdir(home, { mode: 0o755 });
  if (asRoot) await chown(home, NOBODY, NOBODY);
  if (asRoot && writable) await promisify(execFile)('chown', ['-R', `${NOBODY}:${NOBODY}`, pkg]);
  else if (!asRoot && !writable) await promisify(execFile)('chmod', ['-R', 'a-w', pkg]);
  return { pkg, home };
}

/** Runs `node ARGS` as the runner, with HOME set. */
async function runAsRunner(home: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  const [file, argv] = asRunner(process.execPath, args);
  return promisify(execFile)(file, argv, { env: processEnv({ HOME: home }) });
}

const probe = async (pkg: string, home: string): Promise<Record<string, boolean | null>> =>
  JSON.parse((await runAsRunner(home, ['-e', PROBE, pkg])).stderr) as Record<string, boolean | null>;

describe('an install that its user cannot write', () => {
  it('has a code cache for every file of dist/cli/ from the build, which V8 accepts', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', CACHE_CHECK, ...cliFiles(join(REPO_ROOT, 'dist/cli'))], { env: processEnv() });
    expect(stdout).toBe('');
  });

  it('runs from the build caches and writes nothing, in the install or in the home', async () => {
    const { pkg, home } = await install('good');
    const before = listing(pkg);
    const seen = await probe(pkg, home);
    expect(Object.keys(seen).length).toBeGreaterThan(2);
    expect(Object.entries(seen).filter(([, rejected]) => rejected !== false)).toEqual([]);
    const { stdout } = await runAsRunner(home, [join(pkg, 'bin/aws-voiceid.js'), '--version']);
    expect(stdout).toMatch(/^aws-voiceid\//);
    expect(listing(pkg)).toEqual(before);
    expect(await readdir(home)).toEqual([]);
  });

  it('keeps its caches in ~/.cache/aws-voiceid when V8 rejects the build caches, and runs from them next time', async () => {
    const { pkg, home } = await install('rejected', { rejectCaches: true });
    const before = listing(pkg);
    const first = await probe(pkg, home);
    // main.js's cache was refused; the other files then skipped the build's caches.
    expect(first['main.js']).toBe(true);
    expect(Object.values(first).filter((rejected) => rejected === false)).toEqual([]);
    // One folder per node version and flags (the probe's `-e` among them), and in it one per
    // install folder.
    const [byNode, ...moreNodes] = await readdir(join(home, '.cache/aws-voiceid'));
    expect(moreNodes).toEqual([]);
    expect(byNode).toMatch(new RegExp(`^node-${process.version}-${process.arch}-[0-9a-f]{8}$`));
    const [installFolder, ...others] = await readdir(join(home, '.cache/aws-voiceid', byNode ?? ''));
    expect(others).toEqual([]);
    const kept = await readdir(join(home, '.cache/aws-voiceid', byNode ?? '', installFolder ?? ''));
    expect(kept.map((name) => name.replace(/\.[0-9a-f]{8}\.cache$/, '')).sort()).toEqual(Object.keys(first).sort());
    const second = await probe(pkg, home);
    expect(second).toEqual(Object.fromEntries(Object.keys(first).map((name) => [name, false])));
    expect(listing(pkg)).toEqual(before);
  });

  it('goes without a cache, and still runs, when neither the install nor the home can be written', async () => {
    const { pkg } = await install('nowhere', { rejectCaches: true });
    const { stdout } = await runAsRunner('/nonexistent-home', [join(pkg, 'bin/aws-voiceid.js'), '--version']);
    expect(stdout).toMatch(/^aws-voiceid\//);
  });
});

describe('an install run under other V8 flags', () => {
  it('keeps the build caches, even where it could overwrite them, and its own for those flags in ~/.cache/aws-voiceid', async () => {
    const { pkg, home } = await install('flags', { writable: true });
    const before = listing(pkg);
    const flagged = ['--max-old-space-size=1234', '-e', PROBE, pkg];
    const first = JSON.parse((await runAsRunner(home, flagged)).stderr) as Record<string, boolean | null>;
    expect(first['main.js']).toBe(true);
    const second = JSON.parse((await runAsRunner(home, flagged)).stderr) as Record<string, boolean | null>;
    expect(Object.entries(second).filter(([, rejected]) => rejected !== false)).toEqual([]);
    const plain = await probe(pkg, home);
    expect(Object.entries(plain).filter(([, rejected]) => rejected !== false)).toEqual([]);
    expect(listing(pkg)).toEqual(before);
  });
});
