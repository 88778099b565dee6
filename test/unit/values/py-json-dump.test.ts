import { describe, expect, it } from 'vitest';
import { PyValueError } from '../../../src/values/py-int.js';
import { dumpPyJson } from '../../../src/values/py-json-dump.js';
import { PyFloat } from '../../../src/values/py-value.js';
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
});
