// A port of jmespath.py 1.0.1 parser.py: a Pratt (top-down operator precedence) parser from
// tokens to the AST, with Python's error classes, reason strings and positions. jmespath.py
// dispatches nud/led by method name; this port uses explicit switches. No evaluation here.
import { pyStr } from '../values/py-repr.js';
import * as ast from './ast.js';
import type { AstNode, ComparatorName, KeyValPairNode, SliceParts } from './ast.js';
import { IncompleteExpressionError, ParseError } from './errors.js';
import { tokenize, type Token, type TokenType } from './lexer.js';
import { formatExpected, TokenCursor } from './token-cursor.js';

const BINDING_POWER: Readonly<Record<TokenType, number>> = {
  eof: 0,
  unquoted_identifier: 0,
  quoted_identifier: 0,
  literal: 0,
  rbracket: 0,
  rparen: 0,
  comma: 0,
  rbrace: 0,
  number: 0,
  current: 0,
  expref: 0,
  colon: 0,
  pipe: 1,
  or: 2,
  and: 3,
  eq: 5,
  gt: 5,
  lt: 5,
  gte: 5,
  lte: 5,
  ne: 5,
  flatten: 9,
  // Everything above stops a projection.
  star: 20,
  filter: 21,
  dot: 40,
  not: 45,
  lbrace: 50,
  lbracket: 55,
  lparen: 60,
};
// The maximum binding power for a token that can stop a projection.
const PROJECTION_STOP = 10;

const COMPARATORS: ReadonlySet<TokenType> = new Set(['eq', 'ne', 'gt', 'gte', 'lt', 'lte']);
const LED_TOKENS: ReadonlySet<TokenType> = new Set(['dot', 'pipe', 'or', 'and', 'lparen', 'filter', 'flatten', 'lbracket', ...COMPARATORS]);
const IDENTIFIERS: readonly TokenType[] = ['quoted_identifier', 'unquoted_identifier'];
const DOT_RHS_ALLOWED: readonly string[] = ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'];

/**
 * Python `Parser().parse(expression).parsed`: throws ParseError and its subclasses with the
 * expression filled in, EmptyExpressionError, or a compile-phase PythonError.
 * @example parse('a.b') // { type: 'subexpression', children: [field a, field b] }
 */
export function parse(expression: string): AstNode {
  try {
    return new Parser(tokenize(expression)).parse();
  } catch (error) {
    if (error instanceof ParseError) error.setExpression(expression);
    throw error;
  }
}

function tokenText(token: Token): string {
  if (typeof token.value !== 'string') throw new TypeError(`token ${token.type} has no text`);
  return token.value;
}

/** The grammar: nud and led rules over a TokenCursor (Python keeps both on its Parser). */
class Parser extends TokenCursor {
  parse(): AstNode {
    const parsed = this.expression(0);
    if (this.currentToken() !== 'eof') {
      const t = this.lookaheadToken(0);
      throw new ParseError(t.start, t.value, t.type, `Unexpected token: ${pyStr(t.value)}`);
    }
    return parsed;
  }

  private expression(bindingPower = 0): AstNode {
    const leftToken = this.lookaheadToken(0);
    this.advance();
    let left = this.nud(leftToken);
    let current = this.currentToken();
    while (bindingPower < BINDING_POWER[current]) {
      if (!LED_TOKENS.has(current)) this.raiseForToken(this.lookaheadToken(0), 'invalid token');
      this.advance();
      left = this.led(current, left);
      current = this.currentToken();
    }
    return left;
  }

  private nud(token: Token): AstNode {
    switch (token.type) {
      case 'literal':
        return ast.literal(token.value);
      case 'unquoted_identifier':
        return ast.field(tokenText(token));
      case 'quoted_identifier':
        return this.nudQuotedIdentifier(token);
      case 'star':
        return this.nudStar();
      case 'filter':
        return this.ledFilter(ast.identity());
      case 'lbrace':
        return this.parseMultiSelectHash();
      case 'lparen': {
        const expression = this.expression();
        this.match('rparen');
        return expression;
      }
      case 'flatten':
        return ast.binary('projection', ast.flatten(ast.identity()), this.parseProjectionRhs(BINDING_POWER.flatten));
      case 'not':
        return ast.notExpression(this.expression(BINDING_POWER.not));
      case 'lbracket':
        return this.nudLbracket();
      case 'current':
        return ast.currentNode();
      case 'expref':
        return ast.expref(this.expression(BINDING_POWER.expref));
      case 'eof':
        throw new IncompleteExpressionError(token.start, token.value, token.type);
      default:
        return this.raiseForToken(token, 'invalid token');
    }
  }

  private led(type: TokenType, left: AstNode): AstNode {
    if (COMPARATORS.has(type)) {
      return ast.comparator(type as ComparatorName, left, this.expression(BINDING_POWER[type]));
    }
    switch (type) {
      case 'dot':
        return this.ledDot(left);
      case 'pipe':
      case 'or':
      case 'and': {
        const nodeType = type === 'pipe' ? 'pipe' : type === 'or' ? 'or_expression' : 'and_expression';
        return ast.binary(nodeType, left, this.expression(BINDING_POWER[type]));
      }
      case 'lparen':
        return this.ledLparen(left);
      case 'filter':
        return this.ledFilter(left);
      case 'flatten':
        return ast.binary('projection', ast.flatten(left), this.parseProjectionRhs(BINDING_POWER.flatten));
      default:
        return this.ledLbracket(left);
    }
  }

  // A quoted identifier cannot name a function: "abs"(a) fails at column 0, on the "(".
  private nudQuotedIdentifier(token: Token): AstNode {
    const node = ast.field(tokenText(token));
    if (this.currentToken() === 'lparen') {
      const t = this.lookaheadToken(0);
      throw new ParseError(0, t.value, t.type, 'Quoted identifier not allowed for function names.');
    }
    return node;
  }

  private nudStar(): AstNode {
    const right = this.currentToken() === 'rbracket' ? ast.identity() : this.parseProjectionRhs(BINDING_POWER.star);
    return ast.binary('value_projection', ast.identity(), right);
  }

  private nudLbracket(): AstNode {
    const current = this.currentToken();
    if (current === 'number' || current === 'colon') {
      return this.projectIfSlice(ast.identity(), this.parseIndexExpression());
    }
    if (current === 'star' && this.lookahead(1) === 'rbracket') {
      this.advance();
      this.advance();
      return ast.binary('projection', ast.identity(), this.parseProjectionRhs(BINDING_POWER.star));
    }
    return this.parseMultiSelectList();
  }

  // [<number>] or a slice; we are here: [<current>
  private parseIndexExpression(): AstNode {
    if (this.lookahead(0) === 'colon' || this.lookahead(1) === 'colon') return this.parseSliceExpression();
    const node = ast.index(this.lookaheadToken(0).value as bigint);
    this.advance();
    this.match('rbracket');
    return node;
  }

  // slice = "[" [number] ":" [number] [":" [number]] "]"
  private parseSliceExpression(): AstNode {
    const parts: SliceParts = [null, null, null];
    let index = 0;
    let current = this.currentToken();
    while (current !== 'rbracket' && index < 3) {
      if (current === 'colon') {
        index += 1;
        if (index === 3) this.raiseForToken(this.lookaheadToken(0), 'syntax error');
        this.advance();
      } else if (current === 'number') {
        parts[index] = this.lookaheadToken(0).value as bigint;
        this.advance();
      } else {
        this.raiseForToken(this.lookaheadToken(0), 'syntax error');
      }
      current = this.currentToken();
    }
    this.match('rbracket');
    return ast.slice(parts);
  }

  private ledDot(left: AstNode): AstNode {
    if (this.currentToken() !== 'star') {
      const right = this.parseDotRhs(BINDING_POWER.dot);
      if (left.type === 'subexpression') {
        left.children.push(right);
        return left;
      }
      return ast.subexpression([left, right]);
    }
    // A projection: a.*
    this.advance();
    return ast.binary('value_projection', left, this.parseProjectionRhs(BINDING_POWER.dot));
  }

  // function-expression = unquoted-string "(" [expression *("," expression)] ")"
  private ledLparen(left: AstNode): AstNode {
    if (left.type !== 'field') {
      // -1 is the "(" token, -2 the invalid function "name".
      const prev = this.lookaheadToken(-2);
      throw new ParseError(prev.start, prev.value, prev.type, `Invalid function name '${pyStr(prev.value)}'`);
    }
    const args: AstNode[] = [];
    while (this.currentToken() !== 'rparen') {
      const expression = this.expression();
      if (this.currentToken() === 'comma') this.match('comma');
      args.push(expression);
    }
    this.match('rparen');
    return ast.functionExpression(left.value, args);
  }

  // Filters are projections.
  private ledFilter(left: AstNode): AstNode {
    const condition = this.expression(0);
    this.match('rbracket');
    const right = this.currentToken() === 'flatten' ? ast.identity() : this.parseProjectionRhs(BINDING_POWER.filter);
    return ast.filterProjection(left, right, condition);
  }

  private ledLbracket(left: AstNode): AstNode {
    const token = this.lookaheadToken(0);
    if (token.type === 'number' || token.type === 'colon') {
      const right = this.parseIndexExpression();
      if (left.type === 'index_expression') {
        // jmespath.py appends to an index expression instead of nesting (slices included).
        left.children.push(right);
        return left;
      }
      return this.projectIfSlice(left, right);
    }
    this.match('star');
    this.match('rbracket');
    return ast.binary('projection', left, this.parseProjectionRhs(BINDING_POWER.star));
  }

  private projectIfSlice(left: AstNode, right: AstNode): AstNode {
    const indexExpression = ast.indexExpression([left, right]);
    if (right.type !== 'slice') return indexExpression;
    return ast.binary('projection', indexExpression, this.parseProjectionRhs(BINDING_POWER.star));
  }

  // multi-select-list = "[" expression *("," expression) "]", after the "["
  private parseMultiSelectList(): AstNode {
    const expressions: AstNode[] = [];
    for (;;) {
      expressions.push(this.expression());
      if (this.currentToken() === 'rbracket') break;
      this.match('comma');
    }
    this.match('rbracket');
    return ast.multiSelectList(expressions);
  }

  // multi-select-hash = "{" keyval-expr *("," keyval-expr) "}", after the "{"
  private parseMultiSelectHash(): AstNode {
    const pairs: KeyValPairNode[] = [];
    for (;;) {
      const keyToken = this.lookaheadToken(0);
      // Before getting the token value, verify it's an identifier.
      this.matchMultipleTokens(IDENTIFIERS);
      const keyName = tokenText(keyToken);
      this.match('colon');
      pairs.push(ast.keyValPair(keyName, this.expression(0)));
      if (this.currentToken() === 'comma') {
        this.match('comma');
      } else if (this.currentToken() === 'rbrace') {
        this.match('rbrace');
        break;
      }
    }
    return ast.multiSelectDict(pairs);
  }

  private parseProjectionRhs(bindingPower: number): AstNode {
    const current = this.currentToken();
    if (BINDING_POWER[current] < PROJECTION_STOP) return ast.identity();
    if (current === 'lbracket' || current === 'filter') return this.expression(bindingPower);
    if (current === 'dot') {
      this.match('dot');
      return this.parseDotRhs(bindingPower);
    }
    return this.raiseForToken(this.lookaheadToken(0), 'syntax error');
  }

  // After ".": identifier / multi-select-list / multi-select-hash / function-expression / "*"
  private parseDotRhs(bindingPower: number): AstNode {
    const lookahead = this.currentToken();
    if (lookahead === 'quoted_identifier' || lookahead === 'unquoted_identifier' || lookahead === 'star') {
      return this.expression(bindingPower);
    }
    if (lookahead === 'lbracket') {
      this.match('lbracket');
      return this.parseMultiSelectList();
    }
    if (lookahead === 'lbrace') {
      this.match('lbrace');
      return this.parseMultiSelectHash();
    }
    const t = this.lookaheadToken(0);
    return this.raiseForToken(t, `Expecting: ${formatExpected(DOT_RHS_ALLOWED)}, got: ${t.type}`);
  }
}
