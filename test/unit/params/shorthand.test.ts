import { describe, expect, it } from 'vitest';
import { GeneralError } from '../../../src/errors.js';
import { GENERATIONS, type Generation } from '../../../src/model/generation.js';
import { ParamfileError } from '../../../src/params/paramfile.js';
import { parseShorthand } from '../../../src/params/shorthand.js';
import { DuplicateKeyError, ShorthandParseError, ShorthandSyntaxError } from '../../../src/params/shorthand-errors.js';
import { FAKE_PARAMFILES, shorthandRows } from '../../helpers/shorthand-fixtures.js';
import { toTagged, type Tagged } from '../../helpers/py-tagged.js';

// Rows come from scripts/gen-shorthand-fixtures.py, which runs awscli.shorthand.ShorthandParser
// of each generation (2.36.7's rows where it differs from 2.9.19). Parse results are compared as
// tagged JSON, so key order and `__proto__` keys count. `@=` values are read through FAKE_PARAMFILES.
interface PythonError {
  code: 'SHORTHAND_SYNTAX' | 'PYTHON_CRASH' | 'PARAMFILE_UNREADABLE';
  type: 'ShorthandParseSyntaxError' | 'DuplicateKeyInObjectError' | 'RecursionError' | 'ResourceLoadingError';
  index?: number;
  message: string;
}
interface ParseRow {
  name: string;
  input: string;
  expected?: Tagged;
  error?: PythonError;
}
/** A deep input as [text, repeat] pieces; `expected: 'ok'` means it parses. */
interface RecursionRow {
  name: string;
  pieces: [string, number][];
  expected?: 'ok';
  error?: PythonError;
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
  ResourceLoadingError: ParamfileError,
} as const;

function parse(input: string, generation: Generation) {
  return parseShorthand(input, generation, FAKE_PARAMFILES);
}

/** Asserts that parsing `input` throws what Python raised. */
function expectPythonError(input: string, generation: Generation, error: PythonError): void {
  const thrown = catchError(() => parse(input, generation));
  expect(thrown).toBeInstanceOf(ERROR_CLASSES[error.type]);
  if (thrown instanceof ParamfileError) {
    // unpack.ts turns it into the general error (exit 255) awscli ends with.
    expect(thrown.message).toBe(error.message);
    return;
  }
  const { code, message, exitCode } = thrown as GeneralError | ShorthandParseError;
  expect({ code, message }).toStrictEqual({ code: error.code, message: error.message });
  expect(exitCode).toBe(error.code === 'PYTHON_CRASH' ? 255 : 252);
  if (thrown instanceof ShorthandParseError) expect({ input: thrown.input, index: thrown.index }).toStrictEqual({ input, index: error.index });
}

describe.each(GENERATIONS)(`${parseShorthand.name} as awscli %s`, (generation) => {
  const rows = shorthandRows<ParseRow>(['valid', 'invalid'], generation);

  it.each(rows.filter((row) => row.expected !== undefined))('parses $name', ({ input, expected }) => {
    expect(toTagged(parse(input, generation))).toStrictEqual(expected);
  });

  it.each(rows.filter((row) => row.error !== undefined))('rejects $name', ({ input, error }) => {
    if (error) expectPythonError(input, generation, error);
  });

  it.each(shorthandRows<RecursionRow>(['recursion'], generation))('runs into the recursion limit as aws does: $name', ({ pieces, expected, error }) => {
    const input = pieces.map(([text, count]) => text.repeat(count)).join('');
    if (expected === 'ok') expect(() => parse(input, generation)).not.toThrow();
    else if (error) expectPythonError(input, generation, error);
    else throw new Error('row has neither expected nor error');
  });

  it('keeps the written key order, digits first or not', () => {
    expect([...parse('b=1,2=x,a={z=1,1=2}', generation).keys()]).toStrictEqual(['b', '2', 'a']);
  });

  it('builds plain dicts, not OrderedDicts', () => {
    const value = parse('A={B={}}', generation);
    expect(value.ordered).toBe(false);
    expect(toTagged(value)).toStrictEqual({ dict: [['A', { dict: [['B', { dict: [], ordered: false }]], ordered: false }]], ordered: false });
  });
});

describe(parseShorthand.name, () => {
  it('puts the caret under the failing code point, counting astral characters once', () => {
    const thrown = catchError(() => parseShorthand("A='😀😀'x", '2.9.19'));
    expect(thrown).toBeInstanceOf(ShorthandSyntaxError);
    expect((thrown as ShorthandSyntaxError).message).toBe("Expected: ',', received: 'x' for input:\nA='😀😀'x\n      ^");
    expect((thrown as ShorthandSyntaxError).index).toBe(6);
  });

  it('in 2.36.7 indents the input line of the location, not the caret line', () => {
    const thrown = catchError(() => parseShorthand("A='😀😀'x", '2.36.7'));
    expect((thrown as ShorthandSyntaxError).message).toBe("Expected: ',', received: 'x' for input:\n A='😀😀'x\n      ^");
  });

  it('reads nothing without paramfiles: `@=` values stay as written', () => {
    expect(toTagged(parseShorthand('A@=file://a', '2.36.7'))).toStrictEqual({ dict: [['A', 'file://a']], ordered: false });
  });

  it('asks the paramfiles for each `@=` value in the order awscli reads them, backtracked ones too', () => {
    const asked: string[] = [];
    parseShorthand('A@=file://a,file://b=x,C={D@=[fileb://d,e]},F=file://f', '2.36.7', {
      isParamfile: FAKE_PARAMFILES.isParamfile,
      read: (value) => {
        asked.push(value);
        return value;
      },
    });
    expect(asked).toStrictEqual(['file://a', 'file://b', 'fileb://d']);
  });
});
