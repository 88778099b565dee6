// One copy of each @aws-sdk / @smithy package in the installed tree (a duplicate would double
// what the bundle ships and the SDK's identity checks can fail across copies), and a published
// package that installs nothing: the SDK is bundled into dist/, so it is a devDependency, and
// what the package ships requires only Node's built-ins and its own files.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { REPO_ROOT } from '../helpers/golden.js';

function nestedCopies(dir: string, found: string[] = []): string[] {
  for (const entry of existsSync(dir) ? readdirSync(dir, { withFileTypes: true }) : []) {
    if (!entry.isDirectory()) continue;
    const path = join(dir, entry.name);
    if (entry.name === 'node_modules') {
      for (const scope of ['@aws-sdk', '@smithy']) {
        const scoped = join(path, scope);
        if (existsSync(scoped) && !path.endsWith(join(REPO_ROOT, 'node_modules'))) found.push(...readdirSync(scoped).map((n) => `${scoped}/${n}`));
      }
    }
    if (entry.name.startsWith('.')) continue;
    nestedCopies(path, found);
  }
  return found;
}

describe('the installed tree', () => {
  it('holds one copy of each @aws-sdk and @smithy package', () => {
    const top = join(REPO_ROOT, 'node_modules');
    const nested = readdirSync(top, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .flatMap((e) => (e.name.startsWith('@') ? readdirSync(join(top, e.name)).map((n) => join(top, e.name, n)) : [join(top, e.name)]))
      .flatMap((pkg) => nestedCopies(pkg));
    expect(nested).toEqual([]);
  });
});

interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  files: string[];
  bin: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as PackageJson;

/** The files `npm install` runs: the bin shims and the bundles they load (built by `npm run build`). */
const SHIPPED_ENTRIES = [
  ...Object.values(manifest.bin),
  'bin/load-cli.cjs',
  ...readdirSync(join(REPO_ROOT, 'dist/cli'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => `dist/cli/${name}`),
  'dist/voiceid-local.js',
];

/**
 * Every require() and import() in a built file: the literal argument, or the text when it is not one.
 * Not the `[require("@aws-sdk/signature-v4-crt");]` of the S3 client's error messages, which tell
 * the user how to register an optional package: text in a string, no call.
 */
function requiredSpecifiers(source: string): string[] {
  return [...source.matchAll(/(?<![\w$.[])(?:require|import)\(([^)]*)\)/g)].map(([, arg]) => {
    const literal = /^\s*(["'`])([^"'`]*)\1\s*$/.exec(arg ?? '');
    return literal ? (literal[2] ?? '') : `<not a literal: ${arg}>`;
  });
}

/**
 * The module ids that the packs of dist/cli/ define (scripts/pack-chunks.mjs): a pack's module
 * requires another by its id, which any pack loaded so far may define.
 */
const PACKED = new Set(
  readdirSync(join(REPO_ROOT, 'dist/cli'))
    .filter((name) => name.endsWith('.js'))
    .flatMap((name) =>
      [...readFileSync(join(REPO_ROOT, 'dist/cli', name), 'utf8').matchAll(/"(\.\/[\w-]+\.js)":function\(exports,require,module/g)].map((m) => m[1]),
    ),
);

function isShipped(path: string): boolean {
  const inside = relative(REPO_ROOT, path);
  return manifest.files.some((entry) => inside === entry || inside.startsWith(`${entry}/`));
}

describe('the published package', () => {
  it('has no runtime dependencies', () => {
    expect(manifest.dependencies ?? {}).toEqual({});
  });

  it('pins every devDependency (the bundled SDK included) to an exact version', () => {
    const loose = Object.entries(manifest.devDependencies ?? {}).filter(([, version]) => !/^\d+\.\d+\.\d+$/.test(version));
    expect(loose).toEqual([]);
  });

  it('uses no SDK-internal package (@aws-sdk/nested-clients says not to depend on it)', () => {
    expect(Object.keys(manifest.devDependencies ?? {})).not.toContain('@aws-sdk/nested-clients');
    const sources = readdirSync(join(REPO_ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'));
    expect(sources.filter((name) => readFileSync(join(REPO_ROOT, 'src', name), 'utf8').includes('@aws-sdk/nested-clients'))).toEqual([]);
  });

  it.each(SHIPPED_ENTRIES)('%s requires only Node built-ins and files the package ships', (file) => {
    const path = join(REPO_ROOT, file);
    expect(existsSync(path), `${file} is missing: run npm run build`).toBe(true);
    const source = readFileSync(path, 'utf8');
    const outside = requiredSpecifiers(source).filter((specifier) => {
      if (isBuiltin(specifier)) return false;
      if (!specifier.startsWith('.')) return true;
      if (file.startsWith('dist/cli/') && PACKED.has(specifier)) return false;
      const target = resolve(dirname(path), specifier);
      return !(existsSync(target) && isShipped(target));
    });
    expect(outside).toEqual([]);
  });
});
