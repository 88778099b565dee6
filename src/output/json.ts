// --output json: Python json.dump(indent=4, ensure_ascii=False) plus a newline; `{}` prints nothing.
import { dumpPyJson } from '../values/py-json-dump.js';
import { PyDateTime, PyDict, type PyValue } from '../values/py-value.js';

export function formatJson(value: PyValue): string {
  if (value instanceof PyDict && value.size === 0) return '';
  return `${dumpPyJson(jsonable(value), { indent: 4, ensureAscii: false })}\n`;
}

// awscli's JSON encoder writes datetimes (the output skeleton's) as isoformat().
function jsonable(value: PyValue): PyValue {
  if (value instanceof PyDateTime) return value.text.replace(' ', 'T');
  if (value instanceof PyDict) return new PyDict([...value].map(([k, v]) => [k, jsonable(v)] as const));
  if (Array.isArray(value)) return value.map(jsonable);
  return value;
}
