// Table model → text, a port of awscli/table.py MultiTable.render: one global width, columns
// scaled with Python's round(), single-row sections turned vertical when too wide, nested
// sections framed by repeated `|`. Colour and colorama's autoreset resets are reproduced. Pure.
import { TableSection, textWidth } from './table-section.js';

const RESET = '\x1b[0m';
const CELL_STYLE = '\x1b[1m\x1b[34m'; // colorama Style.BRIGHT + Fore.BLUE
const INDENT_STYLE = '\x1b[2m\x1b[33m'; // colorama Style.DIM + Fore.YELLOW
const PADDING = 4;

export interface RenderOptions {
  /** Style cells and indent bars (`--color on`, or `auto` on a TTY). */
  readonly color: boolean;
  /**
   * Output goes to the real stdout, which colorama wraps with autoreset: `ESC[0m` after every
   * write call. Off when writing into the pager pipe. Only matters with `color`.
   */
  readonly autoreset: boolean;
  /** Terminal columns; 80 when stdout is not a TTY. */
  readonly width: number;
}

/** awscli's Styler / ColorizedStyler: titles and headers are never styled. */
export interface TableStyler {
  rowElement(text: string): string;
  indentationChar(text: string): string;
}

export const PLAIN_STYLER: TableStyler = { rowElement: (text) => text, indentationChar: (text) => text };

export const COLOR_STYLER: TableStyler = {
  rowElement: (text) => CELL_STYLE + text + RESET,
  indentationChar: (text) => INDENT_STYLE + text + RESET,
};

/** Collects write() calls; with autoreset, each is followed by colorama's reset. */
class Output {
  private readonly chunks: string[] = [];

  constructor(private readonly autoreset: boolean) {}

  write(text: string): void {
    this.chunks.push(text);
    if (this.autoreset) this.chunks.push(RESET);
  }

  text(): string {
    return this.chunks.join('');
  }
}

/** awscli's IndentedStream: indent bars on both sides of each line, as four write calls. */
class IndentedOutput {
  private readonly bars: string;

  constructor(
    private readonly out: Output,
    indentLevel: number,
    bar: string,
  ) {
    this.bars = bar.repeat(indentLevel);
  }

  write(text: string): void {
    this.out.write(this.bars);
    if (text.endsWith('\n')) {
      this.out.write(text.slice(0, -1));
      this.out.write(this.bars);
      this.out.write('\n');
    } else {
      this.out.write(text);
    }
  }
}

// Python's str * int: empty for a count below 1.
function repeat(text: string, count: number): string {
  return count > 0 ? text.repeat(count) : '';
}

/** table.py center_text; `textLength` is the unstyled width. */
function centerText(text: string, length: number, leftEdge: string, rightEdge: string, textLength: number): string {
  const charStart = Math.floor(length / 2) - Math.floor(textLength / 2) - 1;
  const lengthSoFar = textWidth(leftEdge) + charStart + textLength;
  const rightSpaces = length - textWidth(rightEdge) - lengthSoFar;
  return leftEdge + repeat(' ', charStart) + text + repeat(' ', rightSpaces) + rightEdge;
}

/** table.py align_left with a left padding of 2 when the text fits. */
function alignLeft(text: string, length: number, leftEdge: string, rightEdge: string, textLength: number): string {
  const computed = textLength + 2 + textWidth(leftEdge) + textWidth(rightEdge);
  const padding = length - computed >= 0 ? 2 : 0;
  const lengthSoFar = leftEdge.length + padding + textLength;
  return leftEdge + repeat(' ', padding) + text + repeat(' ', length - lengthSoFar - rightEdge.length) + rightEdge;
}

/** table.py convert_to_vertical_table: a section with headers and one row → key/value rows. */
function toVertical(section: TableSection): TableSection {
  const [row] = section.rows;
  if (section.rows.length !== 1 || section.headers.length === 0 || row === undefined) return section;
  const vertical = new TableSection(section.title, section.indentLevel);
  const count = Math.min(section.headers.length, row.length);
  for (let i = 0; i < count; i++) vertical.addRow([section.headers[i] ?? '', row[i] ?? '']);
  return vertical;
}

function maxWidth(sections: readonly TableSection[]): number {
  return Math.max(...sections.map((s) => s.totalWidth(PADDING, true, s.indentLevel)));
}

function lineBreak(widths: readonly number[]): string {
  return `${widths.map((w, i) => (i === 0 ? `+${repeat('-', w - 2)}+` : `${repeat('-', w - 1)}+`)).join('')}\n`;
}

function renderSection(section: TableSection, tableWidth: number, styler: TableStyler, out: Output): void {
  const stream = new IndentedOutput(out, section.indentLevel, styler.indentationChar('|'));
  const width = tableWidth - section.indentLevel * 2;
  if (section.title) {
    stream.write(`${centerText(section.title, width, '|', '|', textWidth(section.title))}\n`);
    if (section.headers.length === 0 && section.rows.length === 0) stream.write(`+${repeat('-', width - 2)}+\n`);
  }
  if (section.headers.length > 0) {
    const widths = section.columnWidths(PADDING, width);
    const cells = section.headers.slice(0, widths.length);
    const line = cells.map((h, i) => centerText(h, widths[i] ?? 0, i === 0 ? '|' : '', '|', textWidth(h)));
    stream.write(lineBreak(widths));
    stream.write(`${line.join('')}\n`);
  }
  if (section.rows.length === 0) return;
  const widths = section.columnWidths(PADDING, width);
  if (widths.length === 0) return;
  stream.write(lineBreak(widths));
  for (const row of section.rows) {
    const cells = row.slice(0, widths.length);
    const line = cells.map((cell, i) => alignLeft(styler.rowElement(cell), widths[i] ?? 0, i === 0 ? '|' : '', '|', textWidth(cell)));
    stream.write(`${line.join('')}\n`);
  }
  stream.write(lineBreak(widths));
}

/**
 * MultiTable.render: the sections at one shared width, for a terminal of `options.width`.
 * @example renderTable(sections, { color: false, autoreset: false, width: 80 })
 */
export function renderTable(sections: readonly TableSection[], options: RenderOptions): string {
  let current = sections;
  let width = maxWidth(current);
  // AWS CLI quirk (table.py): once the table is too wide, every single-row section turns vertical.
  if (width > options.width) {
    current = current.map(toVertical);
    width = maxWidth(current);
  }
  const out = new Output(options.color && options.autoreset);
  const styler = options.color ? COLOR_STYLER : PLAIN_STYLER;
  out.write(`${'-'.repeat(width)}\n`);
  for (const section of current) renderSection(section, width, styler, out);
  return out.text();
}
