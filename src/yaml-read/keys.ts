// Python dict keys for the YAML constructor: hash-equality (True == 1 == 1.0, NaN only equal to
// itself, tuples element-wise), unhashable types, and the text a key gets in a PyDict: str(key).
import { pyRepr, pyStr } from '../values/py-repr.js';
import { PyBytes, PyDict, PyFloat, PyObject, type PyValue } from '../values/py-value.js';
import { pythonCrash } from './errors.js';

/** What the constructor knows about the containers it built, beyond their PyValue shape. */
export class PyObjectKinds {
  /** Arrays that stand for Python tuples (list keys, !!pairs items); other arrays are lists. */
  readonly tuples = new WeakSet<PyValue[]>();
  /** PyDicts that stand for Python sets (!!set). */
  readonly sets = new WeakSet<PyDict>();
  // Keys that equal only themselves (NaN, objects outside the model): one id per object.
  private readonly identityIds = new WeakMap<object, number>();
  private identityCount = 0;

  tuple(items: PyValue[]): PyValue[] {
    const copy = [...items];
    this.tuples.add(copy);
    return copy;
  }

  /** Python's type name in "unhashable type: '...'" (ruamel's omap class is `ordereddict`). */
  typeName(value: PyValue[] | PyDict): string {
    if (Array.isArray(value)) return this.tuples.has(value) ? 'tuple' : 'list';
    if (this.sets.has(value)) return 'set';
    return value.ordered ? 'ordereddict' : 'dict';
  }

  /** isinstance(key, Hashable): everything but lists, dicts, sets and ordered dicts. */
  isHashable(value: PyValue): boolean {
    if (value instanceof PyDict) return false;
    return !Array.isArray(value) || this.tuples.has(value);
  }

  /**
   * A string equal for two keys exactly when Python finds them equal; hashing an unhashable
   * value (or a tuple holding one) is Python's TypeError.
   */
  keyId(value: PyValue): string {
    if (value === null) return 'none';
    if (typeof value === 'boolean') return value ? 'n:1' : 'n:0';
    if (typeof value === 'bigint') return `n:${value}`;
    if (typeof value === 'string') return `s:${value}`;
    if (value instanceof PyFloat) return this.floatId(value);
    if (value instanceof PyDict || Array.isArray(value)) {
      if (value instanceof PyDict || !this.tuples.has(value)) throw pythonCrash(`unhashable type: '${this.typeName(value)}'`);
      return `t:${JSON.stringify(value.map((item) => this.keyId(item)))}`;
    }
    if (value instanceof PyBytes) return `b:${Buffer.from(value.bytes).toString('hex')}`;
    if (value instanceof PyObject) return `o:${this.identityId(value)}`;
    // datetime.date never equals a datetime.datetime, even at midnight.
    return `${value.kind}:${value.text}`;
  }

  private floatId(value: PyFloat): string {
    const n = value.value;
    if (Number.isNaN(n)) {
      // NaN != NaN, but a dict finds the very same object again (ruamel reuses one for `.nan`).
      return `nan:${this.identityId(value)}`;
    }
    if (Number.isInteger(n)) return `n:${BigInt(n)}`;
    return `f:${n}`;
  }

  private identityId(value: object): number {
    let id = this.identityIds.get(value);
    if (id === undefined) {
      id = this.identityCount++;
      this.identityIds.set(value, id);
    }
    return id;
  }

  /**
   * The PyDict key for a Python key: the str itself, else str(key).
   * This clone's convention: 1 and '1' both become "1" (the later value wins, in the first place).
   */
  keyText(value: PyValue): string {
    if (Array.isArray(value)) return this.tupleRepr(value);
    return pyStr(value);
  }

  private tupleRepr(items: PyValue[]): string {
    const parts = items.map((item) => (Array.isArray(item) && this.tuples.has(item) ? this.tupleRepr(item) : pyRepr(item)));
    return `(${parts.join(', ')}${parts.length === 1 ? ',' : ''})`;
  }
}
