// A port of jmespath.py 1.0.1 lexer.py: expression text → tokens. Positions count code points,
// as Python indexes a str. Literals are parsed with Python's json.loads (parsePyJson), with the
// JEP-12 fallback that reads invalid JSON as a string. No parsing of the grammar here.
import { PyValueError, pyIntFromDecimal } from '../values/py-int.js';
import { parsePyJson } from '../values/py-json-parse.js';
import { pyLstrip } from '../values/py-str.js';
import type { PyValue } from '../values/py-value.js';
import { EmptyExpressionError, LexerError, PythonError } from './errors.js';

export type TokenType =
  | 'dot'
  | 'star'
  | 'rbracket'
  | 'comma'
  | 'colon'
  | 'current'
  | 'lparen'
  | 'rparen'
  | 'lbrace'
  | 'rbrace'
  | 'unquoted_identifier'
  | 'quoted_identifier'
  | 'flatten'
  | 'filter'
  | 'lbracket'
  | 'literal'
  | 'number'
  | 'or'
  | 'pipe'
  | 'and'
  | 'expref'
  | 'lte'
  | 'lt'
  | 'gte'
  | 'gt'
  | 'ne'
  | 'not'
  | 'eq'
  | 'eof';

export interface Token {
  readonly type: TokenType;
  /** Text for most tokens, a Python int for numbers, the parsed JSON for literals. */
  readonly value: PyValue;
  readonly start: number;
}

const SIMPLE_TOKENS: Readonly<Record<string, TokenType>> = {
  '.': 'dot',
  '*': 'star',
  ']': 'rbracket',
  ',': 'comma',
  ':': 'colon',
  '@': 'current',
  '(': 'lparen',
  ')': 'rparen',
  '{': 'lbrace',
  '}': 'rbrace',
};
const START_IDENTIFIER = /^[A-Za-z_]$/;
const VALID_IDENTIFIER = /^[A-Za-z0-9_]$/;
const DIGIT = /^[0-9]$/;
const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/**
 * Python `list(Lexer().tokenize(expression))`, ending with an `eof` token.
 * @example tokenize('a.b').map((t) => t.type) // ['unquoted_identifier', 'dot', 'unquoted_identifier', 'eof']
 */
export function tokenize(expression: string): Token[] {
  if (expression === '') throw new EmptyExpressionError();
  return new Lexer(expression).tokens();
}

/** The lexer's cursor over the expression's code points; `current` is undefined past the end. */
class Lexer {
  private readonly chars: string[];
  private position = 0;
  private current: string | undefined;

  constructor(expression: string) {
    this.chars = Array.from(expression);
    this.current = this.chars[0];
  }

  // _next: at the last character the position stays put and `current` becomes None.
  private next(): string | undefined {
    if (this.position === this.chars.length - 1) {
      this.current = undefined;
    } else {
      this.position++;
      this.current = this.chars[this.position];
    }
    return this.current;
  }

  tokens(): Token[] {
    const out: Token[] = [];
    while (this.current !== undefined) {
      const token = this.token(this.current);
      if (token !== undefined) out.push(token);
    }
    out.push({ type: 'eof', value: '', start: this.chars.length });
    return out;
  }

  // One token starting at `char`, or undefined after skipping whitespace.
  private token(char: string): Token | undefined {
    const start = this.position;
    const simple = SIMPLE_TOKENS[char];
    if (simple !== undefined) {
      this.next();
      return { type: simple, value: char, start };
    }
    if (START_IDENTIFIER.test(char)) return this.identifier();
    if (WHITESPACE.has(char)) {
      this.next();
      return undefined;
    }
    switch (char) {
      case '[':
        return this.bracket();
      case "'":
        return this.rawStringLiteral();
      case '|':
        return this.matchOrElse('|', 'or', 'pipe');
      case '&':
        return this.matchOrElse('&', 'and', 'expref');
      case '`':
        return this.literal();
      case '"':
        return this.quotedIdentifier();
      case '<':
        return this.matchOrElse('=', 'lte', 'lt');
      case '>':
        return this.matchOrElse('=', 'gte', 'gt');
      case '!':
        return this.matchOrElse('=', 'ne', 'not');
      case '=':
        return this.equals();
    }
    if (DIGIT.test(char)) return this.number();
    if (char === '-') {
      const text = this.consumeNumber();
      if (text.length > 1) return { type: 'number', value: this.toInt(text), start };
      throw new LexerError(start, text, `Unknown token '${text}'`);
    }
    throw new LexerError(this.position, char, `Unknown token ${char}`);
  }

  private identifier(): Token {
    const start = this.position;
    let text = this.current ?? '';
    for (let c = this.next(); c !== undefined && VALID_IDENTIFIER.test(c); c = this.next()) text += c;
    return { type: 'unquoted_identifier', value: text, start };
  }

  // "[]" flatten, "[?" filter, or a plain "["
  private bracket(): Token {
    const start = this.position;
    const nextChar = this.next();
    if (nextChar === ']') {
      this.next();
      return { type: 'flatten', value: '[]', start };
    }
    if (nextChar === '?') {
      this.next();
      return { type: 'filter', value: '[?', start };
    }
    return { type: 'lbracket', value: '[', start };
  }

  private number(): Token {
    const start = this.position;
    return { type: 'number', value: this.toInt(this.consumeNumber()), start };
  }

  private consumeNumber(): string {
    let text = this.current ?? '';
    for (let c = this.next(); c !== undefined && DIGIT.test(c); c = this.next()) text += c;
    return text;
  }

  // Python int(): past 4300 digits it raises a plain ValueError, which the parser does not wrap.
  private toInt(text: string): bigint {
    try {
      return pyIntFromDecimal(text);
    } catch (error) {
      if (error instanceof PyValueError) throw new PythonError('ValueError', error.message, 'compile');
      throw error;
    }
  }

  // "==" or the error for a lone "=" (at the end, the position never moved past it).
  private equals(): Token {
    if (this.next() === '=') {
      const token: Token = { type: 'eq', value: '==', start: this.position - 1 };
      this.next();
      return token;
    }
    const position = this.current === undefined ? this.position : this.position - 1;
    throw new LexerError(position, '=', "Unknown token '='");
  }

  private matchOrElse(expected: string, matchType: TokenType, elseType: TokenType): Token {
    const start = this.position;
    const current = this.current ?? '';
    const nextChar = this.next();
    if (nextChar === expected) {
      this.next();
      return { type: matchType, value: current + nextChar, start };
    }
    return { type: elseType, value: current, start };
  }

  // The text up to an unescaped delimiter; a backslash keeps itself and the character after it.
  private consumeUntil(delimiter: string): string {
    const start = this.position;
    let text = '';
    this.next();
    while (this.current !== delimiter) {
      if (this.current === '\\') {
        text += '\\';
        this.next();
      }
      if (this.current === undefined) {
        const rest = this.chars.slice(start).join('');
        throw new LexerError(start, rest, `Unclosed ${delimiter} delimiter`);
      }
      text += this.current;
      this.next();
    }
    this.next();
    return text;
  }

  // literal = "`" json "`"; invalid JSON is read as a JSON string (JEP-12 deprecation period)
  private literal(): Token {
    const start = this.position;
    const lexeme = this.consumeUntil('`').replaceAll('\\`', '`');
    let value: PyValue;
    try {
      value = parsePyJson(lexeme);
    } catch (error) {
      if (!(error instanceof PyValueError)) throw error;
      try {
        value = parsePyJson(`"${pyLstrip(lexeme)}"`);
      } catch (fallbackError) {
        if (!(fallbackError instanceof PyValueError)) throw fallbackError;
        throw new LexerError(start, this.chars.slice(start).join(''), `Bad token ${lexeme}`);
      }
    }
    return { type: 'literal', value, start };
  }

  // quoted-identifier = '"' json-string-body '"'; the error text is json's message up to its first colon
  private quotedIdentifier(): Token {
    const start = this.position;
    const lexeme = `"${this.consumeUntil('"')}"`;
    try {
      return { type: 'quoted_identifier', value: parsePyJson(lexeme), start };
    } catch (error) {
      if (!(error instanceof PyValueError)) throw error;
      throw new LexerError(start, lexeme, error.message.split(':')[0] ?? '');
    }
  }

  // raw-string = "'" *char "'", where only \' is unescaped
  private rawStringLiteral(): Token {
    const start = this.position;
    const lexeme = this.consumeUntil("'").replaceAll("\\'", "'");
    return { type: 'literal', value: lexeme, start };
  }
}
