import { describe, expect, it } from 'vitest';
import { PyValueError } from '../../../src/values/py-int.js';
import { dumpPyJson, writePyJson } from '../../../src/values/py-json-dump.js';
import { PyDict, PyFloat, PyObject, type PyValue } from '../../../src/values/py-value.js';
import { fromTagged, loadValueFixture, type Tagged } from '../../helpers/py-tagged.js';

// Rows come from scripts/gen-value-fixtures.py: json.dumps(input, indent=indent, ensure_ascii=...).
interface DumpRow {
  name: string;
  input: Tagged;
  indent: number | null;
  ensureAscii: boolean;
  expected?: string;
  error?: { type: 'TypeError' | 'ValueError'; message: string };
}

const { cases } = loadValueFixture<{ cases: DumpRow[] }>('py-json-dump.json');
const ERROR_CLASSES = { TypeError, ValueError: PyValueError };

describe(dumpPyJson.name, () => {
  it.each(cases)('dumps $name', ({ input, indent, ensureAscii, expected, error }) => {
    const run = (): string => dumpPyJson(fromTagged(input), { indent: indent ?? undefined, ensureAscii });
    if (error === undefined) {
      expect(run()).toBe(expected);
    } else {
      expect(run).toThrow(new ERROR_CLASSES[error.type](error.message));
      expect(run).toThrow(ERROR_CLASSES[error.type]);
    }
  });

  it('when indent is undefined then it prints on one line with ", " and ": "', () => {
    expect(dumpPyJson([1n, new PyFloat(2)], { ensureAscii: true })).toBe('[1, 2.0]');
  });

  it('when default= hands an object back then it is a circular reference, as json reports it', () => {
    const object = new PyObject('jmespath.visitor', '_Expression');
    expect(() => dumpPyJson([object], { ensureAscii: true, default: (value) => value as PyValue })).toThrow(new PyValueError('Circular reference detected'));
  });

  it('when a list holds itself then it is a circular reference', () => {
    const list: PyValue[] = [1n];
    list.push(list);
    expect(() => dumpPyJson(list, { ensureAscii: true })).toThrow(new PyValueError('Circular reference detected'));
  });

  it('when there is no default= then an object is not JSON serializable', () => {
    expect(() => dumpPyJson(new PyObject('jmespath.visitor', '_Expression'), { ensureAscii: true })).toThrow(
      new TypeError('Object of type _Expression is not JSON serializable'),
    );
  });

  it('when the same object comes twice, not inside itself, then it is no cycle', () => {
    const shared = [1n];
    expect(dumpPyJson([shared, shared], { ensureAscii: true })).toBe('[[1], [1]]');
  });
});

describe(writePyJson.name, () => {
  it('writes everything before the value that fails, as json.dump has written it', () => {
    const value = new PyDict([
      ['b', 1n],
      ['a', [2n, new PyObject('jmespath.visitor', '_Expression')]],
    ]);
    const chunks: string[] = [];
    const write = (): void => writePyJson(value, { indent: 4, ensureAscii: false, default: (other) => other as PyValue }, (chunk) => chunks.push(chunk));
    expect(write).toThrow(new PyValueError('Circular reference detected'));
    expect(chunks.join('')).toBe('{\n    "b": 1,\n    "a": [\n        2,\n        ');
  });

  it('writes the same text as dumps when nothing fails', () => {
    const value = new PyDict([['a', [1n, new PyDict(), [], 'x']]]);
    const chunks: string[] = [];
    writePyJson(value, { indent: 4, ensureAscii: true }, (chunk) => chunks.push(chunk));
    expect(chunks.join('')).toBe(dumpPyJson(value, { indent: 4, ensureAscii: true }));
  });
});
