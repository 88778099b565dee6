// ruamel.yaml 0.17.21 SafeConstructor's scalar constructors for !!int, !!float, !!bool and
// !!binary, over emulations of the Python built-ins they call (int(), float(), a2b_base64), so
// that explicit tags such as `!!int abc` fail with Python's own messages. No I/O.
import { INT_MAX_STR_DIGITS } from '../values/py-int.js';
import { pyRepr } from '../values/py-repr.js';
import { asciiNumberText } from '../values/py-number.js';
import { PyBytes, PyFloat } from '../values/py-value.js';
import { pythonCrash, yamlError } from './errors.js';
import { isVersion, type YamlVersion } from './tokens.js';

const ASCII_SPACE = /^[ \t\n\r\x0b\x0c]+|[ \t\n\r\x0b\x0c]+$/g;

const INT_PREFIX: Readonly<Record<number, string>> = { 2: 'b', 8: 'o', 16: 'x' };
const DIGIT_CHARS = '0123456789abcdef';

/** Python `int(text, base)` for str input (bases 2, 8, 10, 16). */
export function pythonInt(text: string, base: 2 | 8 | 10 | 16): bigint {
  const fail = (): never => {
    throw pythonCrash(`invalid literal for int() with base ${base}: ${pyRepr(text).slice(0, 200)}`);
  };
  let s = asciiNumberText(text).replace(ASCII_SPACE, '');
  let negative = false;
  if (s.startsWith('+') || s.startsWith('-')) {
    negative = s.startsWith('-');
    s = s.slice(1);
  }
  const prefix = INT_PREFIX[base];
  if (prefix !== undefined && s[0] === '0' && s[1]?.toLowerCase() === prefix) s = s.slice(s[2] === '_' ? 3 : 2);
  // CPython checks the digit limit on the leading run of digits, before any trailing junk.
  const leading = /^[0-9]*/.exec(s)?.[0].length ?? 0;
  if (base === 10 && leading > INT_MAX_STR_DIGITS) {
    throw pythonCrash(
      `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion: value has ${leading} digits; ` +
        'use sys.set_int_max_str_digits() to increase the limit',
    );
  }
  // Digits with single underscores between them.
  if (!new RegExp(`^[${DIGIT_CHARS.slice(0, base)}]+(?:_[${DIGIT_CHARS.slice(0, base)}]+)*$`, 'i').test(s)) fail();
  const digits = s.replace(/_/g, '');
  const magnitude = base === 10 ? BigInt(digits) : BigInt(`0${INT_PREFIX[base] ?? ''}${digits}`);
  return negative ? -magnitude : magnitude;
}

const FLOAT_TEXT = /^[+-]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[+-]?[0-9]+)?|inf|infinity|nan)$/i;

/** Python `float(text)` for str input. */
export function pythonFloat(text: string): number {
  const s = asciiNumberText(text).replace(ASCII_SPACE, '');
  const plain = s.replace(/(?<=[0-9])_(?=[0-9])/g, '');
  if (plain.includes('_') || !FLOAT_TEXT.test(plain)) throw pythonCrash(`could not convert string to float: ${pyRepr(text)}`);
  const body = plain.replace(/^[+-]/, '').toLowerCase();
  const sign = plain.startsWith('-') ? -1 : 1;
  if (body === 'nan') return NaN;
  if (body === 'inf' || body === 'infinity') return sign * Infinity;
  return Number(plain);
}

/** Python's `s[0]` on an empty str. */
function firstChar(s: string): string {
  if (s === '') throw pythonCrash('string index out of range');
  return String.fromCodePoint(s.codePointAt(0) ?? 0);
}

// construct_yaml_int: underscores dropped, one sign, 0b/0x/0o prefixes; under 1.1 a leading 0 is
// octal and 1:30 is sexagesimal.
export function constructYamlInt(text: string, version: YamlVersion): bigint {
  let value = text.replace(/_/g, '');
  const sign = firstChar(value) === '-' ? -1n : 1n;
  if (value[0] === '+' || value[0] === '-') value = value.slice(1);
  if (value === '0') return 0n;
  if (value.startsWith('0b')) return sign * pythonInt(value.slice(2), 2);
  if (value.startsWith('0x')) return sign * pythonInt(value.slice(2), 16);
  if (value.startsWith('0o')) return sign * pythonInt(value.slice(2), 8);
  const is11 = isVersion(version, 1n, 1n);
  if (is11 && firstChar(value) === '0') return sign * pythonInt(value, 8);
  if (is11 && value.includes(':')) {
    // Every part is converted (left to right) before they are summed.
    const parts = value.split(':').map((part) => pythonInt(part, 10));
    let total = 0n;
    let base = 1n;
    for (const part of parts.reverse()) {
      total += part * base;
      base *= 60n;
    }
    return sign * total;
  }
  return sign * pythonInt(value, 10);
}

// construct_yaml_float: underscores dropped, lower-cased, one sign; `.inf`, `.nan` (one shared
// NaN object), sexagesimal outside 1.2, else float(), after `onMantissaNoDot()` outside 1.2 for an
// exponent without a dot before it (ruamel's MantissaNoDotYAML1_1Warning).
export function constructYamlFloat(text: string, version: YamlVersion, sharedNan: PyFloat, onMantissaNoDot: () => void = () => {}): PyFloat {
  let value = text.replace(/_/g, '').toLowerCase();
  const sign = firstChar(value) === '-' ? -1 : 1;
  if (value[0] === '+' || value[0] === '-') value = value.slice(1);
  if (value === '.inf') return new PyFloat(sign * Infinity);
  if (value === '.nan') return sharedNan;
  const is12 = isVersion(version, 1n, 2n);
  if (!is12 && value.includes(':')) {
    const parts = value.split(':').map(pythonFloat);
    let total = 0;
    let base = 1n;
    for (const part of parts.reverse()) {
      if (!Number.isFinite(Number(base))) throw pythonCrash('int too large to convert to float');
      total += part * Number(base);
      base *= 60n;
    }
    return new PyFloat(sign * total);
  }
  // The YAML 1.1 "mantissa without a dot" warning unpacks `mantissa, exponent = split('e')`.
  if (!is12 && value.includes('e')) {
    const parts = value.split('e');
    if (parts.length > 2) throw pythonCrash('too many values to unpack (expected 2)');
    if (!parts[0]?.includes('.')) onMantissaNoDot();
  }
  return new PyFloat(sign * pythonFloat(value));
}

const BOOL_VALUES: ReadonlyMap<string, boolean> = new Map([
  ['yes', true],
  ['no', false],
  ['y', true],
  ['n', false],
  ['true', true],
  ['false', false],
  ['on', true],
  ['off', false],
]);

/** construct_yaml_bool: `bool_values[value.lower()]`, whatever the YAML version. */
export function constructYamlBool(text: string): boolean {
  const key = text.toLowerCase();
  const value = BOOL_VALUES.get(key);
  // str(KeyError(key)) is repr(key).
  if (value === undefined) throw pythonCrash(pyRepr(key));
  return value;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** construct_yaml_binary: ASCII only, then base64.decodebytes (binascii.a2b_base64, not strict). */
export function constructYamlBinary(text: string): PyBytes {
  if (!/^[\x00-\x7f]*$/.test(text)) throw yamlError('failed to convert base64 data into ascii');
  const out: number[] = [];
  let quadPos = 0;
  let leftChar = 0;
  let pads = 0;
  for (const ch of text) {
    if (ch === '=') {
      // A complete pad sequence ends the data; stray '=' are skipped.
      if (quadPos >= 2 && quadPos + ++pads >= 4) return new PyBytes(Uint8Array.from(out));
      continue;
    }
    const value = BASE64.indexOf(ch);
    if (value < 0) continue;
    pads = 0;
    if (quadPos === 0) leftChar = value;
    else if (quadPos === 1) out.push(((leftChar << 2) | (value >> 4)) & 0xff);
    else if (quadPos === 2) out.push(((leftChar << 4) | (value >> 2)) & 0xff);
    else out.push(((leftChar << 6) | value) & 0xff);
    leftChar = quadPos === 1 ? value & 0x0f : quadPos === 2 ? value & 0x03 : value;
    quadPos = (quadPos + 1) % 4;
  }
  if (quadPos === 1) throw yamlError('failed to decode base64 data: Invalid base64-encoded string');
  if (quadPos !== 0) throw yamlError('failed to decode base64 data: Incorrect padding');
  return new PyBytes(Uint8Array.from(out));
}
