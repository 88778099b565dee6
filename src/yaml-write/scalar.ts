// libyaml's scalar analysis (yaml_emitter_analyze_scalar) and style choice
// (yaml_emitter_select_scalar_style), ported for block context with unicode output on: which
// of plain, single-quoted, double-quoted or literal a scalar may take. Works on code points,
// with 0 standing for libyaml's NUL terminator past the end. Pure.

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

export interface ScalarAnalysis {
  readonly chars: readonly number[];
  /** UTF-8 length in bytes (libyaml's scalar_data.length, used by the 128-byte simple-key limit). */
  readonly length: number;
  readonly multiline: boolean;
  readonly blockPlainAllowed: boolean;
  readonly singleQuotedAllowed: boolean;
  readonly blockAllowed: boolean;
}

/** IS_PRINTABLE: LF, ASCII graphic and space, U+00A0–U+D7FF, U+E000–U+FFFD but not the BOM. */
export function isPrintable(c: number): boolean {
  return c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);
}

/** IS_BREAK: CR, LF, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR. */
export function isBreak(c: number): boolean {
  return c === 0x0d || c === 0x0a || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/** IS_BLANKZ: space, tab, a break or NUL (also what lies past the end). */
export function isBlankz(c: number): boolean {
  return c === 0x20 || c === 0x09 || isBreak(c) || c === 0;
}

/** The code point at `i`, or 0 (NUL) past the end. */
export function charAt(chars: readonly number[], i: number): number {
  return chars[i] ?? 0;
}

function utf8Length(chars: readonly number[]): number {
  let n = 0;
  for (const c of chars) n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  return n;
}

const FIRST_INDICATORS = new Set([...'#,[]{}&*!|>\'"%@`'].map((ch) => ch.codePointAt(0) as number));
const HASH = 0x23;
const COLON = 0x3a;
const QUESTION = 0x3f;
const DASH = 0x2d;
const DOT = 0x2e;

/** yaml_emitter_analyze_scalar, keeping only what block context needs. */
export function analyzeScalar(value: string): ScalarAnalysis {
  const chars = [...value].map((ch) => ch.codePointAt(0) as number);
  const length = utf8Length(chars);
  if (chars.length === 0) {
    return { chars, length, multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  let blockIndicators = startsWithDocumentMarker(chars);
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  const last = chars.length - 1;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as number;
    const followedByWhitespace = isBlankz(charAt(chars, i + 1));
    if (i === 0) {
      if (FIRST_INDICATORS.has(c)) blockIndicators = true;
      if ((c === QUESTION || c === COLON || c === DASH) && followedByWhitespace) blockIndicators = true;
    } else {
      if (c === COLON && followedByWhitespace) blockIndicators = true;
      if (c === HASH && precededByWhitespace) blockIndicators = true;
    }
    if (!isPrintable(c)) special = true;
    if (isBreak(c)) lineBreaks = true;
    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (i === last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      if (i === 0) leadingBreak = true;
      if (i === last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankz(c);
  }
  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  let blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak || lineBreaks || blockIndicators) {
    blockPlainAllowed = false;
  }
  if (trailingSpace) blockAllowed = false;
  if (breakSpace) singleQuotedAllowed = false;
  if (spaceBreak || special) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
    blockAllowed = false;
  }
  return { chars, length, multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}

// `---` and `...` at the start set both indicator flags.
function startsWithDocumentMarker(chars: readonly number[]): boolean {
  const [a, b, c] = chars;
  return (a === DASH && b === DASH && c === DASH) || (a === DOT && b === DOT && c === DOT);
}

export interface StyleRequest {
  readonly analysis: ScalarAnalysis;
  /** The node asked for a literal block (bytes); otherwise any style. */
  readonly literal: boolean;
  readonly simpleKey: boolean;
  /** No tag will be written (the event is implicit in at least one way). */
  readonly noTag: boolean;
  readonly plainImplicit: boolean;
  readonly quotedImplicit: boolean;
}

/** yaml_emitter_select_scalar_style outside flow context and canonical mode. */
export function selectScalarStyle(request: StyleRequest): ScalarStyle {
  const { analysis, simpleKey } = request;
  let style: ScalarStyle = request.literal ? 'literal' : 'plain';
  if (simpleKey && analysis.multiline) style = 'double';
  if (style === 'plain') {
    if (!analysis.blockPlainAllowed) style = 'single';
    if (analysis.length === 0 && simpleKey) style = 'single';
    if (request.noTag && !request.plainImplicit) style = 'single';
  }
  if (style === 'single' && !analysis.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!analysis.blockAllowed || simpleKey)) style = 'double';
  return style;
}
