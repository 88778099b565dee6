import { describe, expect, it } from 'vitest';
import type { DocNode } from '../../../src/help/doc-tree.js';
import { writeMan } from '../../../src/help/man-writer.js';
import { BULLET, type ManRequest } from '../../../src/help/roff.js';

// The requests mirror docutils 0.19's man source for the same document, e.g.
// `.sp` / `Types:` / `.INDENT 0.0` / `.IP \(bu 2` / `\fBA\fP : first.` / `.UNINDENT`.

const p = (text: string): DocNode => ({ kind: 'paragraph', inlines: [{ kind: 'text', text }] });
const text = (t: string): ManRequest => ({ kind: 'text', spans: [{ text: t, font: 'R' }] });

function body(children: DocNode[]): ManRequest[] {
  return writeMan({ name: 'x', sections: [{ title: 'Sec', children }] }).slice(4);
}

describe(writeMan.name, () => {
  it('starts with .TH, NAME and the section headings in capitals', () => {
    expect(writeMan({ name: 'start-x', sections: [{ title: 'Global Options', children: [] }] })).toEqual([
      { kind: 'TH', title: 'START-X' },
      { kind: 'SH', title: 'NAME' },
      text('start-x - '),
      { kind: 'SH', title: 'GLOBAL OPTIONS' },
    ]);
  });

  it('spaces every paragraph but the first child of a block quote or list item', () => {
    expect(body([p('a'), { kind: 'block_quote', children: [p('b'), p('c')] }])).toEqual([
      { kind: 'sp' },
      text('a'),
      { kind: 'INDENT', ens: 0 },
      { kind: 'INDENT', ens: 3.5 },
      text('b'),
      { kind: 'sp' },
      text('c'),
      { kind: 'UNINDENT' },
      { kind: 'UNINDENT' },
    ]);
  });

  it('writes lists with .IP and indents a block quote inside an item by the list width', () => {
    expect(body([{ kind: 'bullet_list', items: [[p('one'), { kind: 'block_quote', children: [p('q')] }]] }])).toEqual([
      { kind: 'INDENT', ens: 0 },
      { kind: 'IP', tag: [BULLET], ens: 2 },
      text('one'),
      { kind: 'INDENT', ens: 2 },
      { kind: 'INDENT', ens: 3.5 },
      text('q'),
      { kind: 'UNINDENT' },
      { kind: 'UNINDENT' },
      { kind: 'UNINDENT' },
    ]);
  });

  it('writes literal blocks in no-fill mode and admonitions with a bold label', () => {
    expect(
      body([
        { kind: 'literal_block', lines: ['{', '}'] },
        { kind: 'admonition', label: 'NOTE', children: [p('n')] },
      ]),
    ).toEqual([
      { kind: 'INDENT', ens: 0 },
      { kind: 'INDENT', ens: 3.5 },
      { kind: 'sp' },
      { kind: 'nf' },
      text('{'),
      text('}'),
      { kind: 'fi' },
      { kind: 'UNINDENT' },
      { kind: 'UNINDENT' },
      { kind: 'sp' },
      { kind: 'text', spans: [{ text: 'NOTE:', font: 'B' }] },
      { kind: 'INDENT', ens: 0 },
      { kind: 'INDENT', ens: 3.5 },
      text('n'),
      { kind: 'UNINDENT' },
      { kind: 'UNINDENT' },
    ]);
  });

  it('sets literals bold and references italic, with hyphenation inhibited on their first word', () => {
    const inlines: DocNode = {
      kind: 'paragraph',
      inlines: [
        { kind: 'literal', text: 'SKIP' },
        { kind: 'text', text: ' see\n' },
        { kind: 'reference', text: 'Batch enrollment' },
      ],
    };
    expect(body([inlines])).toEqual([
      { kind: 'sp' },
      {
        kind: 'text',
        spans: [
          { text: 'SKIP', font: 'B' },
          { text: ' see', font: 'R' },
        ],
      },
      { kind: 'text', spans: [{ text: 'Batch enrollment', font: 'I', inhibit: true }] },
    ]);
  });
});
