// Tagged JSON ⇄ PyValue for the tables in fixtures/values/ (written by scripts/gen-value-fixtures.py):
// {"int": "12"}, {"float": "<16 hex digits of the IEEE bits>" | "nan"}, {"dict": [[k, v]], "ordered"},
// {"bytes": "<hex>"}, {"date": text}, {"datetime": text}; null, booleans, strings and arrays as is.
import { readFileSync } from 'node:fs';
import { PyBytes, PyDateTime, PyDict, PyFloat, PyObject, type PyValue } from '../../src/values/py-value.js';

export type Tagged =
  | null
  | boolean
  | string
  | Tagged[]
  | { int: string }
  | { float: string }
  | { dict: Array<[string, Tagged]>; ordered: boolean }
  | { bytes: string }
  | { date: string }
  | { datetime: string };

/** Reads a case table from fixtures/values/ (generated, so its shape is trusted). */
export function loadValueFixture<T>(name: string): T {
  const url = new URL(`../../fixtures/values/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

export function floatFromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

function floatToBits(n: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, n);
  return view.getBigUint64(0).toString(16).padStart(16, '0');
}

function hexToBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

export function fromTagged(tagged: Tagged): PyValue {
  if (tagged === null || typeof tagged === 'boolean' || typeof tagged === 'string') return tagged;
  if (Array.isArray(tagged)) return tagged.map(fromTagged);
  if ('int' in tagged) return BigInt(tagged.int);
  if ('float' in tagged) return new PyFloat(tagged.float === 'nan' ? NaN : floatFromBits(tagged.float));
  if ('dict' in tagged)
    return new PyDict(
      tagged.dict.map(([k, v]) => [k, fromTagged(v)]),
      tagged.ordered,
    );
  if ('bytes' in tagged) return new PyBytes(hexToBytes(tagged.bytes));
  if ('date' in tagged) return new PyDateTime('date', tagged.date);
  return new PyDateTime('datetime', tagged.datetime);
}

export function toTagged(value: PyValue): Tagged {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return { int: value.toString() };
  if (Array.isArray(value)) return value.map(toTagged);
  if (value instanceof PyFloat) return { float: Number.isNaN(value.value) ? 'nan' : floatToBits(value.value) };
  if (value instanceof PyDict) {
    return { dict: [...value].map(([k, v]): [string, Tagged] => [k, toTagged(v)]), ordered: value.ordered };
  }
  if (value instanceof PyBytes) return { bytes: Buffer.from(value.bytes).toString('hex') };
  if (value instanceof PyObject) throw new TypeError(`no tagged form for a ${value.name} object`);
  return value.kind === 'date' ? { date: value.text } : { datetime: value.text };
}
