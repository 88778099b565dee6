// The errors of the shorthand parser, worded exactly as awscli/shorthand.py's exceptions (their
// str()), with the caret line under the failing character.
import { ParamError } from '../errors.js';

/** Python's ShorthandParseError._error_location: the input with a `^` under code point `index`. */
function errorLocation(chars: readonly string[], index: number): string {
  const lastNewline = chars.lastIndexOf('\n', index - 1);
  const spaces = index > 0 && lastNewline >= 0 ? index - lastNewline - 1 : index;
  const nextNewline = chars.indexOf('\n', index);
  const split = nextNewline >= 0 ? nextNewline : chars.length;
  return `${chars.slice(0, split).join('')}\n${' '.repeat(spaces)}^${chars.slice(split).join('')}`;
}

/** Any shorthand error; `message` is exactly str() of the awscli exception. */
export class ShorthandParseError extends ParamError {
  constructor(
    message: string,
    readonly input = '',
    readonly index = -1,
  ) {
    super('SHORTHAND_SYNTAX', message);
  }
}

/**
 * `Expected: '<expected>', received: '<actual>'` (awscli ShorthandParseSyntaxError). `indent` goes
 * before the error location: 2.36.7 writes a space there (and not before the caret's line).
 */
export class ShorthandSyntaxError extends ShorthandParseError {
  constructor(
    chars: readonly string[],
    readonly expected: string,
    readonly actual: string,
    index: number,
    indent: string,
  ) {
    const location = errorLocation(chars, index);
    super(`Expected: '${expected}', received: '${actual}' for input:\n${indent}${location}`, chars.join(''), index);
  }
}

/** A top-level key written twice (awscli DuplicateKeyInObjectError). */
export class DuplicateKeyError extends ShorthandParseError {
  constructor(
    chars: readonly string[],
    readonly key: string,
    index: number,
  ) {
    const location = errorLocation(chars, index);
    super(
      `Second instance of key "${key}" encountered for input:\n${location}\nThis is often because there is a preceding "," instead of a space.`,
      chars.join(''),
      index,
    );
  }
}
