// to_string()'s serializer: Python json.dumps(value, separators=(',', ':'), default=str) with its
// defaults ensure_ascii=True and allow_nan=True, so floats keep Python's repr and non-ASCII text
// becomes \uXXXX escapes. Values JSON cannot hold are written as the JSON string of str(value). Pure.
import { pyFloatRepr } from '../values/py-float.js';
import { pyIntRepr } from '../values/py-int.js';
import { PyDict, PyFloat } from '../values/py-value.js';
import type { JpValue } from './jp-value.js';
import { pyStrOf } from './py-types.js';

/** Python `json.dumps(value, separators=(',', ':'), default=str)`. */
export function toJsonString(value: JpValue): string {
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'bigint') return pyIntRepr(value);
  if (typeof value === 'string') return quoteAscii(value);
  if (value instanceof PyFloat) return encodeFloat(value.value);
  if (Array.isArray(value)) return `[${value.map(toJsonString).join(',')}]`;
  if (value instanceof PyDict) {
    const entries = [...value].map(([key, item]) => `${quoteAscii(key)}:${toJsonString(item as JpValue)}`);
    return `{${entries.join(',')}}`;
  }
  // default=str: bytes, dates and expression references become the JSON string of str(value).
  return quoteAscii(pyStrOf(value));
}

function encodeFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  return pyFloatRepr(n);
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

// ensure_ascii: everything outside printable ASCII as \uXXXX (lowercase hex), astral characters
// as their surrogate pair, which is what a JavaScript string already holds.
function quoteAscii(text: string): string {
  const escaped = text.replace(/[^\x20-\x21\x23-\x5b\x5d-\x7e]/g, (char) => SHORT_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${escaped}"`;
}
