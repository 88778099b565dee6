// Python's latin-1 and ascii codecs, strict (the charmap codecs with tables are py-charmap-tables.ts). Pure.
import { undecodable, type Decoder } from './py-codec-error.js';

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
