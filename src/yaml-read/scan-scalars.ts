// Port of the scalar scanners of ruamel.yaml 0.17.21 scanner.py: block (| >), flow (' ") and
// plain scalars, with PyYAML's folding rules and its refusal of tabs in plain scalars.
import { pythonCrash, yamlError } from './errors.js';
import { scanLineBreak, type YamlReader } from './reader.js';
import { isOneOf, isVersion, LINE_BREAKS, THE_END, THE_END_SPACE_TAB, type Token, type YamlVersion } from './tokens.js';

/** The scanner state the scalar scanners read and (allowSimpleKey) write. */
export interface ScanState {
  readonly reader: YamlReader;
  readonly indent: number;
  readonly flowLevel: number;
  readonly version: YamlVersion;
  allowSimpleKey: boolean;
  checkDocumentStart(): boolean;
  checkDocumentEnd(): boolean;
  scanToNextToken(): void;
}

type Chomping = 'strip' | 'keep' | null;

// block_scalar = ("|" | ">") [indicators] [comment] break, then lines at the found indentation.
export function scanBlockScalar(state: ScanState, style: '|' | '>'): Token {
  const reader = state.reader;
  const mark = reader.mark();
  const folded = style === '>';
  const chunks: string[] = [];
  reader.forward();
  const { chomping, increment } = scanBlockIndicators(reader);
  scanBlockIgnoredLine(reader);
  // ruamel quirk: at top level min_indent stays 0, so `--- |` may hold unindented lines.
  let minIndent = state.indent + 1;
  let indent: number;
  let breaks: string[];
  if (increment === null) {
    const found = scanBlockIndentation(reader);
    breaks = found.breaks;
    indent = Math.max(minIndent, found.maxIndent);
  } else {
    minIndent = Math.max(minIndent, 1);
    indent = minIndent + increment - 1;
    breaks = scanBlockBreaks(reader, indent);
  }
  let lineBreak = '';
  while (reader.column === indent && reader.peek() !== '\0') {
    chunks.push(...breaks);
    const leadingNonSpace = !isOneOf(reader.peek(), ' \t');
    let length = 0;
    while (!isOneOf(reader.peek(length), THE_END)) length++;
    chunks.push(reader.prefix(length));
    reader.forward(length);
    lineBreak = scanLineBreak(reader);
    breaks = scanBlockBreaks(reader, indent);
    if (minIndent === 0 && (state.checkDocumentStart() || state.checkDocumentEnd())) break;
    if (reader.column !== indent || reader.peek() === '\0') break;
    if (folded && lineBreak === '\n' && leadingNonSpace && !isOneOf(reader.peek(), ' \t')) {
      if (breaks.length === 0) chunks.push(' ');
    } else {
      chunks.push(lineBreak);
    }
  }
  if (chomping !== 'strip') chunks.push(lineBreak);
  if (chomping === 'keep') chunks.push(...breaks);
  else if (breaks.length > 0) state.scanToNextToken();
  return { kind: 'SCALAR', value: chunks.join(''), plain: false, style, mark };
}

function scanBlockIndicators(reader: YamlReader): { chomping: Chomping; increment: number | null } {
  let chomping: Chomping = null;
  let increment: number | null = null;
  const readChomping = (): void => {
    chomping = reader.peek() === '+' ? 'keep' : 'strip';
    reader.forward();
  };
  const readIncrement = (): void => {
    increment = Number(reader.peek());
    if (increment === 0) throw yamlError('expected indentation indicator in the range 1-9, but found 0');
    reader.forward();
  };
  if (isOneOf(reader.peek(), '+-')) {
    readChomping();
    if (isOneOf(reader.peek(), '0123456789')) readIncrement();
  } else if (isOneOf(reader.peek(), '0123456789')) {
    readIncrement();
    if (isOneOf(reader.peek(), '+-')) readChomping();
  }
  if (!isOneOf(reader.peek(), '\0 \r\n\x85\u2028\u2029')) throw yamlError('expected chomping or indentation indicators');
  return { chomping, increment };
}

function scanBlockIgnoredLine(reader: YamlReader): void {
  while (reader.peek() === ' ') reader.forward();
  if (reader.peek() === '#') while (!isOneOf(reader.peek(), THE_END)) reader.forward();
  if (!isOneOf(reader.peek(), THE_END)) throw yamlError('while scanning a block scalar: expected a comment or a line break');
  scanLineBreak(reader);
}

function scanBlockIndentation(reader: YamlReader): { breaks: string[]; maxIndent: number } {
  const breaks: string[] = [];
  let maxIndent = 0;
  while (isOneOf(reader.peek(), ' \r\n\x85\u2028\u2029')) {
    if (reader.peek() !== ' ') {
      breaks.push(scanLineBreak(reader));
    } else {
      reader.forward();
      maxIndent = Math.max(maxIndent, reader.column);
    }
  }
  return { breaks, maxIndent };
}

function scanBlockBreaks(reader: YamlReader, indent: number): string[] {
  const breaks: string[] = [];
  while (reader.column < indent && reader.peek() === ' ') reader.forward();
  while (isOneOf(reader.peek(), LINE_BREAKS)) {
    breaks.push(scanLineBreak(reader));
    while (reader.column < indent && reader.peek() === ' ') reader.forward();
  }
  return breaks;
}

const ESCAPE_REPLACEMENTS: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\x08',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\x0b',
  f: '\x0c',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};

const ESCAPE_CODES: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };
const HEX = '0123456789ABCDEFabcdef';

// flow_scalar = quote (non_spaces | spaces)* quote; quoted scalars ignore indentation.
export function scanFlowScalar(reader: YamlReader, quote: "'" | '"'): Token {
  const mark = reader.mark();
  const double = quote === '"';
  const chunks: string[] = [];
  reader.forward();
  scanFlowNonSpaces(reader, double, chunks);
  while (reader.peek() !== quote) {
    scanFlowSpaces(reader, chunks);
    scanFlowNonSpaces(reader, double, chunks);
  }
  reader.forward();
  return { kind: 'SCALAR', value: chunks.join(''), plain: false, style: quote, mark };
}

function scanFlowNonSpaces(reader: YamlReader, double: boolean, chunks: string[]): void {
  for (;;) {
    let length = 0;
    while (!isOneOf(reader.peek(length), ' \n\'"\\\0\t\r\x85\u2028\u2029')) length++;
    if (length !== 0) {
      chunks.push(reader.prefix(length));
      reader.forward(length);
    }
    const ch = reader.peek();
    if (!double && ch === "'" && reader.peek(1) === "'") {
      chunks.push("'");
      reader.forward(2);
    } else if ((double && ch === "'") || (!double && (ch === '"' || ch === '\\'))) {
      chunks.push(ch);
      reader.forward();
    } else if (double && ch === '\\') {
      reader.forward();
      scanEscape(reader, chunks);
    } else {
      return;
    }
  }
}

// "\x41", "\u00e9", "\U0001F600", a short escape, or an escaped line break.
function scanEscape(reader: YamlReader, chunks: string[]): void {
  const ch = reader.peek();
  const replacement = ESCAPE_REPLACEMENTS[ch];
  const codeLength = ESCAPE_CODES[ch];
  if (replacement !== undefined) {
    chunks.push(replacement);
    reader.forward();
  } else if (codeLength !== undefined) {
    reader.forward();
    for (let k = 0; k < codeLength; k++) {
      if (!isOneOf(reader.peek(k), HEX)) throw yamlError(`expected escape sequence of ${codeLength} hexdecimal numbers`);
    }
    const code = parseInt(reader.prefix(codeLength), 16);
    // Python's chr() refuses code points past U+10FFFF with a ValueError.
    if (code > 0x10ffff) throw pythonCrash('chr() arg not in range(0x110000)');
    chunks.push(code <= 0xffff ? String.fromCharCode(code) : String.fromCodePoint(code));
    reader.forward(codeLength);
  } else if (isOneOf(ch, LINE_BREAKS)) {
    scanLineBreak(reader);
    chunks.push(...scanFlowBreaks(reader));
  } else {
    throw yamlError(`found unknown escape character ${JSON.stringify(ch)}`);
  }
}

function scanFlowSpaces(reader: YamlReader, chunks: string[]): void {
  let length = 0;
  while (isOneOf(reader.peek(length), ' \t')) length++;
  const whitespaces = reader.prefix(length);
  reader.forward(length);
  const ch = reader.peek();
  if (ch === '\0') throw yamlError('while scanning a quoted scalar: found unexpected end of stream');
  if (isOneOf(ch, LINE_BREAKS)) {
    const lineBreak = scanLineBreak(reader);
    const breaks = scanFlowBreaks(reader);
    if (lineBreak !== '\n') chunks.push(lineBreak);
    else if (breaks.length === 0) chunks.push(' ');
    chunks.push(...breaks);
  } else {
    chunks.push(whitespaces);
  }
}

function isDocumentSeparator(reader: YamlReader): boolean {
  const prefix = reader.prefix(3);
  return (prefix === '---' || prefix === '...') && isOneOf(reader.peek(3), THE_END_SPACE_TAB);
}

function scanFlowBreaks(reader: YamlReader): string[] {
  const chunks: string[] = [];
  for (;;) {
    // Instead of checking indentation, PyYAML only refuses document separators.
    if (isDocumentSeparator(reader)) throw yamlError('while scanning a quoted scalar: found unexpected document separator');
    while (isOneOf(reader.peek(), ' \t')) reader.forward();
    if (!isOneOf(reader.peek(), LINE_BREAKS)) return chunks;
    chunks.push(scanLineBreak(reader));
  }
}

// plain = first line, then more lines indented deeper than the parent; flow context stops at
// ",[]{}" and ':' (and '?' under 1.1). Trailing whitespace and comments are not part of it.
export function scanPlain(state: ScanState): Token {
  const reader = state.reader;
  const mark = reader.mark();
  const chunks: string[] = [];
  const indent = state.indent + 1;
  const flow = state.flowLevel > 0;
  let spaces: string[] = [];
  for (;;) {
    if (reader.peek() === '#') break;
    let length = 0;
    let ch: string;
    for (; ; length++) {
      ch = reader.peek(length);
      if (ch === ':' && !isOneOf(reader.peek(length + 1), THE_END_SPACE_TAB)) continue;
      if (ch === '?' && !isVersion(state.version, 1n, 1n)) continue;
      if (isOneOf(ch, THE_END_SPACE_TAB)) break;
      if (!flow && ch === ':' && isOneOf(reader.peek(length + 1), THE_END_SPACE_TAB)) break;
      if (flow && isOneOf(ch, ',:?[]{}')) break;
    }
    if (flow && ch === ':' && !isOneOf(reader.peek(length + 1), '\0 \t\r\n\x85\u2028\u2029,[]{}')) {
      reader.forward(length);
      throw yamlError("while scanning a plain scalar: found unexpected ':'");
    }
    if (length === 0) break;
    state.allowSimpleKey = false;
    chunks.push(...spaces, reader.prefix(length));
    reader.forward(length);
    const next = scanPlainSpaces(state);
    if (next === null || next.length === 0 || reader.peek() === '#' || (!flow && reader.column < indent)) break;
    spaces = next;
  }
  return { kind: 'SCALAR', value: chunks.join(''), plain: true, style: null, mark };
}

// Spaces (never tabs) between words; a line break folds to ' ' or to the empty lines it spans.
// null when a document separator starts the next line.
function scanPlainSpaces(state: ScanState): string[] | null {
  const reader = state.reader;
  let length = 0;
  while (reader.peek(length) === ' ') length++;
  const whitespaces = reader.prefix(length);
  reader.forward(length);
  if (!isOneOf(reader.peek(), LINE_BREAKS)) return whitespaces === '' ? [] : [whitespaces];
  const lineBreak = scanLineBreak(reader);
  state.allowSimpleKey = true;
  if (isDocumentSeparator(reader)) return null;
  const breaks: string[] = [];
  while (isOneOf(reader.peek(), ' \r\n\x85\u2028\u2029')) {
    if (reader.peek() === ' ') {
      reader.forward();
    } else {
      breaks.push(scanLineBreak(reader));
      if (isDocumentSeparator(reader)) return null;
    }
  }
  const chunks: string[] = [];
  if (lineBreak !== '\n') chunks.push(lineBreak);
  else if (breaks.length === 0) chunks.push(' ');
  chunks.push(...breaks);
  return chunks;
}
