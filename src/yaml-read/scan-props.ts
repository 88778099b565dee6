// Port of ruamel.yaml 0.17.21's scanners for directives (%YAML, %TAG), anchors and aliases
// (&a, *a) and tags (!, !!int, !e!x, !<uri>), with the URI %-escapes decoded as UTF-8.
import { PyValueError, pyIntFromDecimal } from '../values/py-int.js';
import { strictUtf8Text } from '../values/py-decode.js';
import { pythonCrash, yamlError } from './errors.js';
import { scanLineBreak, type YamlReader } from './reader.js';
import { isAfterVersion11, isOneOf, THE_END, THE_END_SPACE_TAB, type Token, type YamlVersion } from './tokens.js';

const END_NO_TAB = '\0 \r\n\x85\u2028\u2029';
const URI_PUNCTUATION = "-;/?:@&=+$,_.!~*'()[]%";
const HEX = '0123456789ABCDEFabcdef';

function isAsciiAlnum(ch: string): boolean {
  return /^[0-9A-Za-z]$/.test(ch);
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9' && ch.length === 1;
}

// directive = "%" name (" " value)? ignored_line; `setVersion` runs as soon as %YAML is read.
export function scanDirective(reader: YamlReader, version: YamlVersion, setVersion: (version: YamlVersion) => void): Token {
  reader.forward();
  const name = scanDirectiveName(reader);
  let token: Token;
  if (name === 'YAML') {
    const yamlVersion = scanYamlDirectiveValue(reader);
    setVersion(yamlVersion);
    token = { kind: 'DIRECTIVE', name, version: yamlVersion };
  } else if (name === 'TAG') {
    token = { kind: 'DIRECTIVE', name, tagHandle: scanTagDirectiveValue(reader, version) };
  } else {
    while (!isOneOf(reader.peek(), THE_END)) reader.forward();
    token = { kind: 'DIRECTIVE', name };
  }
  while (reader.peek() === ' ') reader.forward();
  if (reader.peek() === '#') while (!isOneOf(reader.peek(), THE_END)) reader.forward();
  if (!isOneOf(reader.peek(), THE_END)) throw yamlError('while scanning a directive: expected a comment or a line break');
  scanLineBreak(reader);
  return token;
}

function scanDirectiveName(reader: YamlReader): string {
  let length = 0;
  while (isAsciiAlnum(reader.peek(length)) || isOneOf(reader.peek(length), '-_:.')) length++;
  if (length === 0) throw yamlError('while scanning a directive: expected alphabetic or numeric character');
  const name = reader.prefix(length);
  reader.forward(length);
  if (!isOneOf(reader.peek(), END_NO_TAB)) throw yamlError('while scanning a directive: expected alphabetic or numeric character');
  return name;
}

function scanYamlDirectiveValue(reader: YamlReader): YamlVersion {
  while (reader.peek() === ' ') reader.forward();
  const major = scanYamlDirectiveNumber(reader);
  if (reader.peek() !== '.') throw yamlError("while scanning a directive: expected a digit or '.'");
  reader.forward();
  const minor = scanYamlDirectiveNumber(reader);
  if (!isOneOf(reader.peek(), END_NO_TAB)) throw yamlError("while scanning a directive: expected a digit or '.'");
  return [major, minor];
}

function scanYamlDirectiveNumber(reader: YamlReader): bigint {
  if (!isDigit(reader.peek())) throw yamlError('while scanning a directive: expected a digit');
  let length = 0;
  while (isDigit(reader.peek(length))) length++;
  const digits = reader.prefix(length);
  reader.forward(length);
  try {
    // Python's int() of the digits, with its 4300-digit limit.
    return pyIntFromDecimal(digits);
  } catch (error) {
    if (error instanceof PyValueError) throw pythonCrash(error.message);
    throw error;
  }
}

function scanTagDirectiveValue(reader: YamlReader, version: YamlVersion): readonly [string, string] {
  while (reader.peek() === ' ') reader.forward();
  const handle = scanTagHandle(reader);
  if (reader.peek() !== ' ') throw yamlError("while scanning a directive: expected ' '");
  while (reader.peek() === ' ') reader.forward();
  const prefix = scanTagUri(reader, version);
  if (!isOneOf(reader.peek(), END_NO_TAB)) throw yamlError("while scanning a directive: expected ' '");
  return [handle, prefix];
}

// anchor = ("&" | "*") name, where the name is printable non-space text without ",[]{}".
export function scanAnchor(reader: YamlReader, kind: 'ALIAS' | 'ANCHOR'): Token {
  const mark = kind === 'ANCHOR' ? reader.mark() : null;
  reader.forward();
  let length = 0;
  while (isAnchorChar(reader.peek(length))) length++;
  if (length === 0) throw yamlError('while scanning an anchor: expected alphabetic or numeric character');
  const ch = reader.peek(length);
  const value = reader.prefix(length);
  reader.forward(length);
  if (!isOneOf(ch, '\0 \t\r\n\x85\u2028\u2029?:,[]{}%@`')) throw yamlError('while scanning an anchor: expected alphabetic or numeric character');
  return mark === null ? { kind: 'ALIAS', value } : { kind: 'ANCHOR', value, mark };
}

/** compat.check_anchorname_char: check_namespace_char without the flow indicators. */
function isAnchorChar(ch: string): boolean {
  if (isOneOf(ch, ',[]{}')) return false;
  const code = ch.codePointAt(0) ?? 0;
  return (code >= 0x21 && code <= 0x7e) || (code >= 0xa0 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff) || code >= 0x10000;
}

// tag = "!<" uri ">" | "!" (followed by a space) | handle suffix | "!" suffix
export function scanTag(reader: YamlReader, version: YamlVersion): Token {
  const mark = reader.mark();
  let ch = reader.peek(1);
  let handle: string | null;
  let suffix: string;
  if (ch === '<') {
    handle = null;
    reader.forward(2);
    suffix = scanTagUri(reader, version);
    if (reader.peek() !== '>') throw yamlError("while parsing a tag: expected '>'");
    reader.forward();
  } else if (isOneOf(ch, THE_END_SPACE_TAB)) {
    handle = null;
    suffix = '!';
    reader.forward();
  } else {
    let length = 1;
    let useHandle = false;
    while (!isOneOf(ch, END_NO_TAB)) {
      if (ch === '!') {
        useHandle = true;
        break;
      }
      length++;
      ch = reader.peek(length);
    }
    if (useHandle) {
      handle = scanTagHandle(reader);
    } else {
      handle = '!';
      reader.forward();
    }
    suffix = scanTagUri(reader, version);
  }
  if (!isOneOf(reader.peek(), END_NO_TAB)) throw yamlError("while scanning a tag: expected ' '");
  return { kind: 'TAG', handle, suffix, mark };
}

// handle = "!" [word "!"], where a word is ASCII letters, digits, '-' and '_'.
function scanTagHandle(reader: YamlReader): string {
  if (reader.peek() !== '!') throw yamlError("while scanning a tag: expected '!'");
  let length = 1;
  let ch = reader.peek(length);
  if (ch !== ' ') {
    while (isAsciiAlnum(ch) || isOneOf(ch, '-_')) {
      length++;
      ch = reader.peek(length);
    }
    if (ch !== '!') {
      reader.forward(length);
      throw yamlError("while scanning a tag: expected '!'");
    }
    length++;
  }
  const value = reader.prefix(length);
  reader.forward(length);
  return value;
}

function scanTagUri(reader: YamlReader, version: YamlVersion): string {
  const chunks: string[] = [];
  let length = 0;
  let ch = reader.peek(length);
  while (isAsciiAlnum(ch) || isOneOf(ch, URI_PUNCTUATION) || (isAfterVersion11(version) && ch === '#')) {
    if (ch === '%') {
      chunks.push(reader.prefix(length));
      reader.forward(length);
      length = 0;
      chunks.push(scanUriEscapes(reader));
    } else {
      length++;
    }
    ch = reader.peek(length);
  }
  if (length !== 0) {
    chunks.push(reader.prefix(length));
    reader.forward(length);
  }
  if (chunks.length === 0) throw yamlError('while parsing a tag: expected URI');
  return chunks.join('');
}

function scanUriEscapes(reader: YamlReader): string {
  const bytes: number[] = [];
  while (reader.peek() === '%') {
    reader.forward();
    for (let k = 0; k < 2; k++) {
      if (!isOneOf(reader.peek(k), HEX)) throw yamlError('expected URI escape sequence of 2 hexdecimal numbers');
    }
    bytes.push(parseInt(reader.prefix(2), 16));
    reader.forward(2);
  }
  try {
    return strictUtf8Text(Uint8Array.from(bytes));
  } catch (error) {
    throw yamlError(`invalid UTF-8 in a tag escape: ${String(error)}`);
  }
}
