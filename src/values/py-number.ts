// Python's int() and float() on strings, with their error texts (the reference prints them
// raw, exit 255). Accepts what Python accepts: whitespace, a sign, underscores between digits,
// any Unicode decimal digit. Pure.
import { GeneralError } from '../errors.js';
import { PyFloat } from './py-value.js';
import { pyRepr } from './py-repr.js';
import { pyStrip } from './py-str.js';

const INT_BODY = /^[+-]?\p{Nd}+(?:_\p{Nd}+)*$/u;
const FLOAT_BODY = /^[+-]?(?:(?:\p{Nd}+(?:_\p{Nd}+)*)?\.?\p{Nd}+(?:_\p{Nd}+)*|\p{Nd}+(?:_\p{Nd}+)*\.)(?:[eE][+-]?\p{Nd}+(?:_\p{Nd}+)*)?$/u;
const SPECIAL_FLOAT = /^[+-]?(?:nan|inf|infinity)$/i;

/** int(text) for a str; throws the ValueError text as a GeneralError. */
export function parsePyInt(text: string): bigint {
  const body = pyStrip(text);
  if (!INT_BODY.test(body)) {
    throw new GeneralError('PYTHON_CRASH', `invalid literal for int() with base 10: ${pyRepr(text)}`);
  }
  return BigInt(asciiDigits(body.replace(/_/g, '')));
}

/** float(text) for a str; throws the ValueError text as a GeneralError. */
export function parsePyFloat(text: string): PyFloat {
  const body = pyStrip(text);
  if (SPECIAL_FLOAT.test(body)) {
    const negative = body.startsWith('-');
    return new PyFloat(/nan/i.test(body) ? NaN : negative ? -Infinity : Infinity);
  }
  if (!FLOAT_BODY.test(body)) {
    throw new GeneralError('PYTHON_CRASH', `could not convert string to float: ${pyRepr(text)}`);
  }
  return new PyFloat(Number(asciiDigits(body.replace(/_/g, ''))));
}

/** Replaces every Unicode decimal digit by its ASCII digit. */
export function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (ch) => String(digitValue(ch.codePointAt(0) as number)));
}

// Decimal digits come in runs of ten starting at zero; runs can be adjacent (U+1D7CE..1D7FF).
function digitValue(cp: number): number {
  let start = cp;
  while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}
