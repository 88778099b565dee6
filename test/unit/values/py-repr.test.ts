import { describe, expect, it } from 'vitest';
import { PyValueError } from '../../../src/values/py-int.js';
import { pyRepr, pyStr, pyTypeName, pyTypePath, pyTypeStr } from '../../../src/values/py-repr.js';
import { PyDateTime, PyDict, PyObject } from '../../../src/values/py-value.js';
import { fromTagged, loadValueFixture, type Tagged } from '../../helpers/py-tagged.js';

// Rows come from scripts/gen-value-fixtures.py: repr(input), str(input) and str(type(input)),
// including every boundary of the str.isprintable() table.
interface ReprRow {
  name: string;
  input: Tagged;
  repr?: string;
  str?: string;
  type: string;
  error?: { type: 'ValueError'; message: string };
}

const { cases } = loadValueFixture<{ cases: ReprRow[] }>('py-repr.json');
const reprCases = cases.filter((row) => row.error === undefined);
const errorCases = cases.filter((row) => row.error !== undefined);

describe(pyRepr.name, () => {
  it.each(reprCases)('prints $name as repr() does', ({ input, repr }) => {
    expect(pyRepr(fromTagged(input))).toBe(repr);
  });

  it.each(errorCases)('raises ValueError for $name', ({ input, error }) => {
    const value = fromTagged(input);
    expect(() => pyRepr(value)).toThrow(new PyValueError(error?.message));
    expect(() => pyStr(value)).toThrow(PyValueError);
  });

  it('when a date text is not in str() form then it prints the text', () => {
    expect(pyRepr(new PyDateTime('datetime', 'soon'))).toBe('soon');
  });
});

describe(pyStr.name, () => {
  it.each(reprCases)('prints $name as str() does', ({ input, str }) => {
    expect(pyStr(fromTagged(input))).toBe(str);
  });
});

describe(pyTypeStr.name, () => {
  it.each(cases)('names the type of $name', ({ input, type }) => {
    expect(pyTypeStr(fromTagged(input))).toBe(type);
  });
});

describe('an object outside the value model (jmespath’s _Expression)', () => {
  const expref = new PyObject('jmespath.visitor', '_Expression');

  it('prints as object.__repr__ does, at one fixed stand-in address, for repr() and str()', () => {
    expect(pyRepr(expref)).toBe('<jmespath.visitor._Expression object at 0x7f0000000000>');
    expect(pyStr(expref)).toBe(pyRepr(expref));
    expect(pyRepr([expref, new PyDict([['a', expref]])])).toBe(
      "[<jmespath.visitor._Expression object at 0x7f0000000000>, {'a': <jmespath.visitor._Expression object at 0x7f0000000000>}]",
    );
  });

  it('is named by its class: __name__ (also the tp_name of error messages) and the module in str(type())', () => {
    expect(pyTypeName(expref)).toBe('_Expression');
    expect(pyTypePath(expref)).toBe('_Expression');
    expect(pyTypeStr(expref)).toBe("<class 'jmespath.visitor._Expression'>");
  });
});
