#!/usr/bin/env node
// Runs the built CLI (dist/cli/, loaded chunk by chunk from V8 code caches by ./load-cli.cjs),
// ends the process as soon as run() has answered and every byte is out, and writes the code
// cache of each chunk that had none (or a stale one) on the way out. Nothing else, but for the
// build's warm-up (AWS_VOICEID_WARM_CACHE=1, scripts/warm-cache.mjs).
'use strict';
const { loadCli } = require('./load-cli.cjs');

let loader;
try {
  loader = loadCli();
} catch (error) {
  // A broken install (dist/ missing or half-written): one line, not a stack trace.
  process.stderr.write(`aws-voiceid: its build (dist/cli) cannot be loaded: ${error.message}. Reinstall it, or run npm run build in a clone.\n`);
  process.exit(255);
}
const { cli } = loader;
const interrupt = new AbortController();
process.on('SIGINT', () => interrupt.abort());
process.once('exit', () => loader.writeCaches());
// It ends the process right after run(): the SDK's keep-alive connections need no closing.
const io = cli.nodeIo(interrupt.signal, { endsWithRun: true });
cli.run(process.argv.slice(2), io).then(async (code) => {
  // Build time (scripts/warm-cache.mjs): compile what this run did not use, so that the code
  // caches hold it too. A failure is one line and exit 1, which fails the build.
  if (process.env.AWS_VOICEID_WARM_CACHE === '1') {
    await cli.warmUp().catch((error) => {
      io.writeStderr(`warmUp(): ${error.message}\n`);
      code = 1;
    });
    try {
      loader.loadAll();
    } catch (error) {
      io.writeStderr(`loadAll(): ${error.message}\n`);
      code = 1;
    }
  }
  await io.flushed();
  process.exit(code);
});
