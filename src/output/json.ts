// --output json: Python json.dump(indent=4, ensure_ascii=False) plus a newline; `{}` prints nothing.
import { dumpPyJson } from '../values/py-json-dump.js';
import { PyDict, type PyValue } from '../values/py-value.js';

export function formatJson(value: PyValue): string {
  if (value instanceof PyDict && value.size === 0) return '';
  return `${dumpPyJson(value, { indent: 4, ensureAscii: false })}\n`;
}
