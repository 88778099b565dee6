// Python's charmap codecs of the encodings package (cp1252, cp437, iso8859-*, koi8-r, mac-roman,
// ...): charmap_decode with the decoding tables py-charmaps.json holds as scripts/gen-py-codecs.py
// took them from Python. Loaded only for these codecs. Pure.
import CHARMAPS from './py-charmaps.json' with { type: 'json' };
import { undecodable, type Decoder } from './py-codec-error.js';

/** Each module's decoding_table: 256 characters, or the upper 128 when the lower half is ASCII. */
const TABLES: Readonly<Record<string, string>> = CHARMAPS.tables;
/** charmap_decode's mark of a byte the table does not define. */
const UNDEFINED = '\ufffe';

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
