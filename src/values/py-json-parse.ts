// Python's json.loads(text) (CPython's C scanner, strict=True) into PyValues: exact ints, wrapped
// floats, NaN/Infinity, dicts that keep key order, and JSONDecodeError with Python's wording and
// positions (counted in code points). It does not model Python's recursion limit. No I/O.
import { surrogatepassUtf8Text } from './py-decode.js';
import { PyValueError, pyIntFromDecimal } from './py-int.js';
import { decodeUtf16, decodeUtf32 } from './py-utf-codecs.js';
import { PyDict, PyFloat, type PyValue } from './py-value.js';

/** Python's json.JSONDecodeError: `message` is `str(err)`; positions count code points. */
export class PyJsonDecodeError extends PyValueError {
  override readonly name: string = 'PyJsonDecodeError';

  constructor(
    readonly msg: string,
    readonly doc: string,
    readonly pos: number,
    readonly lineno: number,
    readonly colno: number,
  ) {
    super(`${msg}: line ${lineno} column ${colno} (char ${pos})`);
  }
}

export interface ParsePyJsonOptions {
  /** Build collections.OrderedDict (object_pairs_hook=OrderedDict), as the CLI does for parameters. */
  ordered?: boolean;
}

/**
 * Python `json.loads(text)`; throws PyJsonDecodeError, or PyValueError for ints over 4300 digits.
 * @example parsePyJson('{"a": 1.0, "a": 2}') // PyDict { a → 2n }
 */
export function parsePyJson(text: string, options: ParsePyJsonOptions = {}): PyValue {
  if (text.charCodeAt(0) === 0xfeff) {
    throw createDecodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)', text, 0);
  }
  const scanner = new JsonScanner(text, options.ordered ?? false);
  scanner.skipWhitespace();
  const value = scanner.value();
  scanner.skipWhitespace();
  if (scanner.pos !== text.length) throw createDecodeError('Extra data', text, scanner.pos);
  return value;
}

/**
 * Python `json.loads(bytes)`: the text of `json.detect_encoding` (a UTF-32/16/8 BOM, else the
 * zero bytes of the first four), decoded with 'surrogatepass', then parsePyJson. A decoding
 * failure is a UnicodeDecodeError, which is a ValueError: PyValueError here.
 * @example parsePyJsonBytes(new Uint8Array([0x7b, 0, 0x7d, 0])) // PyDict {} (UTF-16-LE)
 */
export function parsePyJsonBytes(bytes: Uint8Array, options: ParsePyJsonOptions = {}): PyValue {
  let text: string;
  try {
    text = decodeJsonBytes(bytes);
  } catch (error) {
    throw new PyValueError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  return parsePyJson(text, options);
}

function decodeJsonBytes(b: Uint8Array): string {
  const starts = (...prefix: number[]) => prefix.every((byte, i) => b[i] === byte);
  if (starts(0xff, 0xfe, 0, 0) || starts(0, 0, 0xfe, 0xff)) return decodeUtf32(b, undefined, 'surrogatepass');
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) return decodeUtf16(b, undefined, 'surrogatepass');
  if (starts(0xef, 0xbb, 0xbf)) return surrogatepassUtf8Text(b.subarray(3));
  if (b.length >= 4) {
    if (!b[0]) return b[1] ? decodeUtf16(b, 'be', 'surrogatepass') : decodeUtf32(b, 'be', 'surrogatepass');
    if (!b[1]) return b[2] || b[3] ? decodeUtf16(b, 'le', 'surrogatepass') : decodeUtf32(b, 'le', 'surrogatepass');
  } else if (b.length === 2) {
    if (!b[0]) return decodeUtf16(b, 'be', 'surrogatepass');
    if (!b[1]) return decodeUtf16(b, 'le', 'surrogatepass');
  }
  return surrogatepassUtf8Text(b);
}

/** A JSONDecodeError for a UTF-16 index into `text`, with Python's code-point positions. */
function createDecodeError(msg: string, text: string, index: number): PyJsonDecodeError {
  const pos = countCodePoints(text, 0, index);
  let lineno = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) lineno++;
  const lastNewline = index === 0 ? -1 : text.lastIndexOf('\n', index - 1);
  const colno = lastNewline === -1 ? pos + 1 : countCodePoints(text, lastNewline, index);
  return new PyJsonDecodeError(msg, text, pos, lineno, colno);
}

function countCodePoints(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const unit = text.charCodeAt(i);
    const isPair = unit >= 0xd800 && unit <= 0xdbff && i + 1 < to && isLowSurrogate(text.charCodeAt(i + 1));
    if (isPair) i++;
    count++;
  }
  return count;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/y;

/** The scanner's cursor: each method reads from `pos` and leaves `pos` after what it read. */
class JsonScanner {
  pos = 0;

  constructor(
    private readonly text: string,
    private readonly ordered: boolean,
  ) {}

  // Python's JSON whitespace is only space, tab, newline and carriage return.
  skipWhitespace(): void {
    const { text } = this;
    for (;;) {
      const c = text.charCodeAt(this.pos);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return;
      this.pos++;
    }
  }

  private fail(msg: string, index: number): never {
    throw createDecodeError(msg, this.text, index);
  }

  // value = string / object / array / "null" / "true" / "false" / "NaN" / "Infinity" / "-Infinity" / number
  value(): PyValue {
    const { text, pos } = this;
    switch (text[pos]) {
      case '"':
        this.pos++;
        return this.string();
      case '{':
        this.pos++;
        return this.object();
      case '[':
        this.pos++;
        return this.array();
    }
    for (const [word, value] of CONSTANTS) {
      if (text.startsWith(word, pos)) {
        this.pos += word.length;
        return value();
      }
    }
    return this.number();
  }

  // number = ["-"] int [frac] [exp]; a bad exponent or fraction is left for "Extra data"
  private number(): PyValue {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    // Python's scanner raises StopIteration here, which json.loads reports as "Expecting value".
    if (match === null) this.fail('Expecting value', this.pos);
    this.pos += match[0].length;
    if (match[1] !== undefined || match[2] !== undefined) return new PyFloat(Number(match[0]));
    return pyIntFromDecimal(match[0]);
  }

  // object = "{" [ string ":" value *( "," string ":" value ) ] "}"
  private object(): PyDict {
    const { text } = this;
    const dict = new PyDict([], this.ordered);
    this.skipWhitespace();
    if (text[this.pos] === '}') {
      this.pos++;
      return dict;
    }
    for (;;) {
      if (text[this.pos] !== '"') this.fail('Expecting property name enclosed in double quotes', this.pos);
      this.pos++;
      const key = this.string();
      this.skipWhitespace();
      if (text[this.pos] !== ':') this.fail("Expecting ':' delimiter", this.pos);
      this.pos++;
      this.skipWhitespace();
      // A repeated key keeps its first position and takes the last value, as a dict does.
      dict.set(key, this.value());
      this.skipWhitespace();
      if (text[this.pos] === '}') break;
      if (text[this.pos] !== ',') this.fail("Expecting ',' delimiter", this.pos);
      this.pos++;
      this.skipWhitespace();
    }
    this.pos++;
    return dict;
  }

  // array = "[" [ value *( "," value ) ] "]"
  private array(): PyValue[] {
    const { text } = this;
    const items: PyValue[] = [];
    this.skipWhitespace();
    if (text[this.pos] === ']') {
      this.pos++;
      return items;
    }
    for (;;) {
      items.push(this.value());
      this.skipWhitespace();
      if (text[this.pos] === ']') break;
      if (text[this.pos] !== ',') this.fail("Expecting ',' delimiter", this.pos);
      this.pos++;
      this.skipWhitespace();
    }
    this.pos++;
    return items;
  }

  // string = '"' *( char / escape ) '"', with `pos` just after the opening quote
  private string(): string {
    const { text } = this;
    const begin = this.pos - 1;
    let out = '';
    for (;;) {
      let next = this.pos;
      for (; next < text.length; next++) {
        const c = text.charCodeAt(next);
        if (c === 0x22 || c === 0x5c) break;
        if (c <= 0x1f) this.fail('Invalid control character at', next);
      }
      if (next >= text.length) this.fail('Unterminated string starting at', begin);
      out += text.slice(this.pos, next);
      if (text[next] === '"') {
        this.pos = next + 1;
        return out;
      }
      if (next + 1 === text.length) this.fail('Unterminated string starting at', begin);
      out += this.escape(next);
    }
  }

  // escape = "\" ( one of "\/bfnrt ) / "\u" 4hex [ "\u" 4hex ], with `backslash` at the "\"
  private escape(backslash: number): string {
    const { text } = this;
    const letter = text[backslash + 1] ?? '';
    if (letter !== 'u') {
      const simple = SIMPLE_ESCAPES[letter];
      if (simple === undefined) this.fail('Invalid \\escape', backslash);
      this.pos = backslash + 2;
      return simple;
    }
    const digits = backslash + 2;
    let end = digits + 4;
    // Python quirk (_json.c): it wants a character after the 4 digits, so `"\u0041` at the very
    // end of the text is an invalid \uXXXX escape, not an unterminated string.
    if (end >= text.length) this.fail('Invalid \\uXXXX escape', backslash + 1);
    const high = this.hex4(digits, end);
    let unit = String.fromCharCode(high);
    const isHigh = high >= 0xd800 && high <= 0xdbff;
    if (isHigh && end + 6 < text.length && text[end] === '\\' && text[end + 1] === 'u') {
      const low = this.hex4(end + 2, end + 6);
      if (isLowSurrogate(low)) {
        unit += String.fromCharCode(low);
        end += 6;
      }
    }
    this.pos = end;
    return unit;
  }

  // Four hex digits at [from, end); a bad one is reported at the "u" before them.
  private hex4(from: number, end: number): number {
    const digits = this.text.slice(from, end);
    if (!/^[0-9a-fA-F]{4}$/.test(digits)) this.fail('Invalid \\uXXXX escape', from - 1);
    return parseInt(digits, 16);
  }
}

const CONSTANTS: ReadonlyArray<readonly [string, () => PyValue]> = [
  ['null', () => null],
  ['true', () => true],
  ['false', () => false],
  ['NaN', () => new PyFloat(NaN)],
  ['Infinity', () => new PyFloat(Infinity)],
  ['-Infinity', () => new PyFloat(-Infinity)],
];
