// Loads the built CLI (dist/cli/, written by scripts/build.mjs) the way bin/aws-voiceid.js runs
// it. Each file there is a pack: a script whose value is an object of module factories by module
// id ("./main.js", "./chunk-X.js"; scripts/pack-chunks.mjs). A module's require of another
// module runs that module's factory once, from whichever pack defined it first, and reads the
// pack file of that name when no pack loaded so far did: so an invocation reads, compiles and
// runs only the code it uses. Each pack is compiled as a vm.Script with its V8 code cache
// (FILE.cache) when there is one, since Node 20 has no compile cache of its own. A pack whose
// cache is missing or that V8 rejects is remembered; writeCaches() then writes its cache (after
// the run, so that the functions it compiled lazily are in it too). Requires only Node's
// built-ins that `node -e 0` has loaded.
'use strict';
const { readdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
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
  function loadPack(file) {
    packs.add(file);
    let cachedData;
    try {
      cachedData = readFileSync(`${file}.cache`);
    } catch {
      cachedData = undefined;
    }
    const script = new Script(readFileSync(file, 'utf8'), { filename: file, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) stale.push({ file, script });
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
    /** Writes the cache of each file that had none or a rejected one; a read-only install skips it. */
    writeCaches() {
      for (const { file, script } of stale.splice(0)) {
        try {
          const temp = `${file}.cache.${process.pid}`;
          writeFileSync(temp, script.createCachedData());
          renameSync(temp, `${file}.cache`);
        } catch {
          // Not writable: this run goes without; the next one compiles again.
        }
      }
    },
  };
}

function builtin(id) {
  const module = process.getBuiltinModule(id);
  if (module === undefined) throw new Error(`dist/cli requires ${id}, which is not a Node built-in`);
  return module;
}

module.exports = { loadCli };
