// The service's own checks of a parsed JSON request body, as AWS's Coral framework runs them before
// an operation: a value of the wrong JSON type is a SerializationException, a broken model constraint
// (required, enum, pattern, length, range) a ValidationException. Not the CLI's checks; pure, no I/O.
//
// Wording followed (public references; none is Voice ID's own):
// - "N validation error(s) detected: " joined by "; ", "Value null at", numbers quoted, lengths in
//   code points, pattern before length on one member: STS AssumeRole answers recorded over raw HTTP
//   in a public emulator's probe suite, and Cognito's "Value at 'username' ... pattern ...; ...".
// - No value for sensitive members or lists ("Value at 'tags' ... length less than or equal to 50",
//   IAM); items "tags.51.member.key" (IAM); enum sets as in aws-doc-sdk-examples#891 (Cognito);
//   ranges as in boto/botocore#3337; maps "Map keys|value must satisfy constraint: [...]" (DynamoDB).
// - SerializationException texts: Athena answers recorded over raw HTTP in another public emulator.
import { getShape, members, type MemberRef, type ShapeResolver, type Shape } from '../model/shapes.js';

/** How a violation shows the offending value: quoted text, the bare word null, or nothing at all. */
export type ShownValue = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'null' } | { readonly kind: 'hidden' };

/** One failed constraint, e.g. path `enrollmentConfig.fraudDetectionConfig.riskThreshold`. */
export interface Violation {
  readonly path: string;
  readonly constraint: string;
  readonly value: ShownValue;
}

/** A SerializationException; `message` is absent where AWS answers without one. */
export interface SerializationFailure {
  readonly kind: 'serialization';
  readonly message?: string;
}

/** The outcome of the service's checks: a serialization failure, or the violations (none: valid). */
export type ServiceCheck = SerializationFailure | { readonly kind: 'validation'; readonly violations: readonly Violation[] };

const LIST_FOUND = 'Start of list found where not expected';
const OBJECT_FOUND = 'Start of structure or map found where not expected.';
const NOT_NULL = 'Member must not be null';
const INT32 = 2 ** 31;
const INT64 = 2 ** 63;
// Java's `.` stops at every line terminator, JavaScript's (without the s flag) not at U+0085.
const JAVA_DOT = '[^\\n\\r\\u0085\\u2028\\u2029]';

const CONVERSION_TARGETS: Readonly<Record<string, string>> = {
  string: 'a String',
  integer: 'an Integer',
  long: 'a Long',
  float: 'a Float',
  double: 'a Double',
  boolean: 'a Boolean',
  timestamp: 'a Timestamp',
  blob: 'a Blob',
};

/**
 * Checks a parsed request body against an input shape: the first type mismatch in body order wins,
 * otherwise every constraint violation in model member order, depth first.
 * @example validateServiceRequest(model.operation('DescribeDomain').input, { DomainId: 'x' })
 */
export function validateServiceRequest(shape: Shape, body: unknown): ServiceCheck {
  const { model } = shape;
  // Coral quirk (Athena, measured): a top-level array names the list, other non-objects get no Message.
  if (Array.isArray(body)) return { kind: 'serialization', message: LIST_FOUND };
  if (!isObject(body)) return { kind: 'serialization' };
  const failure = findTypeMismatch(shape, body, model);
  if (failure !== undefined) return { kind: 'serialization', message: failure };
  const violations: Violation[] = [];
  checkChildren(shape, body, '', model, violations);
  return { kind: 'validation', violations };
}

/** AWS's ValidationException message for a non-empty list of violations. */
export function formatValidationMessage(violations: readonly Violation[]): string {
  const plural = violations.length === 1 ? '' : 's';
  return `${violations.length} validation error${plural} detected: ${violations.map(formatViolation).join('; ')}`;
}

/** One violation as AWS words it: `Value 'x' at 'jobName' failed to satisfy constraint: ...`. */
export function formatViolation(violation: Violation): string {
  const { value } = violation;
  const shown = value.kind === 'text' ? `Value '${value.text}'` : value.kind === 'null' ? 'Value null' : 'Value';
  return `${shown} at '${violation.path}' failed to satisfy constraint: ${violation.constraint}`;
}

/** Whether `value` matches a model pattern as a whole, as Java's `Pattern.matcher(value).matches()` does. */
export function matchesModelPattern(pattern: string, value: string): boolean {
  return compileModelPattern(pattern).test(value);
}

// Compiled once per pattern. The model's patterns have no nested or adjacent overlapping
// unbounded quantifiers (test/emulator/validate-service.test.ts checks it), so V8's
// backtracking matcher runs in time linear in the value.
const COMPILED = new Map<string, RegExp>();

function compileModelPattern(pattern: string): RegExp {
  const known = COMPILED.get(pattern);
  if (known) return known;
  const source = `^(?:${translateDots(pattern)})$`;
  let regex: RegExp;
  try {
    regex = new RegExp(source, 'u');
  } catch {
    // Java accepts identity escapes such as `\_` that the u flag rejects.
    regex = new RegExp(source);
  }
  COMPILED.set(pattern, regex);
  return regex;
}

/** The length of a string in code points (a surrogate pair counts once), without allocating. */
export function codePointLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length - 1; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length -= 1;
        i += 1;
      }
    }
  }
  return length;
}

// "a.b[.]\." -> "a[^\n...]b[.]\." : only unescaped dots outside a character class.
function translateDots(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern.charAt(i);
    if (c === '\\') {
      out += c + pattern.charAt(i + 1);
      i += 1;
    } else if (inClass) {
      inClass = c !== ']';
      out += c;
    } else {
      inClass = c === '[';
      out += c === '.' ? JAVA_DOT : c;
    }
  }
  return out;
}

/**
 * The body as the service's deserializer reads it into the input shape, before it validates it:
 * members the shape does not have are dropped (AWS JSON services ignore unknown members, so that
 * an older service takes a newer client's requests), and so are null members, null list items and
 * null map values (null is absent); a fraction sent for an integer is truncated (Jackson's
 * ACCEPT_FLOAT_AS_INT, as acceptsScalar says). A value of the wrong JSON type is kept as it is, for
 * validateServiceRequest to refuse. Builds new objects, in body order.
 * @example readServiceInput(model.operation('DescribeDomain').input, { DomainId: 'x', Extra: 1 }) // { DomainId: 'x' }
 */
export function readServiceInput(shape: Shape, body: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return readValue(shape, body, shape.model) as Record<string, unknown>;
}

function readValue(shape: Shape, value: unknown, model: ShapeResolver): unknown {
  if (shape.type === 'structure' && isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) {
      const ref = Object.hasOwn(shape.members ?? {}, name) ? shape.members?.[name] : undefined;
      if (ref && item !== null) out[name] = readValue(resolve(ref, model), item, model);
    }
    return out;
  }
  if (shape.type === 'list' && Array.isArray(value)) {
    const itemShape = shape.member ? resolve(shape.member, model) : undefined;
    return presentItems(value).map((item) => (itemShape ? readValue(itemShape, item, model) : item));
  }
  if (shape.type === 'map' && isObject(value)) {
    const valueShape = shape.value ? resolve(shape.value, model) : undefined;
    // fromEntries defines own properties: a key "__proto__" stays a key.
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, item]) => item !== null)
        .map(([key, item]) => [key, valueShape ? readValue(valueShape, item, model) : item]),
    );
  }
  if ((shape.type === 'integer' || shape.type === 'long') && typeof value === 'number') return Math.trunc(value);
  return value;
}

// ---- Deserialization: body order, unknown members skipped, null is absent. ----

function findTypeMismatch(shape: Shape, value: unknown, model: ShapeResolver): string | undefined {
  if (value === null) return undefined;
  if (shape.type === 'structure') {
    if (Array.isArray(value)) return LIST_FOUND;
    if (!isObject(value)) return 'Expected null';
    for (const [name, item] of Object.entries(value)) {
      const ref = Object.hasOwn(shape.members ?? {}, name) ? shape.members?.[name] : undefined;
      const failure = ref ? findTypeMismatch(resolve(ref, model), item, model) : undefined;
      if (failure !== undefined) return failure;
    }
    return undefined;
  }
  if (shape.type === 'list') {
    if (isObject(value)) return OBJECT_FOUND;
    if (!Array.isArray(value)) return 'Expected list or null';
    return itemsMismatch(shape.member, value, model);
  }
  if (shape.type === 'map') {
    if (Array.isArray(value)) return LIST_FOUND;
    if (!isObject(value)) return 'Expected map or null';
    return itemsMismatch(shape.value, Object.values(value), model);
  }
  if (Array.isArray(value)) return LIST_FOUND;
  if (isObject(value)) return OBJECT_FOUND;
  if (acceptsScalar(shape, value)) return undefined;
  return `${jsonToken(value)} can not be converted to ${CONVERSION_TARGETS[shape.type] ?? 'a String'}`;
}

function itemsMismatch(ref: MemberRef | undefined, items: readonly unknown[], model: ShapeResolver): string | undefined {
  if (!ref) return undefined;
  const itemShape = resolve(ref, model);
  for (const item of items) {
    const failure = findTypeMismatch(itemShape, item, model);
    if (failure !== undefined) return failure;
  }
  return undefined;
}

function acceptsScalar(shape: Shape, value: unknown): boolean {
  switch (shape.type) {
    case 'string':
    case 'blob':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    // Coral quirk (Athena, measured): a fraction sent for an integer is truncated, not refused.
    case 'integer':
      return typeof value === 'number' && Math.trunc(value) >= -INT32 && Math.trunc(value) < INT32;
    case 'long':
      return typeof value === 'number' && Math.trunc(value) >= -INT64 && Math.trunc(value) < INT64;
    default:
      return typeof value === 'number';
  }
}

function jsonToken(value: unknown): string {
  if (typeof value === 'string') return 'STRING_VALUE';
  if (typeof value === 'number') return 'NUMBER_VALUE';
  return value === true ? 'TRUE_VALUE' : 'FALSE_VALUE';
}

// ---- Validation: model member order, a member's own constraints before its children. ----

interface Constraint {
  readonly kind: 'enum' | 'pattern' | 'length' | 'range';
  readonly text: string;
  readonly fails: (value: unknown) => boolean;
}

function checkValue(shape: Shape, value: unknown, path: string, model: ShapeResolver, out: Violation[]): void {
  const failed = constraintsOf(shape).filter((constraint) => constraint.fails(value));
  for (const constraint of failed) out.push({ path, constraint: constraint.text, value: showValue(shape, value) });
  checkChildren(shape, value, path, model, out);
}

function checkChildren(shape: Shape, value: unknown, path: string, model: ShapeResolver, out: Violation[]): void {
  if (shape.type === 'structure' && isObject(value)) {
    for (const [name, memberShape] of members(shape)) {
      const item = Object.hasOwn(value, name) ? value[name] : undefined;
      const memberPath = joinPath(path, name.charAt(0).toLowerCase() + name.slice(1));
      if (item !== undefined && item !== null) checkValue(memberShape, item, memberPath, model, out);
      else if (shape.required?.includes(name)) out.push({ path: memberPath, constraint: NOT_NULL, value: { kind: 'null' } });
    }
  } else if (shape.type === 'list' && Array.isArray(value) && shape.member) {
    const itemShape = resolve(shape.member, model);
    for (const [i, item] of presentItems(value).entries()) checkValue(itemShape, item, `${path}.${i + 1}.member`, model, out);
  } else if (shape.type === 'map' && isObject(value)) {
    checkMapEntries(shape, value, path, model, out);
  }
}

// Coral reports a map's keys once and its values once, listing every constraint of the key or value
// shape ("Map value must satisfy constraint: [Member must have length less than or equal to 25, ...]").
function checkMapEntries(shape: Shape, value: Readonly<Record<string, unknown>>, path: string, model: ShapeResolver, out: Violation[]): void {
  const entries = Object.entries(value).filter(([, item]) => item !== null);
  const aspects = [
    ['Map keys', shape.key, entries.map(([key]) => key)],
    ['Map value', shape.value, entries.map(([, item]) => item)],
  ] as const;
  for (const [label, ref, items] of aspects) {
    const constraints = ref ? constraintsOf(resolve(ref, model)) : [];
    if (!items.some((item) => constraints.some((constraint) => constraint.fails(item)))) continue;
    const listed = [...constraints.filter((c) => c.kind !== 'pattern'), ...constraints.filter((c) => c.kind === 'pattern')];
    out.push({ path, constraint: `${label} must satisfy constraint: [${listed.map((c) => c.text).join(', ')}]`, value: { kind: 'hidden' } });
  }
  const valueShape = shape.value ? resolve(shape.value, model) : undefined;
  if (valueShape) for (const [key, item] of entries) checkChildren(valueShape, item, joinPath(path, key), model, out);
}

function constraintsOf(shape: Shape): Constraint[] {
  const constraints: Constraint[] = [];
  const allowed = shape.enum;
  if (allowed) {
    const text = `Member must satisfy enum value set: [${allowed.join(', ')}]`;
    constraints.push({ kind: 'enum', text, fails: (v) => typeof v === 'string' && !allowed.includes(v) });
  }
  if (shape.pattern !== undefined && shape.type === 'string') {
    const regex = compileModelPattern(shape.pattern);
    const text = `Member must satisfy regular expression pattern: ${shape.pattern}`;
    constraints.push({ kind: 'pattern', text, fails: (v) => typeof v === 'string' && !regex.test(v) });
  }
  const isNumber = ['integer', 'long', 'float', 'double'].includes(shape.type);
  const measure = isNumber ? (v: unknown) => numericValue(shape, v) : lengthOf;
  const [kind, noun] = isNumber ? (['range', 'value'] as const) : (['length', 'length'] as const);
  const { max, min } = shape;
  if (max !== undefined) {
    const text = `Member must have ${noun} less than or equal to ${showBound(shape, max)}`;
    constraints.push({ kind, text, fails: (v) => (measure(v) ?? -Infinity) > max });
  }
  if (min !== undefined) {
    const text = `Member must have ${noun} greater than or equal to ${showBound(shape, min)}`;
    constraints.push({ kind, text, fails: (v) => (measure(v) ?? Infinity) < min });
  }
  return constraints;
}

// Lengths: strings in code points, blobs in decoded bytes, lists and maps in present entries.
function lengthOf(value: unknown): number | undefined {
  if (typeof value === 'string') return codePointLength(value);
  if (Array.isArray(value)) return presentItems(value).length;
  if (isObject(value)) return Object.values(value).filter((item) => item !== null).length;
  return undefined;
}

function numericValue(shape: Shape, value: unknown): number | undefined {
  if (typeof value !== 'number') return undefined;
  return shape.type === 'integer' || shape.type === 'long' ? Math.trunc(value) : value;
}

// Java prints float bounds and values as doubles: "1.0", not "1".
function showBound(shape: Shape, bound: number): string {
  const isFloat = shape.type === 'float' || shape.type === 'double';
  return isFloat && Number.isInteger(bound) ? bound.toFixed(1) : String(bound);
}

function showValue(shape: Shape, value: unknown): ShownValue {
  if (shape.sensitive || typeof value === 'object') return { kind: 'hidden' };
  const number = numericValue(shape, value);
  return { kind: 'text', text: number === undefined ? String(value) : showBound(shape, number) };
}

// Coral quirk (Athena, measured): null list items are accepted and skipped.
function presentItems(items: readonly unknown[]): unknown[] {
  return items.filter((item) => item !== null);
}

function resolve(ref: MemberRef, model: ShapeResolver): Shape {
  return getShape(model, ref.shape, ref);
}

function joinPath(parent: string, child: string): string {
  return parent === '' ? child : `${parent}.${child}`;
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
