import { describe, expect, it } from 'vitest';
import { GeneralError } from '../../../src/errors.js';
import { FormatFailure } from '../../../src/output/format-failure.js';
import { formatJson } from '../../../src/output/json.js';
import { PyBytes, PyDateTime, PyDict, PyObject, type PyValue } from '../../../src/values/py-value.js';

// --output json with awscli's json_encoder as each release has it (measured on the oracles:
// fixtures/cases*/query-expref.json replays the same end to end).
const EXPREF = new PyObject('jmespath.visitor', '_Expression');

function failure(run: () => unknown): FormatFailure {
  try {
    run();
  } catch (error) {
    if (error instanceof FormatFailure) return error;
    throw error;
  }
  throw new Error('expected a FormatFailure');
}

describe(formatJson.name, () => {
  it('writes a datetime as isoformat() in both releases', () => {
    const value = new PyDict([['At', new PyDateTime('datetime', '2023-01-01 10:00:00+00:00')]]);
    for (const generation of ['2.9.19', '2.36.7'] as const) {
      expect(formatJson(value, generation)).toBe('{\n    "At": "2023-01-01T10:00:00+00:00"\n}\n');
    }
  });

  it.each([
    ['2.9.19', 'Circular reference detected'],
    ['2.36.7', 'Encountered unrecognized type in JSON encoder.'],
  ] as const)('in %s an object it does not know fails with "%s", after what json.dump wrote before it', (generation, message) => {
    const error = failure(() => formatJson(new PyDict([['a', EXPREF]]), generation));
    expect(error.written).toBe('{\n    "a": ');
    expect(error.error).toBeInstanceOf(GeneralError);
    expect(error.error).toMatchObject({ code: 'PYTHON_CRASH', message });
  });

  it('when the object is the whole value then nothing is written', () => {
    expect(failure(() => formatJson(EXPREF, '2.9.19')).written).toBe('');
  });

  it('writes bytes as base64 in 2.36.7 and cannot hold them in 2.9.19 (handed back: a circular reference)', () => {
    const value: PyValue = [new PyBytes(new Uint8Array([0xff, 0x00]))];
    expect(formatJson(value, '2.36.7')).toBe('[\n    "/wA="\n]\n');
    expect(failure(() => formatJson(value, '2.9.19')).error.message).toBe('Circular reference detected');
  });
});
