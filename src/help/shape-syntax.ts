// The "Shorthand Syntax" and "JSON Syntax" examples of an operation option, derived from its
// shape as awscli does (argprocess.py ParamShorthandDocGen, clidocs.py _json_example). No I/O.
import { type Shape, elementShape, isScalarType, members } from '../model/shapes.js';
import type { RstWriter } from './rst-writer.js';

const MAX_SHORTHAND_STACK = 3;

class TooComplexError extends Error {}

/** Whether shorthand syntax applies: a structure, a map, or a list of those (_supports_shorthand_syntax). */
export function supportsShorthand(shape: Shape): boolean {
  if (shape.type === 'structure' || shape.type === 'map') return true;
  const member = shape.type === 'list' ? elementShape(shape, 'member') : undefined;
  return member !== undefined && !isScalarType(member.type);
}

/**
 * The shorthand example, `''` when too deeply nested, undefined when not documented at all
 * (a structure whose only member is a string named `Value`).
 * @example shorthandExample(InputDataConfig) // 'S3Uri=string'
 */
export function shorthandExample(shape: Shape): string | undefined {
  const only = members(shape);
  if (shape.type === 'structure' && only.length === 1 && only[0]?.[0] === 'Value' && only[0][1].type === 'string') {
    return undefined;
  }
  try {
    const member = shape.type === 'list' ? elementShape(shape, 'member') : undefined;
    if (member) return `${shorthandDocs(member, [])} ...`;
    return shorthandDocs(shape, []);
  } catch (error) {
    if (error instanceof TooComplexError) return '';
    throw error;
  }
}

function shorthandDocs(shape: Shape, stack: string[]): string {
  if (stack.length > MAX_SHORTHAND_STACK) throw new TooComplexError();
  if (shape.type === 'structure') {
    const inner = members(shape)
      .map(([name, member]) => memberDocs(name, member, stack))
      .join(',');
    return stack.length === 0 ? inner : `{${inner}}`;
  }
  const member = shape.type === 'list' ? elementShape(shape, 'member') : undefined;
  if (member) {
    stack.push(member.name);
    const element = shorthandDocs(member, stack);
    stack.pop();
    return !isScalarType(member.type) || stack.length > 1 ? `[${element},${element}]` : `${element},${element}`;
  }
  const [key, valueShape] = shape.type === 'map' ? [elementShape(shape, 'key'), elementShape(shape, 'value')] : [];
  if (key && valueShape) {
    const value = shorthandDocs(valueShape, stack);
    let text = `KeyName1=${value},KeyName2=${value}`;
    if (key.enum && stack.length === 0) text += `\n\nWhere valid key names are:\n${key.enum.map((e) => `  ${e}\n`).join('')}`;
    else if (stack.length > 0) text = `{${text}}`;
    return text;
  }
  return shape.type;
}

function memberDocs(name: string, shape: Shape, stack: string[]): string {
  if (stack.includes(shape.name)) return `${name}=( ... recursive ... )`;
  stack.push(shape.name);
  try {
    return `${name}=${shorthandDocs(shape, stack)}`;
  } finally {
    stack.pop();
  }
}

/** The sample value of a scalar in JSON syntax (`"string"`, `"A"|"B"`, `true|false`, `integer`). */
export function jsonValueName(shape: Shape, includeEnum = true): string {
  if (shape.type === 'string') return shape.enum && includeEnum ? shape.enum.map((e) => `"${e}"`).join('|') : '"string"';
  if (shape.type === 'boolean') return 'true|false';
  return shape.type;
}

/** Writes the JSON syntax example of `shape` (clidocs _json_example). */
export function writeJsonExample(doc: RstWriter, shape: Shape, stack: string[] = []): void {
  if (stack.includes(shape.name)) {
    if (stack.filter((name) => name === shape.name).length > 1) {
      if (shape.type === 'structure') doc.write('{ ... recursive ... }');
      return;
    }
  }
  stack.push(shape.name);
  try {
    writeJsonValue(doc, shape, stack);
  } finally {
    stack.pop();
  }
}

function writeJsonValue(doc: RstWriter, shape: Shape, stack: string[]): void {
  const member = shape.type === 'list' ? elementShape(shape, 'member') : undefined;
  const [key, value] = shape.type === 'map' ? [elementShape(shape, 'key'), elementShape(shape, 'value')] : [];
  if (member) {
    doc.write('[');
    if (isScalarType(member.type)) doc.write(`${jsonValueName(member)}, ...`);
    else {
      doc.indent();
      doc.newLine();
      writeJsonExample(doc, member, stack);
      doc.newLine();
      doc.write('...');
      doc.dedent();
      doc.newLine();
    }
    doc.write(']');
  } else if (key && value) {
    doc.write('{');
    doc.indent();
    // awscli quirk (clidocs._do_json_example): no line break between `{` and the first key.
    doc.write(`${jsonValueName(key)}: `);
    if (isScalarType(value.type)) doc.write(jsonValueName(value));
    else {
      doc.indent();
      writeJsonExample(doc, value, stack);
      doc.dedent();
    }
    doc.newLine();
    doc.write('...');
    doc.dedent();
    doc.write('}');
  } else if (shape.type === 'structure') writeStructureMembers(doc, shape, stack);
}

function writeStructureMembers(doc: RstWriter, shape: Shape, stack: string[]): void {
  doc.write('{');
  doc.indent();
  doc.newLine();
  const all = members(shape);
  all.forEach(([name, member], index) => {
    if (isScalarType(member.type)) doc.write(`"${name}": ${jsonValueName(member)}`);
    else {
      doc.write(`"${name}": `);
      writeJsonExample(doc, member, stack);
    }
    if (index < all.length - 1) {
      doc.write(',');
      doc.newLine();
    }
  });
  doc.dedent();
  doc.newLine();
  doc.write('}');
}
