// Python's == and ordering operators on interpreter values, jmespath.py's `_equals`, and sorted()
// as CPython's list sort does it: ints and floats compare exactly, strings by code point, and an
// ordering between unorderable types is Python's TypeError. Pure.
import { PyBytes, PyDateTime, PyDict, PyFloat } from '../values/py-value.js';
import { compareCodePoints } from '../values/py-str.js';
import { PythonError } from './errors.js';
import { isSameObject, type JpValue } from './jp-value.js';
import { pyTypePath } from '../values/py-repr.js';
import { isActualNumber } from './py-types.js';

type PyNumber = boolean | bigint | PyFloat;

export type OrderingOp = 'lt' | 'lte' | 'gt' | 'gte';

const OP_SYMBOL: Readonly<Record<OrderingOp, string>> = { lt: '<', lte: '<=', gt: '>', gte: '>=' };

function isPyNumber(value: JpValue): value is PyNumber {
  return typeof value === 'boolean' || typeof value === 'bigint' || value instanceof PyFloat;
}

// -1, 0 or 1 between an int and a float, exactly (no rounding of the int); NaN when unordered.
function compareIntFloat(i: bigint, f: number): number {
  if (Number.isNaN(f)) return NaN;
  if (f === Infinity) return -1;
  if (f === -Infinity) return 1;
  const floor = Math.floor(f);
  const floorInt = BigInt(floor);
  if (i !== floorInt) return i < floorInt ? -1 : 1;
  return floor === f ? 0 : -1;
}

/** -1, 0 or 1 as Python orders two numbers (bools are 0 and 1); NaN when either is NaN. */
export function compareNumbers(a: PyNumber, b: PyNumber): number {
  const x = typeof a === 'boolean' ? BigInt(a) : a;
  const y = typeof b === 'boolean' ? BigInt(b) : b;
  if (typeof x === 'bigint' && typeof y === 'bigint') return x === y ? 0 : x < y ? -1 : 1;
  if (typeof x === 'bigint') return compareIntFloat(x, (y as PyFloat).value);
  if (typeof y === 'bigint') return -compareIntFloat(y, x.value);
  if (x.value === y.value) return 0;
  return x.value < y.value ? -1 : x.value > y.value ? 1 : NaN;
}

/** Python `a == b` (container items compare by identity first, as CPython's lists and dicts do). */
export function pyEquals(a: JpValue, b: JpValue): boolean {
  if (a === null || b === null) return a === b;
  if (isPyNumber(a) || isPyNumber(b)) return isPyNumber(a) && isPyNumber(b) && compareNumbers(a, b) === 0;
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => itemEquals(item, b[i] ?? null));
  }
  if (a instanceof PyDict && b instanceof PyDict) return dictEquals(a, b);
  if (a instanceof PyBytes && b instanceof PyBytes) {
    return a.bytes.length === b.bytes.length && a.bytes.every((byte, i) => byte === b.bytes[i]);
  }
  if (a instanceof PyDateTime && b instanceof PyDateTime) return a.kind === b.kind && a.text === b.text;
  return a === b;
}

/** Python's == between container items: identity first, as CPython's lists and dicts do. */
export function itemEquals(a: JpValue, b: JpValue): boolean {
  return isSameObject(a, b) || pyEquals(a, b);
}

// Two OrderedDicts also need the same order; any other pair of dicts ignores it.
function dictEquals(a: PyDict, b: PyDict): boolean {
  if (a.size !== b.size) return false;
  if (a.ordered && b.ordered) {
    const keysB = [...b.keys()];
    if ([...a.keys()].some((key, i) => key !== keysB[i])) return false;
  }
  for (const [key, value] of a) {
    if (!b.has(key) || !itemEquals(value, b.get(key) ?? null)) return false;
  }
  return true;
}

// visitor.py _is_special_number_case: 0 and 1 never equal True and False in JMESPath.
function isSpecialNumberCase(x: JpValue, y: JpValue): boolean {
  const isZeroOrOne = (v: bigint | PyFloat): boolean => compareNumbers(v, 0n) === 0 || compareNumbers(v, 1n) === 0;
  if (isActualNumber(x) && isZeroOrOne(x)) return typeof y === 'boolean';
  if (isActualNumber(y) && isZeroOrOne(y)) return typeof x === 'boolean';
  return false;
}

/** visitor.py `_equals`: Python == except that bools never equal 0 or 1. */
export function jmespathEquals(x: JpValue, y: JpValue): boolean {
  return isSpecialNumberCase(x, y) ? false : pyEquals(x, y);
}

/** Python `a <op> b`; raises Python's TypeError for types that do not order. */
export function pyCompare(op: OrderingOp, a: JpValue, b: JpValue): boolean {
  let order: number;
  if (isPyNumber(a) && isPyNumber(b)) order = compareNumbers(a, b);
  else if (typeof a === 'string' && typeof b === 'string') order = compareCodePoints(a, b);
  else {
    throw new PythonError('TypeError', `'${OP_SYMBOL[op]}' not supported between instances of '${pyTypePath(a)}' and '${pyTypePath(b)}'`);
  }
  switch (op) {
    case 'lt':
      return order < 0;
    case 'lte':
      return order <= 0;
    case 'gt':
      return order > 0;
    default:
      return order >= 0;
  }
}

/**
 * Python `sorted(items, key=...)` given the keys already computed, in item order. CPython sorts
 * fewer than 64 items by binary insertion after its first run; that is ported exactly, so even
 * inconsistent orders (NaN) come out as in Python. Longer lists use a stable merge sort, which
 * agrees with CPython whenever the order is consistent.
 */
export function pySorted<T>(items: readonly T[], keys: readonly JpValue[]): T[] {
  const lt = (i: number, j: number): boolean => pyCompare('lt', keys[i] ?? null, keys[j] ?? null);
  const order = items.map((_item, i) => i);
  if (order.length < 64) binaryInsertionSort(order, lt);
  else order.sort((i, j) => (lt(i, j) ? -1 : lt(j, i) ? 1 : 0));
  return order.map((i) => items[i] as T);
}

// listobject.c count_run + reverse + binarysort, for a list shorter than minrun (one run).
function binaryInsertionSort(order: number[], lt: (i: number, j: number) => boolean): void {
  const n = order.length;
  if (n < 2) return;
  let run = 2;
  const at = (k: number): number => order[k] as number;
  if (lt(at(1), at(0))) {
    while (run < n && lt(at(run), at(run - 1))) run++;
    order.splice(0, run, ...order.slice(0, run).reverse());
  } else {
    while (run < n && !lt(at(run), at(run - 1))) run++;
  }
  for (let start = run; start < n; start++) {
    const pivot = at(start);
    let lo = 0;
    let hi = start;
    while (lo < hi) {
      const mid = lo + ((hi - lo) >> 1);
      if (lt(pivot, at(mid))) hi = mid;
      else lo = mid + 1;
    }
    order.splice(start, 1);
    order.splice(lo, 0, pivot);
  }
}
