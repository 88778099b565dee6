// --output yaml and --output yaml-stream, as awscli's YAMLFormatter / StreamedYAMLFormatter
// print a (queried) response: ruamel.yaml's safe dumper with the libyaml C emitter, except that
// yaml prints a lone scalar as JSON. Pure: returns the text; `{}` prints nothing.
import { dumpPyJson } from '../values/py-json-dump.js';
import { PyBytes, PyDateTime, PyDict, type PyValue } from '../values/py-value.js';
import { emitYamlDocument } from '../yaml-write/emitter.js';
import { representYaml } from '../yaml-write/represent.js';

/**
 * `--output yaml`.
 * @example formatYaml(new PyDict([['b', [1n]], ['a', 'x']])) === 'a: x\nb:\n- 1\n'
 */
export function formatYaml(value: PyValue): string {
  if (value instanceof PyDict && value.size === 0) return '';
  // AWS CLI quirk (formatter.py YAMLDumper): None, bools, numbers, strings and datetimes are
  // json.dump'ed, so that ruamel does not end the stream with `...`; datetimes as isoformat().
  if (value instanceof PyDateTime && value.kind === 'datetime') return jsonLine(value.text.replace(' ', 'T'));
  if (isJsonScalar(value)) return jsonLine(value);
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

function isJsonScalar(value: PyValue): boolean {
  return !(value instanceof PyDict || Array.isArray(value) || value instanceof PyBytes || value instanceof PyDateTime);
}

function jsonLine(value: PyValue): string {
  return `${dumpPyJson(value, { ensureAscii: false })}\n`;
}
