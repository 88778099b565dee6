// to_string()'s serializer: Python json.dumps(value, separators=(',', ':'), default=str) with its
// defaults ensure_ascii=True and allow_nan=True, so floats keep Python's repr and non-ASCII text
// becomes \uXXXX escapes. Values JSON cannot hold are written as the JSON string of str(value). Pure.
import { pyStr } from '../values/py-repr.js';
import { dumpPyJson } from '../values/py-json-dump.js';
import type { PyValue } from '../values/py-value.js';
import type { JpValue } from './jp-value.js';

/** Python `json.dumps(value, separators=(',', ':'), default=str)`. */
export function toJsonString(value: JpValue): string {
  // default=str: bytes, dates and expression references become the JSON string of str(value).
  return dumpPyJson(value, { ensureAscii: true, separators: [',', ':'], default: (other) => pyStr(other as PyValue) });
}
