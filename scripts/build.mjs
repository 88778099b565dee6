// Builds dist/ with esbuild, then writes the V8 code caches (scripts/warm-cache.mjs).
//
// The CLI (dist/cli/): split at every dynamic import() into an entry, main.js, and chunks that
// are read, compiled and run only when an invocation first needs them (bin/load-cli.cjs), each
// with a V8 code cache of its own, since Node 20 has no compile cache. esbuild splits only ESM, so
// the split output is turned into CommonJS file by file (what vm.Script can run with a cache), and
// every import() into a require() (a script restored from a V8 code cache loses Node 20's
// dynamic-import callback). A usage error or a skeleton thus loads the argv grammar and the model,
// not the SDK, help or the formatters (scripts/pack-chunks.mjs puts the chunks into a few files).
// The SDK is trimmed (SDK_TRIMS) while the request still goes through @aws-sdk/client-voice-id: its
// default credential chain is left out (the CLI resolves credentials itself and always passes
// them), and node:https, fs/promises and os load only when called.
//
// voiceid-local (dist/voiceid-local.js): one CommonJS file.
//
// Any failure, the warm-up's included, ends the build with one line (after esbuild's own
// report) and exit 1.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { missingBuildDeps, missingBuildDepsMessage } from './build-deps.mjs';
import { packChunks } from './pack-chunks.mjs';
import { warmCache } from './warm-cache.mjs';

const root = new URL('..', import.meta.url).pathname;
const missing = missingBuildDeps();
if (missing.length > 0) {
  console.error(`build: ${missingBuildDepsMessage(missing)}`);
  process.exit(1);
}
const { build, transform } = await import('esbuild');
const metafileFlag = process.argv.indexOf('--metafile');
const metafile = metafileFlag < 0 ? undefined : process.argv[metafileFlag + 1];

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  // The SDK's dist-es sources tree-shake; dist-cjs does not (../shared/notes/perf-floor.md).
  mainFields: ['module', 'main'],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
};

/** A module with the named functions of a built-in, which loads the built-in on the first call. */
const lazyBuiltin = (id, names) =>
  names.map((name) => `export const ${name} = (...args) => process.getBuiltinModule(${JSON.stringify(id)}).${name}(...args);`).join('\n');

/**
 * Modules that the CLI's bundle replaces: what esbuild resolves (from an importer of the SDK's
 * where `importer` is given) → the source used instead. A name the SDK imports and a stand-in
 * lacks fails the build.
 */
const SDK_TRIMS = [
  {
    // The client's default credential chain (STS, SSO, IMDS, ini files...): never called, since
    // every client gets its credentials (or a placeholder when unsigned) from the CLI.
    filter: /^@aws-sdk\/credential-provider-node$/,
    contents:
      'export const defaultProvider = () => async () => { throw new Error("aws-voiceid passes credentials to every client; the SDK chain is not bundled"); };',
  },
  {
    // The Voice ID client's default protocol (AwsJson1_0Protocol, with the SDK's schema-driven
    // JSON serde): never made, since src/service/send.ts gives the client the CLI's own
    // (src/service/json-protocol.ts). The STS and SSO clients keep theirs.
    filter: /^@aws-sdk\/core\/protocols$/,
    importer: /@aws-sdk[\\/]client-voice-id[\\/]/,
    contents:
      'export class AwsJson1_0Protocol { constructor() { throw new Error("aws-voiceid gives the Voice ID client its own protocol; the SDK one is not bundled"); } }',
  },
  {
    // The Voice ID client's default request handler: send.ts always gives it one (NetHttpHandler
    // for http://, else @smithy/node-http-handler, which send.ts imports itself), so the client's
    // own import would only load node:http. streamCollector reads a stream body, and the client's
    // bodies are bytes by then (send.ts collects them).
    filter: /^@smithy\/node-http-handler$/,
    importer: /@aws-sdk[\\/]client-voice-id[\\/]/,
    contents: `export const NodeHttpHandler = {
  create(handler) {
    if (typeof handler?.handle === "function") return handler;
    throw new Error("aws-voiceid gives the Voice ID client its request handler; the SDK default is not bundled");
  },
};
export const streamCollector = () => { throw new Error("aws-voiceid collects the Voice ID client's bodies itself"); };`,
  },
  {
    // @smithy/node-http-handler imports node:https (and with it tls) at its top level, and makes
    // an https agent for every handler; src/service/send.ts gives an http:// endpoint's handler a
    // stand-in, so that only an https connection loads https.
    filter: /^\.\/node-https$/,
    importer: /@smithy[\\/]node-http-handler[\\/]/,
    contents: `let loaded;
const https = () => (loaded ??= process.getBuiltinModule("node:https"));
class Agent {
  static [Symbol.hasInstance](value) { return loaded !== undefined && value instanceof loaded.Agent; }
  constructor(options) { return new (https().Agent)(options); }
}
export const node_https = { Agent, get request() { return https().request; } };`,
  },
  {
    // The shared-config loaders the CLI never calls (it passes every setting): their file reads
    // load fs/promises (and readline) at the top level.
    filter: /^(node:)?fs\/promises$/,
    importer: /node_modules[\\/]@(smithy|aws-sdk)[\\/]/,
    contents: lazyBuiltin('node:fs/promises', ['readFile']),
  },
  {
    filter: /^(node:)?os$/,
    importer: /node_modules[\\/]@(smithy|aws-sdk)[\\/]/,
    contents: lazyBuiltin('node:os', ['homedir', 'platform', 'release']),
  },
];

const trimSdk = {
  name: 'trim-sdk',
  setup(esbuild) {
    for (const [index, trim] of SDK_TRIMS.entries()) {
      esbuild.onResolve({ filter: trim.filter }, (args) =>
        trim.importer && !trim.importer.test(args.importer) ? undefined : { path: String(index), namespace: 'sdk-trim' },
      );
    }
    esbuild.onLoad({ filter: /.*/, namespace: 'sdk-trim' }, (args) => ({ contents: SDK_TRIMS[Number(args.path)].contents, loader: 'js' }));
  },
};

// The project's JSON data as JSON.parse of a string, which V8 parses faster than an object
// literal compiles and which keeps the code caches small (v8.dev/blog/cost-of-javascript-2019#json);
// the service models, the largest, are files of their own in dist/cli/, read when a generation is
// asked for, so that no script holds their text (nor its code cache a second copy).
const MODEL = /[\\/]src[\\/]model[\\/](voice-id-[\w.]+\.json)$/;
const jsonAsParse = {
  name: 'json-as-parse',
  setup(esbuild) {
    esbuild.onLoad({ filter: MODEL }, (args) => {
      const name = MODEL.exec(args.path)[1];
      writeFileSync(`${root}dist/cli/${name}`, JSON.stringify(JSON.parse(readFileSync(args.path, 'utf8'))));
      return {
        contents: `export default JSON.parse(process.getBuiltinModule("node:fs").readFileSync(__dirname + ${JSON.stringify(`/${name}`)}, "utf8"));`,
        loader: 'js',
      };
    });
    esbuild.onLoad({ filter: /[\\/]src[\\/].*\.json$/ }, (args) => ({
      contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(readFileSync(args.path, 'utf8'))))});`,
      loader: 'js',
    }));
  },
};

async function buildCli() {
  const outdir = `${root}dist/cli`;
  const result = await build({
    ...common,
    format: 'esm',
    splitting: true,
    entryPoints: { main: 'src/main.ts' },
    outdir,
    chunkNames: 'chunk-[hash]',
    plugins: [trimSdk, jsonAsParse],
    metafile: metafile !== undefined,
  });
  // `node scripts/build.mjs --metafile FILE`: what each chunk holds, for esbuild's analyzer.
  if (metafile !== undefined) writeFileSync(metafile, JSON.stringify(result.metafile));
  const chunks = new Map();
  for (const name of readdirSync(outdir).filter((file) => file.endsWith('.js'))) {
    const file = `${outdir}/${name}`;
    const { code } = await transform(readFileSync(file, 'utf8'), { format: 'cjs', platform: 'node', target: 'node20', minify: true, legalComments: 'none' });
    chunks.set(`./${name}`, code);
    rmSync(file);
  }
  for (const [name, code] of packChunks(chunks)) {
    const source = code.replace(/\bimport\((["'])([^"']+)\1\)/g, 'Promise.resolve().then(()=>require($1$2$1))');
    if (/\bimport\(/.test(source.replace(/["'`][^"'`]*import\([^"'`]*["'`]/g, ''))) console.warn(`build: dist/cli/${name} still holds a dynamic import()`);
    writeFileSync(`${outdir}/${name}`, source);
  }
}

async function bundle() {
  rmSync(`${root}dist`, { recursive: true, force: true });
  mkdirSync(`${root}dist/cli`, { recursive: true });
  await buildCli();
  await build({ ...common, format: 'cjs', entryPoints: ['src/emulator/main.ts'], outfile: 'dist/voiceid-local.js' });
  writeFileSync(`${root}dist/package.json`, '{ "type": "commonjs" }\n');
}

try {
  await bundle();
  await warmCache();
} catch (error) {
  console.error(`build: ${String(error?.message ?? error).split('\n')[0]}`);
  process.exit(1);
}
