// Python str methods whose Unicode rules differ from JavaScript's. Pure.

// str.isspace(): Unicode White_Space plus the ASCII separators \x1c-\x1f (no BOM, unlike JS trim).
const PY_SPACE = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LEADING = new RegExp(`^[${PY_SPACE}]+`);
const TRAILING = new RegExp(`[${PY_SPACE}]+$`);

/** str.strip() with no arguments. */
export function pyStrip(text: string): string {
  return text.replace(LEADING, '').replace(TRAILING, '');
}

/** str.lstrip() with no arguments. */
export function pyLstrip(text: string): string {
  return text.replace(LEADING, '');
}
