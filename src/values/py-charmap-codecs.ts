// Python's single-byte codecs: ascii, latin-1 and the charmap codecs of the encodings package
// (cp1252, cp437, iso8859-*, koi8-r, mac-roman, ...), whose decoding tables py-charmaps.json holds
// as scripts/gen-py-codecs.py took them from Python. Pure.
import CHARMAPS from './py-charmaps.json' with { type: 'json' };
import { undecodable, type Decoder } from './py-codec-error.js';

/** Each module's decoding_table: 256 characters, or the upper 128 when the lower half is ASCII. */
const TABLES: Readonly<Record<string, string>> = CHARMAPS.tables;
/** charmap_decode's mark of a byte the table does not define. */
const UNDEFINED = '\ufffe';
const CHUNK = 8192;

/** The text whose code points are `units`, one each (String.fromCharCode in chunks). */
export function codePointsText(units: ArrayLike<number>): string {
  let text = '';
  for (let start = 0; start < units.length; start += CHUNK) {
    text += String.fromCharCode(...Array.from({ length: Math.min(CHUNK, units.length - start) }, (_, i) => units[start + i] ?? 0));
  }
  return text;
}

/** latin_1_decode: each byte is the code point of its value. */
export const latin1Text: Decoder = (bytes) => codePointsText(bytes);

/** ascii_decode, strict: a byte above 0x7F is an error. */
export const asciiText: Decoder = (bytes) => {
  if (bytes.some((byte) => byte > 0x7f)) throw undecodable('ascii', 'ordinal not in range(128)');
  return codePointsText(bytes);
};

/** The decoder of charmap codec `module` (charmap_decode with its decoding_table), if it is one. */
export function charmapDecoder(module: string): Decoder | undefined {
  const table = TABLES[module];
  if (table === undefined) return undefined;
  const chars = table.length === 128 ? [...Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)), ...table] : [...table];
  return (bytes) => {
    let text = '';
    for (const byte of bytes) {
      const char = chars[byte] ?? UNDEFINED;
      if (char === UNDEFINED) throw undecodable(module, 'character maps to <undefined>');
      text += char;
    }
    return text;
  };
}
