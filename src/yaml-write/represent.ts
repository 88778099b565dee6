// PyValue → YAML node graph, as ruamel.yaml's SafeRepresenter builds it for awscli: dict keys
// sorted by code point, OrderedDict as !!omap, bytes as !!binary, floats as repr().lower().
// A dict, list or datetime met twice (the same object) yields the same node, which the emitter
// writes as an anchor and aliases. Any other object is ruamel's RepresenterError. Pure.
import { GeneralError } from '../errors.js';
import { pyFloatRepr } from '../values/py-float.js';
import { pyIntRepr } from '../values/py-int.js';
import { pyStr } from '../values/py-repr.js';
import { compareCodePoints } from '../values/py-str.js';
import { PyBytes, PyDateTime, type PyDict, PyFloat, PyObject, type PyValue } from '../values/py-value.js';
import { TAG_BINARY, TAG_BOOL, TAG_FLOAT, TAG_INT, TAG_MAP, TAG_NULL, TAG_OMAP, TAG_SEQ, TAG_STR, TAG_TIMESTAMP } from './resolver.js';

export interface YamlScalarNode {
  readonly kind: 'scalar';
  readonly tag: string;
  readonly value: string;
  /** ruamel's node.style: only bytes ask for a literal block. */
  readonly style: 'any' | 'literal';
}

export interface YamlSequenceNode {
  readonly kind: 'sequence';
  readonly tag: string;
  readonly items: YamlNode[];
}

export interface YamlMappingNode {
  readonly kind: 'mapping';
  readonly tag: string;
  /** Keys are the dict's strings: always plain `str` scalars. */
  readonly pairs: Array<readonly [YamlScalarNode, YamlNode]>;
}

export type YamlNode = YamlScalarNode | YamlSequenceNode | YamlMappingNode;

/** Node already built for an object (ruamel `represented_objects`, keyed by identity). */
type Represented = Map<object, YamlNode>;

/** Builds the node graph of `value` (ruamel `SafeRepresenter.represent_data`). */
export function representYaml(value: PyValue): YamlNode {
  return represent(value, new Map());
}

function represent(value: PyValue, seen: Represented): YamlNode {
  if (value === null) return scalar(TAG_NULL, 'null');
  if (typeof value === 'boolean') return scalar(TAG_BOOL, value ? 'true' : 'false');
  if (typeof value === 'bigint') return scalar(TAG_INT, pyIntRepr(value));
  if (typeof value === 'string') return scalar(TAG_STR, value);
  if (value instanceof PyFloat) return scalar(TAG_FLOAT, floatText(value.value));
  if (value instanceof PyBytes) return { kind: 'scalar', tag: TAG_BINARY, value: encodeBytes(value.bytes), style: 'literal' };
  // represent_undefined: SafeRepresenter has no representer for the class (raised before anything is written).
  if (value instanceof PyObject) throw new GeneralError('PYTHON_CRASH', `cannot represent an object: ${pyStr(value)}`);
  const known = seen.get(value);
  if (known) return known;
  if (value instanceof PyDateTime) return remember(seen, value, scalar(TAG_TIMESTAMP, value.text));
  if (Array.isArray(value)) {
    const node: YamlSequenceNode = { kind: 'sequence', tag: TAG_SEQ, items: [] };
    remember(seen, value, node);
    for (const item of value) node.items.push(represent(item, seen));
    return node;
  }
  return value.ordered ? representOmap(value, seen) : representMapping(value, seen);
}

function representMapping(dict: PyDict, seen: Represented): YamlMappingNode {
  const node: YamlMappingNode = { kind: 'mapping', tag: TAG_MAP, pairs: [] };
  remember(seen, dict, node);
  // ruamel quirk (representer.py): sort_base_mapping_type_on_output sorts dict items, so keys
  // come out in Python string order, by code point.
  const entries = [...dict].sort(([a], [b]) => compareCodePoints(a, b));
  for (const [key, item] of entries) node.pairs.push([scalar(TAG_STR, key), represent(item, seen)]);
  return node;
}

// represent_omap: a sequence of one-entry mappings, in insertion order.
function representOmap(dict: PyDict, seen: Represented): YamlSequenceNode {
  const node: YamlSequenceNode = { kind: 'sequence', tag: TAG_OMAP, items: [] };
  remember(seen, dict, node);
  for (const [key, item] of dict) {
    node.items.push({ kind: 'mapping', tag: TAG_MAP, pairs: [[scalar(TAG_STR, key), represent(item, seen)]] });
  }
  return node;
}

function remember<T extends YamlNode>(seen: Represented, value: object, node: T): T {
  seen.set(value, node);
  return node;
}

function scalar(tag: string, value: string): YamlScalarNode {
  return { kind: 'scalar', tag, value, style: 'any' };
}

// represent_float: repr(data).lower(), with YAML's own names for nan and the infinities.
function floatText(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (n === Infinity) return '.inf';
  if (n === -Infinity) return '-.inf';
  return pyFloatRepr(n).toLowerCase();
}

// base64.encodebytes: lines of at most 76 characters, each ending in a newline.
function encodeBytes(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString('base64');
  let out = '';
  for (let i = 0; i < text.length; i += 76) out += `${text.slice(i, i + 76)}\n`;
  return out;
}
