// node code-cache-probe.cjs REPORT RUNS: the built CLI, loaded as bin/aws-voiceid.js loads it
// (dist/cli.js through Module.wrap, dist/cli.js.cache as V8's cachedData), runs each command
// line of RUNS (a JSON list of argv lists) in turn in this one process, and writes to REPORT
// what the code cache covered, as JSON:
//   rejected  script.cachedDataRejected (true: V8 refused the cache and compiled everything)
//   runs      one { exitCode, grown } per command line: what run() returned, and by how many
//             bytes the script's code cache grew during that run
// Why the size: script.createCachedData() serializes every function of dist/cli.js compiled so
// far, those restored from the cache and those compiled lazily since. Serialized twice in one
// process with nothing compiled in between, the two sizes are equal (they differ slightly from
// the file's size, so every size here comes from this process); each function a run compiled
// because the cache lacked it adds its bytecode. No V8 flag is needed: tracing flags such as
// --log-function-events or --no-lazy change V8's flag hash and V8 then rejects the cache, and
// --trace-lazy prints nothing in a release build; so this run is a user's run. (V8 may flush the
// bytecode of long-unused functions, which can only shrink the size.)
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { Module, createRequire } = require('node:module');
const { join } = require('node:path');
const { Script } = require('node:vm');

const [report, runs] = process.argv.slice(2);
if (report === undefined || runs === undefined) throw new Error('usage: code-cache-probe.cjs REPORT RUNS');
const dist = join(__dirname, '..', '..', 'dist');
const file = join(dist, 'cli.js');
const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData: readFileSync(`${file}.cache`) });
const cli = { exports: {} };
script.runInThisContext()(cli.exports, createRequire(file), cli, file, dist);

async function main() {
  const results = [];
  for (const argv of JSON.parse(runs)) {
    const before = script.createCachedData().length;
    const exitCode = await cli.exports.run(argv, cli.exports.nodeIo(new AbortController().signal));
    results.push({ exitCode, grown: script.createCachedData().length - before });
  }
  writeFileSync(report, JSON.stringify({ rejected: script.cachedDataRejected, runs: results }));
}
void main();
