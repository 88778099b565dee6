// Python 3's codec registry as open(path, encoding=NAME).read() uses it (CPython 3.11, what both
// reference CLIs run on): the name is normalized as codecs.lookup does, found through
// encodings.aliases or as a module of the encodings package, refused if it is no text encoding,
// and the whole file is decoded by the codec's incremental decoder in one final call, strictly.
// Newlines are left as they are (text mode translates them afterwards). Pure: tables load lazily.
import NAMES from './py-codec-names.json' with { type: 'json' };
import { strictUtf8Text } from './py-decode.js';
import { PyCodecError, undecodable, type Decoder } from './py-codec-error.js';
import { asciiText, latin1Text } from './py-latin1-codecs.js';
import { decodeUtf7, decodeUtf8Sig, decodeUtf16, decodeUtf32, type Endian } from './py-utf-codecs.js';

export { PyCodecError } from './py-codec-error.js';

const ALIASES: Readonly<Record<string, string>> = NAMES.aliases;
/** The codec modules of the encodings package that import on Linux, and whether each is a text encoding. */
const MODULES: Readonly<Record<string, boolean>> = NAMES.modules;

/** TextIOWrapper's special name: the locale's encoding, which is UTF-8 wherever this CLI runs. */
const LOCALE = 'locale';

const utf8: Decoder = (bytes) => {
  try {
    return strictUtf8Text(bytes);
  } catch {
    throw undecodable('utf-8');
  }
};

const byEndian =
  (decode: (bytes: Uint8Array, endian: Endian | undefined) => string, endian?: Endian): Decoder =>
  (bytes) =>
    decode(bytes, endian);

/** The decoders by module name, but those of the charmap and CJK codecs (MODULES lists them all). */
const DECODERS: Readonly<Record<string, Decoder>> = {
  utf_8: utf8,
  utf_8_sig: (bytes) => decodeUtf8Sig(bytes, utf8),
  utf_16: byEndian(decodeUtf16),
  utf_16_le: byEndian(decodeUtf16, 'le'),
  utf_16_be: byEndian(decodeUtf16, 'be'),
  utf_32: byEndian(decodeUtf32),
  utf_32_le: byEndian(decodeUtf32, 'le'),
  utf_32_be: byEndian(decodeUtf32, 'be'),
  utf_7: decodeUtf7,
  ascii: asciiText,
  latin_1: latin1Text,
  // The charmap codec without a mapping: every byte is the code point of its value.
  charmap: latin1Text,
  undefined: () => {
    throw new PyCodecError('UnicodeError', 'undefined encoding');
  },
  unicode_escape: async (bytes) => (await import('./py-escape-codecs.js')).decodeUnicodeEscape(bytes),
  raw_unicode_escape: async (bytes) => (await import('./py-escape-codecs.js')).decodeRawUnicodeEscape(bytes),
  punycode: async (bytes) => (await import('./py-punycode.js')).decodePunycodeBytes(bytes),
  idna: async (bytes) => (await import('./py-punycode.js')).decodeIdna(bytes),
};

/**
 * _Py_normalize_encoding (what codecs.lookup does first): ASCII letters lower-cased, digits and
 * dots kept, every run of other bytes of the name's UTF-8 (non-ASCII characters included) one `_`
 * between kept characters, none at either end.
 * @example normalizeEncodingName('  UTF--8 ') === 'utf_8'
 */
export function normalizeEncodingName(name: string): string {
  let out = '';
  let punct = false;
  for (const byte of new TextEncoder().encode(name)) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9.]/.test(c)) {
      if (punct && out !== '') out += '_';
      out += c.toLowerCase();
      punct = false;
    } else {
      punct = true;
    }
  }
  return out;
}

/**
 * The module of the encodings package that codecs.lookup(name) finds (encodings.search_function):
 * the aliased module, else the normalized name itself; a name with a dot is never a module.
 * Throws PyCodecError (LookupError "unknown encoding: NAME") when there is none.
 */
export function lookupCodecModule(name: string): string {
  const normalized = normalizeEncodingName(name);
  const aliased = ALIASES[normalized] ?? ALIASES[normalized.replaceAll('.', '_')];
  for (const module of aliased === undefined ? [normalized] : [aliased, normalized]) {
    if (module === '' || module.includes('.')) continue;
    if (module in MODULES) return module;
  }
  throw new PyCodecError('LookupError', `unknown encoding: ${name}`);
}

/**
 * What `open(path, encoding=encoding).read()` makes of the file's bytes, before newlines are
 * translated. Throws PyCodecError: LookupError for a name that is no (text) codec,
 * UnicodeDecodeError for bytes the codec refuses, UnicodeError for the codecs that raise it.
 */
export async function pyTextDecode(bytes: Uint8Array, encoding: string): Promise<string> {
  if (encoding === LOCALE) return utf8(bytes);
  const module = lookupCodecModule(encoding);
  if (!MODULES[module]) {
    // _PyCodec_LookupTextEncoding: the name as given, cut to 400 bytes ('%.400s').
    const shown = new TextDecoder().decode(new TextEncoder().encode(encoding).slice(0, 400));
    throw new PyCodecError('LookupError', `'${shown}' is not a text encoding; use codecs.open() to handle arbitrary codecs`);
  }
  const decoder =
    DECODERS[module] ?? (await import('./py-charmap-tables.js')).charmapDecoder(module) ?? (await import('./py-cjk-codecs.js')).cjkDecoder(module);
  if (!decoder) throw new Error(`py-codecs: no decoder for the ${module} codec`);
  return decoder(bytes);
}
