import { describe, expect, it } from 'vitest';
import { pyFloatRepr } from '../../../src/values/py-float.js';
import { floatFromBits, loadValueFixture } from '../../helpers/py-tagged.js';

// Rows come from scripts/gen-value-fixtures.py: `input` is the float's IEEE bits in hex.
interface FloatFixture {
  named: Array<{ name: string; input: string; expected: string }>;
  random: Array<{ name: string; input: string[]; expected: string[] }>;
}

const fixture = loadValueFixture<FloatFixture>('py-float.json');

describe(pyFloatRepr.name, () => {
  it.each(fixture.named)('prints $name as Python does', ({ input, expected }) => {
    expect(pyFloatRepr(floatFromBits(input))).toBe(expected);
  });

  it.each(fixture.random)('matches Python for $name', ({ input, expected }) => {
    expect(input.map((bits) => pyFloatRepr(floatFromBits(bits)))).toEqual(expected);
  });
});
