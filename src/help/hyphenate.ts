// Hyphenation points of a word, as groff 1.22.4 finds them for `man` pages on a tty: the TeX
// patterns and exceptions of hyphen.us/hyphenex.us (Liang's algorithm), under `.hy 4`.
// Only letters take part; the caller splits words into runs of letters. No I/O.
import hyphenData from './hyphen-us.json' with { type: 'json' };

export interface Hyphenator {
  /** Letter counts after which `word` (letters only) may be broken with a hyphen. */
  readonly points: (word: string) => readonly number[];
}

interface HyphenSource {
  readonly patterns: string;
  readonly exceptions: string;
}

/** groff's `.hy` flag: no break before the last two letters (man sets `.hy 4` for nroff). */
export const HYPHEN_NOT_LAST_CHARS = 4;
/** groff's `.hy` flag: no break after the first two letters. */
export const HYPHEN_NOT_FIRST_CHARS = 8;

/** Builds a hyphenator from TeX patterns (`.ach4 a5bal ...`) and exceptions (`as-so-ciate ...`). */
export function createHyphenator(source: HyphenSource = hyphenData, flags = HYPHEN_NOT_LAST_CHARS): Hyphenator {
  const patterns = new Map<string, number[]>();
  let longest = 0;
  for (const pattern of source.patterns.split(/\s+/)) {
    if (pattern === '') continue;
    const letters = pattern.replace(/\d/g, '');
    const values = new Array<number>(letters.length + 1).fill(0);
    let index = 0;
    for (const ch of pattern) {
      if (ch >= '0' && ch <= '9') values[index] = Number(ch);
      else index += 1;
    }
    patterns.set(letters, values);
    longest = Math.max(longest, letters.length);
  }
  const exceptions = new Map<string, number[]>();
  for (const entry of source.exceptions.split(/\s+/)) {
    if (entry === '') continue;
    const positions: number[] = [];
    let count = 0;
    for (const ch of entry) {
      if (ch === '-') {
        if (count > 0 && positions[positions.length - 1] !== count) positions.push(count);
      } else count += 1;
    }
    // groff looks words up by hyphenation code, which is lower case (hyphenex.us has `Mi-cro-soft`).
    exceptions.set(entry.replace(/-/g, '').toLowerCase(), positions);
  }
  return { points: (word) => hyphenationPoints(word.toLowerCase(), patterns, longest, exceptions, flags) };
}

function hyphenationPoints(
  word: string,
  patterns: ReadonlyMap<string, readonly number[]>,
  longest: number,
  exceptions: ReadonlyMap<string, readonly number[]>,
  flags: number,
): number[] {
  if (word.length <= 2) return [];
  // values[i]: the odd/even weight of a break before framed[i] of `.word.`; a listed exception
  // replaces the patterns but, in groff 1.22.4, not the limits below (`meth-od` stays whole).
  const values = new Array<number>(word.length + 3).fill(0);
  const listed = exceptions.get(word);
  if (listed) for (const k of listed) values[k + 1] = 1;
  else {
    const framed = `.${word}.`;
    for (let start = 0; start < framed.length - 1; start++) {
      for (let end = start + 1; end <= Math.min(framed.length, start + longest); end++) {
        const found = patterns.get(framed.slice(start, end));
        if (!found) continue;
        found.forEach((value, offset) => {
          const at = start + offset;
          if (value > (values[at] ?? 0)) values[at] = value;
        });
      }
    }
  }
  // A break after letter k (1-based) is values[k + 1]. groff never breaks after the first letter
  // and always keeps two letters after a break, three under HYPHEN_NOT_LAST_CHARS.
  const firstAllowed = flags & HYPHEN_NOT_FIRST_CHARS ? 3 : 2;
  const lastAllowed = word.length - (flags & HYPHEN_NOT_LAST_CHARS ? 3 : 2);
  const points: number[] = [];
  for (let k = firstAllowed; k <= lastAllowed; k++) {
    if ((values[k + 1] ?? 0) % 2 === 1) points.push(k);
  }
  return points;
}
