// The check of a built dist/cli/ that the build (scripts/warm-cache.mjs) and the install check
// (scripts/check-install.mjs) share: every file of the CLI has a V8 code cache (FILE.cache) and V8
// accepts it. It runs in a node of its own (`node -e CACHE_CHECK FILE...`), under the node, the
// flags and the user that will run the CLI: V8 accepts a cache only from its own version and flags.
import { closeSync, openSync, readdirSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The CLI's files in `dir` (dist/cli/): what bin/load-cli.cjs compiles, each with FILE.cache. */
export const cliFiles = (dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .sort()
    .map((name) => join(dir, name));

/**
 * A script for `node -e`: compiles each file named in argv with its cache as bin/load-cli.cjs
 * does, and prints one line for each that has no cache ("missing FILE") or whose cache V8 rejects
 * ("rejected FILE"). Prints nothing when all are good.
 */
export const CACHE_CHECK = `const { readFileSync } = require('node:fs');
const { Script } = require('node:vm');
for (const file of process.argv.slice(1)) {
  let cachedData;
  try {
    cachedData = readFileSync(file + '.cache');
  } catch {
    process.stdout.write('missing ' + file + '\\n');
    continue;
  }
  const script = new Script(readFileSync(file, 'utf8'), { filename: file, cachedData });
  if (script.cachedDataRejected) process.stdout.write('rejected ' + file + '\\n');
}`;

/** Makes V8 reject `file`'s cache: bytes 4 to 8 of a code cache are the hash of the V8 version that made it. */
export function rejectCache(file) {
  const fd = openSync(`${file}.cache`, 'r+');
  try {
    writeSync(fd, Buffer.from([0xde, 0xad, 0xbe, 0xef]), 0, 4, 4);
  } finally {
    closeSync(fd);
  }
}
