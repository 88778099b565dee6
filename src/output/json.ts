// --output json: Python json.dump(indent=4, ensure_ascii=False, default=json_encoder) plus a
// newline; `{}` prints nothing. json_encoder is awscli's (awscli/utils.py), which differs by
// release: what it does not know, 2.9.19's hands back (json: "Circular reference detected"),
// later ones reject (TypeError). A failure leaves what json.dump had written on stdout.
import { GeneralError } from '../errors.js';
import { type Generation, rejectsUnknownJsonTypes } from '../model/generation.js';
import { PyValueError } from '../values/py-int.js';
import { writePyJson } from '../values/py-json-dump.js';
import { PyBytes, PyDateTime, PyDict, type PyValue } from '../values/py-value.js';
import { FormatFailure } from './format-failure.js';

export function formatJson(value: PyValue, generation: Generation): string {
  if (value instanceof PyDict && value.size === 0) return '';
  const chunks: string[] = [];
  try {
    writePyJson(value, { indent: 4, ensureAscii: false, default: jsonEncoder(generation) }, (chunk) => chunks.push(chunk));
  } catch (error) {
    // Python's own TypeError and ValueError from json (and the encoder), printed as str(exc).
    if (!(error instanceof TypeError || error instanceof PyValueError)) throw error;
    throw new FormatFailure(chunks.join(''), new GeneralError('PYTHON_CRASH', error.message, { cause: error }));
  }
  return `${chunks.join('')}\n`;
}

/**
 * awscli's `json_encoder`: a datetime as isoformat() (the output skeleton's); in later releases
 * bytes as base64 text and any other object a TypeError; in 2.9.19 any other object handed back.
 */
export function jsonEncoder(generation: Generation): (value: object) => PyValue {
  return (value) => {
    if (value instanceof PyDateTime && value.kind === 'datetime') return value.text.replace(' ', 'T');
    if (!rejectsUnknownJsonTypes(generation)) return value as PyValue;
    if (value instanceof PyBytes) return Buffer.from(value.bytes).toString('base64');
    throw new TypeError('Encountered unrecognized type in JSON encoder.');
  };
}
