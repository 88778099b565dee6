// The AST of jmespath.py 1.0.1 (ast.py): the same node types, values and child order, so the
// parser and the interpreter port line by line. Nodes are built only by these factories. Pure.
import type { PyValue } from '../values/py-value.js';

export type ComparatorName = 'eq' | 'ne' | 'lt' | 'gt' | 'lte' | 'gte';

export type BinaryNodeType = 'or_expression' | 'and_expression' | 'pipe' | 'projection' | 'value_projection';

export type AstNode =
  | { type: 'comparator'; value: ComparatorName; children: [AstNode, AstNode] }
  | { type: 'current' }
  | { type: 'identity' }
  | { type: 'expref'; children: [AstNode] }
  | { type: 'function_expression'; value: string; children: AstNode[] }
  | { type: 'field'; value: string }
  | { type: 'filter_projection'; children: [AstNode, AstNode, AstNode] }
  | { type: 'flatten'; children: [AstNode] }
  | { type: 'not_expression'; children: [AstNode] }
  | { type: 'index'; value: bigint }
  | { type: 'index_expression'; children: AstNode[] }
  | KeyValPairNode
  | { type: 'literal'; value: PyValue }
  | { type: 'multi_select_dict'; children: KeyValPairNode[] }
  | { type: 'multi_select_list'; children: AstNode[] }
  | { type: BinaryNodeType; children: [AstNode, AstNode] }
  | { type: 'subexpression'; children: AstNode[] }
  | { type: 'slice'; children: SliceParts };

export interface KeyValPairNode {
  type: 'key_val_pair';
  value: string;
  children: [AstNode];
}

/** start, stop, step; null where the expression leaves it out. */
export type SliceParts = [bigint | null, bigint | null, bigint | null];

export function comparator(name: ComparatorName, first: AstNode, second: AstNode): AstNode {
  return { type: 'comparator', value: name, children: [first, second] };
}

export function currentNode(): AstNode {
  return { type: 'current' };
}

export function expref(expression: AstNode): AstNode {
  return { type: 'expref', children: [expression] };
}

export function functionExpression(name: string, args: AstNode[]): AstNode {
  return { type: 'function_expression', value: name, children: args };
}

export function field(name: string): AstNode {
  return { type: 'field', value: name };
}

export function filterProjection(left: AstNode, right: AstNode, condition: AstNode): AstNode {
  return { type: 'filter_projection', children: [left, right, condition] };
}

export function flatten(node: AstNode): AstNode {
  return { type: 'flatten', children: [node] };
}

export function identity(): AstNode {
  return { type: 'identity' };
}

export function index(value: bigint): AstNode {
  return { type: 'index', value };
}

export function indexExpression(children: AstNode[]): AstNode {
  return { type: 'index_expression', children };
}

export function keyValPair(keyName: string, node: AstNode): KeyValPairNode {
  return { type: 'key_val_pair', value: keyName, children: [node] };
}

export function literal(value: PyValue): AstNode {
  return { type: 'literal', value };
}

export function multiSelectDict(nodes: KeyValPairNode[]): AstNode {
  return { type: 'multi_select_dict', children: nodes };
}

export function multiSelectList(nodes: AstNode[]): AstNode {
  return { type: 'multi_select_list', children: nodes };
}

export function binary(type: BinaryNodeType, left: AstNode, right: AstNode): AstNode {
  return { type, children: [left, right] };
}

export function notExpression(expression: AstNode): AstNode {
  return { type: 'not_expression', children: [expression] };
}

export function subexpression(children: AstNode[]): AstNode {
  return { type: 'subexpression', children };
}

export function slice(parts: SliceParts): AstNode {
  return { type: 'slice', children: parts };
}
