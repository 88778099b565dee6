// node code-cache-probe.cjs REPORT RUNS: the built CLI, loaded as bin/aws-voiceid.js loads it
// (bin/load-cli.cjs: dist/cli/main.js and each chunk it requires through Module.wrap, with its
// FILE.cache as V8's cachedData), runs each command line of RUNS (a JSON list of argv lists) in
// turn in this one process, and writes to REPORT what the code caches covered, as JSON:
//   rejected  the files whose cache V8 refused (it then compiled them whole)
//   missing   the files loaded that had no cache
//   runs      one { exitCode, grown } per command line: what run() returned, and by how many
//             bytes the code caches of the loaded files grew during that run
// Why the size: script.createCachedData() serializes every function of a file compiled so far,
// those restored from the cache and those compiled lazily since. Serialized twice in one process
// with nothing compiled in between, the two sizes are equal (they differ slightly from the file's
// size, so every size here comes from this process); each function a run compiled because the
// cache lacked it adds its bytecode. A file first loaded during a run counts from its size as
// loaded. No V8 flag is needed: tracing flags such as --log-function-events or --no-lazy change
// V8's flag hash and V8 then rejects the cache, and --trace-lazy prints nothing in a release
// build; so this run is a user's run. (V8 may flush the bytecode of long-unused functions, which
// can only shrink the size.)
'use strict';
const { existsSync, writeFileSync } = require('node:fs');
const { loadCli } = require('../../bin/load-cli.cjs');

const [report, runs] = process.argv.slice(2);
if (report === undefined || runs === undefined) throw new Error('usage: code-cache-probe.cjs REPORT RUNS');
const scripts = [];
const rejected = [];
const missing = [];
const { cli } = loadCli({
  onScript(file, script) {
    if (!existsSync(`${file}.cache`)) missing.push(file);
    else if (script.cachedDataRejected) rejected.push(file);
    scripts.push({ script, size: script.createCachedData().length });
  },
});

/** Bytes compiled since each file's last measure; then measures again. */
function grownSinceLast() {
  let grown = 0;
  for (const entry of scripts) {
    const size = entry.script.createCachedData().length;
    grown += size - entry.size;
    entry.size = size;
  }
  return grown;
}

async function main() {
  const results = [];
  for (const argv of JSON.parse(runs)) {
    grownSinceLast();
    const exitCode = await cli.run(argv, cli.nodeIo(new AbortController().signal));
    results.push({ exitCode, grown: grownSinceLast() });
  }
  writeFileSync(report, JSON.stringify({ rejected, missing, runs: results }));
}
void main();
