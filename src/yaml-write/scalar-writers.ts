// libyaml's scalar writers (yaml_emitter_write_plain_scalar, _single_quoted_, _double_quoted_,
// _literal_ and the block scalar hints), ported line by line: folding at spaces once the column
// is past best_width, blank-line doubling of line feeds in single quotes, libyaml's escapes.
import { charAt, isBreak, isPrintable } from './scalar.js';
import { BEST_INDENT, BEST_WIDTH, LF, SPACE, type YamlWriter } from './writer.js';

const SINGLE_QUOTE = 0x27;
const BACKSLASH = 0x5c;

/** Plain: folds at a single space past the width. */
export function writePlain(w: YamlWriter, chars: readonly number[], allowBreaks: boolean, root: boolean): void {
  let spaces = false;
  let breaks = false;
  if (!w.whitespace) w.put(SPACE);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as number;
    if (c === SPACE) {
      if (allowBreaks && !spaces && w.column > BEST_WIDTH && charAt(chars, i + 1) !== SPACE) {
        w.writeIndent();
      } else {
        w.put(c);
      }
      spaces = true;
    } else if (isBreak(c)) {
      if (!breaks && c === LF) w.putBreak();
      w.writeBreak(c);
      w.indention = true;
      breaks = true;
    } else {
      if (breaks) w.writeIndent();
      w.put(c);
      w.indention = false;
      spaces = false;
      breaks = false;
    }
  }
  w.whitespace = false;
  w.indention = false;
  // libyaml 0.2.2 (ruamel.yaml.clib): a plain root scalar leaves the document open-ended.
  if (root) w.openEnded = true;
}

/** Single-quoted: `'` doubled, each line feed written as an extra blank line. */
export function writeSingleQuoted(w: YamlWriter, chars: readonly number[], allowBreaks: boolean): void {
  let spaces = false;
  let breaks = false;
  w.writeIndicator("'", true, false, false);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as number;
    if (c === SPACE) {
      const foldable = i !== 0 && i !== chars.length - 1 && charAt(chars, i + 1) !== SPACE;
      if (allowBreaks && !spaces && w.column > BEST_WIDTH && foldable) {
        w.writeIndent();
      } else {
        w.put(c);
      }
      spaces = true;
    } else if (isBreak(c)) {
      if (!breaks && c === LF) w.putBreak();
      w.writeBreak(c);
      w.indention = true;
      breaks = true;
    } else {
      if (breaks) w.writeIndent();
      if (c === SINGLE_QUOTE) w.put(SINGLE_QUOTE);
      w.put(c);
      w.indention = false;
      spaces = false;
      breaks = false;
    }
  }
  if (breaks) w.writeIndent();
  w.writeIndicator("'", false, false, false);
  w.whitespace = false;
  w.indention = false;
}

const SHORT_ESCAPES = new Map<number, string>([
  [0x00, '0'],
  [0x07, 'a'],
  [0x08, 'b'],
  [0x09, 't'],
  [0x0a, 'n'],
  [0x0b, 'v'],
  [0x0c, 'f'],
  [0x0d, 'r'],
  [0x1b, 'e'],
  [0x22, '"'],
  [0x5c, '\\'],
  [0x85, 'N'],
  [0xa0, '_'],
  [0x2028, 'L'],
  [0x2029, 'P'],
]);

function escapeChar(c: number): string {
  const short = SHORT_ESCAPES.get(c);
  if (short !== undefined) return short;
  const [letter, width] = c <= 0xff ? ['x', 2] : c <= 0xffff ? ['u', 4] : ['U', 8];
  return letter + c.toString(16).toUpperCase().padStart(width, '0');
}

function needsEscape(c: number): boolean {
  return !isPrintable(c) || c === 0xfeff || isBreak(c) || c === 0x22 || c === BACKSLASH;
}

/** Double-quoted: escapes; a fold before a space that starts the next line writes `\`. */
export function writeDoubleQuoted(w: YamlWriter, chars: readonly number[], allowBreaks: boolean): void {
  let spaces = false;
  w.writeIndicator('"', true, false, false);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as number;
    if (needsEscape(c)) {
      w.put(BACKSLASH);
      w.putString(escapeChar(c));
      spaces = false;
    } else if (c === SPACE) {
      if (allowBreaks && !spaces && w.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
        w.writeIndent();
        if (charAt(chars, i + 1) === SPACE) w.put(BACKSLASH);
      } else {
        w.put(c);
      }
      spaces = true;
    } else {
      w.put(c);
      spaces = false;
    }
  }
  w.writeIndicator('"', false, false, false);
  w.whitespace = false;
  w.indention = false;
}

/** Literal block (`|`), as used for !!binary. */
export function writeLiteral(w: YamlWriter, chars: readonly number[]): void {
  let breaks = true;
  w.writeIndicator('|', true, false, false);
  writeBlockScalarHints(w, chars);
  w.putBreak();
  w.indention = true;
  w.whitespace = true;
  for (const c of chars) {
    if (isBreak(c)) {
      w.writeBreak(c);
      w.indention = true;
      breaks = true;
    } else {
      if (breaks) w.writeIndent();
      w.put(c);
      w.indention = false;
      breaks = false;
    }
  }
}

// yaml_emitter_write_block_scalar_hints: an indentation hint for a leading space or break,
// `-` when there is no final break, `+` when there are several.
function writeBlockScalarHints(w: YamlWriter, chars: readonly number[]): void {
  const first = charAt(chars, 0);
  if (first === SPACE || isBreak(first)) w.writeIndicator(String(BEST_INDENT), false, false, false);
  w.openEnded = false;
  const last = chars[chars.length - 1];
  let chomp: string | undefined;
  if (last === undefined || !isBreak(last)) chomp = '-';
  else if (chars.length === 1 || isBreak(chars[chars.length - 2] as number)) chomp = '+';
  if (chomp === '+') w.openEnded = true;
  if (chomp !== undefined) w.writeIndicator(chomp, false, false, false);
}
