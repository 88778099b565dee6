// Python's truth value, bool(x), for the value model: None, False, 0, 0.0, '', [], {} and b''
// are false, every other value (and any other object) is true. Pure.
import { PyBytes, PyDict, PyFloat, type PyValue } from './py-value.js';

/**
 * Python `bool(value)`; a PyObject (such as a JMESPath expression reference) is true.
 * @example pyTruthy(0n) === false; pyTruthy(new PyFloat(0.5)) === true
 */
export function pyTruthy(value: PyValue | object): boolean {
  if (value === null || typeof value === 'boolean') return value === true;
  if (typeof value === 'bigint') return value !== 0n;
  if (typeof value === 'string' || Array.isArray(value)) return value.length > 0;
  if (value instanceof PyFloat) return value.value !== 0;
  if (value instanceof PyDict) return value.size > 0;
  if (value instanceof PyBytes) return value.bytes.length > 0;
  return true;
}
