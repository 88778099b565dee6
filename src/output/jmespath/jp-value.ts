// The values the interpreter passes around: PyValues plus jmespath.py's _Expression (what `&expr`
// evaluates to), which only functions such as sort_by and map consume. Pure.
import type { PyValue } from '../../values/py-value.js';
import type { AstNode } from './ast.js';

/** A PyValue, or an expression reference, possibly inside a list built by the interpreter. */
export type JpValue = PyValue | Expref | JpValue[];

/** jmespath.py's _Expression: an unevaluated expression and the means to evaluate it. */
export class Expref {
  constructor(
    readonly expression: AstNode,
    private readonly evaluator: (node: AstNode, value: JpValue) => JpValue,
  ) {}

  /** `expref.visit(expref.expression, value)` in jmespath.py. */
  evaluate(value: JpValue): JpValue {
    return this.evaluator(this.expression, value);
  }
}
