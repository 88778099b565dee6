// A port of jmespath.py 1.0.1 visitor.py TreeInterpreter: evaluates the AST on PyValues with
// jmespath.py's semantics (projections drop None, JMESPath truthiness, ordering only between
// numbers or strings, Python slices). Function calls go to functions.ts. Pure.
import { PyDict } from '../values/py-value.js';
import type { AstNode, ComparatorName, KeyValPairNode, SliceParts } from './ast.js';
import { PythonError } from './errors.js';
import { callFunction } from './functions.js';
import { Expref, type JpValue } from './jp-value.js';
import { jmespathEquals, pyCompare } from './py-compare.js';
import { isActualNumber, isJmespathFalse } from './py-types.js';
import { pyTruthy } from '../values/py-truthy.js';

/** Evaluates `node` against `value`, as `TreeInterpreter().visit(node, value)`. */
export function visit(node: AstNode, value: JpValue): JpValue {
  switch (node.type) {
    case 'subexpression':
    case 'index_expression':
    case 'pipe':
      return node.children.reduce<JpValue>((result, child) => visit(child, result), value);
    case 'field':
      return value instanceof PyDict ? (value.get(node.value) ?? null) : null;
    case 'comparator':
      return visitComparator(node.value, visit(node.children[0], value), visit(node.children[1], value));
    case 'current':
    case 'identity':
      return value;
    case 'expref':
      return new Expref(node.children[0], visit);
    case 'function_expression':
      return callFunction(
        node.value,
        node.children.map((child) => visit(child, value)),
      );
    case 'filter_projection':
      return visitFilterProjection(node.children, value);
    case 'flatten':
      return visitFlatten(visit(node.children[0], value));
    case 'index':
      return Array.isArray(value) ? pyIndex(value, node.value) : null;
    case 'slice':
      return Array.isArray(value) ? pySlice(value, node.children) : null;
    case 'key_val_pair':
      return visit(node.children[0], value);
    case 'literal':
      return node.value;
    case 'multi_select_dict':
      return value === null ? null : visitMultiSelectDict(node.children, value);
    case 'multi_select_list':
      return value === null ? null : node.children.map((child) => visit(child, value));
    case 'or_expression':
    case 'and_expression':
      return visitLogical(node.type, node.children, value);
    case 'not_expression':
      return visitNot(visit(node.children[0], value));
    case 'projection': {
      const base = visit(node.children[0], value);
      return Array.isArray(base) ? project(base, node.children[1]) : null;
    }
    case 'value_projection': {
      const base = visit(node.children[0], value);
      return base instanceof PyDict ? project([...base.values()], node.children[1]) : null;
    }
  }
}

function visitMultiSelectDict(children: readonly KeyValPairNode[], value: JpValue): JpValue {
  const collected = new PyDict();
  for (const child of children) collected.set(child.value, visit(child, value));
  return collected;
}

// `a || b` gives a unless it is false; `a && b` gives a when it is false.
function visitLogical(type: 'or_expression' | 'and_expression', [left, right]: [AstNode, AstNode], value: JpValue): JpValue {
  const matched = visit(left, value);
  if (isJmespathFalse(matched) === (type === 'or_expression')) return visit(right, value);
  return matched;
}

// == and != compare anything; ordering is defined only between numbers or between strings.
function visitComparator(op: ComparatorName, left: JpValue, right: JpValue): JpValue {
  if (op === 'eq') return jmespathEquals(left, right);
  if (op === 'ne') return !jmespathEquals(left, right);
  if (!isComparable(left) || !isComparable(right)) return null;
  return pyCompare(op, left, right);
}

// visitor.py _is_comparable: strings count, although the spec only orders numbers.
function isComparable(value: JpValue): boolean {
  return isActualNumber(value) || typeof value === 'string';
}

function visitFilterProjection(children: [AstNode, AstNode, AstNode], value: JpValue): JpValue {
  const base = visit(children[0], value);
  if (!Array.isArray(base)) return null;
  const collected: JpValue[] = [];
  for (const element of base) {
    if (isJmespathFalse(visit(children[2], element))) continue;
    const current = visit(children[1], element);
    if (current !== null) collected.push(current);
  }
  return collected;
}

function visitFlatten(base: JpValue): JpValue {
  if (!Array.isArray(base)) return null;
  const merged: JpValue[] = [];
  for (const element of base) {
    if (Array.isArray(element)) merged.push(...element);
    else merged.push(element);
  }
  return merged;
}

// `not value`, except that 0 (and 0.0) is not false in JMESPath.
function visitNot(value: JpValue): JpValue {
  if (isActualNumber(value) && (typeof value === 'bigint' ? value === 0n : value.value === 0)) return false;
  return !pyTruthy(value);
}

function project(base: readonly JpValue[], right: AstNode): JpValue[] {
  const collected: JpValue[] = [];
  for (const element of base) {
    const current = visit(right, element);
    if (current !== null) collected.push(current);
  }
  return collected;
}

// list[i]: negative counts from the end; IndexError (any out-of-range int) gives None.
function pyIndex(list: readonly JpValue[], index: bigint): JpValue {
  const length = BigInt(list.length);
  const i = index < 0n ? index + length : index;
  return i >= 0n && i < length ? (list[Number(i)] ?? null) : null;
}

// list[start:stop:step] with PySlice_AdjustIndices; unbounded ints clamp like ssize_t ones.
function pySlice(list: readonly JpValue[], [startPart, stopPart, stepPart]: SliceParts): JpValue[] {
  const step = stepPart ?? 1n;
  if (step === 0n) throw new PythonError('ValueError', 'slice step cannot be zero');
  const length = BigInt(list.length);
  const adjust = (part: bigint | null, ifNone: bigint): bigint => {
    if (part === null) return ifNone;
    if (part < 0n) {
      const from = part + length;
      return from < 0n ? (step < 0n ? -1n : 0n) : from;
    }
    return part >= length ? (step < 0n ? length - 1n : length) : part;
  };
  const start = adjust(startPart, step < 0n ? length - 1n : 0n);
  const stop = adjust(stopPart, step < 0n ? -1n : length);
  const out: JpValue[] = [];
  if (step > 0n) for (let i = start; i < stop; i += step) out.push(list[Number(i)] ?? null);
  else for (let i = start; i > stop; i += step) out.push(list[Number(i)] ?? null);
  return out;
}
