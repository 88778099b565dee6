// Formats a man-page program (roff.ts) the way `groff -m man -T ascii` 1.22.4 does for AWS CLI
// help: the an-old.tmac macros in continuous-rendering mode (one page, title line on top, 78
// columns), docutils' INDENT/UNINDENT macros, fill and no-fill mode. Returns lines of cells;
// grotty.ts turns them into bytes. No I/O.
import { type AdjustState, LineFiller } from './fill.js';
import { type Hyphenator, createHyphenator } from './hyphenate.js';
import { type Cell, type ManRequest, SPACE_CELL, toCells } from './roff.js';

/** groff -T ascii: 24 basic units per character cell (one en). */
const UNITS_PER_CELL = 24;
/** an-old.tmac: LL (and LT) 78n on nroff devices, whatever the terminal's width. */
export const LINE_LENGTH = 78;
/** an-old.tmac: IN, the indent of text under a section heading. */
const IN = 7 * UNITS_PER_CELL;
/** an-header in continuous rendering: `.sp .5i` after the title line, in lines of 12p. */
const LINES_AFTER_TITLE = 3;
/** an-end: `.sp 3` before the footer line. */
const LINES_BEFORE_FOOTER = 3;

/** A horizontal position in units, rounded to whole cells the way groff's hunits are. */
function toCellCount(units: number): number {
  return units >= 0 ? Math.trunc((units + UNITS_PER_CELL / 2 - 1) / UNITS_PER_CELL) : -toCellCount(-units);
}

function unitsOfEns(n: number): number {
  return Math.round(n * UNITS_PER_CELL);
}

export interface FormatOptions {
  readonly hyphenator?: Hyphenator;
  /** In cells; groff's `-rLL=<n>n`. */
  readonly lineLength?: number;
}

/** Formats `requests` into the lines of one continuous man page. */
export function formatMan(requests: readonly ManRequest[], options: FormatOptions = {}): Cell[][] {
  const formatter = new ManFormatter(options.hyphenator ?? createHyphenator(), options.lineLength ?? LINE_LENGTH);
  for (const request of requests) formatter.run(request);
  return formatter.finish();
}

class ManFormatter {
  private readonly lines: Cell[][] = [];
  private title = '';
  // an-old.tmac registers, in basic units.
  private margin = IN;
  private prevailing = IN;
  private level = 1;
  private readonly savedMargin: number[] = [];
  private readonly savedPrevailing: number[] = [];
  // docutils' rst2man-indent registers.
  private readonly rstIndent: number[] = [];
  private rstLevel = 0;
  // troff environment.
  private indent = 0;
  private temporaryIndent: number | undefined;
  private fill = true;
  private noSpace = false;
  private pendingTag: { readonly column: number; readonly cells: readonly Cell[] } | undefined;
  private readonly adjust: AdjustState = { reverse: false };
  private readonly filler: LineFiller;

  constructor(
    hyphenator: Hyphenator,
    private readonly lineLength: number,
  ) {
    this.filler = new LineFiller({
      lineLength,
      indent: () => this.takeIndent(),
      hyphenator,
      adjust: this.adjust,
      emit: (indent, cells) => this.output(indent, cells),
    });
  }

  run(request: ManRequest): void {
    switch (request.kind) {
      case 'TH':
        return this.header(request.title);
      case 'SH':
        return this.sectionHeading(request.title);
      case 'sp':
        return this.space(1);
      case 'INDENT':
        return this.indentBlock(request.ens);
      case 'UNINDENT':
        return this.unindentBlock();
      case 'IP':
        return this.indentedParagraph(request.tag, request.ens);
      case 'nf':
      case 'fi':
        this.filler.flush();
        this.fill = request.kind === 'fi';
        return;
      case 'text':
        if (this.fill) return this.filler.addLine(request.spans);
        return this.output(
          this.takeIndent(),
          request.spans.flatMap((span) => toCells(span.text, span.font)),
        );
    }
  }

  finish(): Cell[][] {
    this.filler.flush();
    this.space(LINES_BEFORE_FOOTER);
    this.lines.push(this.titleLine('', `${this.title}()`));
    return this.lines;
  }

  // .TH with cR=1: an-header prints the title line, then `.sp .5i` and `.ns`.
  private header(title: string): void {
    this.title = title;
    const part = `${title}()`;
    this.lines.push(this.titleLine(part, part));
    for (let i = 0; i < LINES_AFTER_TITLE; i++) this.lines.push([]);
    this.noSpace = true;
  }

  // .tl 'left''right' over LT: left at column 0, right ending at the line length.
  private titleLine(left: string, right: string): Cell[] {
    const line: Cell[] = toCells(left, 'R');
    const start = this.lineLength - right.length;
    while (line.length < start) line.push(SPACE_CELL);
    line.splice(start, line.length - start, ...toCells(right, 'R'));
    return line;
  }

  // .SH: .sp, set-an-margin, .fi, .in IN, .ti 0, the heading in bold, then an-trap: .br, .ns.
  private sectionHeading(title: string): void {
    this.space(1);
    this.margin = IN;
    this.prevailing = IN;
    this.level = 1;
    this.savedMargin[1] = IN;
    this.savedPrevailing[1] = IN;
    this.fill = true;
    this.indent = toCellCount(this.margin);
    this.temporaryIndent = 0;
    this.filler.addLine([{ text: title, font: 'B' }]);
    this.filler.flush();
    this.noSpace = true;
  }

  // .sp: a break, then blank lines unless in no-space mode.
  private space(count: number): void {
    this.filler.flush();
    if (this.noSpace) return;
    for (let i = 0; i < count; i++) this.lines.push([]);
  }

  // docutils' .INDENT: `.RS $1`, then rst2man-indent<level> = an-margin.
  private indentBlock(by: number): void {
    this.savedMargin[this.level] = this.margin;
    this.savedPrevailing[this.level] = this.prevailing;
    this.margin += unitsOfEns(by);
    this.setIndent(this.margin);
    this.prevailing = IN;
    this.level += 1;
    this.rstIndent[this.rstLevel] = this.margin;
    this.rstLevel += 1;
  }

  // docutils' .UNINDENT: `.RE`, then `.in` the rst2man-indent of the level it returns to (the
  // margin inside the block being closed, which the next UNINDENT usually corrects).
  private unindentBlock(): void {
    this.level = Math.max(1, this.level - 1);
    this.margin = this.savedMargin[this.level] ?? IN;
    this.prevailing = this.savedPrevailing[this.level] ?? IN;
    this.setIndent(this.margin);
    this.rstLevel -= 1;
    this.setIndent(this.rstIndent[this.rstLevel] ?? 0);
  }

  // .IP tag width (.TP): the tag at the margin, the text at margin + width; the tag shares the
  // first text line when it is narrower than the width by at least an en (an-do-tag).
  private indentedParagraph(tagCells: readonly Cell[], width: number): void {
    this.space(1);
    this.prevailing = unitsOfEns(width);
    const column = toCellCount(this.margin);
    if (tagCells.length * UNITS_PER_CELL + UNITS_PER_CELL > this.prevailing) this.output(column, tagCells);
    else this.pendingTag = { column, cells: tagCells };
    this.setIndent(this.margin + this.prevailing);
  }

  private setIndent(units: number): void {
    this.filler.flush();
    this.indent = toCellCount(units);
  }

  private takeIndent(): number {
    const indent = this.temporaryIndent ?? this.indent;
    this.temporaryIndent = undefined;
    return indent;
  }

  private output(indent: number, cells: readonly Cell[]): void {
    const line: Cell[] = [];
    if (this.pendingTag) {
      while (line.length < this.pendingTag.column) line.push(SPACE_CELL);
      line.push(...this.pendingTag.cells);
      this.pendingTag = undefined;
    }
    while (line.length < indent) line.push(SPACE_CELL);
    line.push(...cells);
    this.lines.push(line);
    this.noSpace = false;
  }
}
