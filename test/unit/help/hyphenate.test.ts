import { describe, expect, it } from 'vitest';
import { HYPHEN_NOT_FIRST_CHARS, createHyphenator } from '../../../src/help/hyphenate.js';

// Breaks as groff 1.22.4 finds them with hyphen.us + hyphenex.us under `.hy 4` (the man macros'
// setting for ttys); the first group are breaks seen in the reference's help pages.

function hyphenated(word: string, hyphenator = createHyphenator()): string {
  let out = '';
  let last = 0;
  for (const point of hyphenator.points(word)) {
    out += `${word.slice(last, point)}-`;
    last = point;
  }
  return out + word.slice(last);
}

describe(createHyphenator.name, () => {
  it.each([
    ['enrolled', 'en-rolled'],
    ['permissions', 'per-mis-sions'],
    ['FraudDetectionConfig', 'Fraud-De-tec-tion-Con-fig'],
    ['JobStatus', 'Job-Sta-tus'],
    ['output', 'out-put'],
    ['literally', 'lit-er-ally'],
    ['compatibility', 'com-pat-i-bil-ity'],
    ['registration', 'reg-is-tra-tion'],
  ])('breaks %s as %s', (word, expected) => {
    expect(hyphenated(word)).toBe(expected);
  });

  it('keeps three letters after the last break (.hy 4), two under .hy 1', () => {
    expect(hyphenated('reported')).toBe('re-ported');
    expect(hyphenated('reported', createHyphenator(undefined, 1))).toBe('re-port-ed');
    expect(hyphenated('hyphenation')).toBe('hy-phen-a-tion');
  });

  it('keeps three letters before the first break with HYPHEN_NOT_FIRST_CHARS', () => {
    expect(hyphenated('enrolled', createHyphenator(undefined, 4 | HYPHEN_NOT_FIRST_CHARS))).toBe('enrolled');
  });

  it('uses the exception list instead of the patterns, within the same limits', () => {
    expect(hyphenated('associate')).toBe('as-so-ciate');
    expect(hyphenated('table')).toBe('ta-ble');
    expect(hyphenated('present')).toBe('present');
    expect(hyphenated('methods')).toBe('meth-ods');
    expect(hyphenated('method')).toBe('method');
    expect(hyphenated('aperiodic')).toBe('aperi-odic');
  });

  it('does not break words of two letters or fewer', () => {
    expect(createHyphenator().points('ab')).toEqual([]);
  });
});
