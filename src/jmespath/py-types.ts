// Python's view of interpreter values as jmespath.py 1.0.1 sees them: functions.py's TYPES_MAP
// from Python type names to JMESPath ones, numbers and falseness. (type(x).__name__, tp_name and
// str() are py-repr.ts's pyTypeName, pyTypePath and pyStr.) Pure.
import { PyDict, PyFloat } from '../values/py-value.js';
import type { JpValue } from './jp-value.js';

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
