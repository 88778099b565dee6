// Python's repr(), str() and type() text for PyValues, as botocore's messages print them.
// Printability follows str.isprintable() from Python 3.11 (table in py-nonprintable.ts). No I/O.
import { pyFloatRepr } from './py-float.js';
import { pyIntRepr } from './py-int.js';
import { NONPRINTABLE_RANGES } from './py-nonprintable.js';
import { inRangeTable } from './range-table.js';
import { PyBytes, PyDateTime, PyDict, PyFloat, PyObject, type PyValue } from './py-value.js';

/**
 * Python `repr(value)`.
 * @example pyRepr(new PyDict([['a', [1n, "it's"]]], true)) === `OrderedDict([('a', [1, "it's"])])`
 */
export function pyRepr(value: PyValue): string {
  return reprIn(value, new Set());
}

// `seen`: the containers being printed, so that a cycle (a YAML alias) prints as Python's [...].
function reprIn(value: PyValue, seen: Set<object>): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'bigint') return pyIntRepr(value);
  if (typeof value === 'string') return reprStr(value);
  if (value instanceof PyFloat) return pyFloatRepr(value.value);
  if (Array.isArray(value) || value instanceof PyDict) {
    if (seen.has(value)) return Array.isArray(value) ? '[...]' : value.ordered ? '...' : '{...}';
    seen.add(value);
    const text = Array.isArray(value) ? `[${value.map((v) => reprIn(v, seen)).join(', ')}]` : reprDict(value, seen);
    seen.delete(value);
    return text;
  }
  if (value instanceof PyBytes) return reprBytes(value.bytes);
  if (value instanceof PyObject) return `<${value.module}.${value.name} object at ${OBJECT_ADDRESS}>`;
  return reprDateTime(value);
}

/**
 * The address object.__repr__ prints for a PyObject. CPython prints id(obj), which differs from
 * run to run; this stands in a typical CPython heap address, so the text keeps Python's shape and
 * length (the golden cases mask every `object at 0x…` address, test/helpers/golden.ts).
 */
const OBJECT_ADDRESS = '0x7f0000000000';

/** Python `str(value)`: the text itself for str and dates, repr for everything else. */
export function pyStr(value: PyValue): string {
  if (typeof value === 'string') return value;
  if (value instanceof PyDateTime) return value.text;
  return pyRepr(value);
}

/** Python `str(type(value))`, e.g. `<class 'collections.OrderedDict'>`. */
export function pyTypeStr(value: PyValue): string {
  return `<class '${value instanceof PyObject ? `${value.module}.${value.name}` : pyTypePath(value)}'>`;
}

/** Python `type(value).__name__`: `int`, `NoneType`, `OrderedDict`, `datetime`. */
export function pyTypeName(value: PyValue | readonly unknown[]): string {
  if (value === null) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'bigint') return 'int';
  if (typeof value === 'string') return 'str';
  if (value instanceof PyFloat) return 'float';
  if (value instanceof PyDict) return value.ordered ? 'OrderedDict' : 'dict';
  if (value instanceof PyBytes) return 'bytes';
  if (value instanceof PyDateTime) return value.kind;
  if (value instanceof PyObject) return value.name;
  return 'list';
}

/** Python's type as its error messages name it (tp_name): `int`, `NoneType`, `collections.OrderedDict`. */
export function pyTypePath(value: PyValue | readonly unknown[]): string {
  if (value instanceof PyDict && value.ordered) return 'collections.OrderedDict';
  if (value instanceof PyDateTime) return `datetime.${value.kind}`;
  return pyTypeName(value);
}

// Python 3.11 prints an OrderedDict as a list of pairs: OrderedDict([('a', 1)]); empty: OrderedDict().
function reprDict(dict: PyDict, seen: Set<object>): string {
  const entries = [...dict];
  if (dict.ordered) {
    if (entries.length === 0) return 'OrderedDict()';
    return `OrderedDict([${entries.map(([k, v]) => `(${reprStr(k)}, ${reprIn(v, seen)})`).join(', ')}])`;
  }
  return `{${entries.map(([k, v]) => `${reprStr(k)}: ${reprIn(v, seen)}`).join(', ')}}`;
}

// Single quotes unless the text has a single quote and no double quote.
function chooseQuote(hasSingle: boolean, hasDouble: boolean): string {
  return hasSingle && !hasDouble ? '"' : "'";
}

const SHORT_ESCAPES: Readonly<Record<number, string>> = { 92: '\\\\', 10: '\\n', 13: '\\r', 9: '\\t' };

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}

function reprStr(text: string): string {
  const quote = chooseQuote(text.includes("'"), text.includes('"'));
  let out = quote;
  // for..of walks code points; a lone surrogate comes out as one unit, as Python sees it.
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === quote) out += `\\${quote}`;
    else if (SHORT_ESCAPES[code] !== undefined) out += SHORT_ESCAPES[code];
    else if (code >= 0x20 && code < 0x7f) out += char;
    else if (code >= 0x7f && isPrintable(code)) out += char;
    else if (code <= 0xff) out += `\\x${hex(code, 2)}`;
    else if (code <= 0xffff) out += `\\u${hex(code, 4)}`;
    else out += `\\U${hex(code, 8)}`;
  }
  return out + quote;
}

/** Python `chr(code).isprintable()`, from the generated non-printable ranges. */
function isPrintable(code: number): boolean {
  return !inRangeTable(NONPRINTABLE_RANGES, code);
}

function reprBytes(bytes: Uint8Array): string {
  const quote = chooseQuote(bytes.includes(0x27), bytes.includes(0x22));
  const quoteCode = quote.charCodeAt(0);
  let out = `b${quote}`;
  for (const byte of bytes) {
    if (byte === quoteCode) out += `\\${quote}`;
    else if (SHORT_ESCAPES[byte] !== undefined) out += SHORT_ESCAPES[byte];
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += `\\x${hex(byte, 2)}`;
  }
  return out + quote;
}

const DATE_TIME = /^(\d+)-(\d+)-(\d+)(?: (\d+):(\d+):(\d+)(?:\.(\d+))?([+-]\d\d:\d\d(?::\d\d)?)?)?$/;

// Rebuilds repr from str(): datetime.date(2023, 1, 1) or datetime.datetime(2023, 1, 1, 10, 0),
// which drops zero microseconds and then zero seconds. An offset is a datetime.timezone.
function reprDateTime(value: PyDateTime): string {
  const match = DATE_TIME.exec(value.text);
  if (match === null) return value.text;
  const [, year, month, day, hour, minute, second, micro, offset] = match;
  const fields = [year, month, day].map(Number);
  if (value.kind === 'date' || hour === undefined) return `datetime.date(${fields.join(', ')})`;
  fields.push(Number(hour), Number(minute), Number(second), Number(micro ?? 0));
  if (fields[6] === 0) fields.pop();
  if (fields[6] === undefined && fields[5] === 0) fields.pop();
  const tz = offset === undefined ? '' : `, tzinfo=${reprTimezone(offset)}`;
  return `datetime.datetime(${fields.join(', ')}${tz})`;
}

// "+05:30" → datetime.timezone(datetime.timedelta(seconds=19800)); "-05:00" → days=-1, seconds=68400.
function reprTimezone(offset: string): string {
  const [h = 0, m = 0, s = 0] = offset.slice(1).split(':').map(Number);
  const seconds = (offset.startsWith('-') ? -1 : 1) * (h * 3600 + m * 60 + s);
  if (seconds === 0) return 'datetime.timezone.utc';
  const days = Math.floor(seconds / 86400);
  const rest = seconds - days * 86400;
  const parts = [days !== 0 ? `days=${days}` : '', rest !== 0 ? `seconds=${rest}` : ''].filter(Boolean);
  return `datetime.timezone(datetime.timedelta(${parts.join(', ')}))`;
}
