import { describe, expect, it } from 'vitest';
import { compareCodePoints } from '../../../src/values/py-str.js';
import { loadValueFixture } from '../../helpers/py-tagged.js';

// Rows come from scripts/gen-value-fixtures.py: sorted() of the strings and the sign of every
// pairwise comparison, around each place where code-point and UTF-16 order part.
interface OrderTable {
  strings: string[];
  sorted: string[];
  pairs: [string, string, -1 | 0 | 1][];
}

const table = loadValueFixture<OrderTable>('py-str-order.json');
const show = (text: string): string => JSON.stringify(text).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

describe(compareCodePoints.name, () => {
  it('sorts as Python sorted() does', () => {
    expect([...table.strings].sort(compareCodePoints)).toEqual(table.sorted);
    expect([...table.strings].reverse().sort(compareCodePoints)).toEqual(table.sorted);
  });

  it.each(table.pairs.map(([a, b, sign]) => [show(a), show(b), sign, a, b] as const))('orders %s against %s as %i', (_a, _b, sign, a, b) => {
    expect(Math.sign(compareCodePoints(a, b))).toBe(sign);
  });
});
