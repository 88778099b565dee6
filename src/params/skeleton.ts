// --generate-cli-skeleton: sample input (and output) values built from the model's shapes, as
// awscli's ArgumentGenerator('skeleton') builds them. Pure.
import { elementShape, members, type Shape } from '../model/shapes.js';
import { PyDateTime, PyDict, PyFloat, PyBytes, type PyValue } from '../values/py-value.js';

export interface SkeletonOptions {
  /** botocore ArgumentGenerator(use_member_names=True): strings hold their member's name (output skeletons). */
  readonly memberNames?: boolean;
}

/** The skeleton value of `shape`: '' (or the first enum value), 0, 0.0, true, one-element lists. */
export function skeletonValue(shape: Shape, options: SkeletonOptions = {}, stack: readonly string[] = [], memberName = ''): PyValue {
  // botocore: recursion stops with {} once a shape re-enters itself more than once.
  if (stack.filter((name) => name === shape.name).length > 1) return new PyDict();
  const inner = [...stack, shape.name];
  switch (shape.type) {
    case 'structure':
      return new PyDict(members(shape).map(([name, sub]) => [name, skeletonValue(sub, options, inner, name)] as const));
    case 'list': {
      // botocore: a list's one element is named after its shape (`WatchlistId`), not the member.
      const item = elementShape(shape, 'member');
      return item ? [skeletonValue(item, options, inner, item.name)] : [];
    }
    case 'map': {
      const value = elementShape(shape, 'value');
      return new PyDict(value ? [['KeyName', skeletonValue(value, options, inner, memberName)]] : []);
    }
    case 'string':
      if (options.memberNames) return memberName;
      return shape.enum?.[0] ?? '';
    case 'integer':
    case 'long':
      return 0n;
    case 'float':
    case 'double':
      return new PyFloat(0);
    case 'boolean':
      return true;
    case 'timestamp':
      // A naive datetime: JSON prints its isoformat(), the other formats its str().
      return new PyDateTime('datetime', '1970-01-01 00:00:00');
    case 'blob':
      return new PyBytes(new Uint8Array());
  }
}
