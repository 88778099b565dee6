// The value model of parameters and responses: values as Python (botocore) holds them, so that
// ints stay exact, floats stay floats (1.0 is not 1), key order is kept and Python's repr and
// str can be reproduced. No I/O.

/** A Python float. Ints are bigint; a float is always wrapped, so `1.0` survives a round trip. */
export class PyFloat {
  constructor(readonly value: number) {}
}

/** Python bytes (from fileb://). */
export class PyBytes {
  constructor(readonly bytes: Uint8Array) {}
}

/** A YAML date or datetime (ruamel gives datetime.date / datetime.datetime). */
export class PyDateTime {
  constructor(
    readonly kind: 'date' | 'datetime',
    /** Python str() of the value, e.g. `2023-01-01` or `2023-01-01 10:00:00`. */
    readonly text: string,
  ) {}
}

/**
 * An instance of a Python class outside this model, such as jmespath's _Expression (what a query's
 * `&expr` evaluates to). Python knows only its class: repr() and str() are
 * `<module.Name object at 0x…>` (py-repr.ts), it is true, iterable by no one, and neither
 * json nor YAML can write it; each formatter does with it what Python does with such an object.
 */
export class PyObject {
  constructor(
    /** The class's module, e.g. `jmespath.visitor`. */
    readonly module: string,
    /** The class's name (its `__name__`, which is also the tp_name error messages print). */
    readonly name: string,
  ) {}
}

/**
 * A Python dict with insertion order. `ordered` marks a collections.OrderedDict (what the
 * CLI's JSON parameter parser builds), which prints differently in validation messages.
 */
export class PyDict extends Map<string, PyValue> {
  constructor(
    entries?: Iterable<readonly [string, PyValue]>,
    readonly ordered = false,
  ) {
    super(entries);
  }
}

// The PyDicts built from a Python dict with a key that is no str (kept under str(key): a YAML
// input's `1:`, `true:`, `null:`, `? [a, b]`), which Python cannot pass as **keywords.
const NON_STR_KEYED = new WeakSet<PyDict>();

/** Marks `dict` as holding a key that was no str in Python. */
export function markNonStrKey(dict: PyDict): void {
  NON_STR_KEYED.add(dict);
}

/** Whether `dict` holds a key that was no str in Python. */
export function hasNonStrKey(dict: PyDict): boolean {
  return NON_STR_KEYED.has(dict);
}

export type PyValue = null | boolean | bigint | PyFloat | string | PyValue[] | PyDict | PyBytes | PyDateTime | PyObject;

/** True for values that are not containers (dict or list). */
export function isPyScalar(value: PyValue): boolean {
  return !(value instanceof PyDict) && !Array.isArray(value);
}

/** True for a value of the model above (lists and dicts all the way down). */
export function isPyValue(value: unknown): value is PyValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'bigint') return true;
  if (value instanceof PyFloat || value instanceof PyBytes || value instanceof PyDateTime || value instanceof PyObject) return true;
  if (Array.isArray(value)) return value.every(isPyValue);
  return value instanceof PyDict && [...value.values()].every(isPyValue);
}
