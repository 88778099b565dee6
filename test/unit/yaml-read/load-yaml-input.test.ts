import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadYamlInput, YamlInputError } from '../../../src/yaml-read/load-yaml-input.js';
import { pyFloatRepr } from '../../../src/values/py-float.js';
import { compareCodePoints } from '../../../src/values/py-str.js';
import { PyBytes, PyDateTime, PyDict, PyFloat, PyObject, type PyValue } from '../../../src/values/py-value.js';
import { YAML_INPUTS } from '../../helpers/pathological-inputs.js';

// Rows come from scripts/gen-yaml-input-fixtures.py, which loads each document with the real
// ruamel.yaml 0.17.21 (YAML(typ='safe', pure=True), as aws 2.9.19 does). Values are compared as
// tagged JSON, so types (int/float/date/datetime), key order and cycles count.
type Tagged =
  | null
  | boolean
  | string
  | Tagged[]
  | { int: string }
  | { float: string }
  | { bytes: string }
  | { date: string }
  | { datetime: string }
  | { dict: [string, Tagged][]; ordered: boolean }
  | { set: string[] }
  | { cycle: number };

interface Row {
  name: string;
  input: string;
  expected?: Tagged;
  error?: 'YAML_ERROR' | 'PYTHON_CRASH';
  message?: string;
}

function loadRows(name: string): Row[] {
  return JSON.parse(readFileSync(new URL(`../../../fixtures/yaml-input/${name}`, import.meta.url), 'utf8')) as Row[];
}

/** A PyValue as tagged JSON; where the expectation holds a set, the PyDict is read as one. */
function toTagged(value: PyValue, like: Tagged | undefined, stack: object[] = []): Tagged {
  if (typeof value === 'object' && value !== null) {
    const depth = stack.lastIndexOf(value);
    if (depth >= 0) return { cycle: stack.length - 1 - depth };
  }
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return { int: value.toString() };
  if (value instanceof PyFloat) return { float: pyFloatRepr(value.value) };
  if (value instanceof PyBytes) return { bytes: Buffer.from(value.bytes).toString('hex') };
  if (value instanceof PyDateTime) return value.kind === 'date' ? { date: value.text } : { datetime: value.text };
  if (value instanceof PyObject) throw new TypeError('YAML input builds no other objects');
  const inner = [...stack, value];
  if (Array.isArray(value)) {
    const items = Array.isArray(like) ? like : [];
    return value.map((item, i) => toTagged(item, items[i], inner));
  }
  if (like !== null && typeof like === 'object' && 'set' in like) return { set: [...value.keys()].sort(compareCodePoints) };
  const likeEntries = like !== null && typeof like === 'object' && 'dict' in like ? new Map(like.dict) : new Map<string, Tagged>();
  return { dict: [...value].map(([k, v]): [string, Tagged] => [k, toTagged(v, likeEntries.get(k), inner)]), ordered: value.ordered };
}

function outcome(input: string): Pick<Row, 'expected' | 'error' | 'message'> & { value?: PyValue } {
  try {
    return { value: loadYamlInput(input) };
  } catch (error) {
    if (!(error instanceof YamlInputError)) throw error;
    return error.code === 'PYTHON_CRASH' ? { error: error.code, message: error.message } : { error: error.code };
  }
}

/** What the clone does with a row, in the row's own terms. */
function replay(row: Row): Pick<Row, 'expected' | 'error' | 'message'> {
  const result = outcome(row.input);
  if (result.error !== undefined) return result;
  return { expected: toTagged(result.value ?? null, row.expected) };
}

function expected(row: Row): Pick<Row, 'expected' | 'error' | 'message'> {
  if (row.error === 'PYTHON_CRASH') return { error: row.error, message: row.message ?? '' };
  if (row.error !== undefined) return { error: row.error };
  return { expected: row.expected ?? null };
}

interface RecursionRow {
  name: string;
  shape: string;
  n: number;
  expected?: 'ok';
  error?: 'YAML_ERROR' | 'PYTHON_CRASH';
  message?: string;
}

// The documents of fixtures/yaml-input/recursion.json, built as the generator builds them.
const SHAPES: Record<string, (n: number) => string> = {
  'flow sequences': (n) => '['.repeat(n) + ']'.repeat(n),
  'flow sequences around a scalar': (n) => `${'['.repeat(n)}a${']'.repeat(n)}`,
  'flow sequences around a quoted scalar': (n) => `${'['.repeat(n)}"a"${']'.repeat(n)}`,
  'flow mappings around a scalar': (n) => `${'{a: '.repeat(n)}b${'}'.repeat(n)}`,
  'flow mappings around an empty mapping': (n) => `${'{a: '.repeat(n)}{}${'}'.repeat(n)}`,
  'compact block sequences': (n) => `${'- '.repeat(n)}a\n`,
  'indented block sequences': (n) => `${Array.from({ length: n - 1 }, (_, i) => `${'  '.repeat(i)}-\n`).join('')}${'  '.repeat(n - 1)}- a\n`,
  'block mappings': (n) => `${Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}k:\n`).join('')}${'  '.repeat(n)}v\n`,
  'block sequences around an empty flow sequence': (n) => `${'- '.repeat(n)}[]\n`,
  'a mapping key of nested mappings': (n) => `? ${'{a: '.repeat(n)}b${'}'.repeat(n)}\n: 1\n`,
  'a mapping key of nested sequences': (n) => `? ${'['.repeat(n)}${']'.repeat(n)}\n: 1\n`,
};

// Where the clone's model of Python's stack (yaml-input.ts) is not exact: it lets 484 nested
// collections load and 485 crash, which holds for every shape but bare flow sequences; and the
// RecursionError's suffix depends on the innermost Python call, which is not modelled.
const RECURSION_DIFFERENCES: Record<string, Pick<RecursionRow, 'error' | 'message'>> = {
  'flow sequences, 486 deep': { error: 'PYTHON_CRASH', message: 'maximum recursion depth exceeded' },
  'flow sequences around a scalar, 485 deep': { error: 'PYTHON_CRASH', message: 'maximum recursion depth exceeded' },
  'flow sequences around a quoted scalar, 485 deep': { error: 'PYTHON_CRASH', message: 'maximum recursion depth exceeded' },
  'block mappings, 485 deep': { error: 'PYTHON_CRASH', message: 'maximum recursion depth exceeded' },
  'block mappings, 520 deep': { error: 'PYTHON_CRASH', message: 'maximum recursion depth exceeded' },
};

/** A seeded PRNG (mulberry32), so the robustness fuzz is the same on every run. */
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPECIAL_PIECES = [
  ...'-?:,[]{}#&*!|>\'"%@`\\=<~. \t\n\r0aZé😀\ufeff\x85\u2028',
  '---',
  '...',
  '- ',
  ': ',
  '? ',
  '!!',
  '!!int ',
  '!!float ',
  '!!binary ',
  '!!timestamp ',
  '!!set ',
  '!!omap ',
  '!!pairs ',
  '&a ',
  '*a',
  '<<: ',
  '%YAML 1.1\n',
  '%YAML 1.3\n',
  '%TAG ! !\n',
  '\n  ',
  '\n    ',
  '"\\x4',
  '"\\U0011ffff"',
  '1_0',
  '0x',
  '.inf',
  '2023-01-01',
  'T10:00:00',
  '+05:30',
  '1:30',
  '|-\n',
  '>+\n',
  '|9\n',
];

function randomDocument(random: () => number): string {
  const length = 1 + Math.floor(random() * 16);
  let text = '';
  for (let i = 0; i < length; i++) text += SPECIAL_PIECES[Math.floor(random() * SPECIAL_PIECES.length)] ?? '';
  return text;
}

function loadOrError(input: string): unknown {
  try {
    return loadYamlInput(input);
  } catch (error) {
    return error;
  }
}

describe(loadYamlInput.name, () => {
  describe('hand-written documents (fixtures/yaml-input/documents.json)', () => {
    it.each(loadRows('documents.json'))('$name', (row) => {
      expect(replay(row)).toStrictEqual(expected(row));
    });
  });

  describe('plain scalars under YAML 1.2 and 1.1 (fixtures/yaml-input/scalars.json)', () => {
    const rows = loadRows('scalars.json');
    it(`resolves and constructs all ${rows.length} scalars as ruamel does`, () => {
      const mismatches = rows.filter((row) => JSON.stringify(replay(row)) !== JSON.stringify(expected(row)));
      expect(mismatches.map((row) => ({ ...row, actual: replay(row) }))).toStrictEqual([]);
    });
  });

  describe('seeded random documents checked against ruamel (fixtures/yaml-input/fuzz.json)', () => {
    const rows = loadRows('fuzz.json');
    it(`agrees with ruamel on all ${rows.length} documents`, () => {
      const mismatches = rows.filter((row) => JSON.stringify(replay(row)) !== JSON.stringify(expected(row)));
      expect(mismatches.map((row) => ({ ...row, actual: replay(row) }))).toStrictEqual([]);
    });
  });

  describe("Python's recursion limit (fixtures/yaml-input/recursion.json)", () => {
    const rows = JSON.parse(readFileSync(new URL('../../../fixtures/yaml-input/recursion.json', import.meta.url), 'utf8')) as RecursionRow[];
    it.each(rows)('$name', (row) => {
      const build = SHAPES[row.shape];
      if (build === undefined) throw new Error(`unknown shape ${row.shape}`);
      const result = outcome(build(row.n));
      const actual = result.error === undefined ? { expected: 'ok' } : result;
      const { name: _name, shape: _shape, n: _n, ...wanted } = row;
      expect(actual).toStrictEqual(RECURSION_DIFFERENCES[row.name] ?? wanted);
    });
  });

  describe('the value model', () => {
    it("throws YamlInputError with a code and, for Python crashes, Python's message", () => {
      const invalid = loadOrError('a: [1');
      expect(invalid).toBeInstanceOf(YamlInputError);
      expect(invalid).toMatchObject({ name: 'YamlInputError', code: 'YAML_ERROR' });
      expect(loadOrError('a: !!int x')).toMatchObject({ code: 'PYTHON_CRASH', message: "invalid literal for int() with base 10: 'x'" });
    });

    it('keeps ints exact, floats as floats and dates apart from datetimes', () => {
      const value = loadYamlInput('i: 12345678901234567890123\nf: 1.0\nd: 2023-01-01\nt: 2023-01-01 10:00:00-02:00');
      expect(value).toBeInstanceOf(PyDict);
      const dict = value as PyDict;
      expect(dict.get('i')).toBe(12345678901234567890123n);
      expect(dict.get('f')).toStrictEqual(new PyFloat(1));
      expect(dict.get('d')).toStrictEqual(new PyDateTime('date', '2023-01-01'));
      expect(dict.get('t')).toStrictEqual(new PyDateTime('datetime', '2023-01-01 12:00:00'));
    });

    it("stores a non-str key under Python's str(key), sets as null-valued dicts, omaps as ordered dicts", () => {
      const dict = loadYamlInput('2: a\ntrue: b\n~: c\n? [x, 2.5]\n: d\ns: !!set {p}\no: !!omap [q: 1]\nr: !!pairs [q: 1]') as PyDict;
      expect([...dict.keys()]).toStrictEqual(['2', 'True', 'None', "('x', 2.5)", 's', 'o', 'r']);
      expect(dict.get('s')).toStrictEqual(new PyDict([['p', null]]));
      expect(dict.get('o')).toStrictEqual(new PyDict([['q', 1n]], true));
      expect(dict.get('r')).toStrictEqual([['q', 1n]]);
    });

    it('builds a recursive structure for an alias inside its own anchor', () => {
      const list = loadYamlInput('&a [1, *a]') as PyValue[];
      expect(list[1]).toBe(list);
    });
  });

  describe('robustness', () => {
    it('returns a value or throws YamlInputError for 3000 seeded random documents', () => {
      const random = createRandom(20240917);
      for (let i = 0; i < 3000; i++) {
        const input = randomDocument(random);
        const result = loadOrError(input);
        if (result instanceof Error && !(result instanceof YamlInputError)) throw new Error(`${JSON.stringify(input)}: ${String(result)}`);
      }
    });

    // How fast: scripts/bench-inputs.ts.
    it.each(YAML_INPUTS)('survives %s', (_name, input) => {
      const result = loadOrError(input);
      expect(result instanceof Error ? result : null).toSatisfy((error: Error | null) => error === null || error instanceof YamlInputError);
    });
  });
});
