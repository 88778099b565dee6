import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { GeneralError } from '../../../src/errors.js';
import { parseShorthand } from '../../../src/params/shorthand.js';
import { DuplicateKeyError, ShorthandParseError } from '../../../src/params/shorthand-errors.js';
import { PyDict } from '../../../src/values/py-value.js';
import { toTagged, type Tagged } from '../../helpers/py-tagged.js';

// Three kinds of fuzzing: seeded random inputs with Python's answers (fixtures/shorthand/fuzz.json,
// from scripts/gen-shorthand-fixtures.py), a seeded generator over the grammar's characters that
// checks the parser only returns or throws ShorthandParseError, and pathological inputs under a
// time limit (awscli's own quoted-value regex takes exponential time on some of them).
interface FuzzRow {
  input: string;
  expected?: Tagged;
  error?: ReturnType<typeof describeError>;
}

const ALPHABET = [
  ...'=,[]{}\'"\\ ', ...'abcXYZ0189#./:-_', '\t', '\n', '\r', '\x0b', '\x0c', '\x1c', '\x00', '\x7f',
  'é', '日', 'e\u0301', '\u3000', '\xa0', '\x85', '\u200b', '\ufeff', '\uffff', '😀', '\ud800',
];
/** Fragments that steer random inputs deeper into the grammar. */
const FRAGMENTS = ['A=', 'B=', '=', ',', ', ', '[', ']', '{', '}', "'x'", '"y"', '\\,', "'a\\'", '"\\\\"', 'k=v', ' '];
/** Per input: generous for a linear parser, far too short for awscli's backtracking regex. */
const TIME_LIMIT_MS = 250;

/** mulberry32: a small seeded PRNG, so failures reproduce. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomInput(random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const parts: string[] = [];
  for (let n = Math.floor(random() * 24); n > 0; n--) parts.push(random() < 0.6 ? pick(ALPHABET) : pick(FRAGMENTS));
  return parts.join('');
}

/** A ShorthandParseError as the fixture rows describe Python's exception. */
function describeError(error: ShorthandParseError): { code: string; type: string; index: number; message: string } {
  const type = error instanceof DuplicateKeyError ? 'DuplicateKeyInObjectError' : 'ShorthandParseSyntaxError';
  return { code: error.code, type, index: error.index, message: error.message };
}

/** What the parser did with `input`, as comparable data; anything but a ShorthandParseError is rethrown. */
function outcome(input: string): Pick<FuzzRow, 'expected' | 'error'> {
  try {
    return { expected: toTagged(parseShorthand(input)) };
  } catch (error) {
    if (!(error instanceof ShorthandParseError)) throw error;
    return { error: describeError(error) };
  }
}

function timed<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

/** The thrown value, or undefined when `run` returns. */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
    return undefined;
  } catch (error) {
    return error;
  }
}

const PATHOLOGICAL: [string, string][] = [
  ['an unclosed single quote and 100 backslashes', `A='${'\\'.repeat(100)}`],
  ['an unclosed double quote and 101 backslashes', `A="${'\\'.repeat(101)}`],
  ['an unclosed quote, backslashes and escaped quotes', `A='${"\\\\\\'".repeat(2000)}`],
  ['many unclosed quotes in a list', `A=[${"'\\',".repeat(2000)}]`],
  ['10,000 commas', ','.repeat(10_000)],
  ['10,000 commas after a value', `A=a${','.repeat(10_000)}`],
  ['10,000 empty list items', `A=[${','.repeat(10_000)}]`],
  ['a 10,000-item csv list, then a key', `A=${'a,'.repeat(10_000)}B=c`],
  ['10,000 escaped commas', `A=${'\\,'.repeat(10_000)}`],
  ['10,000 keys', Array.from({ length: 10_000 }, (_, i) => `K${i}=v`).join(',')],
  ['100,000 spaces inside a value', `A=a${' '.repeat(100_000)}b`],
  ['100,000 spaces at the start', `${' '.repeat(100_000)}A=b`],
];

describe(parseShorthand.name, () => {
  it('agrees with Python on seeded random inputs', () => {
    const rows = JSON.parse(readFileSync(new URL('../../../fixtures/shorthand/fuzz.json', import.meta.url), 'utf8')) as FuzzRow[];
    const mismatches = rows.filter(({ input, ...python }) => !isDeepStrictEqual(outcome(input), python));
    expect(rows.length).toBeGreaterThan(1000);
    expect(mismatches.map((row) => row.input)).toStrictEqual([]);
  });

  it('returns a PyDict or throws ShorthandParseError for 4,000 seeded random inputs', () => {
    const random = createRandom(20240601);
    for (let i = 0; i < 4000; i++) {
      const input = randomInput(random);
      const thrown = thrownBy(() => expect(parseShorthand(input)).toBeInstanceOf(PyDict));
      if (thrown === undefined) continue;
      expect(thrown, JSON.stringify(input)).toBeInstanceOf(ShorthandParseError);
      const { index, input: reported } = thrown as ShorthandParseError;
      expect(reported).toBe(input);
      expect(index).toBeGreaterThanOrEqual(0);
      expect(index).toBeLessThanOrEqual(Array.from(input).length);
    }
  });

  it.each(PATHOLOGICAL)('handles %s in time', (_name, input) => {
    const { result, ms } = timed(() => thrownBy(() => parseShorthand(input)));
    expect(result === undefined || result instanceof ShorthandParseError).toBe(true);
    expect(ms).toBeLessThan(TIME_LIMIT_MS);
  });

  // AWS CLI quirk: Python's recursion limit stops awscli with a raw RecursionError (exit 255).
  it.each([
    ['2,000 nested brackets', `A=${'['.repeat(2000)}${']'.repeat(2000)}`, 'maximum recursion depth exceeded'],
    ['2,000 unclosed brackets', `A=${'['.repeat(2000)}`, 'maximum recursion depth exceeded'],
    ['2,000 nested hashes', `A=${'{a='.repeat(2000)}x${'}'.repeat(2000)}`, 'maximum recursion depth exceeded'],
  ])('crashes on %s as aws does, in time', (_name, input, message) => {
    const { result, ms } = timed(() => thrownBy(() => parseShorthand(input)));
    expect(result).toBeInstanceOf(GeneralError);
    expect(result).toMatchObject({ code: 'PYTHON_CRASH', exitCode: 255, message });
    expect(ms).toBeLessThan(TIME_LIMIT_MS);
  });
});
