// Bundles the CLI (and later the local endpoint) into dist/ with esbuild.
// ESM output with code splitting, so that what one invocation does not need
// (the AWS SDK for a usage error or a skeleton) is only loaded through import().
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
rmSync(`${root}dist`, { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/main.ts', 'voiceid-local': 'src/emulator/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The SDK's dist-es sources tree-shake; dist-cjs does not (../shared/notes/perf-floor.md).
  mainFields: ['module', 'main'],
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
  logLevel: 'warning',
});
