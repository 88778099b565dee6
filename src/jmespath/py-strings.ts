// Python str semantics on JavaScript strings: Python counts, orders and searches code points,
// JavaScript UTF-16 units. These helpers make the two agree (surrogate pairs are one character;
// a match may not split a pair). Pure.

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

// True when index `i` falls between the two halves of a surrogate pair.
function splitsPair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isHighSurrogate(text.charCodeAt(i - 1)) && isLowSurrogate(text.charCodeAt(i));
}

/** Python `len(text)`. */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (!splitsPair(text, i + 1)) count++;
  }
  return count;
}

/** Python `text[::-1]`. */
export function reverseCodePoints(text: string): string {
  return Array.from(text).reverse().join('');
}

/** Python `search in subject` for two strs. */
export function strContains(subject: string, search: string): boolean {
  if (search === '') return true;
  for (let at = subject.indexOf(search); at !== -1; at = subject.indexOf(search, at + 1)) {
    if (!splitsPair(subject, at) && !splitsPair(subject, at + search.length)) return true;
  }
  return false;
}

/** Python `subject.startswith(prefix)`. */
export function strStartsWith(subject: string, prefix: string): boolean {
  return subject.startsWith(prefix) && !splitsPair(subject, prefix.length);
}

/** Python `subject.endswith(suffix)`. */
export function strEndsWith(subject: string, suffix: string): boolean {
  return subject.endsWith(suffix) && !splitsPair(subject, subject.length - suffix.length);
}
