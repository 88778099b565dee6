// Decodes the typed values of the output fixtures written by scripts/gen-*-fixtures.py:
// {"$int": "12"}, {"$float": "1.5"} (Python repr), {"$dict": [[k, v], ...]}, plain JSON otherwise.
import { PyDict, PyFloat, type PyValue } from '../../src/values/py-value.js';

export type TaggedValue = null | boolean | string | TaggedValue[] | { $int: string } | { $float: string } | { $dict: [string, TaggedValue][] };

export function fromTagged(value: TaggedValue): PyValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(fromTagged);
  if ('$int' in value) return BigInt(value.$int);
  if ('$float' in value) return new PyFloat(pyFloat(value.$float));
  return new PyDict(value.$dict.map(([k, v]) => [k, fromTagged(v)] as const));
}

function pyFloat(repr: string): number {
  if (repr === 'nan') return NaN;
  if (repr === 'inf') return Infinity;
  if (repr === '-inf') return -Infinity;
  return Number(repr);
}
