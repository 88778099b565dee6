// Output of lines of cells as grotty writes them without SGR (Debian's man.local sets `sgr 0`):
// bold as `X\bX`, italic as `_\bX`, trailing spaces dropped. And the reverse: plain text from
// that overstrike form, as `col -b` or a pager would show it. No I/O.
import type { Cell } from './roff.js';

/** grotty's old-style overstrike output of `lines`, one `\n` after each line. */
export function renderOverstrike(lines: readonly (readonly Cell[])[]): string {
  let out = '';
  for (const line of lines) {
    let end = line.length;
    while (end > 0 && line[end - 1]?.ch === ' ') end -= 1;
    for (let i = 0; i < end; i++) {
      const cell = line[i];
      if (cell === undefined) continue;
      if (cell.raw !== undefined) out += cell.raw;
      else if (cell.ch === ' ' || cell.font === 'R') out += cell.ch;
      else if (cell.font === 'B') out += `${cell.ch}\b${cell.ch}`;
      else out += `_\b${cell.ch}`;
    }
    out += '\n';
  }
  return out;
}

/**
 * Plain text from overstrike text: each `X\bY` pair keeps `Y`.
 * @example stripOverstrike('N\bNA\bAM\bME\bE _\bx') // 'NAME x'
 */
export function stripOverstrike(text: string): string {
  return text.replace(/[^\n]\x08/g, '');
}
