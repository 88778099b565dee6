// The model pass over a parsed shorthand value (awscli shorthand.py BackCompatVisitor): strings
// become ints, floats and booleans where the model says so, and a bare value given for a list
// becomes a 1-element list. Wrong shapes are left for validation; Python's own crashes are kept.
import { GeneralError } from '../errors.js';
import { elementShape, members, type Shape } from '../model/shapes.js';
import { pyTypePath } from '../values/py-repr.js';
import { pyFloat, pyInt } from '../values/py-number.js';
import { PyBytes, PyDict, type PyValue } from '../values/py-value.js';
import { ShorthandParseError } from './shorthand-errors.js';

/** Where the visitor puts a converted value: a dict key or a list position. */
type Slot = (value: PyValue) => void;

/** Raised where awscli raises DocumentTypesNotSupportedError; the enclosing structure rewords it. */
class DocumentTypeFound extends Error {}

/**
 * Converts a parseShorthand() result to the types of `shape`, as the AWS CLI does after parsing.
 * Throws GeneralError (PYTHON_CRASH) with Python's text where the CLI crashes (`int('5.0')`).
 * @example coerceShorthand(parseShorthand('FraudDetectionConfig={RiskThreshold=050}'), enrollmentConfig)
 */
export function coerceShorthand(value: PyValue, shape: Shape): PyValue {
  const copy = deepCopy(value);
  try {
    // AWS CLI quirk (ModelVisitor.visit): the top-level value sits in a throwaway parent, so
    // converting it (a scalar shape, or a dict given for a list) changes nothing.
    visit(copy, shape, () => undefined);
  } catch (error) {
    if (error instanceof DocumentTypeFound) throw new GeneralError('PYTHON_CRASH', '', { cause: error });
    throw error;
  }
  return copy;
}

function visit(value: PyValue, shape: Shape, slot: Slot): void {
  if (shape.type === 'structure') visitStructure(value, shape);
  else if (shape.type === 'list') visitList(value, shape, slot);
  else if (shape.type === 'map') visitMap(value, shape);
  else visitScalar(value, shape, slot);
}

// Members are visited in model order, so the first bad member in the model is the one reported.
function visitStructure(value: PyValue, shape: Shape): void {
  if (value !== null && isDocument(shape)) throw new DocumentTypeFound();
  if (!(value instanceof PyDict)) return;
  for (const [name, memberShape] of members(shape)) {
    try {
      visit(value.get(name) ?? null, memberShape, (converted) => value.set(name, converted));
    } catch (error) {
      if (!(error instanceof DocumentTypeFound)) throw error;
      throw new ShorthandParseError(
        `Shorthand syntax does not support document types. Use JSON input for top-level argument to specify nested parameter: ${name}`,
      );
    }
  }
}

function visitList(value: PyValue, shape: Shape, slot: Slot): void {
  if (!Array.isArray(value)) {
    // foo=bar for a list of strings means ["bar"].
    if (value !== null) slot([value]);
    return;
  }
  const memberShape = requiredElement(shape, 'member');
  for (const [i, element] of value.entries()) {
    visit(element, memberShape, (converted) => {
      value[i] = converted;
    });
  }
}

function visitMap(value: PyValue, shape: Shape): void {
  if (!(value instanceof PyDict)) return;
  const valueShape = requiredElement(shape, 'value');
  for (const [key, element] of value) visit(element, valueShape, (converted) => value.set(key, converted));
}

function visitScalar(value: PyValue, shape: Shape, slot: Slot): void {
  if (value === null) return;
  if (shape.type === 'integer' || shape.type === 'long') slot(pyInt(value));
  else if (shape.type === 'float' || shape.type === 'double') slot(pyFloat(value));
  else if (shape.type === 'boolean') {
    // Only "true"/"false" (any case) convert; anything else stays for validation to reject.
    // Bytes (2.36.7's `@=fileb://`) have lower() too, and b'true' is not 'true'.
    if (value instanceof PyBytes) return;
    if (typeof value !== 'string') throw crash(`'${pyTypePath(value)}' object has no attribute 'lower'`);
    const lower = value.toLowerCase();
    if (lower === 'true' || lower === 'false') slot(lower === 'true');
  }
}

function requiredElement(shape: Shape, part: 'member' | 'value'): Shape {
  const element = elementShape(shape, part);
  if (element === undefined) throw new Error(`shape ${shape.name} has no ${part}`);
  return element;
}

function isDocument(shape: Shape): boolean {
  return 'document' in shape && shape.document === true;
}

function crash(message: string): GeneralError {
  return new GeneralError('PYTHON_CRASH', message);
}

function deepCopy(value: PyValue): PyValue {
  if (Array.isArray(value)) return value.map(deepCopy);
  if (value instanceof PyDict)
    return new PyDict(
      [...value].map(([k, v]) => [k, deepCopy(v)] as const),
      value.ordered,
    );
  return value;
}
