// The token cursor under jmespath.py 1.0.1's Parser: lookahead, _match, _advance and the two
// error helpers (_raise_parse_error_for_token, _raise_parse_error_maybe_eof). No grammar here.
import { pyRepr } from '../values/py-repr.js';
import { IncompleteExpressionError, ParseError } from './errors.js';
import type { Token, TokenType } from './lexer.js';

// "%s" of a str, or of a list of str (Python prints the list's repr).
export function formatExpected(expected: string | readonly string[]): string {
  return typeof expected === 'string' ? expected : pyRepr([...expected]);
}

/** A position in the token list, which always ends with `eof`. */
export class TokenCursor {
  private index = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  protected match(tokenType: TokenType): void {
    if (this.currentToken() === tokenType) this.advance();
    else this.raiseMaybeEof(tokenType, this.lookaheadToken(0));
  }

  protected matchMultipleTokens(tokenTypes: readonly TokenType[]): void {
    if (!tokenTypes.includes(this.currentToken())) this.raiseMaybeEof(tokenTypes, this.lookaheadToken(0));
    this.advance();
  }

  protected advance(): void {
    this.index += 1;
  }

  protected currentToken(): TokenType {
    return this.lookaheadToken(0).type;
  }

  protected lookahead(offset: number): TokenType {
    return this.lookaheadToken(offset).type;
  }

  // Python list indexing: a negative index counts from the end.
  protected lookaheadToken(offset: number): Token {
    const token = this.tokens.at(this.index + offset);
    if (token === undefined) throw new Error('parser bug: token index out of range');
    return token;
  }

  protected raiseForToken(token: Token, reason: string): never {
    throw new ParseError(token.start, token.value, token.type, reason);
  }

  protected raiseMaybeEof(expected: string | readonly string[], token: Token): never {
    if (token.type === 'eof') throw new IncompleteExpressionError(token.start, token.value, token.type);
    const message = `Expecting: ${formatExpected(expected)}, got: ${token.type}`;
    throw new ParseError(token.start, token.value, token.type, message);
  }
}
