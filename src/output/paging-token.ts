// botocore's pagination tokens (paginate.py TokenEncoder/TokenDecoder and the starting-token
// parsers of PageIterator): base64 of json.dumps of the next token dict, with
// `boto_truncate_amount` where a page was cut; the old `token___index` form; anything else is
// the service's own token. Pure.
import { GeneralError } from '../errors.js';
import { dumpPyJson } from '../values/py-json-dump.js';
import { parsePyJson } from '../values/py-json-parse.js';
import { pyInt } from '../values/py-number.js';
import { pyRepr, pyTypeName } from '../values/py-repr.js';
import { PyDict, type PyValue } from '../values/py-value.js';

export const TRUNCATE_AMOUNT = 'boto_truncate_amount';

/** TokenEncoder.encode: base64 of the ASCII JSON. */
export function encodeToken(token: PyDict): string {
  return Buffer.from(dumpPyJson(token, { ensureAscii: true }), 'utf8').toString('base64');
}

/** _parse_starting_token: the next token (input token → value) and the index into the first page. */
export function parseStartingToken(startingToken: string, inputTokens: readonly string[]): { token: PyDict; index: PyValue } {
  const decoded = decodeToken(startingToken);
  if (decoded === undefined) return parseDeprecated(startingToken, inputTokens);
  if (!(decoded instanceof PyDict)) {
    // A list's pop() takes no default (TypeError, caught); any other value has no pop at all.
    if (Array.isArray(decoded)) return parseDeprecated(startingToken, inputTokens);
    throw new GeneralError('PYTHON_CRASH', `'${pyTypeName(decoded)}' object has no attribute 'pop'`);
  }
  decoded.delete('boto_encoded_keys');
  let index: PyValue = 0n;
  if (decoded.has(TRUNCATE_AMOUNT)) {
    index = decoded.get(TRUNCATE_AMOUNT) ?? null;
    decoded.delete(TRUNCATE_AMOUNT);
  }
  return { token: decoded, index };
}

// TokenDecoder.decode up to json.loads; undefined where it raises ValueError.
function decodeToken(text: string): PyValue | undefined {
  const bytes = b64decode(new TextEncoder().encode(text));
  if (!bytes) return undefined;
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  try {
    return parsePyJson(json);
  } catch {
    return undefined;
  }
}

// _parse_starting_token_deprecated and _convert_deprecated_starting_token.
function parseDeprecated(startingToken: string, inputTokens: readonly string[]): { token: PyDict; index: PyValue } {
  let parts = startingToken.split('___');
  let index = 0n;
  if (parts.length === inputTokens.length + 1) {
    try {
      index = pyInt(parts.at(-1) as string);
      parts = parts.slice(0, -1);
    } catch {
      parts = [startingToken];
    }
  }
  if (parts.length > inputTokens.length) throw new GeneralError('PYTHON_CRASH', `Bad starting token: ${startingToken}`);
  const values: (string | null)[] = parts.map((part) => (part === 'None' ? null : part));
  return { token: new PyDict(inputTokens.map((name, i) => [name, values[i] ?? null])), index };
}

/** The resume_token setter's check: exactly the input tokens (and the truncate amount, if any). */
export function checkResumeToken(token: PyDict, inputTokens: readonly string[]): void {
  const expected = [...inputTokens, ...(token.has(TRUNCATE_AMOUNT) ? [TRUNCATE_AMOUNT] : [])].sort();
  const keys = [...token.keys()].sort();
  if (expected.length !== keys.length || expected.some((key, i) => key !== keys[i])) {
    throw new GeneralError('PYTHON_CRASH', `Bad starting token: ${pyRepr(token)}`);
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const PAD = 0x3d;

// binascii.a2b_base64 without strict mode: other bytes are skipped, a complete pad ends the
// input; undefined for what raises binascii.Error (a bad length or padding).
function b64decode(data: Uint8Array): Uint8Array | undefined {
  const out: number[] = [];
  let quad = 0;
  let left = 0;
  let pads = 0;
  for (const byte of data) {
    if (byte === PAD) {
      // CPython counts a pad only once two data characters of the quad are in.
      if (quad >= 2 && quad + ++pads >= 4) return Uint8Array.from(out);
      continue;
    }
    const value = ALPHABET.indexOf(String.fromCharCode(byte));
    if (value < 0 || byte >= 0x80) continue;
    pads = 0;
    if (quad === 1) out.push(((left << 2) | (value >> 4)) & 0xff);
    else if (quad === 2) out.push(((left << 4) | (value >> 2)) & 0xff);
    else if (quad === 3) out.push(((left << 6) | value) & 0xff);
    left = quad === 1 ? value & 0x0f : quad === 2 ? value & 0x03 : value;
    quad = (quad + 1) % 4;
  }
  return quad === 0 ? Uint8Array.from(out) : undefined;
}
