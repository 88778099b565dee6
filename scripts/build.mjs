// Bundles the CLI and the local endpoint into dist/ with esbuild: one CommonJS file each, so
// that bin/aws-voiceid.js can run the CLI from a V8 code cache (Node 20 has no compile cache of
// its own). What an invocation does not need (the AWS SDK for a usage error or a skeleton) is
// bundled behind lazy initializers and only evaluated when used. Then one warm-up run writes
// the code cache (scripts/warm-cache.mjs). Any failure, the warm-up's included, ends the build
// with one line (after esbuild's own report) and exit 1.
import { build } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { warmCache } from './warm-cache.mjs';

const root = new URL('..', import.meta.url).pathname;

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // The SDK's dist-es sources tree-shake; dist-cjs does not (../shared/notes/perf-floor.md).
  mainFields: ['module', 'main'],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
};

async function bundle() {
  rmSync(`${root}dist`, { recursive: true, force: true });
  await build({ ...common, entryPoints: ['src/main.ts'], outfile: 'dist/cli.js' });
  await build({ ...common, entryPoints: ['src/emulator/main.ts'], outfile: 'dist/voiceid-local.js' });

  // A script restored from a V8 code cache loses Node 20's dynamic-import callback: load the
  // built-in modules the SDK imports dynamically with require() instead.
  const cli = `${root}dist/cli.js`;
  const source = readFileSync(cli, 'utf8').replace(
    /\bimport\((["'])(node:[\w/]+|http|https|http2|stream|zlib|crypto|fs|os|path)\1\)/g,
    'Promise.resolve().then(()=>require($1$2$1))',
  );
  if (/\bimport\(/.test(source.replace(/["'`][^"'`]*import\([^"'`]*["'`]/g, ''))) console.warn('build: dist/cli.js still holds a dynamic import()');
  writeFileSync(cli, source);
  writeFileSync(`${root}dist/package.json`, '{ "type": "commonjs" }\n');
}

try {
  await bundle();
  await warmCache();
} catch (error) {
  console.error(`build: ${String(error?.message ?? error).split('\n')[0]}`);
  process.exit(1);
}
