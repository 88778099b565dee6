// The man-page program the help renderer formats: the requests and macros docutils' man writer
// emits for AWS CLI help (.TH, .SH, .sp, .INDENT/.UNINDENT, .IP, .nf/.fi and text lines), as data.
// Text is already unescaped: spans of characters in one font. No formatting happens here.

export type Font = 'R' | 'B' | 'I';

/** A run of text in one font. `inhibit` is groff's `\%` before the text: its first word is not hyphenated. */
export interface Span {
  readonly text: string;
  readonly font: Font;
  readonly inhibit?: boolean;
}

export type ManRequest =
  | { readonly kind: 'TH'; readonly title: string }
  | { readonly kind: 'SH'; readonly title: string }
  | { readonly kind: 'sp' }
  | { readonly kind: 'INDENT'; readonly ens: number }
  | { readonly kind: 'UNINDENT' }
  | { readonly kind: 'IP'; readonly tag: readonly Cell[]; readonly ens: number }
  | { readonly kind: 'nf' }
  | { readonly kind: 'fi' }
  /** One input line. In fill mode its end is a word space (two after the end of a sentence). */
  | { readonly kind: 'text'; readonly spans: readonly Span[] };

/** One character cell of formatted output. `raw` replaces the overstrike bytes of `ch`. */
export interface Cell {
  readonly ch: string;
  readonly font: Font;
  readonly raw?: string;
}

export const SPACE_CELL: Cell = { ch: ' ', font: 'R' };

/** Cells for `text` in `font`, keeping only what groff -T ascii can print (see `toCells`). */
export function toCells(text: string, font: Font): Cell[] {
  const cells: Cell[] = [];
  for (const ch of text) {
    // groff quirk: AWS CLI pipes UTF-8 to groff without preconv, so every byte of a non-ASCII
    // character is an input code without a glyph on -T ascii and is dropped. docutils turns
    // U+00A0 into `\ ` (an unpaddable space) first.
    if (ch === '\u00a0') cells.push({ ch: NBSP, font });
    else if (ch >= ' ' && ch <= '~') cells.push({ ch, font });
  }
  return cells;
}

/** groff -T ascii draws `\\(bu` as `o` struck over `+`. */
export const BULLET: Cell = { ch: 'o', font: 'R', raw: '+\bo' };

/** An unpaddable space inside a word: printed as a space, never stretched or broken. */
export const NBSP = '\u00a0';
