// --output yaml and --output yaml-stream, as awscli's YAMLFormatter / StreamedYAMLFormatter
// print a (queried) response: ruamel.yaml's safe dumper with the libyaml C emitter, except that
// yaml prints a lone scalar as JSON. Pure: returns the text; `{}` prints nothing.
import type { Generation } from '../model/generation.js';
import { dumpPyJson } from '../values/py-json-dump.js';
import { PyDateTime, PyDict, PyFloat, type PyValue } from '../values/py-value.js';
import { emitYamlDocument } from '../yaml-write/emitter.js';
import { representYaml } from '../yaml-write/represent.js';
import { jsonEncoder } from './json.js';

/**
 * `--output yaml`.
 * @example formatYaml(new PyDict([['b', [1n]], ['a', 'x']])) === 'a: x\nb:\n- 1\n'
 */
export function formatYaml(value: PyValue, generation: Generation): string {
  if (value instanceof PyDict && value.size === 0) return '';
  // AWS CLI quirk (formatter.py YAMLDumper): None, bools, numbers, strings and datetimes are
  // json.dump'ed (default=json_encoder: datetimes as isoformat()), so that ruamel does not end
  // the stream with `...`.
  if (isJsonScalar(value) || (value instanceof PyDateTime && value.kind === 'datetime')) {
    return `${dumpPyJson(value, { ensureAscii: false, default: jsonEncoder(generation) })}\n`;
  }
  return emitYamlDocument(representYaml(value));
}

/**
 * `--output yaml-stream`: the response as a one-element list, so scalars are YAML too.
 * @example formatYamlStream('x') === '- x\n'
 */
export function formatYamlStream(value: PyValue): string {
  if (value instanceof PyDict && value.size === 0) return '';
  return emitYamlDocument(representYaml([value]));
}

/** One page of a paginated `--output yaml-stream`: always a one-element list, `{}` too. */
export function formatYamlStreamPage(value: PyValue): string {
  return emitYamlDocument(representYaml([value]));
}

// YAMLDumper._is_json_scalar: None, int (bools too), float and str.
function isJsonScalar(value: PyValue): boolean {
  return value === null || typeof value === 'boolean' || typeof value === 'bigint' || typeof value === 'string' || value instanceof PyFloat;
}
