// The regexes of awscli/shorthand.py, matched without backtracking: bare values (_FIRST_VALUE,
// _SECOND_VALUE) and quoted values (_SINGLE_QUOTED, _DOUBLE_QUOTED), over code points. Pure.
import { isPySpace } from '../values/py-str.js';

type Ranges = readonly (readonly [number, number])[];

// The regex character classes of shorthand.py as code-point ranges. They end at U+FFFF, so an
// astral character (an emoji) can neither start nor continue a bare value.
const START_WORD: Ranges = [
  [0x21, 0x21],
  [0x23, 0x26],
  [0x28, 0x2b],
  [0x2d, 0x3c],
  [0x3e, 0x5a],
  [0x5c, 0x7a],
  [0x7c, 0xffff],
];
const FIRST_FOLLOW: Ranges = [
  [0x21, 0x21],
  [0x23, 0x26],
  [0x28, 0x2b],
  [0x2d, 0x5c],
  [0x5e, 0x7c],
  [0x7e, 0xffff],
];
const SECOND_FOLLOW: Ranges = [
  [0x21, 0x21],
  [0x23, 0x26],
  [0x28, 0x2b],
  [0x2d, 0x3c],
  [0x3e, 0xffff],
];
/** The bare values: a first value (in a list, a hash, or before a csv list's first comma) and a csv list's later values. */
const BARE = { first: FIRST_FOLLOW, second: SECOND_FOLLOW } as const;
export type BareKind = keyof typeof BARE;

function inRanges(char: string, ranges: Ranges): boolean {
  const code = char.codePointAt(0) ?? -1;
  return ranges.some(([low, high]) => code >= low && code <= high);
}

/** Where `(\\,|[START_WORD])(\\,|[follow])*` matching at `index` ends, or -1. */
export function matchBare(chars: readonly string[], index: number, kind: BareKind): number {
  const follow = BARE[kind];
  let i = index;
  const step = (ranges: Ranges, spaces: boolean): number => {
    const char = chars[i];
    if (char === undefined) return 0;
    if (char === '\\' && chars[i + 1] === ',') return 2;
    return inRanges(char, ranges) || (spaces && isPySpace(char)) ? 1 : 0;
  };
  const first = step(START_WORD, false);
  if (first === 0) return -1;
  for (let length = first; length > 0; length = step(follow, true)) i += length;
  return i;
}

/**
 * Python's `'(?:\\\\|\\'|[^'])*'` (2.9.19, `escapedBackslash`) or `'(?:\\'|[^'])*'` (2.36.7), and
 * the double-quoted ones alike. The regex engine backtracks when no closing quote follows (so
 * 'a\'b matches 'a\', value a\); a table from the right gives its answer for every position at
 * once, linear where the regex is exponential. One per input: the tables are kept.
 */
export class QuotedMatcher {
  /** Per quote character: where the regex ends when its loop is at a position. */
  private readonly tables = new Map<string, { ends: Int32Array; from: number }>();

  constructor(
    private readonly chars: readonly string[],
    private readonly escapedBackslash: boolean,
  ) {}

  /** Where the quoted value opened by the quote at `index` ends (after its closing quote), or -1. */
  end(quote: string, index: number): number {
    const { chars } = this;
    const from = index + 1;
    const memo = this.tables.get(quote) ?? { ends: new Int32Array(chars.length + 1).fill(-1), from: chars.length };
    this.tables.set(quote, memo);
    const { ends } = memo;
    for (let p = memo.from - 1; p >= from; p--) {
      const char = chars[p];
      const escaped = char === '\\' && (chars[p + 1] === quote || (this.escapedBackslash && chars[p + 1] === '\\'));
      const viaEscape = escaped ? (ends[p + 2] ?? -1) : -1;
      ends[p] = viaEscape >= 0 ? viaEscape : char !== quote ? (ends[p + 1] ?? -1) : p + 1;
    }
    memo.from = Math.min(memo.from, from);
    return ends[from] ?? -1;
  }
}
