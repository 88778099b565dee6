// The numeric built-in functions of jmespath.py 1.0.1 (functions.py) with Python's arithmetic:
// exact ints, int → float conversion with OverflowError, math.floor/ceil returning ints, and
// to_number as int() then float(). Arguments arrive type-checked. Pure.
import { GeneralError } from '../errors.js';
import { parsePyFloat, parsePyInt } from '../values/py-number.js';
import { PyBytes, PyDict, type PyFloat } from '../values/py-value.js';
import { INT_MAX_STR_DIGITS } from '../values/py-int.js';
import { PythonError } from './errors.js';
import { computedFloat, type JpValue } from './jp-value.js';
import { pyTypePath } from '../values/py-repr.js';
import { isActualNumber } from './py-types.js';

type Num = bigint | PyFloat;

function asNumber(value: JpValue): Num {
  if (!isActualNumber(value)) throw new TypeError('expected a type-checked number');
  return value;
}

/** Python float(int): OverflowError when the int is beyond the float range. */
function intToFloat(value: bigint): number {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new PythonError('OverflowError', 'int too large to convert to float');
  return n;
}

export function abs(arg: JpValue): JpValue {
  const n = asNumber(arg);
  if (typeof n === 'bigint') return n < 0n ? -n : n;
  return computedFloat(Math.abs(n.value));
}

// builtins.sum: exact while every item is an int; from the first float on, float additions.
function pySum(items: readonly JpValue[]): bigint | number {
  let total: bigint | number = 0n;
  for (const item of items) {
    const n = asNumber(item);
    if (typeof total === 'bigint' && typeof n === 'bigint') total += n;
    else {
      const left: number = typeof total === 'bigint' ? intToFloat(total) : total;
      total = left + (typeof n === 'bigint' ? intToFloat(n) : n.value);
    }
  }
  return total;
}

export function sum(arg: readonly JpValue[]): JpValue {
  const total = pySum(arg);
  return typeof total === 'bigint' ? total : computedFloat(total);
}

// sum(arg) / float(len(arg)), or None for an empty list.
export function avg(arg: readonly JpValue[]): JpValue {
  if (arg.length === 0) return null;
  const total = pySum(arg);
  return computedFloat((typeof total === 'bigint' ? intToFloat(total) : total) / arg.length);
}

function floatToInt(value: number, round: (x: number) => number): bigint {
  if (Number.isNaN(value)) throw new PythonError('ValueError', 'cannot convert float NaN to integer');
  if (!Number.isFinite(value)) throw new PythonError('OverflowError', 'cannot convert float infinity to integer');
  return BigInt(round(value));
}

/** math.ceil: an int for ints and floats alike. */
export function ceil(arg: JpValue): JpValue {
  const n = asNumber(arg);
  return typeof n === 'bigint' ? n : floatToInt(n.value, Math.ceil);
}

/** math.floor: an int for ints and floats alike. */
export function floor(arg: JpValue): JpValue {
  const n = asNumber(arg);
  return typeof n === 'bigint' ? n : floatToInt(n.value, Math.floor);
}

// Python int(str) then float(str); any ValueError means "not a number" (None).
function numberFromText(text: string): JpValue {
  try {
    const value = parsePyInt(text);
    // int() refuses more than 4300 digits with a ValueError; float() may still take the text.
    if ((text.match(/\p{Nd}/gu) ?? []).length <= INT_MAX_STR_DIGITS) return value;
  } catch (error) {
    if (!(error instanceof GeneralError)) throw error;
  }
  try {
    return computedFloat(parsePyFloat(text).value);
  } catch (error) {
    if (!(error instanceof GeneralError)) throw error;
    return null;
  }
}

// int(bytes) reads ASCII only and strips only ASCII whitespace, unlike int(str).
function numberFromBytes(bytes: Uint8Array): JpValue {
  if (bytes.some((byte) => byte >= 0x80 || (byte >= 0x1c && byte <= 0x1f))) return null;
  return numberFromText(String.fromCharCode(...bytes));
}

export function toNumber(arg: JpValue): JpValue {
  if (arg === null || typeof arg === 'boolean' || Array.isArray(arg) || arg instanceof PyDict) return null;
  if (isActualNumber(arg)) return arg;
  if (typeof arg === 'string') return numberFromText(arg);
  if (arg instanceof PyBytes) return numberFromBytes(arg.bytes);
  throw new PythonError('TypeError', `int() argument must be a string, a bytes-like object or a real number, not '${pyTypePath(arg)}'`);
}
