// Fill mode of groff 1.22.4 on a tty: collects words, breaks lines at the rightmost word space or
// hyphenation point that fits, and adjusts both margins by spreading the leftover cells over the
// word spaces, alternately from the right and from the left (env.cpp possibly_break_line,
// choose_breakpoint, distribute_space). Widths are in character cells. No I/O.
import type { Hyphenator } from './hyphenate.js';
import { type Cell, type Span, NBSP, SPACE_CELL, toCells } from './roff.js';

interface Word {
  readonly kind: 'word';
  cells: Cell[];
  /** `\%` before the word: no hyphenation. */
  inhibit: boolean;
  /** Cell counts where a `\%` stands inside the word: its only break points then. */
  discretionary: number[];
  /** Cell counts after which the word may break with a hyphen. */
  points: number[];
  /** Whether groff has yet to hyphenate this word (or this rest of a word). */
  pending: boolean;
}

interface Gap {
  readonly kind: 'gap';
  width: number;
}

type Item = Word | Gap;

/** State shared by all lines of one document: groff's static `reverse` in distribute_space. */
export interface AdjustState {
  reverse: boolean;
}

export interface FillEnv {
  readonly lineLength: number;
  /** The `.in` value, in cells, when a line starts. */
  readonly indent: () => number;
  readonly hyphenator: Hyphenator;
  readonly adjust: AdjustState;
  /** Receives each finished line: its indent and its cells (spaces included). */
  readonly emit: (indent: number, cells: Cell[]) => void;
}

const SENTENCE_END = new Set(['.', '?', '!']);
// Characters after which a sentence end still counts (groff's TRANSPARENT flag). Quotes are not
// among them: docutils writes them as \(dq and \(aq, which groff does not flag.
const TRANSPARENT = new Set([')', ']', '*']);

/** Fills the text of one environment into adjusted lines. */
export class LineFiller {
  private items: Item[] = [];
  private lineIndent = 0;

  constructor(private readonly env: FillEnv) {}

  /** Adds one input line; its end becomes a word space. */
  addLine(spans: readonly Span[]): void {
    for (const span of spans) {
      let atSpanStart = true;
      for (const cell of toCells(span.text, span.font)) {
        if (cell.ch === ' ') this.addGap(1);
        else this.addCell(cell, atSpanStart && span.inhibit === true);
        atSpanStart = false;
      }
    }
    this.addGap(this.endsSentence() ? 2 : 1);
  }

  /** groff's break: the last line goes out unadjusted. */
  flush(): void {
    if (this.items.length === 0) return;
    this.addGap(0);
    while (this.items.length > 0 && this.items[this.items.length - 1]?.kind === 'gap') this.items.pop();
    if (this.items.length > 0) this.env.emit(this.lineIndent, this.cellsOf(this.items));
    this.items = [];
  }

  // groff: `\%` at the start of a word keeps it whole; inside a word it is a break point with a
  // hyphen (in the font of the character before it), and the word's only one until broken there.
  private addCell(cell: Cell, inhibit: boolean): void {
    const last = this.items[this.items.length - 1];
    if (last?.kind === 'word') {
      if (inhibit) last.discretionary.push(last.cells.length);
      last.cells.push(cell);
      return;
    }
    if (this.items.length === 0) this.lineIndent = this.env.indent();
    this.items.push({ kind: 'word', cells: [cell], inhibit, discretionary: [], points: [], pending: true });
  }

  private addGap(width: number): void {
    const last = this.items[this.items.length - 1];
    if (last === undefined) return; // groff discards spaces at the start of a line
    if (last.kind === 'gap') {
      last.width += width;
      return;
    }
    this.items.push({ kind: 'gap', width });
    this.breakWhileTooLong();
  }

  private endsSentence(): boolean {
    const last = this.items[this.items.length - 1];
    if (last?.kind !== 'word') return false;
    for (let i = last.cells.length - 1; i >= 0; i--) {
      const ch = last.cells[i]?.ch ?? '';
      if (SENTENCE_END.has(ch)) return true;
      if (!TRANSPARENT.has(ch)) return false;
    }
    return false;
  }

  private target(): number {
    return this.env.lineLength - this.lineIndent;
  }

  // The line ends with the gap just added; it is too long when the text before that gap is.
  private breakWhileTooLong(): void {
    while (this.items.length > 1 && widthOf(this.items.slice(0, -1)) > this.target()) {
      const wordIndex = this.items.length - 2;
      const word = this.items[wordIndex];
      if (word?.kind === 'word' && word.pending) {
        word.points = [...new Set([...word.points, ...this.hyphenationPoints(word)])].sort((a, b) => a - b);
        word.pending = false;
      }
      this.breakAt(this.chooseBreak());
    }
  }

  private hyphenationPoints(word: Word): number[] {
    if (word.inhibit) return [];
    if (word.discretionary.length > 0) return [...word.discretionary];
    const points: number[] = [];
    let run = '';
    const flushRun = (end: number): void => {
      if (run.length > 2) for (const k of this.env.hyphenator.points(run)) points.push(end - run.length + k);
      run = '';
    };
    word.cells.forEach((cell, index) => {
      if (/[A-Za-z]/.test(cell.ch)) run += cell.ch;
      else flushRun(index);
    });
    flushRun(word.cells.length);
    return points;
  }

  // choose_breakpoint: from the right, the first break that fits (hyphenated or not, since
  // `.hys` is 0); if none fits, the leftmost one.
  private chooseBreak(): Break {
    let widthBefore = widthOf(this.items);
    let leftmost: Break | undefined;
    for (let index = this.items.length - 1; index >= 0; index--) {
      const item = this.items[index];
      if (item === undefined) continue;
      widthBefore -= itemWidth(item);
      const candidates: Break[] =
        item.kind === 'gap'
          ? [{ index, point: 0, width: widthBefore }]
          : [...item.points].reverse().map((point) => ({ index, point, width: widthBefore + point + 1 }));
      for (const candidate of candidates) {
        if (candidate.width <= this.target()) return candidate;
        leftmost = candidate;
      }
    }
    return leftmost ?? { index: this.items.length - 1, point: 0, width: widthOf(this.items) };
  }

  private breakAt(at: Break): void {
    const item = this.items[at.index];
    let line: Item[];
    let rest: Item[];
    if (item?.kind === 'word' && at.point > 0) {
      const head = item.cells.slice(0, at.point);
      const font = head[head.length - 1]?.font ?? 'R';
      const hyphenated: Word = { kind: 'word', cells: [...head, { ch: '-', font }], inhibit: true, discretionary: [], points: [], pending: false };
      line = [...this.items.slice(0, at.index), hyphenated];
      // groff quirk: the rest keeps its break points; only a rest without any is hyphenated
      // again, as a word of its own (`boxedboolean` -> `boxed-` `bool-ean`).
      const shift = (points: readonly number[]): number[] => points.filter((p) => p > at.point).map((p) => p - at.point);
      const points = shift(item.points);
      const tail: Word = {
        kind: 'word',
        cells: item.cells.slice(at.point),
        inhibit: item.inhibit,
        discretionary: shift(item.discretionary),
        points,
        pending: points.length === 0,
      };
      rest = [tail, ...this.items.slice(at.index + 1)];
    } else {
      line = this.items.slice(0, at.index);
      rest = this.items.slice(at.index + 1);
    }
    this.distribute(line, this.target() - widthOf(line));
    this.env.emit(this.lineIndent, this.cellsOf(line));
    while (rest[0]?.kind === 'gap') rest.shift();
    this.items = rest;
    this.lineIndent = this.env.indent();
  }

  // distribute_space: each gap, from one end, takes desired/remaining (truncated) extra cells.
  private distribute(line: Item[], desired: number): void {
    const gaps = line.filter((item): item is Gap => item.kind === 'gap');
    const order = this.env.adjust.reverse ? gaps : [...gaps].reverse();
    let left = gaps.length > 0 ? desired : 0;
    let count = gaps.length;
    for (const gap of order) {
      const extra = Math.trunc(left / count);
      gap.width += extra;
      left -= extra;
      count -= 1;
    }
    this.env.adjust.reverse = !this.env.adjust.reverse;
  }

  private cellsOf(items: readonly Item[]): Cell[] {
    const cells: Cell[] = [];
    for (const item of items) {
      if (item.kind === 'gap') for (let i = 0; i < item.width; i++) cells.push(SPACE_CELL);
      else for (const cell of item.cells) cells.push(cell.ch === NBSP ? { ch: ' ', font: cell.font } : cell);
    }
    return cells;
  }
}

interface Break {
  readonly index: number;
  /** Cells of the word before a hyphenated break; 0 for a break at a gap. */
  readonly point: number;
  readonly width: number;
}

function itemWidth(item: Item): number {
  return item.kind === 'gap' ? item.width : item.cells.length;
}

function widthOf(items: readonly Item[]): number {
  return items.reduce((sum, item) => sum + itemWidth(item), 0);
}
