// Python's UTF codecs besides plain UTF-8 (py-decode.ts), each as its incremental decoder reads a
// whole file in one final call: utf-8-sig, utf-16 and utf-32 (a byte order mark picks the order
// and goes; without one the stream is refused), their -le and -be forms (a BOM is a character),
// and utf-7. Pure.
import { PyCodecError, undecodable, type Decoder } from './py-codec-error.js';

export type Endian = 'le' | 'be';

const BOM_UTF8 = [0xef, 0xbb, 0xbf];

/**
 * encodings.utf_8_sig's IncrementalDecoder: one leading BOM taken off. Its quirk: input shorter
 * than a BOM that could start one (nothing, EF, EF BB) waits for more and, being final, yields ''.
 */
export function decodeUtf8Sig(bytes: Uint8Array, utf8: Decoder): string | Promise<string> {
  const bom = BOM_UTF8.every((byte, i) => i >= bytes.length || bytes[i] === byte);
  if (bom && bytes.length < 3) return '';
  return utf8(bom ? bytes.subarray(3) : bytes);
}

/** Which order a leading BOM of `width` bytes gives, if the bytes start with one. */
function bomOrder(bytes: Uint8Array, width: 2 | 4): Endian | undefined {
  const head = Array.from(bytes.subarray(0, width)).join(',');
  if (bytes.length < width) return undefined;
  if (head === (width === 2 ? '255,254' : '255,254,0,0')) return 'le';
  if (head === (width === 2 ? '254,255' : '0,0,254,255')) return 'be';
  return undefined;
}

/** The code unit of `width` bytes at `at`. */
function unitAt(bytes: Uint8Array, at: number, width: 2 | 4, endian: Endian): number {
  let unit = 0;
  for (let i = 0; i < width; i++) unit = unit * 256 + (bytes[at + (endian === 'be' ? i : width - 1 - i)] ?? 0);
  return unit;
}

/**
 * utf_16_decode (`endian` given: utf-16-le/-be) or utf-16's IncrementalDecoder (no `endian`): the
 * BOM decides and goes; without one the bytes are decoded little-endian (this machine's order) and,
 * when that succeeds on two bytes or more, refused: "UTF-16 stream does not start with BOM".
 */
export function decodeUtf16(bytes: Uint8Array, endian: Endian | undefined, errors: UtfErrors = 'strict'): string {
  return decodeUtfWide(bytes, endian, 2, errors);
}

/** utf_32_decode or utf-32's IncrementalDecoder, as decodeUtf16 with four-byte units. */
export function decodeUtf32(bytes: Uint8Array, endian: Endian | undefined, errors: UtfErrors = 'strict'): string {
  return decodeUtfWide(bytes, endian, 4, errors);
}

/** The error handlers of the UTF-16/32 decoders: 'surrogatepass' lets a lone surrogate through. */
export type UtfErrors = 'strict' | 'surrogatepass';

function decodeUtfWide(bytes: Uint8Array, endian: Endian | undefined, width: 2 | 4, errors: UtfErrors): string {
  const units = width === 2 ? utf16Units : utf32Units;
  if (endian !== undefined) return units(bytes, endian, errors);
  const order = bomOrder(bytes, width);
  const text = units(order ? bytes.subarray(width) : bytes, order ?? 'le', errors);
  if (order === undefined && bytes.length >= width) {
    throw new PyCodecError('UnicodeError', `UTF-${width * 8} stream does not start with BOM`);
  }
  return text;
}

function utf16Units(bytes: Uint8Array, endian: Endian, errors: UtfErrors): string {
  if (bytes.length % 2 !== 0) throw undecodable(`utf-16-${endian}`, 'truncated data');
  const units = new Uint16Array(bytes.length / 2);
  for (let i = 0; i < units.length; i++) units[i] = unitAt(bytes, 2 * i, 2, endian);
  if (errors === 'surrogatepass') {
    // TextDecoder would make a lone surrogate U+FFFD.
    let text = '';
    for (let start = 0; start < units.length; start += 8192) text += String.fromCharCode(...units.subarray(start, start + 8192));
    return text;
  }
  for (let i = 0; i < units.length; i++) {
    const unit = units[i] ?? 0;
    if (unit < 0xd800 || unit > 0xdfff) continue;
    const next = units[i + 1] ?? 0;
    if (unit > 0xdbff || next < 0xdc00 || next > 0xdfff) throw undecodable(`utf-16-${endian}`, 'illegal encoding');
    i++;
  }
  return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(units);
}

function utf32Units(bytes: Uint8Array, endian: Endian, errors: UtfErrors): string {
  if (bytes.length % 4 !== 0) throw undecodable(`utf-32-${endian}`, 'truncated data');
  const points: number[] = [];
  for (let at = 0; at < bytes.length; at += 4) {
    const point = unitAt(bytes, at, 4, endian);
    if (point > 0x10ffff || (errors === 'strict' && point >= 0xd800 && point <= 0xdfff)) throw undecodable(`utf-32-${endian}`, 'code point not in range');
    points.push(point);
  }
  let text = '';
  for (let start = 0; start < points.length; start += 8192) text += String.fromCodePoint(...points.slice(start, start + 8192));
  return text;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * utf_7_decode, final: characters below 0x80 but `+` stand for themselves; `+-` is `+`; `+` then
 * modified base64 of UTF-16 code units, ended by any other character (a `-` is absorbed). A lone
 * surrogate is kept; bits left over must be fewer than six and zero.
 */
export function decodeUtf7(bytes: Uint8Array): string {
  let text = '';
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i] ?? 0;
    if (byte === 0x2b) {
      const next = bytes[i + 1];
      if (next === 0x2d) {
        text += '+';
        i += 2;
        continue;
      }
      if (next !== undefined && !BASE64.includes(String.fromCharCode(next))) throw undecodable('utf-7', 'ill-formed sequence');
      const shift = decodeShift(bytes, i + 1);
      text += shift.text;
      i = shift.end;
      continue;
    }
    if (byte > 0x7f) throw undecodable('utf-7', 'unexpected special character');
    text += String.fromCharCode(byte);
    i++;
  }
  return text;
}

/** The base64 section starting at `start` (after its `+`): its text and where the decoding goes on. */
function decodeShift(bytes: Uint8Array, start: number): { text: string; end: number } {
  let text = '';
  let bits = 0;
  let buffer = 0;
  let surrogate = 0;
  let i = start;
  for (; i < bytes.length; i++) {
    const value = BASE64.indexOf(String.fromCharCode(bytes[i] ?? 0));
    if (value < 0) break;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits < 16) continue;
    const unit = buffer >>> (bits - 16);
    bits -= 16;
    buffer &= (1 << bits) - 1;
    if (surrogate !== 0) {
      const pending = surrogate;
      surrogate = 0;
      if (unit >= 0xdc00 && unit <= 0xdfff) {
        text += String.fromCharCode(pending, unit);
        continue;
      }
      text += String.fromCharCode(pending);
    }
    if (unit >= 0xd800 && unit <= 0xdbff) surrogate = unit;
    else text += String.fromCharCode(unit);
  }
  if (i >= bytes.length) {
    // The end of the input inside the section.
    if (surrogate !== 0 || bits >= 6 || (bits > 0 && buffer !== 0)) throw undecodable('utf-7', 'unterminated shift sequence');
    return { text, end: i };
  }
  if (bits >= 6) throw undecodable('utf-7', 'partial character in shift sequence');
  if (buffer !== 0) throw undecodable('utf-7', 'non-zero padding bits in shift sequence');
  const ender = bytes[i] ?? 0;
  if (surrogate !== 0 && ender < 0x80 && ender !== 0x2b) text += String.fromCharCode(surrogate);
  return { text, end: ender === 0x2d ? i + 1 : i };
}
