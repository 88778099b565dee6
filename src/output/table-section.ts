// One section of the table model, a port of awscli/table.py `Section`: a title, headers, rows
// of str() cells, an indent level and the widest cell per column. Also the display width of
// text (East-Asian W, F and A count 2). Pure; rendering lives in table-render.ts.
import { GeneralError } from '../errors.js';
import { EAST_ASIAN_WIDE_RANGES } from './east-asian-width.js';
import { inRangeTable } from '../values/range-table.js';

// The first code point with East-Asian width A (U+00A1); everything below is one column.
const FIRST_WIDE = 0xa1;

function isWide(codePoint: number): boolean {
  return codePoint >= FIRST_WIDE && inRangeTable(EAST_ASIAN_WIDE_RANGES, codePoint);
}

/**
 * awscli's get_text_length: code points, with East-Asian width W, F and A counted as 2.
 * @example textWidth('é日x') === 5
 */
export function textWidth(text: string): number {
  let width = 0;
  // for..of walks code points, as Python iterates a str; a lone surrogate (width N) counts 1.
  for (const char of text) width += isWide(char.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

/** Python's round() for a float: half to even. */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** A titled block of the table. `title` null is Python's None (a nested list of dicts). */
export class TableSection {
  headers: readonly string[] = [];
  readonly rows: string[][] = [];
  private numCols: number | null = null;
  private maxWidths: number[] = [];

  constructor(
    readonly title: string | null,
    readonly indentLevel: number,
  ) {}

  /** Section.add_header: widths first, then the column count if it is still unset. */
  addHeader(headers: readonly string[]): void {
    this.updateMaxWidths(headers);
    if (this.numCols === null) this.numCols = headers.length;
    this.headers = [...headers];
  }

  /** Section.add_row: every row must have as many cells as the first header or row. */
  addRow(row: readonly string[]): void {
    if (this.numCols === null) this.numCols = row.length;
    if (row.length !== this.numCols) {
      // AWS CLI quirk (table.py): a ValueError the CLI prints raw, exit 255.
      throw new GeneralError('PYTHON_CRASH', `Row should have ${this.numCols} elements, instead it has ${row.length}`);
    }
    this.rows.push([...row]);
    this.updateMaxWidths(row);
  }

  /** Section.calculate_column_widths: widest cell + padding, scaled to maxWidth when given. */
  columnWidths(padding: number, maxWidth?: number): number[] {
    const unscaled = this.maxWidths.map((w) => w + padding);
    if (maxWidth === undefined || unscaled.length === 0) return unscaled;
    const scale = maxWidth / unscaled.reduce((a, b) => a + b, 0);
    const scaled = unscaled.map((w) => roundHalfEven(scale * w));
    let offBy = scaled.reduce((a, b) => a + b, 0) - maxWidth;
    // Too wide: take 1 from each column from the first; too narrow: add 1 from the last.
    while (offBy !== 0) {
      const order = scaled.map((_, i) => i);
      if (offBy < 0) order.reverse();
      for (const i of order) {
        if (offBy > 0) {
          scaled[i] = (scaled[i] ?? 0) - 1;
          offBy -= 1;
        } else {
          scaled[i] = (scaled[i] ?? 0) + 1;
          offBy += 1;
        }
        if (offBy === 0) break;
      }
    }
    return scaled;
  }

  /** Section.total_width: columns + padding + borders + indent, at least the title's width. */
  totalWidth(padding: number, withBorder: boolean, outerPadding: number): number {
    const borderPadding = 2;
    let total = this.columnWidths(0).reduce((sum, w) => sum + w + padding, 0);
    if (withBorder) total += borderPadding;
    total += outerPadding * 2;
    // AWS CLI quirk (table.py): a None title is measured as the text 'None'.
    const titleWidth = textWidth(this.title ?? 'None');
    return Math.max(titleWidth + borderPadding + outerPadding * 2, total);
  }

  private updateMaxWidths(row: readonly string[]): void {
    if (this.maxWidths.length === 0) {
      this.maxWidths = row.map(textWidth);
      return;
    }
    row.forEach((cell, i) => {
      const current = this.maxWidths[i];
      // AWS CLI quirk (table.py): a header longer than the section's rows is an IndexError.
      if (current === undefined) throw new GeneralError('PYTHON_CRASH', 'list index out of range');
      this.maxWidths[i] = Math.max(textWidth(cell), current);
    });
  }
}
