// Python's int() and float() on values (strings, floats, bools), with their error texts (the
// reference prints them raw, exit 255): CPython's rules for whitespace, signs, underscores,
// Unicode decimal digits (as of Python 3.11's Unicode 14) and the 4300-digit limit. Pure.
import { GeneralError } from '../errors.js';
import { pyRepr, pyTypePath } from './py-repr.js';
import { PyBytes, PyFloat, type PyValue } from './py-value.js';

/** CPython's default sys.get_int_max_str_digits(). */
const INT_MAX_STR_DIGITS = 4300;
/** Python's Py_ISSPACE: what int() and float() strip once the text is ASCII. */
const ASCII_SPACE = new Set([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
/** Python's str.isspace() beyond ASCII: int() and float() read these as a space. */
const UNICODE_SPACE = /^[\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;
// Decimal digits that are newer than Python 3.11's Unicode 14 but known to this JavaScript engine.
const NEWER_DIGITS: readonly (readonly [number, number])[] = [
  [0x10d40, 0x10d49],
  [0x116d0, 0x116e3],
  [0x11bf0, 0x11bf9],
  [0x11de0, 0x11de9],
  [0x11f50, 0x11f59],
  [0x16130, 0x16139],
  [0x16d70, 0x16d79],
  [0x1ccf0, 0x1ccf9],
  [0x1e4f0, 0x1e4f9],
  [0x1e5f1, 0x1e5fa],
];
const DECIMAL = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const INF_OR_NAN = /^[+-]?(?:inf|infinity|nan)$/i;

/** Python `int(value)`. */
export function pyInt(value: PyValue): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (value instanceof PyFloat) {
    if (Number.isNaN(value.value)) throw crash('cannot convert float NaN to integer');
    if (!Number.isFinite(value.value)) throw crash('cannot convert float infinity to integer');
    return BigInt(Math.trunc(value.value));
  }
  const text = asciiNumber(value, 'int() argument must be a string, a bytes-like object or a real number');
  const result = intFromAscii(text);
  if (result !== undefined) return result;
  // %.200R: the repr is cut after 200 characters.
  throw crash(`invalid literal for int() with base 10: ${Array.from(pyRepr(value)).slice(0, 200).join('')}`);
}

// CPython's PyLong_FromString for base 10 on the ASCII form of the text.
function intFromAscii(text: string): bigint | undefined {
  let i = 0;
  while (ASCII_SPACE.has(text[i] ?? '')) i++;
  const sign = text[i] === '-' ? '-' : '';
  if (text[i] === '+' || text[i] === '-') i++;
  if (text[i] === '_') return undefined;
  let digits = '';
  let previous = '';
  for (; /^[0-9_]$/.test(text[i] ?? ''); i++) {
    const char = text[i] ?? '';
    if (char === '_' && previous === '_') return undefined;
    if (char !== '_') digits += char;
    previous = char;
  }
  if (previous === '_') return undefined;
  if (digits.length > INT_MAX_STR_DIGITS) {
    throw crash(
      `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion: value has ` +
        `${digits.length} digits; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
  while (ASCII_SPACE.has(text[i] ?? '')) i++;
  return digits === '' || i !== text.length ? undefined : BigInt(sign + digits);
}

/** Python `float(value)`. */
export function pyFloat(value: PyValue): PyFloat {
  if (value instanceof PyFloat) return value;
  if (typeof value === 'boolean') return new PyFloat(value ? 1 : 0);
  if (typeof value === 'bigint') {
    const n = Number(value);
    if (!Number.isFinite(n)) throw crash('int too large to convert to float');
    return new PyFloat(n);
  }
  const text = asciiNumber(value, 'float() argument must be a string or a real number');
  let body = text;
  while (ASCII_SPACE.has(body[0] ?? '')) body = body.slice(1);
  while (ASCII_SPACE.has(body.at(-1) ?? '')) body = body.slice(0, -1);
  // Underscores only between digits; then the text must be a decimal, inf or nan.
  const underscoresOk = !/(?:^|[^0-9])_|_(?:[^0-9]|$)/.test(text);
  body = body.replaceAll('_', '');
  if (underscoresOk && INF_OR_NAN.test(body)) {
    const n = /nan/i.test(body) ? NaN : Infinity;
    return new PyFloat(body.startsWith('-') ? -n : n);
  }
  if (underscoresOk && DECIMAL.test(body)) return new PyFloat(Number(body));
  throw crash(`could not convert string to float: ${pyRepr(value)}`);
}

/**
 * The ASCII text int() and float() parse (CPython _PyUnicode_TransformDecimalAndSpaceToASCII):
 * Unicode spaces read as ' ', decimal digits as ASCII digits, and the first other non-ASCII
 * character as '?' that ends the text. A container is a TypeError with `typeMessage`.
 */
function asciiNumber(value: PyValue, typeMessage: string): string {
  if (value instanceof PyBytes) return Array.from(value.bytes, (b) => (b < 0x80 ? String.fromCharCode(b) : '?')).join('');
  if (typeof value !== 'string') throw crash(`${typeMessage}, not '${pyTypePath(value)}'`);
  return asciiNumberText(value);
}

/**
 * CPython's _PyUnicode_TransformDecimalAndSpaceToASCII, what int() and float() parse: Unicode
 * spaces read as ' ', decimal digits as ASCII digits, and the first other non-ASCII character
 * as '?' that ends the text.
 */
export function asciiNumberText(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x7f) out += char;
    else if (UNICODE_SPACE.test(char)) out += ' ';
    else {
      const digit = decimalValue(code);
      if (digit === undefined) return `${out}?`;
      out += String(digit);
    }
  }
  return out;
}

// Unicode decimal digits come in runs of 0..9 (runs may touch, as U+1D7CE..U+1D7FF do).
function decimalValue(code: number): number | undefined {
  const isDigit = (c: number): boolean => /^\p{Nd}$/u.test(String.fromCodePoint(c)) && !NEWER_DIGITS.some(([low, high]) => c >= low && c <= high);
  if (!isDigit(code)) return undefined;
  let start = code;
  while (isDigit(start - 1)) start--;
  return (code - start) % 10;
}

// Characters that are digits to str.isdigit() but no decimal digits (superscripts, circled
// digits...), as of Python 3.11's Unicode 14.
// biome-ignore format: a table of ranges, six a line
const DIGIT_ONLY: readonly (readonly [number, number])[] = [
  [0xb2, 0xb3],
  [0xb9, 0xb9],
  [0x1369, 0x1371],
  [0x19da, 0x19da],
  [0x2070, 0x2070],
  [0x2074, 0x2079],
  [0x2080, 0x2089],
  [0x2460, 0x2468],
  [0x2474, 0x247c],
  [0x2488, 0x2490],
  [0x24ea, 0x24ea],
  [0x24f5, 0x24fd],
  [0x24ff, 0x24ff],
  [0x2776, 0x277e],
  [0x2780, 0x2788],
  [0x278a, 0x2792],
  [0x10a40, 0x10a43],
  [0x10e60, 0x10e68],
  [0x11052, 0x1105a],
  [0x1f100, 0x1f10a],
];

/** str.isdigit() for one character (a code point). */
export function isPyDigitChar(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) return code >= 0x30 && code <= 0x39;
  return decimalValue(code) !== undefined || DIGIT_ONLY.some(([low, high]) => code >= low && code <= high);
}

/** str.isdigit(): non-empty and every character a digit. */
export function isPyDigit(text: string): boolean {
  if (text === '') return false;
  for (const char of text) if (!isPyDigitChar(char)) return false;
  return true;
}

function crash(message: string): GeneralError {
  return new GeneralError('PYTHON_CRASH', message);
}

/** int(text) for a str. */
export function parsePyInt(text: string): bigint {
  return pyInt(text);
}

/** float(text) for a str. */
export function parsePyFloat(text: string): PyFloat {
  return pyFloat(text);
}
