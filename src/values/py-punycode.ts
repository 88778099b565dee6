// Python's punycode and idna decoders (encodings/punycode.py, encodings/idna.py), final and
// strict, with their UnicodeError texts (which awscli does not catch, so they are printed). One
// thing is not done: an idna label `xn--...` whose Punycode is not ASCII must go through nameprep
// (stringprep tables of Unicode 3.2) to be checked; such a file is refused with a line saying so. Pure.
import { codePointsText } from './py-latin1-codecs.js';
import { PyCodecError, undecodable } from './py-codec-error.js';
import { pyRepr } from './py-repr.js';
import { PyBytes } from './py-value.js';

const ACE_PREFIX = 'xn--';

/** punycode_decode(bytes, 'strict'): the bytes must be ASCII. */
export function decodePunycodeBytes(bytes: Uint8Array): string {
  if (bytes.some((byte) => byte > 0x7f)) throw undecodable('ascii', 'ordinal not in range(128)');
  return decodePunycode(codePointsText(bytes));
}

function unicodeError(message: string): PyCodecError {
  return new PyCodecError('UnicodeError', message);
}

/** punycode_decode of ASCII text: basic code points before the last `-`, then the deltas. */
function decodePunycode(text: string): string {
  const dash = text.lastIndexOf('-');
  const base = dash < 0 ? '' : text.slice(0, dash);
  const extended = (dash < 0 ? text : text.slice(dash + 1)).toUpperCase();
  return insertionSort([...base], extended).join('');
}

/** T(j, bias): the threshold of digit j. */
function threshold(j: bigint, bias: bigint): bigint {
  const t = 36n * (j + 1n) - bias;
  return t < 1n ? 1n : t > 26n ? 26n : t;
}

/** decode_generalized_number: the next delta and where its digits end. */
function generalizedNumber(extended: string, start: number, bias: bigint): { end: number; delta: bigint } {
  let result = 0n;
  let w = 1n;
  let j = 0n;
  for (let at = start; ; at++) {
    const c = extended.charCodeAt(at);
    if (Number.isNaN(c)) throw unicodeError('incomplete punicode string');
    let digit: bigint;
    if (c >= 0x41 && c <= 0x5a) digit = BigInt(c - 0x41);
    else if (c >= 0x30 && c <= 0x39) digit = BigInt(c - 22);
    else throw unicodeError(`Invalid extended code point '${extended[at]}'`);
    const t = threshold(j, bias);
    result += digit * w;
    if (digit < t) return { end: at + 1, delta: result };
    w *= 36n - t;
    j++;
  }
}

function adapt(delta: bigint, first: boolean, length: bigint): bigint {
  let d = first ? delta / 700n : delta / 2n;
  d += d / length;
  let divisions = 0n;
  while (d > 455n) {
    d /= 35n;
    divisions += 36n;
  }
  return divisions + (36n * d) / (d + 38n);
}

/** insertion_sort: each delta inserts one code point (Python's str may take a lone surrogate). */
function insertionSort(base: string[], extended: string): string[] {
  let char = 0x80n;
  let pos = -1n;
  let bias = 72n;
  let at = 0;
  while (at < extended.length) {
    const { end, delta } = generalizedNumber(extended, at, bias);
    pos += delta + 1n;
    const size = BigInt(base.length + 1);
    char += pos / size;
    if (char > 0x10ffffn) throw unicodeError(`Invalid character U+${char.toString(16)}`);
    pos %= size;
    base.splice(Number(pos), 0, String.fromCodePoint(Number(char)));
    bias = adapt(delta, at === 0, BigInt(base.length));
    at = end;
  }
  return base;
}

/**
 * idna's IncrementalDecoder, final: ASCII text split at dots; a trailing dot is kept; each label
 * starting `xn--` is Punycode that ToASCII must turn back into the label (compared lower-cased).
 */
export function decodeIdna(bytes: Uint8Array): string {
  if (bytes.length === 0) return '';
  if (bytes.some((byte) => byte > 0x7f)) throw undecodable('ascii', 'ordinal not in range(128)');
  const labels = codePointsText(bytes).split('.');
  const trailingDot = labels[labels.length - 1] === '' ? '.' : '';
  if (trailingDot) labels.pop();
  return labels.map(toUnicode).join('.') + trailingDot;
}

/** bytes.decode('punycode'): codecs.decode wraps the codec's error in one that names the codec. */
function punycodeInIdna(text: string): string {
  try {
    return decodePunycode(text);
  } catch (error) {
    if (!(error instanceof PyCodecError)) throw error;
    throw unicodeError(`decoding with 'punycode' codec failed (UnicodeError: ${error.message})`);
  }
}

/** ToUnicode of an ASCII label. */
function toUnicode(label: string): string {
  if (!label.startsWith(ACE_PREFIX)) return label;
  const result = punycodeInIdna(label.slice(ACE_PREFIX.length));
  // ToASCII's first step: an ASCII result is its own ASCII form.
  if (!/^[\x00-\x7f]*$/.test(result)) {
    throw unicodeError('the idna codec\'s nameprep (for an "xn--" label that is not ASCII) is not supported by this CLI');
  }
  if (result.length === 0 || result.length >= 64) throw unicodeError('label empty or too long');
  if (label.toLowerCase() !== result) {
    // str() of UnicodeError('IDNA does not round-trip', label, label2): the repr of its args.
    const bytes = (text: string): string => pyRepr(new PyBytes(new TextEncoder().encode(text)));
    throw unicodeError(`('IDNA does not round-trip', ${bytes(label)}, ${bytes(result)})`);
  }
  return result;
}
