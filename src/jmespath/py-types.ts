// Python's view of interpreter values as jmespath.py 1.0.1 sees them: type(x).__name__, its
// TYPES_MAP to JMESPath type names, truthiness, and str() for error messages. Pure.
import { pyRepr, pyStr, pyTypeName as pyValueTypeName, pyTypePath } from '../values/py-repr.js';
import { PyDict, PyFloat, type PyValue } from '../values/py-value.js';
import { Expref, type JpValue } from './jp-value.js';

/**
 * repr() of an _Expression. Python prints the object's address, which differs run to run; this
 * stands in a typical CPython heap address so the text keeps Python's shape and length.
 */
export const EXPREF_REPR = '<jmespath.visitor._Expression object at 0x7f0000000000>';

/** Python `type(value).__name__`. */
export function pyTypeName(value: JpValue): string {
  return value instanceof Expref ? '_Expression' : pyValueTypeName(value);
}

/** The type name CPython puts in TypeError messages (tp_name), e.g. `collections.OrderedDict`. */
export function pyTpName(value: JpValue): string {
  return value instanceof Expref ? '_Expression' : pyTypePath(value);
}

// functions.py TYPES_MAP: Python type name → JMESPath type name.
const TYPES_MAP: Readonly<Record<string, string>> = {
  bool: 'boolean',
  list: 'array',
  dict: 'object',
  NoneType: 'null',
  unicode: 'string',
  str: 'string',
  float: 'number',
  int: 'number',
  long: 'number',
  OrderedDict: 'object',
  _Projection: 'array',
  _Expression: 'expref',
};

/** functions.py `_convert_to_jmespath_type`: `unknown` for types outside the map. */
export function jmespathTypeOf(pythonTypeName: string): string {
  return Object.hasOwn(TYPES_MAP, pythonTypeName) ? (TYPES_MAP[pythonTypeName] ?? 'unknown') : 'unknown';
}

/** visitor.py `_is_actual_number`: an int or a float, but not a bool. */
export function isActualNumber(value: JpValue): value is bigint | PyFloat {
  return typeof value === 'bigint' || value instanceof PyFloat;
}

/** visitor.py `_is_false`: equality checks, so 0 and 0.0 are true in JMESPath. */
export function isJmespathFalse(value: JpValue): boolean {
  if (value === '' || value === null || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  return value instanceof PyDict && value.size === 0;
}

/** True when an expression reference sits anywhere inside `value`. */
export function containsExpref(value: JpValue): boolean {
  if (value instanceof Expref) return true;
  if (Array.isArray(value)) return value.some(containsExpref);
  if (value instanceof PyDict) {
    for (const item of value.values()) if (containsExpref(item as JpValue)) return true;
  }
  return false;
}

/** True when `value` is a plain PyValue (no expression reference anywhere inside). */
export function isPyValue(value: JpValue): value is PyValue {
  return !containsExpref(value);
}

/** Python `str(value)`, as jmespath's error messages print values with "%s". */
export function pyStrOf(value: JpValue): string {
  return isPyValue(value) ? pyStr(value) : reprOf(value);
}

// repr() for a value holding expression references (containers rebuilt around them).
function reprOf(value: JpValue): string {
  if (value instanceof Expref) return EXPREF_REPR;
  if (Array.isArray(value)) return `[${value.map(reprOf).join(', ')}]`;
  if (value instanceof PyDict) {
    const items = [...value].map(([key, item]) => [pyRepr(key), reprOf(item as JpValue)] as const);
    if (!value.ordered) return `{${items.map(([key, item]) => `${key}: ${item}`).join(', ')}}`;
    if (items.length === 0) return 'OrderedDict()';
    return `OrderedDict([${items.map(([key, item]) => `(${key}, ${item})`).join(', ')}])`;
  }
  return pyRepr(value);
}
