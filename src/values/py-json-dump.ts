// Python's json.dumps / json.dump(value, indent=..., ensure_ascii=..., separators=..., default=...)
// with allow_nan=True and check_circular=True. Without `default`, bytes, dates and other objects
// are not JSON serializable, as in Python. No I/O.
import { pyFloatRepr } from './py-float.js';
import { pyIntRepr, PyValueError } from './py-int.js';
import { pyTypeName } from './py-repr.js';
import { PyDict, PyFloat, type PyValue } from './py-value.js';

export interface DumpPyJsonOptions {
  /** Python's indent: undefined is compact (`, ` and `: `); 0 still breaks lines. */
  indent?: number;
  ensureAscii: boolean;
  /** Python's separators (item, key); the default is `(', ', ': ')`, or `(',', ': ')` with an indent. */
  separators?: readonly [string, string];
  /**
   * Python's default=: what to write instead of a value JSON cannot hold (bytes, dates, other
   * objects). Handing the value back is a circular reference, as in Python.
   */
  default?: (value: object) => PyValue;
}

/**
 * Python `json.dumps(value, indent=indent, ensure_ascii=ensureAscii)`.
 * @example dumpPyJson([1n, new PyFloat(2)], { ensureAscii: true }) === '[1, 2.0]'
 */
export function dumpPyJson(value: PyValue, options: DumpPyJsonOptions): string {
  const chunks: string[] = [];
  writePyJson(value, options, (chunk) => chunks.push(chunk));
  return chunks.join('');
}

/**
 * Python `json.dump(value, stream, ...)`: the text goes to `write` piece by piece, in order, so
 * when encoding fails part way (a value JSON cannot hold, a circular reference) `write` has had
 * what the stream would have had: everything before the value that failed.
 */
export function writePyJson(value: PyValue, options: DumpPyJsonOptions, write: (chunk: string) => void): void {
  const quote = options.ensureAscii ? quoteAscii : quoteUnicode;
  const indent = options.indent === undefined ? undefined : ' '.repeat(Math.max(0, options.indent));
  const [itemSeparator, keySeparator] = options.separators ?? [indent === undefined ? ', ' : ',', ': '];
  const encoder: Encoder = { quote, indent, itemSeparator, keySeparator, default: options.default, write, markers: new Set() };
  encode(value, encoder, 0);
}

interface Encoder {
  quote: (text: string) => string;
  indent: string | undefined;
  itemSeparator: string;
  keySeparator: string;
  default: ((value: object) => PyValue) | undefined;
  write: (chunk: string) => void;
  /** check_circular: the containers and default= objects being encoded (json's `markers`). */
  markers: Set<object>;
}

function encode(value: PyValue, encoder: Encoder, level: number): void {
  if (value === null) return encoder.write('null');
  if (value === true) return encoder.write('true');
  if (value === false) return encoder.write('false');
  if (typeof value === 'bigint') return encoder.write(pyIntRepr(value));
  if (typeof value === 'string') return encoder.write(encoder.quote(value));
  if (value instanceof PyFloat) return encoder.write(encodeFloat(value.value));
  if (Array.isArray(value)) return encodeContainer('[', ']', value, value, (item) => encode(item, encoder, level + 1), encoder, level);
  if (value instanceof PyDict) {
    const encodeEntry = ([key, item]: readonly [string, PyValue]): void => {
      encoder.write(`${encoder.quote(key)}${encoder.keySeparator}`);
      encode(item, encoder, level + 1);
    };
    return encodeContainer('{', '}', value, [...value], encodeEntry, encoder, level);
  }
  if (!encoder.default) throw new TypeError(`Object of type ${pyTypeName(value)} is not JSON serializable`);
  enter(encoder, value);
  encode(encoder.default(value), encoder, level);
  encoder.markers.delete(value);
}

// json's check_circular: meeting an object again while it is being encoded.
function enter(encoder: Encoder, value: object): void {
  if (encoder.markers.has(value)) throw new PyValueError('Circular reference detected');
  encoder.markers.add(value);
}

function encodeFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  return pyFloatRepr(n);
}

function encodeContainer<T>(
  open: string,
  close: string,
  container: object,
  items: readonly T[],
  encodeItem: (item: T) => void,
  encoder: Encoder,
  level: number,
): void {
  if (items.length === 0) return encoder.write(open + close);
  enter(encoder, container);
  const inner = encoder.indent === undefined ? '' : `\n${encoder.indent.repeat(level + 1)}`;
  encoder.write(open + inner);
  items.forEach((item, i) => {
    if (i > 0) encoder.write(encoder.itemSeparator + inner);
    encodeItem(item);
  });
  encoder.write(encoder.indent === undefined ? close : `\n${encoder.indent.repeat(level)}${close}`);
  encoder.markers.delete(container);
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
