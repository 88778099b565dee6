// Loads the built CLI (dist/cli/, written by scripts/build.mjs) the way bin/aws-voiceid.js runs
// it. Each file there is a pack: a script whose value is an object of module factories by module
// id ("./main.js", "./chunk-X.js"; scripts/pack-chunks.mjs). A module's require of another
// module runs that module's factory once, from whichever pack defined it first, and reads the
// pack file of that name when no pack loaded so far did: so an invocation reads, compiles and
// runs only the code it uses. Each pack is compiled as a vm.Script with its V8 code cache
// (FILE.cache) when there is one, since Node 20 has no compile cache of its own. The build writes
// the cache of every file (scripts/warm-cache.mjs), so an install runs from caches made at pack
// time, whether or not it can write dist/cli/. A pack whose cache is missing or that V8 rejects is
// remembered; writeCaches() then writes its cache (after the run, so that the functions it
// compiled lazily are in it too), next to it, or in the user's cache when dist/cli/ is not
// writable (userCacheDir). Requires only Node's built-ins that `node -e 0` has loaded.
'use strict';
const { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } = require('node:fs');
const { basename, dirname, isAbsolute, join } = require('node:path');
const { Script } = require('node:vm');

const DIST = join(__dirname, '..', 'dist', 'cli');

/**
 * The CLI's exports (run, nodeIo, warmUp), loaded from `dir`. `onScript(file, script)` sees each
 * compiled file before it runs (the code-cache probe of the tests measures with it).
 */
function loadCli({ dir = DIST, onScript } = {}) {
  const factories = new Map();
  const modules = new Map();
  const stale = [];
  const packs = new Set();
  // The bundle requires its own modules and Node's built-ins, nothing else.
  const chunkRequire = (id) => (id.startsWith('./') ? instance(id) : builtin(id));
  function instance(id) {
    const known = modules.get(id);
    if (known) return known.exports;
    if (!factories.has(id)) loadPack(join(dir, id));
    const factory = factories.get(id);
    if (factory === undefined) throw new Error(`dist/cli: no pack defines ${id} (rebuild with npm run build)`);
    const module = { exports: {} };
    modules.set(id, module);
    factory(module.exports, chunkRequire, module, join(dir, id), dir);
    return module.exports;
  }
  // The user's cache of this dist/cli/ (userCacheDir). It exists only where an earlier run could
  // not write dist/cli/ and the build's caches did not serve: the files then try it first.
  const userDir = userCacheDir(dir);
  let userFirst = userDir !== undefined && existsSync(userDir);
  let distRejected = false;
  function loadPack(file) {
    packs.add(file);
    const bytes = readFileSync(file);
    const source = bytes.toString('utf8');
    let userFile;
    const user = () => (userFile ??= userDir && join(userDir, `${basename(file)}.${fnv1a(bytes)}.cache`));
    const dist = () => (distRejected ? undefined : `${file}.cache`);
    let script;
    // Whether the build wrote no cache for this file (rather than one that V8 rejects).
    let distMissing = false;
    for (const where of userFirst ? [user, dist] : [dist, user]) {
      const cachedData = readCache(where());
      if (cachedData === undefined) {
        if (where === dist && !distRejected) distMissing = true;
        continue;
      }
      const attempt = compile(file, source, cachedData);
      if (!attempt.cachedDataRejected) {
        script = attempt;
        break;
      }
      // Compiled all the same, from the source: no second compile unless another cache serves.
      script ??= attempt;
      if (where === dist) {
        // V8 rejects the build's caches (another node, other flags): the next files go to the
        // user's first.
        distRejected = true;
        userFirst = true;
      }
    }
    script ??= compile(file, source, undefined);
    if (script.cachedDataRejected !== false) stale.push({ file, script, user, nextToFile: distMissing && !userFirst });
    onScript?.(file, script);
    for (const [id, factory] of Object.entries(script.runInThisContext())) if (!factories.has(id)) factories.set(id, factory);
  }
  const cli = instance('./main.js');
  return {
    cli,
    /**
     * Build time (scripts/warm-cache.mjs): loads every pack not loaded yet and runs each of its
     * modules, so that writeCaches() gives every file a cache that holds at least the code that
     * loading runs. An install directory that cannot be written (a read-only or root-owned one)
     * then never compiles a file from nothing, whatever the invocation.
     */
    loadAll() {
      for (const name of readdirSync(dir)) if (name.endsWith('.js') && !packs.has(join(dir, name))) loadPack(join(dir, name));
      for (const id of [...factories.keys()]) instance(id);
    },
    /**
     * Writes the cache of each file that had none or a rejected one: next to the file, or in the
     * user's cache (userCacheDir).
     */
    writeCaches() {
      for (const { file, script, user, nextToFile } of stale.splice(0)) {
        const data = script.createCachedData();
        // A cache the build wrote stays, even where V8 rejects it (it serves the node and flags it
        // was made for): this run's goes to the user's cache, and next to the file only where the
        // user has no cache folder. A file the build wrote no cache for gets it next to it.
        const dist = () => writeAtomically(`${file}.cache`, data);
        const mine = () => user() !== undefined && writeAtomically(user(), data, true);
        if (nextToFile) dist() || mine();
        else mine() || dist();
        // Neither writable: this run goes without; the next one compiles again.
      }
    },
  };
}

/** A compiled pack; `cachedDataRejected` is undefined without a cache, else whether V8 refused it. */
const compile = (file, source, cachedData) => new Script(source, { filename: file, cachedData });

function readCache(path) {
  if (path === undefined) return undefined;
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Writes `path` through a temporary file and a rename; false when it cannot. */
function writeAtomically(path, data, makeDir = false) {
  const temp = `${path}.${process.pid}`;
  try {
    if (makeDir) mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(temp, data);
    renameSync(temp, path);
    return true;
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      // Never written.
    }
    return false;
  }
}

/**
 * Where the caches of `dir` go when the build's caches do not serve (V8 rejects a cache made by
 * another node version, or under other V8 flags), or when this user cannot write dist/cli/ (an
 * install owned by root, or read-only): $XDG_CACHE_HOME/aws-voiceid, else ~/.cache/aws-voiceid
 * (%LOCALAPPDATA% on Windows), in a folder per node version, architecture and flags, and one per
 * install folder, so that runs with and without a flag do not overwrite each other's caches. A
 * file's name there holds a hash of its source, since V8 checks only the length of the source a
 * cache was made from. So such an install compiles each file once per user and flags, not at every
 * run. Undefined without a home that exists.
 */
function userCacheDir(dir) {
  const { XDG_CACHE_HOME, HOME, LOCALAPPDATA } = process.env;
  let base;
  if (XDG_CACHE_HOME && isAbsolute(XDG_CACHE_HOME)) base = XDG_CACHE_HOME;
  else if (process.platform === 'win32' && LOCALAPPDATA) base = LOCALAPPDATA;
  // A home that does not exist (HOME=/nonexistent) is not made.
  else if (HOME && isAbsolute(HOME) && existsSync(HOME)) base = join(HOME, '.cache');
  else return undefined;
  // V8 rejects a cache made under other V8 flags (--max-old-space-size in NODE_OPTIONS, say).
  const flags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ').trim();
  const node = `node-${process.version}-${process.arch}${flags ? `-${fnv1a(Buffer.from(flags))}` : ''}`;
  return join(base, 'aws-voiceid', node, fnv1a(Buffer.from(dir)));
}

/**
 * FNV-1a (32 bits) over the 32-bit words of `bytes`, then its last bytes, in hex: a source's
 * identity for the user's cache (a fourth of the steps of a byte-wise hash, which the fallback
 * pays at every run).
 */
function fnv1a(bytes) {
  let hash = 0x811c9dc5;
  let i = 0;
  if (bytes.byteOffset % 4 === 0) {
    const words = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
    for (; i < words.length; i++) hash = Math.imul(hash ^ words[i], 0x01000193);
    i *= 4;
  }
  for (; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function builtin(id) {
  const module = process.getBuiltinModule(id);
  if (module === undefined) throw new Error(`dist/cli requires ${id}, which is not a Node built-in`);
  return module;
}

module.exports = { loadCli };
