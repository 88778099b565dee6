// TableFormatter._group_scalar_keys(_from_list): split a dict's keys into scalar-valued and
// container-valued ones, sorted. For the non-dict elements a list of dicts may hold, it
// reproduces what Python does when it iterates and indexes them (mostly: crash). Pure.
import { GeneralError } from '../errors.js';
import { pyTypePath } from '../values/py-repr.js';
import { compareCodePoints } from '../values/py-str.js';
import { PyBytes, PyDict, type PyValue, isPyScalar } from '../values/py-value.js';

/** A key as Python holds it: a dict key (str), or an index a list element was iterated into. */
export type TableKey = string | bigint | boolean;

export interface KeyGroups {
  readonly scalar: TableKey[];
  readonly nested: TableKey[];
}

function crash(message: string): GeneralError {
  return new GeneralError('PYTHON_CRASH', message);
}

function numeric(key: bigint | boolean): bigint {
  return typeof key === 'boolean' ? (key ? 1n : 0n) : key;
}

/** sorted() of a key list: str by code point, ints/bools by value; mixing them is a TypeError. */
function sortKeys(keys: TableKey[]): TableKey[] {
  const strings = keys.filter((k): k is string => typeof k === 'string');
  const numbers = keys.filter((k): k is bigint | boolean => typeof k !== 'string');
  if (strings.length > 0 && numbers.length > 0) {
    // Which pair Python compares first depends on the set's (hash-seeded) order.
    throw crash("'<' not supported between instances of 'int' and 'str'");
  }
  if (numbers.length > 0) return numbers.sort((a, b) => (numeric(a) < numeric(b) ? -1 : numeric(a) > numeric(b) ? 1 : 0));
  return strings.sort(compareCodePoints);
}

// Iterating a list and indexing it with each element: ints (and bools) index, the rest crash.
function listKeys(list: readonly PyValue[], groups: KeyGroups): void {
  for (const element of list) {
    if (typeof element !== 'bigint' && typeof element !== 'boolean') {
      throw crash(`list indices must be integers or slices, not ${pyTypePath(element)}`);
    }
    const n = numeric(element);
    const index = Number(n < 0n ? n + BigInt(list.length) : n);
    const value = index >= 0 && index < list.length ? list[index] : undefined;
    if (value === undefined) throw crash('list index out of range');
    (isPyScalar(value) ? groups.scalar : groups.nested).push(element);
  }
}

function bytesKeys(bytes: Uint8Array, groups: KeyGroups): void {
  for (const byte of bytes) {
    if (byte >= bytes.length) throw crash('index out of range');
    groups.scalar.push(BigInt(byte));
  }
}

/** TableFormatter._group_scalar_keys for any value (a dict, unless a list of dicts is mixed). */
export function groupScalarKeys(value: PyValue): KeyGroups {
  const groups: KeyGroups = { scalar: [], nested: [] };
  if (value instanceof PyDict) {
    for (const [key, item] of value) (isPyScalar(item) ? groups.scalar : groups.nested).push(key);
  } else if (Array.isArray(value)) {
    listKeys(value, groups);
  } else if (typeof value === 'string') {
    if (value !== '') throw crash("string indices must be integers, not 'str'");
  } else if (value instanceof PyBytes) {
    bytesKeys(value.bytes, groups);
  } else {
    // None, bools, numbers, datetimes and objects outside the model (an expression reference).
    throw crash(`'${pyTypePath(value)}' object is not iterable`);
  }
  return { scalar: sortKeys(groups.scalar), nested: sortKeys(groups.nested) };
}

// Python set semantics: 1 == True and 0 == False, and the first one added stays.
function setKey(key: TableKey): string {
  return typeof key === 'string' ? `s${key}` : `i${numeric(key)}`;
}

function union(target: Map<string, TableKey>, keys: readonly TableKey[]): void {
  for (const key of keys) if (!target.has(setKey(key))) target.set(setKey(key), key);
}

/** TableFormatter._group_scalar_keys_from_list: the sorted unions over all elements. */
export function groupScalarKeysFromList(list: readonly PyValue[]): KeyGroups {
  const scalar = new Map<string, TableKey>();
  const nested = new Map<string, TableKey>();
  for (const item of list) {
    const groups = groupScalarKeys(item);
    union(scalar, groups.scalar);
    union(nested, groups.nested);
  }
  return { scalar: sortKeys([...scalar.values()]), nested: sortKeys([...nested.values()]) };
}
