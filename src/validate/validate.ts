// Client-side parameter validation as botocore's ParamValidator does it before sending:
// required members, unknown members, Python types, and `min` only (no max, pattern or enum:
// the service checks those). Returns every issue, depth-first, in botocore's order. Pure.
import { PyBytes, PyDateTime, PyDict, PyFloat, type PyValue } from '../values/py-value.js';
import { elementShape, memberShape, members, requiredMembers, type Shape } from '../model/shapes.js';

export type ValidationIssue =
  | { readonly kind: 'missing'; readonly path: string; readonly member: string }
  | { readonly kind: 'unknown'; readonly path: string; readonly key: string; readonly validNames: readonly string[] }
  | { readonly kind: 'type'; readonly path: string; readonly value: PyValue; readonly validTypes: readonly string[] }
  | { readonly kind: 'length'; readonly path: string; readonly length: number; readonly min: number }
  | { readonly kind: 'range'; readonly path: string; readonly value: PyValue; readonly min: number };

const STR = "<class 'str'>";
const DICT = "<class 'dict'>";
const INT = "<class 'int'>";
const BOOL = "<class 'bool'>";
const LIST = ["<class 'list'>", "<class 'tuple'>"];
const FLOAT = ["<class 'float'>", "<class 'decimal.Decimal'>", INT];

/** Validates `value` against `shape`; an empty list means it passes. */
export function validate(value: PyValue, shape: Shape): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  validateValue(value, shape, '', issues);
  return issues;
}

function validateValue(value: PyValue, shape: Shape, path: string, issues: ValidationIssue[]): void {
  switch (shape.type) {
    case 'structure':
      return validateStructure(value, shape, path, issues);
    case 'string':
      if (typeof value !== 'string') return void issues.push({ kind: 'type', path, value, validTypes: [STR] });
      return minCheck([...value].length, shape, path, 'length', issues);
    case 'integer':
    case 'long':
      // Python quirk: bool is a subclass of int, so true passes.
      if (typeof value === 'bigint') return rangeCheck(value, Number(value), shape, path, issues);
      if (typeof value === 'boolean') return rangeCheck(value, value ? 1 : 0, shape, path, issues);
      return void issues.push({ kind: 'type', path, value, validTypes: [INT] });
    case 'float':
    case 'double':
      if (value instanceof PyFloat) return rangeCheck(value, value.value, shape, path, issues);
      if (typeof value === 'bigint') return rangeCheck(value, Number(value), shape, path, issues);
      if (typeof value === 'boolean') return rangeCheck(value, value ? 1 : 0, shape, path, issues);
      return void issues.push({ kind: 'type', path, value, validTypes: FLOAT });
    case 'boolean':
      if (typeof value !== 'boolean') issues.push({ kind: 'type', path, value, validTypes: [BOOL] });
      return;
    case 'list':
      return validateList(value, shape, path, issues);
    case 'map':
      return validateMap(value, shape, path, issues);
    case 'blob':
      if (!(value instanceof PyBytes) && typeof value !== 'string') {
        issues.push({ kind: 'type', path, value, validTypes: ["<class 'bytes'>", "<class 'bytearray'>", 'file-like object'] });
      }
      return;
    case 'timestamp':
      if (!(value instanceof PyDateTime) && typeof value !== 'string' && typeof value !== 'bigint' && !(value instanceof PyFloat)) {
        issues.push({ kind: 'type', path, value, validTypes: ["<class 'datetime.datetime'>", 'timestamp-string'] });
      }
      return;
  }
}

function validateStructure(value: PyValue, shape: Shape, path: string, issues: ValidationIssue[]): void {
  if (!(value instanceof PyDict)) return void issues.push({ kind: 'type', path, value, validTypes: [DICT] });
  for (const member of requiredMembers(shape)) if (!value.has(member)) issues.push({ kind: 'missing', path, member });
  const validNames = members(shape).map(([name]) => name);
  const known: [string, Shape][] = [];
  for (const key of value.keys()) {
    const sub = memberShape(shape, key);
    if (sub) known.push([key, sub]);
    else issues.push({ kind: 'unknown', path, key, validNames });
  }
  for (const [key, sub] of known) validateValue(value.get(key) as PyValue, sub, `${path}.${key}`, issues);
}

function validateList(value: PyValue, shape: Shape, path: string, issues: ValidationIssue[]): void {
  if (!Array.isArray(value)) return void issues.push({ kind: 'type', path, value, validTypes: LIST });
  minCheck(value.length, shape, path, 'length', issues);
  const item = elementShape(shape, 'member');
  if (item) for (const [i, element] of value.entries()) validateValue(element, item, `${path}[${i}]`, issues);
}

function validateMap(value: PyValue, shape: Shape, path: string, issues: ValidationIssue[]): void {
  if (!(value instanceof PyDict)) return void issues.push({ kind: 'type', path, value, validTypes: [DICT] });
  const keyShape = elementShape(shape, 'key');
  const valueShape = elementShape(shape, 'value');
  for (const [key, element] of value) {
    if (keyShape) validateValue(key, keyShape, `${path} (key: ${key})`, issues);
    if (valueShape) validateValue(element, valueShape, `${path}.${key}`, issues);
  }
}

function minCheck(length: number, shape: Shape, path: string, kind: 'length', issues: ValidationIssue[]): void {
  if (shape.min !== undefined && length < shape.min) issues.push({ kind, path, length, min: shape.min });
}

function rangeCheck(value: PyValue, numeric: number, shape: Shape, path: string, issues: ValidationIssue[]): void {
  if (shape.min !== undefined && numeric < shape.min) issues.push({ kind: 'range', path, value, min: shape.min });
}

/** The first member, depth first in input order, that the model does not know (botocore's serializer KeyError). */
export function firstUnknownMember(value: PyValue, shape: Shape): string | undefined {
  if (shape.type !== 'structure' || !(value instanceof PyDict)) return undefined;
  for (const [key, element] of value) {
    const sub = memberShape(shape, key);
    if (!sub) return key;
    const nested = firstUnknownMember(element, sub);
    if (nested !== undefined) return nested;
  }
  return undefined;
}
