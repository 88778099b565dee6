// The values the interpreter passes around: PyValues, among them jmespath.py's _Expression (what
// `&expr` evaluates to), which only functions such as sort_by and map consume; anywhere else it is
// an object Python knows nothing of (a PyObject). Pure.
import { PyFloat, PyObject, type PyValue } from '../values/py-value.js';
import type { AstNode } from './ast.js';

/** An interpreter value: a PyValue (an expression reference is one). */
export type JpValue = PyValue;

/** jmespath.py's _Expression: an unevaluated expression and the means to evaluate it. */
export class Expref extends PyObject {
  constructor(
    readonly expression: AstNode,
    private readonly evaluator: (node: AstNode, value: JpValue) => JpValue,
  ) {
    super('jmespath.visitor', '_Expression');
  }

  /** `expref.visit(expref.expression, value)` in jmespath.py. */
  evaluate(value: JpValue): JpValue {
    return this.evaluator(this.expression, value);
  }
}

/**
 * A float that Python computes afresh (float('nan'), abs, sum, avg). CPython's json module hands
 * out one shared NaN object, so `[NaN] == [NaN]` is true there by identity; a computed NaN is a
 * new object, unequal even to itself. Only this identity question tells the two apart.
 */
export class ComputedFloat extends PyFloat {}

/** A float result of a computation: marked only when NaN, the one case where identity matters. */
export function computedFloat(value: number): PyFloat {
  return Number.isNaN(value) ? new ComputedFloat(value) : new PyFloat(value);
}

/** CPython's identity test (`a is b`) as containers apply it before ==. */
export function isSameObject(a: JpValue, b: JpValue): boolean {
  if (a === b) return true;
  return (
    a instanceof PyFloat &&
    b instanceof PyFloat &&
    Number.isNaN(a.value) &&
    Number.isNaN(b.value) &&
    !(a instanceof ComputedFloat) &&
    !(b instanceof ComputedFloat)
  );
}
