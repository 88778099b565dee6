// One option's raw string → its value, as awscli's unpack_argument does it: paramfile first,
// then for structures JSON (when it starts with `{` or `[`) or shorthand, converted to the
// model's types. Strings are never parsed. Errors carry the reference's wording.
import type { Io } from '../io.js';
import { GeneralError, ParamError } from '../errors.js';
import type { Generation } from '../model/generation.js';
import { isScalarType, type Shape } from '../model/shapes.js';
import { PyBytes, type PyValue } from '../values/py-value.js';
import { parsePyJson } from '../values/py-json-parse.js';
import { PyValueError } from '../values/py-int.js';
import { loadParamfile, ParamfileError } from './paramfile.js';
import { parseShorthandWithFiles } from './shorthand-paramfiles.js';
import { ShorthandParseError } from './shorthand-errors.js';
import { coerceShorthand } from './shorthand-coerce.js';
import { parsePyInt, parsePyFloat } from '../values/py-number.js';
import { pyLstrip, pyStrip } from '../values/py-str.js';

/** The value of option `cliName` (e.g. `--enrollment-config`) for a member of shape `shape`, as `generation`'s awscli unpacks it. */
export async function unpackOption(cliName: string, raw: string, shape: Shape, generation: Generation, io: Io): Promise<PyValue> {
  let value: string | PyBytes;
  try {
    value = await loadParamfile(raw, io);
  } catch (error) {
    if (error instanceof ParamfileError) throw paramError(cliName, error.message, error);
    throw error;
  }
  if (isScalarType(shape.type)) return unpackScalar(value, shape);
  return unpackComplex(cliName, value, shape, generation, io);
}

// awscli unpack_scalar_cli_arg.
export function unpackScalar(value: string | PyBytes, shape: Shape): PyValue {
  if (value instanceof PyBytes || shape.type === 'string' || shape.type === 'blob' || shape.type === 'timestamp') return value;
  switch (shape.type) {
    case 'integer':
    case 'long':
      return parsePyInt(value);
    case 'float':
    case 'double':
      return parsePyFloat(value);
    case 'boolean':
      // AWS CLI quirk: any string but "true" (any case) is False.
      return value.toLowerCase() === 'true';
    default:
      return value;
  }
}

async function unpackComplex(cliName: string, value: string | PyBytes, shape: Shape, generation: Generation, io: Io): Promise<PyValue> {
  const stripped = value instanceof PyBytes ? '' : pyStrip(value);
  if (stripped.startsWith('{') || stripped.startsWith('[')) return unpackJson(cliName, value as string, shape);
  return unpackShorthand(cliName, value, shape, generation, io);
}

/**
 * awscli ParamShorthandParser: the value (or each value of a list option's, in order) parsed,
 * then the whole converted to `shape`'s types.
 */
export async function unpackShorthand(
  cliName: string,
  value: string | PyBytes | readonly string[],
  shape: Shape,
  generation: Generation,
  io: Io,
): Promise<PyValue> {
  if (value instanceof PyBytes) {
    // AWS CLI quirk: bytes reach the shorthand parser and crash it.
    throw new GeneralError('PYTHON_CRASH', "'in <string>' requires string as left operand, not int");
  }
  try {
    let parsed: PyValue;
    if (typeof value === 'string') parsed = await parseShorthandWithFiles(value, generation, io);
    else {
      const items: PyValue[] = [];
      for (const item of value) items.push(await parseShorthandWithFiles(item, generation, io));
      parsed = items;
    }
    return coerceShorthand(parsed, shape);
  } catch (error) {
    if (error instanceof ShorthandParseError) throw paramError(cliName, error.message, error);
    // AWS CLI quirk (2.36.7): a `key@=` file that cannot be read raises ResourceLoadingError, which
    // the shorthand handler does not catch: it ends as a general error (exit 255), without the option's name.
    if (error instanceof ParamfileError) throw new GeneralError('PARAMFILE_UNREADABLE', error.message, { cause: error });
    throw error;
  }
}

// awscli _unpack_complex_cli_arg: JSON for structures and maps, no type conversion.
export function unpackJson(cliName: string, value: string, shape: Shape): PyValue {
  const startsObject = pyLstrip(value).startsWith('{');
  if ((shape.type === 'structure' || shape.type === 'map') && !startsObject) {
    throw paramError(cliName, `Invalid JSON:\n${value}`);
  }
  try {
    return parsePyJson(value, { ordered: true });
  } catch (error) {
    if (error instanceof PyValueError) {
      throw paramError(cliName, `Invalid JSON: ${error.message}\nJSON received: ${value}`, error);
    }
    throw error;
  }
}

export function paramError(cliName: string, detail: string, cause?: unknown): ParamError {
  const code = cause instanceof ShorthandParseError ? 'SHORTHAND_SYNTAX' : cause instanceof ParamfileError ? 'PARAMFILE_UNREADABLE' : 'INVALID_JSON';
  return new ParamError(code, `Error parsing parameter '${cliName}': ${detail}`, { cause });
}
