// Python's unicode_escape and raw_unicode_escape decoders (final, strict): bytes are Latin-1 but
// for backslash escapes. Invalid escapes stay as written (Python's DeprecationWarning about them is
// ignored outside __main__). One thing is not done: `\N{name}` needs the Unicode name database,
// which this CLI does not carry; such a file is refused with a line saying so. Pure.
import { codePointsText } from './py-latin1-codecs.js';
import { PyCodecError, undecodable } from './py-codec-error.js';

const SIMPLE: Readonly<Record<string, string>> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\n': '',
};
const HEX_LENGTHS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };
const TRUNCATED: Readonly<Record<string, string>> = { x: 'truncated \\xXX escape', u: 'truncated \\uXXXX escape', U: 'truncated \\UXXXXXXXX escape' };

/** The code point of `length` hex digits at `at`, or undefined when there are fewer. */
function hexAt(text: string, at: number, length: number): number | undefined {
  const digits = text.slice(at, at + length);
  return digits.length === length && /^[0-9A-Fa-f]+$/.test(digits) ? Number.parseInt(digits, 16) : undefined;
}

/** unicode_escape_decode. */
export function decodeUnicodeEscape(bytes: Uint8Array): string {
  const input = codePointsText(bytes);
  let text = '';
  let i = 0;
  while (i < input.length) {
    const slash = input.indexOf('\\', i);
    if (slash < 0) return text + input.slice(i);
    text += input.slice(i, slash);
    const c = input[slash + 1];
    if (c === undefined) throw undecodable('unicodeescape', '\\ at end of string');
    i = slash + 2;
    const simple = SIMPLE[c];
    if (simple !== undefined) {
      text += simple;
    } else if (c >= '0' && c <= '7') {
      const digits = /^[0-7]{1,3}/.exec(input.slice(slash + 1))?.[0] ?? c;
      text += String.fromCharCode(Number.parseInt(digits, 8));
      i = slash + 1 + digits.length;
    } else if (c in HEX_LENGTHS) {
      text += hexEscape(input, slash, c, 'illegal Unicode character');
      i = slash + 2 + (HEX_LENGTHS[c] ?? 0);
    } else if (c === 'N') {
      if (!/^\{[^}]+\}/.test(input.slice(slash + 2))) throw undecodable('unicodeescape', 'malformed \\N character escape');
      throw new PyCodecError('UnicodeError', "the unicode_escape codec's \\N{...} escapes are not supported by this CLI (it has no Unicode name database)");
    } else {
      text += `\\${c}`;
    }
  }
  return text;
}

/** raw_unicode_escape_decode: only \uXXXX and \UXXXXXXXX after an odd number of backslashes. */
export function decodeRawUnicodeEscape(bytes: Uint8Array): string {
  const input = codePointsText(bytes);
  let text = '';
  let i = 0;
  for (const match of input.matchAll(/(\\+)([uU])/g)) {
    const [whole, slashes = ''] = match;
    if (match.index < i || slashes.length % 2 === 0) continue;
    const slash = match.index + slashes.length - 1;
    text += input.slice(i, slash) + hexEscape(input, slash, match[2] ?? 'u', '\\Uxxxxxxxx out of range');
    i = match.index + whole.length + (HEX_LENGTHS[match[2] ?? 'u'] ?? 0);
  }
  return text + input.slice(i);
}

/** The escape \x, \u or \U at `slash` (its hex digits after the letter) as a character. */
function hexEscape(input: string, slash: number, c: string, tooLarge: string): string {
  const length = HEX_LENGTHS[c] ?? 0;
  const point = hexAt(input, slash + 2, length);
  if (point === undefined) throw undecodable('unicodeescape', TRUNCATED[c]);
  if (point > 0x10ffff) throw undecodable('unicodeescape', tooLarge);
  return String.fromCodePoint(point);
}
