// Python difflib.get_close_matches (SequenceMatcher.ratio with its quick pre-filters), used for
// the reference's "Invalid choice: 'x', maybe you meant:" suggestions. Pure.

interface Match {
  a: number;
  b: number;
  size: number;
}

/** Python's SequenceMatcher over two strings, without junk heuristics (autojunk needs len(b) >= 200). */
class SequenceMatcher {
  private readonly b2j = new Map<string, number[]>();

  constructor(
    private readonly a: string[],
    private readonly b: string[],
  ) {
    // Python's autojunk heuristic only applies when len(b) >= 200; choice words never are.
    b.forEach((ch, i) => {
      const list = this.b2j.get(ch);
      if (list) list.push(i);
      else this.b2j.set(ch, [i]);
    });
  }

  private findLongestMatch(alo: number, ahi: number, blo: number, bhi: number): Match {
    let besti = alo;
    let bestj = blo;
    let bestsize = 0;
    let j2len = new Map<number, number>();
    for (let i = alo; i < ahi; i++) {
      const newj2len = new Map<number, number>();
      for (const j of this.b2j.get(this.a[i] as string) ?? []) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (j2len.get(j - 1) ?? 0) + 1;
        newj2len.set(j, k);
        if (k > bestsize) {
          besti = i - k + 1;
          bestj = j - k + 1;
          bestsize = k;
        }
      }
      j2len = newj2len;
    }
    return { a: besti, b: bestj, size: bestsize };
  }

  matchingCharacters(): number {
    const queue: [number, number, number, number][] = [[0, this.a.length, 0, this.b.length]];
    let total = 0;
    while (queue.length > 0) {
      const [alo, ahi, blo, bhi] = queue.pop() as [number, number, number, number];
      const m = this.findLongestMatch(alo, ahi, blo, bhi);
      if (m.size > 0) {
        total += m.size;
        if (alo < m.a && blo < m.b) queue.push([alo, m.a, blo, m.b]);
        if (m.a + m.size < ahi && m.b + m.size < bhi) queue.push([m.a + m.size, ahi, m.b + m.size, bhi]);
      }
    }
    return total;
  }

  quickRatio(): number {
    const avail = new Map<string, number>();
    for (const ch of this.b) avail.set(ch, (avail.get(ch) ?? 0) + 1);
    let matches = 0;
    for (const ch of this.a) {
      const n = avail.get(ch) ?? 0;
      avail.set(ch, n - 1);
      if (n > 0) matches++;
    }
    return ratioOf(matches, this.a.length + this.b.length);
  }

  realQuickRatio(): number {
    return ratioOf(Math.min(this.a.length, this.b.length), this.a.length + this.b.length);
  }

  ratio(): number {
    return ratioOf(this.matchingCharacters(), this.a.length + this.b.length);
  }
}

function ratioOf(matches: number, length: number): number {
  return length ? (2.0 * matches) / length : 1.0;
}

/** difflib.get_close_matches(word, possibilities, n, cutoff): best first, ties by the larger string. */
export function getCloseMatches(word: string, possibilities: readonly string[], n = 3, cutoff = 0.6): string[] {
  const b = [...word];
  const scored: [number, string][] = [];
  for (const x of possibilities) {
    const s = new SequenceMatcher([...x], b);
    if (s.realQuickRatio() >= cutoff && s.quickRatio() >= cutoff) {
      const r = s.ratio();
      if (r >= cutoff) scored.push([r, x]);
    }
  }
  // heapq.nlargest over (score, x) tuples.
  scored.sort((p, q) => q[0] - p[0] || (q[1] > p[1] ? 1 : q[1] < p[1] ? -1 : 0));
  return scored.slice(0, n).map(([, x]) => x);
}
