// Block-level reST, the subset bcdoc writes: paragraphs (their line breaks kept, as docutils keeps
// them), block quotes by indentation, `*` bullet lists, literal blocks after `::`, admonitions
// (`.. note::`) and comments. Inline markup is left to rst-inline.ts. No tables, other
// directives, titles or enumerated lists. No I/O.
import type { DocNode } from './doc-tree.js';
import { parseInline } from './rst-inline.js';

interface Line {
  readonly indent: number;
  readonly text: string;
}

const BULLET = /^[*+-]( +|$)/;
const EXPLICIT = /^\.\. (?:([a-zA-Z]+)::(?: +(.*))?)?/;

/** docutils' English admonition labels, upper-cased as its man writer prints them. */
const ADMONITION_LABELS: Readonly<Record<string, string>> = {
  attention: 'ATTENTION!',
  caution: 'CAUTION!',
  danger: '!DANGER!',
  error: 'ERROR',
  hint: 'HINT',
  important: 'IMPORTANT',
  note: 'NOTE',
  tip: 'TIP',
  warning: 'WARNING',
};

/** Parses reST `text` into block nodes. */
export function parseRst(text: string): DocNode[] {
  const lines = text.split('\n').map((raw): Line => {
    const trimmed = raw.replace(/\s+$/, '');
    const indent = trimmed.length - trimmed.replace(/^ +/, '').length;
    return { indent, text: trimmed };
  });
  return parseBlocks(lines, 0);
}

function isBlank(line: Line | undefined): boolean {
  return line !== undefined && line.text === '';
}

/** Lines from `start` that are blank or indented past `base`, without trailing blank lines. */
function indentedRun(lines: readonly Line[], start: number, base: number): Line[] {
  let end = start;
  while (end < lines.length && (isBlank(lines[end]) || (lines[end]?.indent ?? 0) > base)) end += 1;
  while (end > start && isBlank(lines[end - 1])) end -= 1;
  return lines.slice(start, end);
}

function minIndent(lines: readonly Line[]): number {
  return Math.min(...lines.filter((line) => !isBlank(line)).map((line) => line.indent));
}

function parseBlocks(lines: readonly Line[], base: number): DocNode[] {
  const nodes: DocNode[] = [];
  let literalNext = false;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line === undefined || isBlank(line)) {
      i += 1;
      continue;
    }
    if (line.indent > base) {
      const run = indentedRun(lines, i, base);
      const inner = minIndent(run);
      if (literalNext) nodes.push({ kind: 'literal_block', lines: run.map((l) => l.text.slice(inner)) });
      else nodes.push({ kind: 'block_quote', children: parseBlocks(run, inner) });
      literalNext = false;
      i += run.length;
      continue;
    }
    literalNext = false;
    const body = line.text.slice(base);
    const explicit = EXPLICIT.exec(body);
    if (explicit) {
      const run = indentedRun(lines, i + 1, base);
      const label = ADMONITION_LABELS[explicit[1]?.toLowerCase() ?? ''];
      if (label !== undefined) {
        const first: Line[] = explicit[2] ? [{ indent: base + 3, text: ' '.repeat(base + 3) + explicit[2] }] : [];
        const content = [...first, ...run];
        nodes.push({ kind: 'admonition', label, children: content.length > 0 ? parseBlocks(content, minIndent(content)) : [] });
      }
      // Anything else after `.. ` (comments, hyperlink targets) prints nothing.
      i += 1 + run.length;
      continue;
    }
    if (BULLET.test(body)) {
      const list = parseBulletList(lines, i, base);
      nodes.push({ kind: 'bullet_list', items: list.items });
      i = list.end;
      continue;
    }
    let end = i;
    while (end < lines.length && !isBlank(lines[end]) && lines[end]?.indent === base) end += 1;
    const paragraph = lines.slice(i, end).map((l) => l.text.slice(base));
    i = end;
    let textOf = paragraph.join('\n');
    if (textOf.endsWith('::')) {
      literalNext = true;
      textOf = textOf === '::' ? '' : textOf.endsWith(' ::') ? textOf.slice(0, -3) : textOf.slice(0, -1);
      if (!textOf) continue;
    }
    nodes.push({ kind: 'paragraph', inlines: parseInline(textOf) });
  }
  return nodes;
}

// Items start with `* ` at `base`. docutils (RSTState.list_item): when the bullet line has text,
// the item goes on while lines are blank or indented at least to that text; otherwise its body is
// the block of lines indented past the bullet. Blank lines may separate items.
function parseBulletList(lines: readonly Line[], start: number, base: number): { items: DocNode[][]; end: number } {
  const items: DocNode[][] = [];
  const bullet = lines[start]?.text.charAt(base) ?? '*';
  let i = start;
  while (i < lines.length) {
    const line = lines[i];
    if (line === undefined || line.indent !== base || line.text.charAt(base) !== bullet || !BULLET.test(line.text.slice(base))) break;
    const marker = BULLET.exec(line.text.slice(base))?.[0] ?? '* ';
    const contentIndent = base + marker.length;
    const firstText = line.text.slice(contentIndent);
    if (firstText) {
      const rest = indentedRun(lines, i + 1, contentIndent - 1);
      items.push(parseBlocks([{ indent: contentIndent, text: ' '.repeat(contentIndent) + firstText }, ...rest], contentIndent));
      i += 1 + rest.length;
    } else {
      const rest = indentedRun(lines, i + 1, base);
      items.push(rest.length > 0 ? parseBlocks(rest, minIndent(rest)) : []);
      i += 1 + rest.length;
    }
    let next = i;
    while (isBlank(lines[next])) next += 1;
    const following = lines[next];
    if (following === undefined || following.indent !== base || following.text.charAt(base) !== bullet) break;
    i = next;
  }
  return { items, end: i };
}
