// The exceptions of jmespath.py 1.0.1 (exceptions.py), whose `message` is Python's str(exception),
// plus the Python built-in errors (TypeError, ValueError, OverflowError) that escape from it.
// `phase` tells a --query compile error (AWS CLI: rc 252) from a search error (rc 255). No I/O.
import { pyStr } from '../values/py-repr.js';
import type { PyValue } from '../values/py-value.js';

export type JmespathPhase = 'compile' | 'search';

/** Base of every error compileQuery and searchQuery throw. */
export abstract class JmespathError extends Error {
  abstract readonly phase: JmespathPhase;
  /** The Python class name, e.g. `LexerError`, `JMESPathTypeError`, `TypeError`. */
  abstract readonly pythonType: string;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Number of code points, Python's len(str). */
function codePointLength(text: string): number {
  let count = 0;
  for (const _char of text) count++;
  return count;
}

/** ParseError: `<msg>: Parse error at column N, token "v" (TYPE), for expression:\n"<expr>"\n<caret>`. */
export class ParseError extends JmespathError {
  readonly phase: JmespathPhase = 'compile';
  readonly pythonType: string = 'ParseError';
  expression: string | null = null;

  constructor(
    public lexPosition: number,
    /** The token's value: text, an int, or a literal's parsed JSON (printed with str()). */
    readonly tokenValue: PyValue,
    readonly tokenType: string,
    readonly msg = 'Invalid jmespath expression',
  ) {
    super('');
    this.message = this.render();
  }

  /** What jmespath's Parser does when the error leaves parse(): it learns the whole expression. */
  setExpression(expression: string): void {
    this.expression = expression;
    this.message = this.render();
  }

  protected render(): string {
    // lex_position + 1 accounts for the opening double quote.
    const underline = `${' '.repeat(this.lexPosition + 1)}^`;
    return (
      `${this.msg}: Parse error at column ${this.lexPosition}, token "${pyStr(this.tokenValue)}" ` +
      `(${this.tokenType.toUpperCase()}), for expression:\n"${String(this.expression)}"\n${underline}`
    );
  }
}

/** The expression ended early; the caret goes after its last character. */
export class IncompleteExpressionError extends ParseError {
  override readonly pythonType: string = 'IncompleteExpressionError';

  override setExpression(expression: string): void {
    this.lexPosition = codePointLength(expression);
    super.setExpression(expression);
  }

  protected override render(): string {
    const underline = `${' '.repeat(this.lexPosition + 1)}^`;
    return `Invalid jmespath expression: Incomplete expression:\n"${String(this.expression)}"\n${underline}`;
  }
}

/** LexerError: `Bad jmespath expression: <message>:\n<expr>\n<caret>` (no quotes around the expression). */
export class LexerError extends ParseError {
  override readonly pythonType: string = 'LexerError';

  constructor(lexerPosition: number, lexerValue: string, message: string) {
    super(lexerPosition, lexerValue, 'lexer', message);
  }

  protected override render(): string {
    const underline = `${' '.repeat(this.lexPosition)}^`;
    return `Bad jmespath expression: ${this.msg}:\n${String(this.expression)}\n${underline}`;
  }
}

export class EmptyExpressionError extends JmespathError {
  readonly phase: JmespathPhase = 'compile';
  readonly pythonType: string = 'EmptyExpressionError';

  constructor() {
    super('Invalid JMESPath expression: cannot be empty.');
  }
}

function pluralize(word: string, count: number): string {
  return count === 1 ? word : `${word}s`;
}

/** Wrong argument count; jmespath.py checks arity when the function is called, at search time. */
export class ArityError extends JmespathError {
  readonly phase: JmespathPhase = 'search';
  readonly pythonType: string = 'ArityError';

  constructor(
    readonly expectedArity: number,
    readonly actualArity: number,
    readonly functionName: string,
    atLeast = false,
  ) {
    super(
      `Expected ${atLeast ? 'at least ' : ''}${expectedArity} ${pluralize('argument', expectedArity)} ` +
        `for function ${functionName}(), received ${actualArity}`,
    );
  }
}

/** Too few arguments for a variadic function (Python spells the class VariadictArityError). */
export class VariadicArityError extends ArityError {
  override readonly pythonType: string = 'VariadictArityError';

  constructor(expectedArity: number, actualArity: number, functionName: string) {
    super(expectedArity, actualArity, functionName, true);
  }
}

/** JMESPathTypeError; `value` is already Python's str() of the offending value. */
export class JmespathTypeError extends JmespathError {
  readonly phase: JmespathPhase = 'search';
  readonly pythonType: string = 'JMESPathTypeError';

  constructor(
    readonly functionName: string,
    value: string,
    readonly actualType: string,
    readonly expectedTypes: readonly string[],
  ) {
    const expected = `[${expectedTypes.map((type) => `'${type}'`).join(', ')}]`;
    super(`In function ${functionName}(), invalid type for value: ${value}, ` + `expected one of: ${expected}, received: "${actualType}"`);
  }
}

export class UnknownFunctionError extends JmespathError {
  readonly phase: JmespathPhase = 'search';
  readonly pythonType: string = 'UnknownFunctionError';

  constructor(readonly functionName: string) {
    super(`Unknown function: ${functionName}()`);
  }
}

export type PythonBuiltinType = 'TypeError' | 'ValueError' | 'OverflowError' | 'RecursionError';

/** A Python built-in exception raised inside jmespath.py, e.g. `slice step cannot be zero`. */
export class PythonError extends JmespathError {
  constructor(
    readonly pythonType: PythonBuiltinType,
    message: string,
    readonly phase: JmespathPhase = 'search',
  ) {
    super(message);
  }
}

/** The result holds something jmespath.py can build but this port cannot give back as a PyValue. */
export class UnsupportedValueError extends JmespathError {
  readonly phase: JmespathPhase = 'search';
  readonly pythonType: string = 'UnsupportedValue';
}

/** True for errors raised by compileQuery (a bad expression), false for search-time errors. */
export function isCompileError(error: unknown): error is JmespathError {
  return error instanceof JmespathError && error.phase === 'compile';
}
