// The tables of Python's CJK codecs, as scripts/gen-py-cjk-tables.py read them off CPython 3.11's
// decoders into py-cjk-tables.json: one raw-deflated blob of delta streams, and for each table its
// spans in the blob, or the table it is built from (through a change of byte layout) with what
// differs. A table is unpacked the first time a codec asks for it. Pure (inflating is no I/O).
import { inflateRawSync } from 'node:zlib';
import DATA from './py-cjk-tables.json' with { type: 'json' };

/** A two-byte sequence (first << 8 | second) → its text. */
export type CodeTable = ReadonlyMap<number, string>;

type Span = readonly number[];

interface StoredTable {
  readonly map: Span;
  readonly multi?: Readonly<Record<string, string>>;
  readonly base?: string;
  readonly transform?: string;
  readonly removed?: Span;
}

/** The stateless codecs' parts (singles: 256 characters, LEAD and INVALID marks among them). */
export interface StatelessSpec {
  readonly singles: string;
  readonly doubles: string;
  readonly triples?: string;
  /** gb18030's four-byte sequences of the BMP: runs [linear index, first code point, length]. */
  readonly four?: readonly (readonly number[])[];
  /** euc_kr's make-up sequences: the syllable part each byte gives, -1 for none. */
  readonly makeup?: { readonly cho: readonly number[]; readonly jung: readonly number[]; readonly jong: readonly number[] };
}

export const CJK_CODECS: Readonly<Record<string, StatelessSpec>> = DATA.codecs;
/** The ISO-2022 and hz charsets: a table's name (two bytes), or 128 characters by byte (one byte; G2: 256). */
export const CJK_CHARSETS: Readonly<Record<string, string>> = DATA.charsets;
const TABLES: Readonly<Record<string, StoredTable>> = DATA.tables;

/** A byte that starts a longer sequence / a byte refused, in a `singles` string. */
export const LEAD = '\ufffe';
export const INVALID = '\uffff';

let blob: Uint8Array | undefined;
const unpacked = new Map<string, CodeTable>();

/** The table called `name`. */
export function cjkTable(name: string): CodeTable {
  const known = unpacked.get(name);
  if (known) return known;
  const stored = TABLES[name];
  if (!stored) throw new Error(`py-cjk-tables: no table ${name}`);
  const table = new Map<number, string>();
  if (stored.base !== undefined) {
    const move = TRANSFORMS[stored.transform ?? 'id'];
    if (!move) throw new Error(`py-cjk-tables: no transform ${stored.transform}`);
    for (const [code, text] of cjkTable(stored.base)) {
      const moved = move(code);
      if (moved !== undefined) table.set(moved, text);
    }
    forEachRun(stored.removed ?? [0, 0], 2, ([gap, extra], start) => {
      for (let code = start + (gap ?? 0); code <= start + (gap ?? 0) + (extra ?? 0); code++) table.delete(code);
      return start + (gap ?? 0) + (extra ?? 0);
    });
  }
  let point = -1;
  forEachRun(stored.map, 3, ([gap, step, extra], start) => {
    const code = start + (gap ?? 0);
    point += 1 + unzigzag(step ?? 0);
    for (let i = 0; i <= (extra ?? 0); i++) table.set(code + i, String.fromCodePoint(point + i));
    point += extra ?? 0;
    return code + (extra ?? 0);
  });
  for (const [code, text] of Object.entries(stored.multi ?? {})) table.set(Number(code), text);
  unpacked.set(name, table);
  return table;
}

/**
 * Reads the varints of `span` in groups of `size`; `each` gets a group and the code the previous
 * group ended on plus one, and returns the code its group ended on.
 */
function forEachRun(span: Span, size: number, each: (group: number[], start: number) => number): void {
  blob ??= inflateRawSync(Buffer.from(DATA.blob, 'base64'));
  const [offset = 0, length = 0] = span;
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const byte of blob.subarray(offset, offset + length)) {
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte & 0x80) continue;
    values.push(value);
    value = 0;
    shift = 0;
  }
  let last = -1;
  for (let i = 0; i < values.length; i += size) last = each(values.slice(i, i + size), last + 1);
}

function unzigzag(n: number): number {
  return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
}

/** JIS row and cell of an EUC code (A1..FE each) → the Shift_JIS code; EUC → 7-bit ISO-2022. */
const TRANSFORMS: Readonly<Record<string, (code: number) => number | undefined>> = {
  id: (code) => code,
  euc2sjis: (code) => {
    const row = (code >> 8) - 0xa0;
    const cell = (code & 0xff) - 0xa0;
    if (row < 1 || row > 94 || cell < 1 || cell > 94) return undefined;
    const lead = ((row + 1) >> 1) + (row <= 62 ? 0x80 : 0xc0);
    const trail = row % 2 === 1 ? cell + (cell <= 63 ? 0x3f : 0x40) : cell + 0x9e;
    return (lead << 8) | trail;
  },
  euc27bit: (code) => (code >> 8 < 0xa1 || (code & 0xff) < 0xa1 ? undefined : code - 0x8080),
};
