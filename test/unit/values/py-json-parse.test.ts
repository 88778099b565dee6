import { describe, expect, it } from 'vitest';
import { PyValueError } from '../../../src/values/py-int.js';
import { PyJsonDecodeError, parsePyJson } from '../../../src/values/py-json-parse.js';
import { JSON_LARGE_DOCUMENT_ITEMS, JSON_UNTERMINATED_BACKSLASHES, largeJsonDocument } from '../../helpers/pathological-inputs.js';
import { loadValueFixture, toTagged, type Tagged } from '../../helpers/py-tagged.js';

// Rows come from scripts/gen-value-fixtures.py (json.loads with object_pairs_hook=OrderedDict
// when `ordered`): named cases first, then token, round-trip and mutation fuzz.
interface ParseRow {
  name: string;
  input: string;
  ordered: boolean;
}
interface ValidRow extends ParseRow {
  expected: Tagged;
}
interface InvalidRow extends ParseRow {
  error: { type: 'JSONDecodeError'; msg: string; pos: number; lineno: number; colno: number; message: string } | { type: 'ValueError'; message: string };
}

const fixture = loadValueFixture<{ valid: ValidRow[]; invalid: InvalidRow[] }>('py-json-parse.json');

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe(parsePyJson.name, () => {
  it.each(fixture.valid)('parses $name', ({ input, ordered, expected }) => {
    expect(toTagged(parsePyJson(input, { ordered }))).toStrictEqual(expected);
  });

  it.each(fixture.invalid)('rejects $name', ({ input, ordered, error }) => {
    const thrown = catchError(() => parsePyJson(input, { ordered }));
    expect(thrown).toBeInstanceOf(PyValueError);
    if (error.type === 'ValueError') {
      expect(thrown).not.toBeInstanceOf(PyJsonDecodeError);
      expect((thrown as PyValueError).message).toBe(error.message);
      return;
    }
    expect(thrown).toBeInstanceOf(PyJsonDecodeError);
    const { msg, pos, lineno, colno, message } = thrown as PyJsonDecodeError;
    const { type: _type, ...expected } = error;
    expect({ msg, pos, lineno, colno, message }).toStrictEqual(expected);
  });

  it('defaults to a plain dict', () => {
    const value = parsePyJson('{"a": {}}');
    expect(toTagged(value)).toStrictEqual({ dict: [['a', { dict: [], ordered: false }]], ordered: false });
  });

  it('keeps the document on the error', () => {
    const thrown = catchError(() => parsePyJson('[1 2]'));
    expect(thrown).toMatchObject({ doc: '[1 2]', name: 'PyJsonDecodeError' });
  });

  // How fast these two are: scripts/bench-inputs.ts.
  it('fails on an unterminated string followed by many backslashes', () => {
    const thrown = catchError(() => parsePyJson(JSON_UNTERMINATED_BACKSLASHES));
    expect(thrown).toMatchObject({ msg: 'Unterminated string starting at', pos: 1 });
  });

  it('parses a large document', () => {
    expect((parsePyJson(largeJsonDocument()) as unknown[]).length).toBe(JSON_LARGE_DOCUMENT_ITEMS);
  });
});
