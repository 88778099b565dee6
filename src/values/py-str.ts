// Python str methods whose Unicode rules differ from JavaScript's. Pure. Linear scans: a regex
// such as /\s+$/ backtracks quadratically over long runs of spaces inside a value.

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
