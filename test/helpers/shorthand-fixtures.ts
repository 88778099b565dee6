// The tables of fixtures/shorthand/ (scripts/gen-shorthand-fixtures.py) for one generation:
// 2.9.19's rows, and for 2.36.7 the rows of <table>-2.36.7.json (those whose outcome differs,
// and its own) laid over them by name (by input for fuzz.json). Plus the paramfiles those rows
// were generated with.
import { readFileSync } from 'node:fs';
import type { Generation } from '../../src/model/generation.js';
import { FILEB_PREFIX, FILE_PREFIX, isParamfile, ParamfileError } from '../../src/params/paramfile.js';
import type { ShorthandParamfiles } from '../../src/params/shorthand-syntax.js';
import { pyRepr } from '../../src/values/py-repr.js';
import { PyBytes } from '../../src/values/py-value.js';

function read(file: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../fixtures/shorthand/${file}`, import.meta.url), 'utf8'));
}

/** A table's rows: the file's list, or its `cases` (coerce.json). */
function rowsOf<Row>(file: string): Row[] {
  const data = read(file) as Row[] | { cases: Row[] };
  return Array.isArray(data) ? data : data.cases;
}

/**
 * The rows of `tables` (e.g. ['valid', 'invalid']) for `generation`, in 2.9.19's order, then the
 * rows only the generation has.
 */
export function shorthandRows<Row extends object>(tables: readonly string[], generation: Generation, key: 'name' | 'input' = 'name'): Row[] {
  const base = tables.flatMap((table) => rowsOf<Row>(`${table}.json`));
  if (generation === '2.9.19') return base;
  const keyOf = (row: Row): string => String((row as Record<string, unknown>)[key]);
  const over = new Map(tables.flatMap((table) => rowsOf<Row>(`${table}-${generation}.json`)).map((row) => [keyOf(row), row]));
  const merged = base.map((row) => over.get(keyOf(row)) ?? row);
  const known = new Set(base.map(keyOf));
  return [...merged, ...[...over.values()].filter((row) => !known.has(keyOf(row)))];
}

/** The synthetic model of coerce.json. */
export function coerceModels(): { synthetic: unknown } {
  return (read('coerce.json') as { models: { synthetic: unknown } }).models;
}

/**
 * The paramfiles of the generated rows (fake_get_paramfile): file://NAME holds the text NAME,
 * fileb://NAME the UTF-8 bytes of NAME; a NAME that starts with "missing" is not there.
 */
export const FAKE_PARAMFILES: ShorthandParamfiles = {
  isParamfile,
  read: (value) => {
    const binary = value.startsWith(FILEB_PREFIX);
    const name = value.slice(binary ? FILEB_PREFIX.length : FILE_PREFIX.length);
    if (name.startsWith('missing')) throw new ParamfileError(`Unable to load paramfile ${value}: [Errno 2] No such file or directory: ${pyRepr(name)}`);
    return binary ? new PyBytes(new TextEncoder().encode(name)) : name;
  },
};
