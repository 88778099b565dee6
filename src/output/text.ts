// --output text: awscli/text.py. Dicts print their scalar values on one tab-separated line
// (keys sorted; the identifier of a nested value upper-cased in front), lists of dicts share
// the union of scalar keys, scalars print as Python str(). Pure: value → string.
import { GeneralError } from '../errors.js';
import { PyDict, type PyValue } from '../values/py-value.js';
import { pyStr, pyTypePath } from '../values/py-repr.js';
import { compareCodePoints } from '../values/py-str.js';

export function formatText(value: PyValue): string {
  const out: string[] = [];
  emit(value, out, undefined, undefined);
  return out.join('');
}

const isContainer = (value: PyValue): boolean => value instanceof PyDict || Array.isArray(value);

function emit(item: PyValue, out: string[], identifier: string | undefined, scalarKeys: string[] | undefined): void {
  if (item instanceof PyDict) return emitDict(item, out, identifier, scalarKeys);
  if (Array.isArray(item)) return emitList(item, out, identifier);
  out.push(`${pyStr(item)}\n`);
}

function emitList(items: PyValue[], out: string[], identifier: string | undefined): void {
  if (items.length === 0) return;
  if (items.some((el) => el instanceof PyDict)) {
    const keys = allScalarKeys(items);
    for (const element of items) emit(element, out, identifier, keys);
  } else if (items.some(Array.isArray)) {
    const scalars = items.filter((el) => !isContainer(el));
    if (scalars.length > 0) emitScalarList(scalars, out, identifier);
    for (const nested of items.filter(isContainer)) emit(nested, out, identifier, undefined);
  } else {
    emitScalarList(items, out, identifier);
  }
}

function emitScalarList(items: PyValue[], out: string[], identifier: string | undefined): void {
  if (identifier !== undefined) {
    for (const item of items) out.push(`${identifier.toUpperCase()}\t${pyStr(item)}\n`);
  } else {
    out.push(`${items.map(pyStr).join('\t')}\n`);
  }
}

function emitDict(item: PyDict, out: string[], identifier: string | undefined, scalarKeys: string[] | undefined): void {
  const scalars: string[] = [];
  const nested: [string, PyValue][] = [];
  if (scalarKeys === undefined) {
    for (const key of [...item.keys()].sort(compareCodePoints)) {
      const value = item.get(key) as PyValue;
      if (isContainer(value)) nested.push([key, value]);
      else scalars.push(pyStr(value));
    }
  } else {
    for (const key of scalarKeys) scalars.push(item.has(key) ? pyStr(item.get(key) as PyValue) : '');
    const known = new Set(scalarKeys);
    for (const key of [...item.keys()].filter((k) => !known.has(k)).sort(compareCodePoints)) nested.push([key, item.get(key) as PyValue]);
  }
  if (scalars.length > 0) {
    if (identifier !== undefined) scalars.unshift(identifier.toUpperCase());
    out.push(`${scalars.join('\t')}\n`);
  }
  for (const [key, value] of nested) emit(value, out, key, undefined);
}

// AWS CLI quirk (text.py _all_scalar_keys): every element must be a dict, or it crashes.
function allScalarKeys(items: PyValue[]): string[] {
  const keys = new Set<string>();
  for (const element of items) {
    if (!(element instanceof PyDict)) {
      const type = pyTypePath(element);
      throw new GeneralError('PYTHON_CRASH', `'${type}' object has no attribute 'items'`);
    }
    for (const [key, value] of element) if (!isContainer(value)) keys.add(key);
  }
  return [...keys].sort(compareCodePoints);
}
