#!/usr/bin/env node
// Shim: runs the bundled CLI (dist/cli.js, built by `npm run build`) from a V8 code cache when
// one matches, sets the exit code, and refreshes the cache when V8 rejects it. Nothing else,
// but for the build's warm-up (AWS_VOICEID_WARM_CACHE=1, scripts/warm-cache.mjs).
'use strict';
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { Module, createRequire } = require('node:module');
const { join } = require('node:path');
const { Script } = require('node:vm');

const file = join(__dirname, '..', 'dist', 'cli.js');
const cacheFile = `${file}.cache`;
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
const cli = { exports: {} };
script.runInThisContext()(cli.exports, createRequire(file), cli, file, join(__dirname, '..', 'dist'));

const interrupt = new AbortController();
process.on('SIGINT', () => interrupt.abort());
if (cachedData === undefined || script.cachedDataRejected) {
  // After the run, so that the functions this invocation compiled lazily are in the cache too.
  process.once('exit', () => {
    try {
      const temp = `${cacheFile}.${process.pid}`;
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, cacheFile);
    } catch {
      // A read-only install runs without the cache.
    }
  });
}
cli.exports.run(process.argv.slice(2), cli.exports.nodeIo(interrupt.signal)).then(async (code) => {
  process.exitCode = code;
  // Build time (scripts/warm-cache.mjs): compile what this run did not use, so that the code
  // cache holds it too. A failure is one line and exit 1, which fails the build.
  if (process.env.AWS_VOICEID_WARM_CACHE === '1') {
    await cli.exports.warmUp().catch((error) => {
      process.stderr.write(`warmUp(): ${error.message}\n`);
      process.exitCode = 1;
    });
  }
});
