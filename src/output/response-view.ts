// The wire response body → what the formatters print, as botocore's parser builds it: only
// modeled members, in model order, nulls dropped, timestamps formatted. Pure.
import { GeneralError } from '../errors.js';
import { elementShape, members, type Shape } from '../model/shapes.js';
import { PyDict, type PyValue } from '../values/py-value.js';
import { parsePyJson, PyJsonDecodeError } from '../values/py-json-parse.js';
import { pyTypePath } from '../values/py-repr.js';
import type { TimestampFormat } from '../config/session-checks.js';
import { formatTimestamp, type TimestampClock, type Zone } from './timestamp.js';

export interface ViewOptions {
  readonly timestampFormat: TimestampFormat;
  readonly timeZone: Zone;
  /** The time now and the sink for Python warnings of the timestamp parser. */
  readonly clock?: TimestampClock;
}

/** Parses the body text and projects it on `shape`. */
export function responseView(bodyText: string, shape: Shape, options: ViewOptions): PyValue {
  if (bodyText.trim() === '') return new PyDict();
  let body: PyValue;
  try {
    body = parsePyJson(bodyText);
  } catch (error) {
    if (error instanceof PyJsonDecodeError) {
      // The reference prints nothing and exits 0 here; a CI step deserves to know.
      throw new GeneralError('BAD_RESPONSE', `The service returned a response body that is not valid JSON: ${error.message}`, { cause: error });
    }
    throw error;
  }
  // AWS CLI quirk (botocore parsers): a top-level null fails on setdefault, not get.
  if (body === null) throw new GeneralError('PYTHON_CRASH', "'NoneType' object has no attribute 'setdefault'");
  return project(body, shape, options);
}

function project(value: PyValue, shape: Shape, options: ViewOptions): PyValue {
  switch (shape.type) {
    case 'structure':
      return projectStructure(value, shape, options);
    case 'list': {
      const item = elementShape(shape, 'member');
      if (!Array.isArray(value) || !item) return value;
      return value.map((element) => project(element, item, options));
    }
    case 'map': {
      const item = elementShape(shape, 'value');
      if (!(value instanceof PyDict) || !item) return value;
      return new PyDict([...value].map(([k, v]) => [k, project(v, item, options)] as const));
    }
    case 'timestamp':
      return formatTimestamp(value, options.timestampFormat, options.timeZone, options.clock);
    default:
      return value;
  }
}

function projectStructure(value: PyValue, shape: Shape, options: ViewOptions): PyDict {
  if (!(value instanceof PyDict)) {
    // AWS CLI quirk (botocore parsers): a non-object where a structure belongs crashes like this.
    const type = pyTypePath(value);
    throw new GeneralError('PYTHON_CRASH', `'${type}' object has no attribute 'get'`);
  }
  const out = new PyDict();
  for (const [name, sub] of members(shape)) {
    const member = value.get(name);
    if (member !== undefined && member !== null) out.set(name, project(member, sub, options));
  }
  return out;
}
