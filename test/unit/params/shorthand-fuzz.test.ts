import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { GeneralError } from '../../../src/errors.js';
import { GENERATIONS, type Generation } from '../../../src/model/generation.js';
import { parseShorthand } from '../../../src/params/shorthand.js';
import { DuplicateKeyError, ShorthandParseError } from '../../../src/params/shorthand-errors.js';
import { PyDict } from '../../../src/values/py-value.js';
import { ParamfileError } from '../../../src/params/paramfile.js';
import { SHORTHAND_INPUTS, SHORTHAND_RECURSION_INPUTS } from '../../helpers/pathological-inputs.js';
import { toTagged, type Tagged } from '../../helpers/py-tagged.js';
import { FAKE_PARAMFILES, shorthandRows } from '../../helpers/shorthand-fixtures.js';

// Three kinds of fuzzing, in each generation: seeded random inputs with Python's answers
// (fixtures/shorthand/fuzz*.json, from scripts/gen-shorthand-fixtures.py), a seeded generator over the grammar's characters that
// checks the parser only returns or throws ShorthandParseError, and pathological inputs (awscli's
// own quoted-value regex takes exponential time on some of them; their timings are measured by
// scripts/bench-inputs.ts).
interface FuzzRow {
  input: string;
  expected?: Tagged;
  error?: ReturnType<typeof describeError>;
}

const ALPHABET = [
  ...'=,[]{}\'"\\ ',
  ...'abcXYZ0189#./:-_',
  '\t',
  '\n',
  '\r',
  '\x0b',
  '\x0c',
  '\x1c',
  '\x00',
  '\x7f',
  'é',
  '日',
  'e\u0301',
  '\u3000',
  '\xa0',
  '\x85',
  '\u200b',
  '\ufeff',
  '\uffff',
  '😀',
  '\ud800',
];
/** Fragments that steer random inputs deeper into the grammar. */
const FRAGMENTS = ['A=', 'B=', '=', ',', ', ', '[', ']', '{', '}', "'x'", '"y"', '\\,', "'a\\'", '"\\\\"', 'k=v', ' ', '@', '@=', 'file://'];

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

/** A ShorthandParseError (or a paramfile's error) as the fixture rows describe Python's exception. */
function describeError(error: ShorthandParseError | ParamfileError): { code: string; type: string; index?: number; message: string } {
  if (error instanceof ParamfileError) return { code: 'PARAMFILE_UNREADABLE', type: 'ResourceLoadingError', message: error.message };
  const type = error instanceof DuplicateKeyError ? 'DuplicateKeyInObjectError' : 'ShorthandParseSyntaxError';
  return { code: error.code, type, index: error.index, message: error.message };
}

/** What the parser did with `input`, as comparable data; anything but a ShorthandParseError or ParamfileError is rethrown. */
function outcome(input: string, generation: Generation): Pick<FuzzRow, 'expected' | 'error'> {
  try {
    return { expected: toTagged(parseShorthand(input, generation, FAKE_PARAMFILES)) };
  } catch (error) {
    if (!(error instanceof ShorthandParseError || error instanceof ParamfileError)) throw error;
    return { error: describeError(error) };
  }
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

describe.each(GENERATIONS)(`${parseShorthand.name} as awscli %s`, (generation) => {
  it('agrees with Python on seeded random inputs', () => {
    const rows = shorthandRows<FuzzRow>(['fuzz'], generation, 'input');
    const mismatches = rows.filter(({ input, ...python }) => !isDeepStrictEqual(outcome(input, generation), python));
    expect(rows.length).toBeGreaterThan(1000);
    expect(mismatches.map((row) => row.input)).toStrictEqual([]);
  });

  it('returns a PyDict or throws ShorthandParseError for 4,000 seeded random inputs', () => {
    const random = createRandom(20240601);
    for (let i = 0; i < 4000; i++) {
      const input = randomInput(random);
      const thrown = thrownBy(() => expect(parseShorthand(input, generation)).toBeInstanceOf(PyDict));
      if (thrown === undefined) continue;
      expect(thrown, JSON.stringify(input)).toBeInstanceOf(ShorthandParseError);
      const { index, input: reported } = thrown as ShorthandParseError;
      expect(reported).toBe(input);
      expect(index).toBeGreaterThanOrEqual(0);
      expect(index).toBeLessThanOrEqual(Array.from(input).length);
    }
  });

  // Where awscli's backtracking regex never ends; how fast ours is: scripts/bench-inputs.ts.
  it.each(SHORTHAND_INPUTS)('handles %s', (_name, input) => {
    const result = thrownBy(() => parseShorthand(input, generation));
    expect(result === undefined || result instanceof ShorthandParseError).toBe(true);
  });

  // AWS CLI quirk: Python's recursion limit stops awscli with a raw RecursionError (exit 255).
  it.each(SHORTHAND_RECURSION_INPUTS)('crashes on %s as aws does', (_name, input, message) => {
    const result = thrownBy(() => parseShorthand(input, generation));
    expect(result).toBeInstanceOf(GeneralError);
    expect(result).toMatchObject({ code: 'PYTHON_CRASH', exitCode: 255, message });
  });
});
