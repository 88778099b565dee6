// Turns a document tree into man requests the way docutils 0.19's manpage writer does: `.sp`
// before every paragraph that is not the first child of its parent, block quotes and literal
// blocks as two .INDENTs (its "always the last indentation" hack), bullet lists as `.IP \(bu 2`.
// No I/O.
import type { DocNode, Inline, ManualPage } from './doc-tree.js';
import { BULLET, type Font, type ManRequest, type Span } from './roff.js';

const BLOCK_QUOTE_INDENT = 3.5;
const LITERAL_BLOCK_INDENT = 3.5;
const BULLET_WIDTH = 2;

const FONTS: Readonly<Record<Inline['kind'], Font>> = {
  text: 'R',
  literal: 'B',
  strong: 'B',
  emphasis: 'I',
  title: 'I',
  reference: 'I',
};

/** The man requests for `page`: .TH, NAME, then each section. */
export function writeMan(page: ManualPage): ManRequest[] {
  const writer = new ManWriter();
  return writer.page(page);
}

class ManWriter {
  private readonly out: ManRequest[] = [];
  private readonly indents: number[] = [0];

  page(page: ManualPage): ManRequest[] {
    this.out.push({ kind: 'TH', title: page.name.toUpperCase() });
    this.out.push({ kind: 'SH', title: 'NAME' });
    this.out.push({ kind: 'text', spans: [{ text: `${page.name} - `, font: 'R' }] });
    for (const section of page.sections) {
      this.out.push({ kind: 'SH', title: section.title.toUpperCase() });
      // A section's first child is its title, so every paragraph in it gets a .sp.
      this.nodes(section.children, false);
    }
    return this.out;
  }

  private nodes(nodes: readonly DocNode[], firstIsFirstChild: boolean): void {
    for (const [index, node] of nodes.entries()) this.node(node, firstIsFirstChild && index === 0);
  }

  private node(node: DocNode, isFirstChild: boolean): void {
    switch (node.kind) {
      case 'paragraph':
        if (!isFirstChild) this.out.push({ kind: 'sp' });
        for (const spans of inlineLines(node.inlines)) this.out.push({ kind: 'text', spans });
        return;
      case 'block_quote':
        this.indent(BLOCK_QUOTE_INDENT);
        this.indent(0);
        this.nodes(node.children, true);
        this.dedent();
        this.dedent();
        return;
      case 'literal_block':
        this.indent(LITERAL_BLOCK_INDENT);
        this.indent(0);
        this.out.push({ kind: 'sp' }, { kind: 'nf' });
        for (const line of node.lines) this.out.push({ kind: 'text', spans: [{ text: line, font: 'R' }] });
        this.out.push({ kind: 'fi' });
        this.dedent();
        this.dedent();
        return;
      case 'admonition':
        // docutils: a bold `LABEL:` line after a .sp, then the content as a block quote.
        this.out.push({ kind: 'sp' }, { kind: 'text', spans: [{ text: `${node.label}:`, font: 'B' }] });
        this.node({ kind: 'block_quote', children: node.children }, true);
        return;
      case 'bullet_list':
        // Nested lists indent by the parent list's width, which is also 2 for bullets.
        this.indent(BULLET_WIDTH);
        for (const item of node.items) {
          this.out.push({ kind: 'IP', tag: [BULLET], ens: BULLET_WIDTH });
          this.nodes(item, true);
        }
        this.dedent();
        return;
    }
  }

  // docutils quirk (manpage.py indent): `.INDENT` gets the indentation pushed last, not `by`.
  private indent(by: number): void {
    this.out.push({ kind: 'INDENT', ens: this.indents[this.indents.length - 1] ?? 0 });
    this.indents.push(by);
  }

  private dedent(): void {
    this.indents.pop();
    this.out.push({ kind: 'UNINDENT' });
  }
}

/** A paragraph's inline nodes as input lines of spans: its line breaks stay line breaks. */
function inlineLines(inlines: readonly Inline[]): Span[][] {
  const lines: Span[][] = [[]];
  for (const inline of inlines) {
    const font = FONTS[inline.kind];
    inline.text.split('\n').forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (!part) return;
      // docutils writes references as \fI\%text\fP: the first word is not hyphenated.
      const span: Span = inline.kind === 'reference' && index === 0 ? { text: part, font, inhibit: true } : { text: part, font };
      lines[lines.length - 1]?.push(span);
    });
  }
  return lines;
}
