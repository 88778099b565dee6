// A request body as JSON, with its nesting depth bounded before anything is built from it: one
// linear pass over the bytes counts `{` and `[` outside strings, and a body nested deeper than
// MAX_JSON_DEPTH is a SerializationException without being parsed. The deepest input of the
// model is 4 levels (StartSpeakerEnrollmentJob → EnrollmentConfig → FraudDetectionConfig →
// WatchlistIds), so 64 leaves room for any client while a hostile body can no longer hand the
// code after it (validation, cloning, JSON.stringify) a value thousands of levels deep.
import { serializationError } from './service-error.js';

/** The most containers (objects and arrays) a request body may nest. */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;

/** Whether `raw` nests containers deeper than `max`, counted outside strings. Linear, no allocation. */
export function nestsDeeperThan(raw: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i += 1) {
    const byte = raw[i] as number;
    if (inString) {
      if (byte === BACKSLASH) i += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      depth += 1;
      if (depth > max) return true;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) depth -= 1;
  }
  return false;
}

/** The body as a JSON object (empty: `{}`); a SerializationException when it is not one. */
export function parseJsonBody(raw: Buffer, maxDepth: number = MAX_JSON_DEPTH): Record<string, unknown> {
  if (nestsDeeperThan(raw, maxDepth)) throw serializationError(`The request body nests more than ${maxDepth} levels of objects and arrays.`);
  const text = raw.toString('utf8');
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw serializationError('The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw serializationError('The request body must be a JSON object.');
  return value as Record<string, unknown>;
}
