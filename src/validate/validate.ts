// Client-side parameter validation as botocore's ParamValidator does it before sending:
// required members, unknown members, Python types, and `min` only (no max, pattern or enum:
// the service checks those). Returns every issue, depth-first, in botocore's order. Pure.
import { PyBytes, PyDateTime, PyDict, PyFloat, type PyValue } from '../values/py-value.js';
import { pyRepr, pyTypePath } from '../values/py-repr.js';
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

/**
 * What botocore's JSON serializer raises on `value` (with parameter_validation = false nothing
 * checked it first), as Python's str(exc); undefined when it serializes. It walks the value in
 * input order: a structure or map calls `.items()` (an AttributeError for anything but a dict),
 * a structure looks each member up (a KeyError, whose str is the repr of the name), a list
 * iterates (a str's characters, a dict's keys; a TypeError for a scalar).
 */
export function serializerCrash(value: PyValue, shape: Shape): string | undefined {
  if (shape.type === 'structure' || shape.type === 'map') {
    if (!(value instanceof PyDict)) return `'${pyTypePath(value)}' object has no attribute 'items'`;
    for (const [key, element] of value) {
      const sub = shape.type === 'structure' ? memberShape(shape, key) : elementShape(shape, 'value');
      if (!sub) return pyRepr(key);
      const crash = serializerCrash(element, sub);
      if (crash !== undefined) return crash;
    }
    return undefined;
  }
  if (shape.type !== 'list') return undefined;
  const member = elementShape(shape, 'member');
  let items: readonly PyValue[];
  if (Array.isArray(value)) items = value;
  else if (typeof value === 'string') items = [...value];
  else if (value instanceof PyDict) items = [...value.keys()];
  else return `'${pyTypePath(value)}' object is not iterable`;
  for (const item of items) {
    const crash = member ? serializerCrash(item, member) : undefined;
    if (crash !== undefined) return crash;
  }
  return undefined;
}
