// Python str methods and ordering whose Unicode rules differ from JavaScript's. Pure. Linear
// scans: a regex such as /\s+$/ backtracks quadratically over long runs of spaces inside a value.

// str.isspace(): Unicode White_Space plus the ASCII separators \x1c-\x1f (no BOM, unlike JS trim).
const SPACE = /^[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;

/** str.isspace() for one character. */
export function isPySpace(char: string): boolean {
  return SPACE.test(char);
}

/** str.strip() with no arguments. */
export function pyStrip(text: string): string {
  return pyRstrip(pyLstrip(text));
}

/** str.lstrip() with no arguments. */
export function pyLstrip(text: string): string {
  let start = 0;
  while (start < text.length && isPySpace(text.charAt(start))) start++;
  return text.slice(start);
}

/** str.rstrip() with no arguments (every such space is a single UTF-16 unit). */
export function pyRstrip(text: string): string {
  let end = text.length;
  while (end > 0 && isPySpace(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}

/**
 * Python's ordering of two str (`sorted()`, `<`): by code point, where JavaScript's `<` and
 * `sort()` compare UTF-16 units, so U+1F600 sorts after U+FF01 here and before it there. A lone
 * surrogate is one code point, as in a Python str.
 * @example ['😀', '！', 'a'].sort(compareCodePoints) // ['a', '！', '😀']
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(j) ?? 0;
    if (x !== y) return x < y ? -1 : 1;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  if (i < a.length) return 1;
  return j < b.length ? -1 : 0;
}
