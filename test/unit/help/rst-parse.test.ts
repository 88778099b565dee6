import { describe, expect, it } from 'vitest';
import type { DocNode } from '../../../src/help/doc-tree.js';
import { parseRst } from '../../../src/help/rst-parse.js';

// The block structure docutils 0.19 gives the same reST (as bcdoc writes it).

const p = (text: string): DocNode => ({ kind: 'paragraph', inlines: [{ kind: 'text', text }] });

describe(parseRst.name, () => {
  it('makes indented text after a paragraph a block quote, nested by indentation', () => {
    expect(parseRst('head\n\n  quote one\n\n    deeper\n\n  back\n')).toEqual([
      p('head'),
      { kind: 'block_quote', children: [p('quote one'), { kind: 'block_quote', children: [p('deeper')] }, p('back')] },
    ]);
  });

  it('treats whitespace-only lines as blank lines', () => {
    expect(parseRst('\n\n  a \n\n   \n\n  b\n\n  \n\n')).toEqual([{ kind: 'block_quote', children: [p('a'), p('b')] }]);
  });

  it('makes `::` start a literal block, keeping relative indentation', () => {
    expect(parseRst('JSON Syntax::\n\n  {\n    "A": "string"\n  }\n\n')).toEqual([
      p('JSON Syntax:'),
      { kind: 'literal_block', lines: ['{', '  "A": "string"', '}'] },
    ]);
    expect(parseRst('::\n\n    name\n  [--a <value>]\n')).toEqual([{ kind: 'literal_block', lines: ['  name', '[--a <value>]'] }]);
  });

  it('parses bullet lists, nested lists, and ends an item at a line indented less than its text', () => {
    expect(parseRst('\n\n\n* one\n\n  \n  * nested\n  \n\n\n\n* two\n\n\n')).toEqual([
      { kind: 'bullet_list', items: [[p('one'), { kind: 'bullet_list', items: [[p('nested')]] }], [p('two')]] },
    ]);
    expect(parseRst('* last item\n\n **X**\n')).toEqual([
      { kind: 'bullet_list', items: [[p('last item')]] },
      { kind: 'block_quote', children: [{ kind: 'paragraph', inlines: [{ kind: 'strong', text: 'X' }] }] },
    ]);
  });

  it('keeps the line breaks of a paragraph', () => {
    expect(parseRst('a (string)\nReads it.\n')).toEqual([p('a (string)\nReads it.')]);
  });

  it('parses admonitions and drops comments', () => {
    expect(parseRst('Before.\n\n.. note::\n\n  Inner.\n\n.. a comment\n   more comment\n\nAfter.\n')).toEqual([
      p('Before.'),
      { kind: 'admonition', label: 'NOTE', children: [p('Inner.')] },
      p('After.'),
    ]);
  });
});
