// jmespath.py 1.0.1's function table (functions.py): each function's signature, the arity and
// type checks run before the call (at search time, with Python's messages), and dispatch.
import * as builtins from './builtins.js';
import * as numeric from './builtins-number.js';
import { ArityError, JmespathTypeError, UnknownFunctionError, VariadicArityError } from './errors.js';
import type { JpValue } from './jp-value.js';
import { pyStr, pyTypeName } from '../values/py-repr.js';
import { jmespathTypeOf } from './py-types.js';

type ArgType = 'number' | 'string' | 'array' | 'object' | 'expref' | 'array-number' | 'array-string';

interface ArgSpec {
  /** Allowed JMESPath types; empty means any. */
  readonly types: readonly ArgType[];
  readonly variadic?: boolean;
}

interface FunctionSpec {
  readonly signature: readonly ArgSpec[];
  readonly call: (args: JpValue[]) => JpValue;
}

const ANY: ArgSpec = { types: [] };
const NUMBER: ArgSpec = { types: ['number'] };
const STRING: ArgSpec = { types: ['string'] };
const ARRAY: ArgSpec = { types: ['array'] };
const OBJECT: ArgSpec = { types: ['object'] };
const EXPREF: ArgSpec = { types: ['expref'] };
const NUMBERS: ArgSpec = { types: ['array-number'] };
const ARRAY_OR_STRING: ArgSpec = { types: ['array', 'string'] };

// a[i] of an argument list whose length the arity check has fixed.
const arg = (args: readonly JpValue[], i: number): JpValue => args[i] ?? null;

const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map<string, FunctionSpec>([
  ['abs', { signature: [NUMBER], call: (a) => numeric.abs(arg(a, 0)) }],
  ['avg', { signature: [NUMBERS], call: (a) => numeric.avg(builtins.asList(arg(a, 0))) }],
  ['not_null', { signature: [{ types: [], variadic: true }], call: (a) => builtins.notNull(a) }],
  ['to_array', { signature: [ANY], call: (a) => builtins.toArray(arg(a, 0)) }],
  ['to_string', { signature: [ANY], call: (a) => builtins.toStringBuiltin(arg(a, 0)) }],
  ['to_number', { signature: [ANY], call: (a) => numeric.toNumber(arg(a, 0)) }],
  ['contains', { signature: [ARRAY_OR_STRING, ANY], call: (a) => builtins.contains(arg(a, 0), arg(a, 1)) }],
  ['length', { signature: [{ types: ['string', 'array', 'object'] }], call: (a) => builtins.length(arg(a, 0)) }],
  ['ends_with', { signature: [STRING, STRING], call: (a) => builtins.endsWith(arg(a, 0), arg(a, 1)) }],
  ['starts_with', { signature: [STRING, STRING], call: (a) => builtins.startsWith(arg(a, 0), arg(a, 1)) }],
  ['reverse', { signature: [ARRAY_OR_STRING], call: (a) => builtins.reverse(arg(a, 0)) }],
  ['ceil', { signature: [NUMBER], call: (a) => numeric.ceil(arg(a, 0)) }],
  ['floor', { signature: [NUMBER], call: (a) => numeric.floor(arg(a, 0)) }],
  ['join', { signature: [STRING, { types: ['array-string'] }], call: (a) => builtins.join(arg(a, 0), arg(a, 1)) }],
  ['map', { signature: [EXPREF, ARRAY], call: (a) => builtins.map(arg(a, 0), arg(a, 1)) }],
  ['max', { signature: [{ types: ['array-number', 'array-string'] }], call: (a) => builtins.extreme(arg(a, 0), 'gt') }],
  ['merge', { signature: [{ types: ['object'], variadic: true }], call: (a) => builtins.merge(a) }],
  ['min', { signature: [{ types: ['array-number', 'array-string'] }], call: (a) => builtins.extreme(arg(a, 0), 'lt') }],
  ['sort', { signature: [{ types: ['array-string', 'array-number'] }], call: (a) => builtins.sort(arg(a, 0)) }],
  ['sum', { signature: [NUMBERS], call: (a) => numeric.sum(builtins.asList(arg(a, 0))) }],
  ['keys', { signature: [OBJECT], call: (a) => builtins.keys(arg(a, 0)) }],
  ['values', { signature: [OBJECT], call: (a) => builtins.values(arg(a, 0)) }],
  ['type', { signature: [ANY], call: (a) => builtins.type(arg(a, 0)) }],
  ['sort_by', { signature: [ARRAY, EXPREF], call: (a) => builtins.sortBy(arg(a, 0), arg(a, 1)) }],
  ['min_by', { signature: [ARRAY, EXPREF], call: (a) => builtins.extremeBy(arg(a, 0), arg(a, 1), 'lt') }],
  ['max_by', { signature: [ARRAY, EXPREF], call: (a) => builtins.extremeBy(arg(a, 0), arg(a, 1), 'gt') }],
]);

// functions.py REVERSE_TYPES_MAP: JMESPath type → Python type names.
const REVERSE_TYPES_MAP: Readonly<Record<string, readonly string[]>> = {
  boolean: ['bool'],
  array: ['list', '_Projection'],
  object: ['dict', 'OrderedDict'],
  null: ['NoneType'],
  string: ['unicode', 'str'],
  number: ['float', 'int', 'long'],
  expref: ['_Expression'],
};

/** functions.py `call_function`: look up, check arity and types, call. */
export function callFunction(name: string, args: JpValue[]): JpValue {
  const spec = FUNCTIONS.get(name);
  if (spec === undefined) throw new UnknownFunctionError(name);
  validateArguments(args, spec.signature, name);
  return spec.call(args);
}

function validateArguments(args: readonly JpValue[], signature: readonly ArgSpec[], name: string): void {
  if (signature.at(-1)?.variadic === true) {
    if (args.length < signature.length) throw new VariadicArityError(signature.length, args.length, name);
  } else if (args.length !== signature.length) {
    throw new ArityError(signature.length, args.length, name);
  }
  // Only the declared positions are checked: merge()'s extra arguments are not.
  signature.forEach((spec, i) => {
    if (spec.types.length > 0) typeCheckSingle(arg(args, i), spec.types, name);
  });
}

function typeCheckSingle(current: JpValue, types: readonly ArgType[], name: string): void {
  const allowedTypes: string[] = [];
  const allowedSubtypes: (readonly string[])[] = [];
  for (const type of types) {
    const [outer = type, subtype] = type.split('-', 2);
    if (subtype !== undefined) allowedSubtypes.push(REVERSE_TYPES_MAP[subtype] ?? []);
    allowedTypes.push(...(REVERSE_TYPES_MAP[outer] ?? []));
  }
  const actual = pyTypeName(current);
  if (!allowedTypes.includes(actual)) {
    throw new JmespathTypeError(name, pyStr(current), jmespathTypeOf(actual), types);
  }
  if (allowedSubtypes.length > 0 && Array.isArray(current)) subtypeCheck(current, allowedSubtypes, types, name);
}

// Element types of an array argument. The error reports the Python type name (`str`, `int`).
function subtypeCheck(current: readonly JpValue[], allowedSubtypes: readonly (readonly string[])[], types: readonly ArgType[], name: string): void {
  let allowed = allowedSubtypes[0] ?? [];
  if (allowedSubtypes.length > 1) {
    if (current.length === 0) return;
    // Dynamic: the first element's type picks which subtype all elements must have.
    const first = current[0] ?? null;
    const firstType = pyTypeName(first);
    const match = allowedSubtypes.find((subtypes) => subtypes.includes(firstType));
    if (match === undefined) throw new JmespathTypeError(name, pyStr(first), firstType, types);
    allowed = match;
  }
  for (const element of current) {
    const actual = pyTypeName(element);
    if (!allowed.includes(actual)) throw new JmespathTypeError(name, pyStr(element), actual, types);
  }
}
