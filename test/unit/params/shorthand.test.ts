import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GeneralError } from '../../../src/errors.js';
import { parseShorthand } from '../../../src/params/shorthand.js';
import { DuplicateKeyError, ShorthandParseError, ShorthandSyntaxError } from '../../../src/params/shorthand-errors.js';
import { toTagged, type Tagged } from '../../helpers/py-tagged.js';

// Rows come from scripts/gen-shorthand-fixtures.py, which runs awscli.shorthand.ShorthandParser
// (2.9.19). Parse results are compared as tagged JSON, so key order and `__proto__` keys count.
interface PythonError {
  code: 'SHORTHAND_SYNTAX' | 'PYTHON_CRASH';
  type: 'ShorthandParseSyntaxError' | 'DuplicateKeyInObjectError' | 'RecursionError';
  index?: number;
  message: string;
}
interface ValidRow {
  name: string;
  input: string;
  expected: Tagged;
}
interface InvalidRow {
  name: string;
  input: string;
  error: PythonError;
}
/** A deep input as [text, repeat] pieces; `expected: 'ok'` means it parses. */
interface RecursionRow {
  name: string;
  pieces: [string, number][];
  expected?: 'ok';
  error?: PythonError;
}

function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../../fixtures/shorthand/${name}`, import.meta.url), 'utf8')) as T;
}

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

const ERROR_CLASSES = {
  ShorthandParseSyntaxError: ShorthandSyntaxError,
  DuplicateKeyInObjectError: DuplicateKeyError,
  RecursionError: GeneralError,
} as const;

/** Asserts that parsing `input` throws what Python raised. */
function expectPythonError(input: string, error: PythonError): void {
  const thrown = catchError(() => parseShorthand(input));
  expect(thrown).toBeInstanceOf(ERROR_CLASSES[error.type]);
  const { code, message, exitCode } = thrown as GeneralError | ShorthandParseError;
  expect({ code, message }).toStrictEqual({ code: error.code, message: error.message });
  expect(exitCode).toBe(error.code === 'PYTHON_CRASH' ? 255 : 252);
  if (thrown instanceof ShorthandParseError) expect({ input: thrown.input, index: thrown.index }).toStrictEqual({ input, index: error.index });
}

describe(parseShorthand.name, () => {
  it.each(loadFixture<ValidRow[]>('valid.json'))('parses $name', ({ input, expected }) => {
    expect(toTagged(parseShorthand(input))).toStrictEqual(expected);
  });

  it.each(loadFixture<InvalidRow[]>('invalid.json'))('rejects $name', ({ input, error }) => {
    expectPythonError(input, error);
  });

  it.each(loadFixture<RecursionRow[]>('recursion.json'))('runs into the recursion limit as aws does: $name', ({ pieces, expected, error }) => {
    const input = pieces.map(([text, count]) => text.repeat(count)).join('');
    if (expected === 'ok') expect(() => parseShorthand(input)).not.toThrow();
    else if (error) expectPythonError(input, error);
    else throw new Error('row has neither expected nor error');
  });

  it('keeps the written key order, digits first or not', () => {
    expect([...parseShorthand('b=1,2=x,a={z=1,1=2}').keys()]).toStrictEqual(['b', '2', 'a']);
  });

  it('builds plain dicts, not OrderedDicts', () => {
    const value = parseShorthand('A={B={}}');
    expect(value.ordered).toBe(false);
    expect(toTagged(value)).toStrictEqual({ dict: [['A', { dict: [['B', { dict: [], ordered: false }]], ordered: false }]], ordered: false });
  });

  it('puts the caret under the failing code point, counting astral characters once', () => {
    const thrown = catchError(() => parseShorthand("A='😀😀'x"));
    expect(thrown).toBeInstanceOf(ShorthandSyntaxError);
    expect((thrown as ShorthandSyntaxError).message).toBe("Expected: ',', received: 'x' for input:\nA='😀😀'x\n      ^");
    expect((thrown as ShorthandSyntaxError).index).toBe(6);
  });
});
