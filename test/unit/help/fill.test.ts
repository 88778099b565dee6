import { describe, expect, it } from 'vitest';
import { LineFiller } from '../../../src/help/fill.js';
import { createHyphenator } from '../../../src/help/hyphenate.js';
import type { Span } from '../../../src/help/roff.js';

// Expectations from groff 1.22.4 (`groff -m man -T ascii -rLL=<n>n`) for the same text.

function fill(width: number, ...lines: Span[][]): string[] {
  const out: string[] = [];
  const filler = new LineFiller({
    lineLength: width,
    indent: () => 0,
    hyphenator: createHyphenator(),
    adjust: { reverse: false },
    emit: (indent, cells) => out.push(' '.repeat(indent) + cells.map((cell) => cell.ch).join('')),
  });
  for (const line of lines) filler.addLine(line);
  filler.flush();
  return out;
}

const r = (text: string): Span => ({ text, font: 'R' });

describe(LineFiller.name, () => {
  it.each([
    ['boxedboolean', ['boxed-', 'bool-', 'ean']],
    ['accidentally', ['ac-', 'ci-', 'den-', 'tally']],
    ['backendrole', ['back-', 'end-', 'role']],
    ['attributevalue', ['at-', 'tribute-', 'value']],
  ])('hyphenates the rest of %s again only when it has no break points left', (word, lines) => {
    expect(fill(1, [r(word)])).toEqual(lines);
  });

  it('breaks at a \\% inside a word, with a hyphen, then hyphenates the rest', () => {
    expect(fill(23, [r('aaaa xx'), { text: 'hyphenationhyphenationhyphenation', font: 'R', inhibit: true }, r(' xx')])).toEqual([
      'aaaa                xx-',
      'hyphenationhyphenation-',
      'hyphenation xx',
    ]);
  });

  it('merges consecutive spaces into one stretchable gap and drops spaces at a break', () => {
    expect(fill(23, [r('aaaa bbbbbb.  xxx xx. xx')])).toEqual(['aaaa  bbbbbb.   xxx xx.', 'xx']);
  });

  it('keeps an unpaddable space inside its word', () => {
    expect(fill(10, [r('aaaa bb\u00a0cc dd')])).toEqual(['aaaa bb cc', 'dd']);
  });
});
