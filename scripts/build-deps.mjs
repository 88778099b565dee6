// What scripts/build.mjs needs installed (devDependencies, from `npm ci` in a clone): esbuild,
// and the packages it bundles into dist/. Checked before the build starts, so that a clone without
// them gets one line naming them rather than a module-resolution stack trace.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export const BUILD_DEPS = [
  'esbuild',
  '@aws-sdk/client-voice-id',
  '@aws-sdk/client-sts',
  '@aws-sdk/client-sso',
  '@aws-sdk/client-s3',
  '@smithy/core',
  '@smithy/node-http-handler',
];

/** The build's dependencies that node_modules/ lacks. */
export const missingBuildDeps = () => BUILD_DEPS.filter((name) => !existsSync(`${root}node_modules/${name}/package.json`));

/** The one line that says what is missing and what to run. */
export const missingBuildDepsMessage = (missing) =>
  `cannot build dist/: ${missing.join(', ')} (devDependencies) ${missing.length === 1 ? 'is' : 'are'} not installed in ${root}node_modules; ` +
  'run `npm ci` in the clone first, with devDependencies (not --omit=dev, nor NODE_ENV=production)';
