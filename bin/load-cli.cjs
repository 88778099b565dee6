// Loads the built CLI (dist/cli/: main.js and the chunks it requires on demand, written by
// scripts/build.mjs) the way bin/aws-voiceid.js runs it: each file through Module.wrap into a
// vm.Script with its V8 code cache (FILE.cache) when there is one, since Node 20 has no compile
// cache of its own. A chunk is read, compiled and run only when first required, so an
// invocation pays only for the code it uses. A file whose cache is missing or that V8 rejects is
// remembered; writeCaches() then writes its cache (after the run, so that the functions it
// compiled lazily are in it too). Requires only Node's built-ins that `node -e 0` has loaded.
'use strict';
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { Module } = require('node:module');
const { join } = require('node:path');
const { Script } = require('node:vm');

const DIST = join(__dirname, '..', 'dist', 'cli');

/**
 * The CLI's exports (run, nodeIo, warmUp), loaded from `dir`. `onScript(file, script)` sees each
 * compiled file before it runs (the code-cache probe of the tests measures with it).
 */
function loadCli({ dir = DIST, onScript } = {}) {
  const loaded = new Map();
  const stale = [];
  // The bundle requires its own chunks and Node's built-ins, nothing else.
  const chunkRequire = (id) => (id.startsWith('./') ? load(join(dir, id)) : builtin(id));
  function load(file) {
    const known = loaded.get(file);
    if (known) return known.exports;
    const module = { exports: {} };
    loaded.set(file, module);
    let cachedData;
    try {
      cachedData = readFileSync(`${file}.cache`);
    } catch {
      cachedData = undefined;
    }
    const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) stale.push({ file, script });
    onScript?.(file, script);
    script.runInThisContext()(module.exports, chunkRequire, module, file, dir);
    return module.exports;
  }
  const cli = load(join(dir, 'main.js'));
  return {
    cli,
    /** The files loaded so far. */
    files: () => [...loaded.keys()],
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
