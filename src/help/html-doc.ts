// Model documentation (a small HTML subset) to reST, as bcdoc's DocStringParser and HTMLTree do
// it (awscli/bcdoc/docstringparser.py): tags without a handler are dropped but keep their text,
// text is split into words and joined with single spaces, list items lose leading whitespace.
// <note>, <important> and <danger> become admonitions. Not handled: <codeblock>. No I/O.
import type { RstWriter } from './rst-writer.js';

interface TagNode {
  readonly kind: 'tag';
  readonly tag: string;
  readonly attrs: readonly (readonly [string, string])[];
  readonly children: HtmlNode[];
  readonly parent: TagNode | undefined;
}

interface DataNode {
  readonly kind: 'data';
  data: string;
}

type HtmlNode = TagNode | DataNode;

const HANDLED_TAGS = new Set(['p', 'code', 'b', 'bold', 'i', 'italics', 'a', 'ul', 'ol', 'li', 'examples', 'fullname', 'note', 'important', 'danger']);

/** The reST directive each admonition tag becomes (ReSTStyle.start_note and its siblings). */
const ADMONITIONS: Readonly<Record<string, string>> = { note: 'note', important: 'warning', danger: 'danger' };

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Writes the reST for `html` into `writer` (ReSTDocument.include_doc_string). */
export function includeDocString(writer: RstWriter, html: string | undefined): void {
  if (!html) return;
  const root: TagNode = { kind: 'tag', tag: '', attrs: [], children: [], parent: undefined };
  let current = root;
  for (const token of tokenizeHtml(html)) {
    if (token.kind === 'data') current.children.push({ kind: 'data', data: token.data });
    else if (!HANDLED_TAGS.has(token.tag)) continue;
    else if (token.kind === 'start') {
      const node: TagNode = { kind: 'tag', tag: token.tag, attrs: token.attrs, children: [], parent: current };
      current.children.push(node);
      current = node;
    } else current = current.parent ?? root;
  }
  writeChildren(writer, root);
}

type HtmlToken =
  | { readonly kind: 'data'; readonly data: string }
  | { readonly kind: 'start'; readonly tag: string; readonly attrs: readonly (readonly [string, string])[] }
  | { readonly kind: 'end'; readonly tag: string };

// Python's HTMLParser with convert_charrefs: text between tags is one chunk with entities decoded;
// `<x/>` is a start and an end tag; comments and declarations are skipped.
function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  // The last alternative: a `<` that starts nothing is data of its own (a separate DataNode).
  const tag = /<(\/?)([a-zA-Z][^\t\n\r\f />]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--[\s\S]*?-->|<![^>]*>|<\?[^>]*>|<(?![a-zA-Z/!?])/g;
  let last = 0;
  let text = '';
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    text += html.slice(last, match.index);
    last = tag.lastIndex;
    const [whole, slash, name, rest = ''] = match;
    if (name === undefined && whole !== '<') continue;
    if (text) tokens.push({ kind: 'data', data: decodeEntities(text) });
    text = '';
    if (name === undefined) {
      tokens.push({ kind: 'data', data: '<' });
      continue;
    }
    const lower = name.toLowerCase();
    if (slash) tokens.push({ kind: 'end', tag: lower });
    else {
      tokens.push({ kind: 'start', tag: lower, attrs: parseAttributes(rest) });
      if (/\/\s*$/.test(rest)) tokens.push({ kind: 'end', tag: lower });
    }
  }
  text += html.slice(last);
  if (text) tokens.push({ kind: 'data', data: decodeEntities(text) });
  return tokens;
}

function parseAttributes(text: string): [string, string][] {
  const attrs: [string, string][] = [];
  const attr = /([^\s=/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;
  for (let match = attr.exec(text); match; match = attr.exec(text)) {
    const [, name = '', raw] = match;
    const value = raw === undefined ? '' : raw.replace(/^(["'])([\s\S]*)\1$/, '$2');
    attrs.push([name.toLowerCase(), decodeEntities(value)]);
  }
  return attrs;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return ENTITIES[body] ?? whole;
  });
}

function writeChildren(writer: RstWriter, node: TagNode): void {
  for (const child of node.children) {
    if (child.kind === 'data') writeData(writer, child.data);
    else writeTag(writer, child);
  }
}

// DataNode.write: whitespace-only data is one space; otherwise the words joined by single
// spaces, with one trailing space if the data ended in whitespace (leading space is dropped).
function writeData(writer: RstWriter, data: string): void {
  if (!data) return;
  if (/^\s+$/.test(data)) {
    writer.write(' ');
    return;
  }
  const words = data.split(/\s+/).filter((word) => word !== '');
  writer.write(words.join(' ') + (/\s$/.test(data) ? ' ' : ''));
}

function writeTag(writer: RstWriter, node: TagNode): void {
  if (node.tag === 'li') stripLeadingSpace(node);
  startTag(writer, node);
  writeChildren(writer, node);
  endTag(writer, node);
}

// LineItemNode._lstrip: strips leading whitespace until the first text.
function stripLeadingSpace(node: TagNode): boolean {
  for (const child of node.children) {
    if (child.kind === 'data') {
      child.data = child.data.replace(/^\s+/, '');
      if (child.data) return true;
    } else if (stripLeadingSpace(child)) return true;
  }
  return false;
}

// The ReSTStyle start_<tag> and end_<tag> handlers.
function startTag(writer: RstWriter, node: TagNode): void {
  switch (node.tag) {
    case 'p':
      if (writer.doP) writer.write(`\n\n${writer.spaces()}`);
      return;
    case 'code':
      return writer.startInline('``');
    case 'b':
    case 'bold':
      return writer.startInline('**');
    case 'i':
    case 'italics':
      return writer.startInline('*');
    case 'a':
      return startLink(writer, node);
    case 'ul':
    case 'ol':
      return writer.startUl();
    case 'li':
      return writer.startLi();
    case 'examples':
    case 'fullname':
      writer.keepData = false;
      return;
    case 'note':
    case 'important':
    case 'danger':
      writer.newParagraph();
      writer.write(`.. ${ADMONITIONS[node.tag] ?? 'note'}::`);
      writer.indent();
      writer.newParagraph();
      return;
  }
}

function endTag(writer: RstWriter, node: TagNode): void {
  switch (node.tag) {
    case 'p':
      if (writer.doP) writer.write(`\n\n${writer.spaces()}`);
      return;
    case 'code':
      return writer.endInline('``');
    case 'b':
    case 'bold':
      return writer.endInline('**');
    case 'i':
    case 'italics':
      return writer.endInline('*');
    case 'a':
      return endLink(writer);
    case 'ul':
    case 'ol':
      return writer.endUl();
    case 'li':
      return writer.endLi();
    case 'examples':
    case 'fullname':
      writer.keepData = true;
      return;
    case 'note':
    case 'important':
    case 'danger':
      writer.dedent();
      writer.newParagraph();
      return;
  }
}

function startLink(writer: RstWriter, node: TagNode): void {
  if (node.attrs.length === 0) {
    writer.write(' ');
    return;
  }
  for (const [name, value] of node.attrs) {
    if (name !== 'href') continue;
    writer.linkHref = value;
    writer.write('`');
  }
}

// ReSTStyle.end_a: `text <href>`__ (colons in the text escaped), `<href>`__ without text.
function endLink(writer: RstWriter): void {
  const href = writer.linkHref;
  if (href !== undefined) {
    const last = writer.popWrite().replace(/ +$/, '');
    if (last && last !== '`') {
      writer.pushWrite(last.replace(/:/g, '\\:'));
      writer.pushWrite(` <${href}>\`__`);
    } else if (last === '`') writer.pushWrite(`\`<${href}>\`__`);
    else {
      writer.pushWrite(href);
      writer.write('`__');
    }
    writer.linkHref = undefined;
  }
  writer.write(' ');
}
