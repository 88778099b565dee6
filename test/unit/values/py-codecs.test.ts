import { describe, expect, it } from 'vitest';
import NAMES from '../../../src/values/py-codec-names.json' with { type: 'json' };
import { lookupCodecModule, normalizeEncodingName, PyCodecError, pyTextDecode } from '../../../src/values/py-codecs.js';
import { loadValueFixture } from '../../helpers/py-tagged.js';

// Rows come from scripts/gen-codec-table.py: what open(path, encoding=NAME).read() gives in
// Python 3.11 for a file of these bytes (newlines untranslated), or the error it raises.
interface CodecRow {
  encoding: string;
  hex: string;
  note?: string;
  text?: string;
  error?: { kind: PyCodecError['kind']; message?: string };
  /** What the clone leaves out: unicode_escape's \N{name}, idna's nameprep. */
  gap?: 'names' | 'nameprep';
}

const rows = loadValueFixture<CodecRow[]>('codecs.json');
const bytesOf = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, 'hex'));

/** The outcome of decoding `row`'s bytes, in the row's own terms. */
async function outcome(row: CodecRow): Promise<Pick<CodecRow, 'text' | 'error'>> {
  try {
    return { text: await pyTextDecode(bytesOf(row.hex), row.encoding) };
  } catch (error) {
    if (!(error instanceof PyCodecError)) throw error;
    return { error: error.kind === 'UnicodeDecodeError' ? { kind: error.kind } : { kind: error.kind, message: error.message } };
  }
}

const label = (row: CodecRow): string => `${JSON.stringify(row.encoding).slice(0, 60)} ${row.hex.slice(0, 40)}${row.note ? ` (${row.note})` : ''}`;

describe(pyTextDecode.name, () => {
  it.each(rows.filter((row) => row.gap === undefined).map((row) => [label(row), row] as const))('%s', async (_, row) => {
    const expected = row.error === undefined ? { text: row.text } : { error: row.error };
    expect(await outcome(row)).toEqual(expected);
  });

  it.each(rows.filter((row) => row.gap !== undefined).map((row) => [label(row), row] as const))('%s: says it is not supported', async (_, row) => {
    const { error } = await outcome(row);
    expect(error?.kind).toBe('UnicodeError');
    expect(error?.message).toMatch(/not supported by this CLI/);
  });

  it('has a decoder for every text codec module', async () => {
    for (const [module, text] of Object.entries(NAMES.modules)) {
      if (!text) continue;
      const result = await pyTextDecode(new Uint8Array(), module).catch((error: unknown) => error);
      if (result instanceof Error) expect(result).toBeInstanceOf(PyCodecError);
    }
  });
});

describe(normalizeEncodingName.name, () => {
  it.each([
    ['  UTF--8 ', 'utf_8'],
    ['utf\u00e98', 'utf_8'],
    ['ISO_8859-1:1987', 'iso_8859_1_1987'],
    ['a.b', 'a.b'],
    ['', ''],
  ])('%j → %j', (name, normalized) => {
    expect(normalizeEncodingName(name)).toBe(normalized);
  });
});

describe(lookupCodecModule.name, () => {
  it('finds a module by its alias, then by its own name, never a name with a dot', () => {
    expect(lookupCodecModule('U8')).toBe('utf_8');
    expect(lookupCodecModule('UTF-8')).toBe('utf_8');
    expect(() => lookupCodecModule('utf.8')).toThrow(new PyCodecError('LookupError', 'unknown encoding: utf.8'));
  });
});
