import { describe, expect, it } from 'vitest';
import { formatText } from '../../../src/output/text.js';
import { PyDict, PyObject } from '../../../src/values/py-value.js';
import { fromTagged, type TaggedValue } from '../../helpers/tagged-value.js';
import rows from '../../../fixtures/output/text.json' with { type: 'json' };

// Expectations from awscli 2.9.19's own text formatter (scripts/gen-text-fixtures.py).
interface Row {
  name: string;
  value: TaggedValue;
  text?: string;
  error?: string;
}

describe(formatText.name, () => {
  it.each((rows as Row[]).filter((r) => r.text !== undefined))('$name', ({ value, text }) => {
    expect(formatText(fromTagged(value))).toBe(text);
  });

  it.each((rows as Row[]).filter((r) => r.error !== undefined))('$name fails as the reference does', ({ value, error }) => {
    expect(() => formatText(fromTagged(value))).toThrow(error);
  });

  it('prints an object outside the value model as its str(), and cannot take it for a dict', () => {
    const expref = new PyObject('jmespath.visitor', '_Expression');
    const repr = '<jmespath.visitor._Expression object at 0x7f0000000000>';
    expect(formatText(expref)).toBe(`${repr}\n`);
    expect(
      formatText(
        new PyDict([
          ['b', 1n],
          ['a', [2n, expref]],
        ]),
      ),
    ).toBe(`1\nA\t2\nA\t${repr}\n`);
    expect(() => formatText([new PyDict([['a', 1n]]), expref])).toThrow("'_Expression' object has no attribute 'items'");
  });
});
