// The layering the folders show (README, "How it is built"): each unit of src/ may import only
// the units below it, so no stage imports a later one and nothing loops. Every relative import of
// every file under src/ is checked; a new folder or top-level file must be placed here first.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../../src');

/**
 * Units from the bottom up: a unit imports only units of a lower layer (or itself). Layers of
 * several units are siblings that never import each other.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['exit-codes.ts'],
  ['errors.ts'],
  ['values'],
  ['io.ts', 'model'],
  ['version.ts'],
  ['yaml-read', 'yaml-write', 'jmespath'],
  ['cli'],
  ['config'],
  ['params', 'validate'],
  ['credentials'],
  ['service', 'output'],
  ['help', 'prompt', 'report-error.ts'],
  ['node-io.ts', 'invoke.ts', 'warm-up.ts'],
  ['main.ts'],
];

/** The local Voice ID service: its own implementation of the protocol, sharing only the model. */
const EMULATOR = 'emulator';
const EMULATOR_MAY_IMPORT = new Set(['model']);

const layerOf = new Map<string, number>(LAYERS.flatMap((units, layer) => units.map((unit) => [unit, layer] as const)));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The unit of a path under src/: its top folder, or the file itself at top level. */
function unitOf(path: string): string {
  return relative(SRC, path).split('/')[0] as string;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"](\.[^'"]+)['"]|\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g;

interface Edge {
  readonly file: string;
  readonly from: string;
  readonly to: string;
}

function edges(): Edge[] {
  const found: Edge[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      const spec = (match[1] ?? match[2]) as string;
      const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
      if (!target.startsWith(`${SRC}/`)) continue; // package.json
      const from = unitOf(file);
      const to = unitOf(target);
      if (from !== to) found.push({ file: relative(SRC, file), from, to });
    }
  }
  return found;
}

const ALL = edges();

describe('layering of src/', () => {
  it('places every unit of src/ in a layer', () => {
    const units = new Set(readdirSync(SRC).filter((name) => name !== EMULATOR));
    expect([...units].filter((unit) => !layerOf.has(unit))).toEqual([]);
  });

  it('imports only from lower layers', () => {
    const upward = ALL.filter(({ from, to }) => from !== EMULATOR && to !== EMULATOR && (layerOf.get(to) ?? Infinity) >= (layerOf.get(from) ?? -1));
    expect(upward.map(({ file, from, to }) => `${file}: ${from} → ${to}`)).toEqual([]);
  });

  it('keeps the emulator apart: it imports only the model, and nothing imports it', () => {
    const crossing = ALL.filter(({ from, to }) => (from === EMULATOR && !EMULATOR_MAY_IMPORT.has(to)) || (to === EMULATOR && from !== EMULATOR));
    expect(crossing.map(({ file, to }) => `${file} → ${to}`)).toEqual([]);
  });

  it('sees the imports it checks', () => {
    expect(ALL.length).toBeGreaterThan(100);
  });
});
