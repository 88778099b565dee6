// Python's CJK codecs (CPython's _codecs_jp, _kr, _cn, _tw, _hk and _iso2022), strict and final,
// from the tables py-cjk-tables.ts unpacks. The stateless ones read one character at a time: a byte
// alone, or a lead byte and what follows it (two bytes; gb18030's four when the second is a digit;
// EUC's 8F and two more; euc_kr's eight-byte make-up of a Hangul syllable). Any sequence the codec
// does not define is a UnicodeDecodeError. The stateful ones are in py-iso2022-codecs.ts. Pure.
import { undecodable, type Decoder } from './py-codec-error.js';
import { CJK_CODECS, cjkTable, INVALID, LEAD, type StatelessSpec } from './py-cjk-tables.js';
import { hzDecoder, iso2022Decoder } from './py-iso2022-codecs.js';

/** The decoder of CJK codec `module`, if it is one. */
export function cjkDecoder(module: string): Decoder | undefined {
  const spec = CJK_CODECS[module];
  if (spec) return statelessDecoder(module, spec);
  if (module === 'hz') return hzDecoder();
  return iso2022Decoder(module);
}

function statelessDecoder(module: string, spec: StatelessSpec): Decoder {
  const singles = [...spec.singles];
  const doubles = cjkTable(spec.doubles);
  const triples = spec.triples === undefined ? undefined : cjkTable(spec.triples);
  const refused = (): never => {
    throw undecodable(module, 'illegal multibyte sequence');
  };
  return (bytes) => {
    const parts: string[] = [];
    let i = 0;
    while (i < bytes.length) {
      const c = bytes[i] ?? 0;
      const single = singles[c] ?? INVALID;
      if (single !== LEAD) {
        if (single === INVALID) refused();
        parts.push(single);
        i++;
        continue;
      }
      const c2 = bytes[i + 1] ?? refused();
      let text: string | undefined;
      let width = 2;
      if (spec.four && c2 >= 0x30 && c2 <= 0x39) {
        text = gb18030Four(bytes.subarray(i, i + 4), spec.four);
        width = 4;
      } else if (triples && c === 0x8f) {
        text = triples.get((c2 << 8) | (bytes[i + 2] ?? refused()));
        width = 3;
      } else if (spec.makeup && c === 0xa4 && c2 === 0xd4) {
        text = makeupSyllable(bytes.subarray(i, i + 8), spec.makeup);
        width = 8;
      } else {
        text = doubles.get((c << 8) | c2);
      }
      parts.push(text ?? refused());
      i += width;
    }
    return parts.join('');
  };
}

/** gb18030's four-byte sequence: a BMP character by its linear index, or a supplementary one. */
function gb18030Four(seq: Uint8Array, runs: readonly (readonly number[])[]): string | undefined {
  const [b1 = 0, b2 = 0, b3 = 0, b4] = seq;
  if (b4 === undefined || b1 < 0x81 || b3 < 0x81 || b3 > 0xfe || b4 < 0x30 || b4 > 0x39) return undefined;
  const linear = (b2 - 0x30) * 1260 + (b3 - 0x81) * 10 + (b4 - 0x30);
  const lead = b1 - 0x81;
  if (lead < 4) {
    const index = lead * 12600 + linear;
    if (index >= 39420) return undefined;
    const run = runs.find(([start = 0, , length = 0]) => index >= start && index < start + length);
    return run === undefined ? undefined : String.fromCodePoint((run[1] ?? 0) + index - (run[0] ?? 0));
  }
  if (lead < 15) return undefined;
  const point = 0x10000 + (lead - 15) * 12600 + linear;
  return point <= 0x10ffff ? String.fromCodePoint(point) : undefined;
}

/** KS X 1001 Annex 3: A4D4, then A4 and a choseong, A4 and a jungseong, A4 and a jongseong (or A4D4). */
function makeupSyllable(seq: Uint8Array, parts: NonNullable<StatelessSpec['makeup']>): string | undefined {
  if (seq.length < 8 || seq[2] !== 0xa4 || seq[4] !== 0xa4 || seq[6] !== 0xa4) return undefined;
  const cho = parts.cho[seq[3] ?? 0] ?? -1;
  const jung = parts.jung[seq[5] ?? 0] ?? -1;
  const jong = parts.jong[seq[7] ?? 0] ?? -1;
  if (cho < 0 || jung < 0 || jong < 0) return undefined;
  return String.fromCharCode(0xac00 + cho * 588 + jung * 28 + jong);
}
