// Python's bool() over the value model.
import { describe, expect, it } from 'vitest';
import { pyTruthy } from '../../../src/values/py-truthy.js';
import { PyBytes, PyDict, PyFloat, PyObject } from '../../../src/values/py-value.js';

describe(pyTruthy.name, () => {
  it.each([null, false, 0n, '', [], new PyDict(), new PyFloat(0), new PyFloat(-0), new PyBytes(new Uint8Array())])('%s is falsy', (v) => {
    expect(pyTruthy(v)).toBe(false);
  });

  it.each([
    true,
    1n,
    'x',
    [null],
    new PyDict([['a', null]]),
    new PyFloat(NaN),
    new PyBytes(new Uint8Array([0])),
    new PyObject('jmespath.visitor', '_Expression'),
    {},
  ])('%s is truthy', (v) => {
    expect(pyTruthy(v)).toBe(true);
  });
});
