// A list member's option (`--tag-keys a b`, `--tags Key=a,Value=b Key=c,Value=d`): its values →
// the list, as awscli does it: the paramfile handler (one value only), then shorthand for lists of
// structures, lists and maps, then _unpack_complex_cli_arg's list branch (JSON when it starts
// with `[`, else each value by the member's shape).
import type { Io } from '../io.js';
import { GeneralError } from '../errors.js';
import type { Generation } from '../model/generation.js';
import { elementShape, isScalarType, type Shape } from '../model/shapes.js';
import { PyBytes, type PyValue } from '../values/py-value.js';
import { PyValueError } from '../values/py-int.js';
import { pyLstrip, pyStrip } from '../values/py-str.js';
import { isParamfile, loadParamfile, ParamfileError } from './paramfile.js';
import { paramError, unpackJson, unpackScalar, unpackShorthand } from './unpack.js';

/** The value of list option `cliName` given `values` on the command line, for a member of list shape `shape`. */
export async function unpackListOption(cliName: string, values: readonly string[], shape: Shape, generation: Generation, io: Io): Promise<PyValue> {
  const member = elementShape(shape, 'member');
  if (!member) throw new Error(`list shape ${shape.name} has no member`);
  let value: string | PyBytes | readonly string[] = values;
  // awscli's paramfile handler: a single value may name a file, whose contents replace the list.
  const single = values.length === 1 ? (values[0] as string) : undefined;
  if (single !== undefined && isParamfile(single)) {
    try {
      value = await loadParamfile(single, io);
    } catch (error) {
      if (error instanceof ParamfileError) throw paramError(cliName, error.message, error);
      throw error;
    }
  }
  if (!isScalarType(member.type) && !looksLikeJson(value)) return unpackShorthand(cliName, value, shape, generation, io);
  return unpackComplexList(cliName, value, shape, member);
}

// ParamShorthandParser._should_parse_as_shorthand: the (first) value starts with `[` or `{`.
function looksLikeJson(value: string | PyBytes | readonly string[]): boolean {
  const check = Array.isArray(value) ? value[0] : value;
  if (typeof check !== 'string') return false;
  const stripped = pyStrip(check);
  return stripped.startsWith('[') || stripped.startsWith('{');
}

// awscli _unpack_complex_cli_arg, the list branch.
function unpackComplexList(cliName: string, value: string | PyBytes | readonly string[], shape: Shape, member: Shape): PyValue {
  if (typeof value === 'string') {
    const stripped = pyLstrip(value);
    if (stripped === '') throw new GeneralError('PYTHON_CRASH', 'string index out of range');
    if (stripped.startsWith('[')) return unpackJson(cliName, value, shape);
  } else if (Array.isArray(value) && value.length === 1 && pyStrip(value[0] as string).startsWith('[')) {
    return unpackJson(cliName, value[0] as string, shape);
  }
  // AWS CLI quirk: a file's text is iterated character by character, its bytes as ints.
  const items: (string | bigint)[] =
    typeof value === 'string' ? [...value] : value instanceof PyBytes ? [...value.bytes].map((byte) => BigInt(byte)) : [...(value as readonly string[])];
  try {
    return items.map((item) => unpackItem(cliName, item, member));
  } catch (error) {
    if (error instanceof PyValueError) throw paramError(cliName, String(items[0]), error);
    throw error;
  }
}

// awscli _unpack_cli_arg for one value of the list.
function unpackItem(cliName: string, item: string | bigint, member: Shape): PyValue {
  if (typeof item !== 'string') {
    if (isScalarType(member.type)) return item;
    throw new GeneralError('PYTHON_CRASH', "'int' object has no attribute 'lstrip'");
  }
  if (isScalarType(member.type)) return unpackScalar(item, member);
  if (pyLstrip(item) === '') throw new GeneralError('PYTHON_CRASH', 'string index out of range');
  return unpackJson(cliName, item, member);
}
