// Python's json.dumps(value, indent=..., ensure_ascii=..., separators=..., default=...) with
// allow_nan=True. Without `default`, bytes and dates are not JSON serializable, as in Python. No I/O.
import { pyFloatRepr } from './py-float.js';
import { pyIntRepr } from './py-int.js';
import { pyTypeName } from './py-repr.js';
import { PyDict, PyFloat, type PyValue } from './py-value.js';

export interface DumpPyJsonOptions {
  /** Python's indent: undefined is compact (`, ` and `: `); 0 still breaks lines. */
  indent?: number;
  ensureAscii: boolean;
  /** Python's separators (item, key); the default is `(', ', ': ')`, or `(',', ': ')` with an indent. */
  separators?: readonly [string, string];
  /** Python's default=: what to write instead of a value JSON cannot hold (bytes, dates, other objects). */
  default?: (value: object) => PyValue;
}

/**
 * Python `json.dumps(value, indent=indent, ensure_ascii=ensureAscii)`.
 * @example dumpPyJson([1n, new PyFloat(2)], { ensureAscii: true }) === '[1, 2.0]'
 */
export function dumpPyJson(value: PyValue | object, options: DumpPyJsonOptions): string {
  const quote = options.ensureAscii ? quoteAscii : quoteUnicode;
  const indent = options.indent === undefined ? undefined : ' '.repeat(Math.max(0, options.indent));
  const [itemSeparator, keySeparator] = options.separators ?? [indent === undefined ? ', ' : ',', ': '];
  return encode(value, { quote, indent, itemSeparator, keySeparator, default: options.default }, 0);
}

interface Encoder {
  quote: (text: string) => string;
  indent: string | undefined;
  itemSeparator: string;
  keySeparator: string;
  default: ((value: object) => PyValue) | undefined;
}

function encode(value: PyValue | object, encoder: Encoder, level: number): string {
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'bigint') return pyIntRepr(value);
  if (typeof value === 'string') return encoder.quote(value);
  if (value instanceof PyFloat) return encodeFloat(value.value);
  if (Array.isArray(value)) {
    return encodeContainer('[', ']', value, (item: PyValue | object) => encode(item, encoder, level + 1), encoder, level);
  }
  if (value instanceof PyDict) {
    const entries = [...value];
    const encodeEntry = ([key, item]: readonly [string, PyValue]): string => `${encoder.quote(key)}${encoder.keySeparator}${encode(item, encoder, level + 1)}`;
    return encodeContainer('{', '}', entries, encodeEntry, encoder, level);
  }
  if (encoder.default) return encode(encoder.default(value), encoder, level);
  throw new TypeError(`Object of type ${pyTypeName(value as PyValue)} is not JSON serializable`);
}

function encodeFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  return pyFloatRepr(n);
}

function encodeContainer<T>(open: string, close: string, items: readonly T[], encodeItem: (item: T) => string, encoder: Encoder, level: number): string {
  if (items.length === 0) return open + close;
  const parts = items.map(encodeItem);
  if (encoder.indent === undefined) return open + parts.join(encoder.itemSeparator) + close;
  const inner = `\n${encoder.indent.repeat(level + 1)}`;
  const outer = `\n${encoder.indent.repeat(level)}`;
  return open + inner + parts.join(`${encoder.itemSeparator}${inner}`) + outer + close;
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

function escapeUnit(char: string): string {
  return SHORT_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

// ensure_ascii=True: everything outside printable ASCII, astral characters as surrogate pairs.
function quoteAscii(text: string): string {
  return `"${text.replace(/[^\x20-\x21\x23-\x5b\x5d-\x7e]/g, escapeUnit)}"`;
}

// ensure_ascii=False: only quote, backslash and C0 controls are escaped (DEL stays raw).
function quoteUnicode(text: string): string {
  return `"${text.replace(/["\\\x00-\x1f]/g, escapeUnit)}"`;
}
