// The non-numeric built-in functions of jmespath.py 1.0.1 (functions.py): strings work on code
// points, dicts keep insertion order, sorting and max/min follow CPython. Arguments arrive
// type-checked (functions.ts); only merge()'s extra arguments are unchecked, as in Python. Pure.
import { PyBytes, PyDict, PyFloat } from '../values/py-value.js';
import { JmespathTypeError, PythonError, UnsupportedValueError } from './errors.js';
import { Expref, type JpValue } from './jp-value.js';
import { itemEquals, pyCompare, pySorted } from './py-compare.js';
import { codePointLength, reverseCodePoints, strContains, strEndsWith, strStartsWith } from './py-strings.js';
import { pyStr, pyTypeName, pyTypePath } from '../values/py-repr.js';
import { jmespathTypeOf } from './py-types.js';
import { toJsonString } from './to-json-string.js';

export function asList(value: JpValue): JpValue[] {
  if (!Array.isArray(value)) throw new TypeError('expected a type-checked list');
  return value;
}

export function asString(value: JpValue): string {
  if (typeof value !== 'string') throw new TypeError('expected a type-checked str');
  return value;
}

export function asDict(value: JpValue): PyDict {
  if (!(value instanceof PyDict)) throw new TypeError('expected a type-checked dict');
  return value;
}

export function asExpref(value: JpValue): Expref {
  if (!(value instanceof Expref)) throw new TypeError('expected a type-checked expression');
  return value;
}

export function notNull(args: readonly JpValue[]): JpValue {
  return args.find((arg) => arg !== null) ?? null;
}

export function toArray(arg: JpValue): JpValue {
  return Array.isArray(arg) ? arg : [arg];
}

export function toStringBuiltin(arg: JpValue): JpValue {
  return typeof arg === 'string' ? arg : toJsonString(arg);
}

// `search in subject`: list membership is identity or ==; str needs a str on the left.
export function contains(subject: JpValue, search: JpValue): JpValue {
  if (Array.isArray(subject)) return subject.some((item) => itemEquals(item, search));
  if (typeof search !== 'string') {
    throw new PythonError('TypeError', `'in <string>' requires string as left operand, not ${pyTypePath(search)}`);
  }
  return strContains(asString(subject), search);
}

export function length(arg: JpValue): JpValue {
  if (typeof arg === 'string') return BigInt(codePointLength(arg));
  if (arg instanceof PyDict) return BigInt(arg.size);
  return BigInt(asList(arg).length);
}

export function endsWith(search: JpValue, suffix: JpValue): JpValue {
  return strEndsWith(asString(search), asString(suffix));
}

export function startsWith(search: JpValue, prefix: JpValue): JpValue {
  return strStartsWith(asString(search), asString(prefix));
}

export function reverse(arg: JpValue): JpValue {
  return typeof arg === 'string' ? reverseCodePoints(arg) : [...asList(arg)].reverse();
}

export function join(separator: JpValue, array: JpValue): JpValue {
  return asList(array).map(asString).join(asString(separator));
}

export function map(expref: JpValue, arg: JpValue): JpValue {
  const expression = asExpref(expref);
  return asList(arg).map((element) => expression.evaluate(element));
}

/** max() (op gt) or min() (op lt): the first of equal items wins; None for an empty list. */
export function extreme(arg: JpValue, op: 'gt' | 'lt'): JpValue {
  const [first = null, ...rest] = asList(arg);
  let best = first;
  for (const item of rest) if (pyCompare(op, item, best)) best = item;
  return best;
}

export function sort(arg: JpValue): JpValue {
  const items = asList(arg);
  return pySorted(items, items);
}

export function keys(arg: JpValue): JpValue {
  return [...asDict(arg).keys()];
}

export function values(arg: JpValue): JpValue {
  return [...asDict(arg).values()];
}

export function type(arg: JpValue): JpValue {
  if (typeof arg === 'string') return 'string';
  if (typeof arg === 'boolean') return 'boolean';
  if (Array.isArray(arg)) return 'array';
  if (arg instanceof PyDict) return 'object';
  if (typeof arg === 'bigint' || arg instanceof PyFloat) return 'number';
  if (arg === null) return 'null';
  // Python falls off the end (None) for anything else, such as an expression reference.
  return null;
}

/** A key function that requires keys of the given JMESPath types. */
function createKeyFunc(expref: Expref, allowedTypes: readonly string[], functionName: string) {
  return (item: JpValue): JpValue => {
    const result = expref.evaluate(item);
    const jmespathType = jmespathTypeOf(pyTypeName(result));
    if (!allowedTypes.includes(jmespathType)) {
      throw new JmespathTypeError(functionName, pyStr(result), jmespathType, allowedTypes);
    }
    return result;
  };
}

// The first element's key decides whether all keys must be numbers or strings.
export function sortBy(arg: JpValue, exprefArg: JpValue): JpValue {
  const array = asList(arg);
  const expref = asExpref(exprefArg);
  if (array.length === 0) return array;
  const first = array[0] ?? null;
  const requiredType = jmespathTypeOf(pyTypeName(expref.evaluate(first)));
  if (requiredType !== 'number' && requiredType !== 'string') {
    throw new JmespathTypeError('sort_by', pyStr(first), requiredType, ['string', 'number']);
  }
  const keyFunc = createKeyFunc(expref, [requiredType], 'sort_by');
  return pySorted(array, array.map(keyFunc));
}

/** max_by (op gt) or min_by (op lt): keys are computed one item at a time, as Python's max does. */
export function extremeBy(arg: JpValue, exprefArg: JpValue, op: 'gt' | 'lt'): JpValue {
  const keyFunc = createKeyFunc(asExpref(exprefArg), ['number', 'string'], op === 'gt' ? 'max_by' : 'min_by');
  const [first, ...rest] = asList(arg);
  if (first === undefined) return null;
  let best = first;
  let bestKey = keyFunc(first);
  for (const item of rest) {
    const key = keyFunc(item);
    if (pyCompare(op, key, bestKey)) {
      best = item;
      bestKey = key;
    }
  }
  return best;
}

export function merge(args: readonly JpValue[]): JpValue {
  const merged = new PyDict();
  for (const arg of args) dictUpdate(merged, arg);
  return merged;
}

// What Python iterates over: list items, str characters, dict keys, bytes as ints; null if none.
function iterate(value: JpValue): JpValue[] | null {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return Array.from(value);
  if (value instanceof PyDict) return [...value.keys()];
  if (value instanceof PyBytes) return Array.from(value.bytes, (byte) => BigInt(byte));
  return null;
}

// dict.update(other): a mapping, or an iterable of key/value pairs.
function dictUpdate(target: PyDict, other: JpValue): void {
  if (other instanceof PyDict) {
    for (const [key, value] of other) target.set(key, value);
    return;
  }
  const items = iterate(other);
  if (items === null) throw new PythonError('TypeError', `'${pyTypePath(other)}' object is not iterable`);
  items.forEach((item, i) => {
    const pair = iterate(item);
    if (pair === null) {
      throw new PythonError('TypeError', `cannot convert dictionary update sequence element #${i} to a sequence`);
    }
    if (pair.length !== 2) {
      const message = `dictionary update sequence element #${i} has length ${pair.length}; 2 is required`;
      throw new PythonError('ValueError', message);
    }
    const [key = null, value = null] = pair;
    if (Array.isArray(key) || key instanceof PyDict) {
      throw new PythonError('TypeError', `unhashable type: '${pyTypePath(key)}'`);
    }
    if (typeof key !== 'string') {
      throw new UnsupportedValueError(`merge() would build a dict with the non-string key ${pyStr(key)}`);
    }
    target.set(key, value);
  });
}
