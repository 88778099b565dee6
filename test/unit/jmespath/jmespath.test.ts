import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EmptyExpressionError, IncompleteExpressionError, LexerError, ParseError, UnknownFunctionError } from '../../../src/jmespath/errors.js';
import { compileQuery, isCompileError, JmespathError, searchQuery } from '../../../src/jmespath/query.js';
import { parsePyJson } from '../../../src/values/py-json-parse.js';
import { JMESPATH_INPUTS } from '../../helpers/pathological-inputs.js';
import { pyFloatRepr } from '../../../src/values/py-float.js';
import { pyRepr, pyTypeName } from '../../../src/values/py-repr.js';
import { PyDict, PyFloat, PyObject, type PyValue } from '../../../src/values/py-value.js';
import { fromTagged, type TaggedValue } from '../../helpers/tagged-value.js';

// The JMESPath port against jmespath.py 1.0.1, the library of AWS CLI v2.9.19:
// 1. the compliance suite (fixtures/jmespath-compliance/, parsed with Python's json semantics so
//    1.0 stays a float), against the suite's expected value or error kind, and against what
//    jmespath.py itself returned for each case (fixtures/jmespath/compliance-python.json);
// 2. fixtures/jmespath/python.json: probes of Python-specific behaviour and every kind of error;
// 3. the API around them (error classes, phases, results that cannot be returned).
// Both Python tables come from scripts/gen-jmespath-fixtures.py: the typed result, or the error's
// Python class, str() and phase.

interface PythonRow {
  expression: string;
  given?: string;
  data?: TaggedValue;
  result?: TaggedValue;
  error?: { phase: 'compile' | 'search'; type: string; message: string };
}

interface PythonFixture {
  jmespath: string;
  data: Record<string, TaggedValue>;
  cases: PythonRow[];
}

function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../../fixtures/jmespath/${name}`, import.meta.url), 'utf8')) as T;
}

/** A PyValue in the fixtures' typed notation, so results compare with types and key order. */
function toTaggedValue(value: PyValue): TaggedValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return { $int: value.toString() };
  if (value instanceof PyFloat) return { $float: pyFloatRepr(value.value) };
  if (Array.isArray(value)) return value.map(toTaggedValue);
  if (value instanceof PyDict) {
    return { $dict: [...value].map(([k, v]): [string, TaggedValue] => [k, toTaggedValue(v)]) };
  }
  throw new TypeError('no tagged form');
}

type Outcome = { result: TaggedValue } | { error: { phase: string; type: string; message: string } };

/** What compileQuery + searchQuery do with `expression` on `data`, in the fixtures' terms. */
function outcomeOf(expression: string, data: PyValue): Outcome {
  try {
    return { result: toTaggedValue(searchQuery(compileQuery(expression), data)) };
  } catch (error) {
    if (!(error instanceof JmespathError)) throw error;
    return { error: { phase: error.phase, type: error.pythonType, message: error.message } };
  }
}

const COMPLIANCE_DIR = new URL('../../../fixtures/jmespath-compliance/', import.meta.url);

interface PythonCase {
  expression: string;
  file: string;
  result?: TaggedValue;
  error?: { phase: string; type: string; message: string };
}

interface ComplianceCase {
  name: string;
  file: string;
  expression: string;
  given: PyValue;
  result?: PyValue;
  error?: string;
  python: PythonCase;
}

function field(dict: PyValue, key: string): PyValue | undefined {
  if (!(dict instanceof PyDict)) throw new TypeError('expected an object');
  return dict.get(key);
}

// Suite cases in file order, each paired with its row in compliance-python.json.
function loadCompliance(): ComplianceCase[] {
  const python = loadFixture<{ cases: PythonCase[] }>('compliance-python.json').cases;
  const files = readdirSync(COMPLIANCE_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const cases: ComplianceCase[] = [];
  for (const file of files) {
    const groups = parsePyJson(readFileSync(new URL(file, COMPLIANCE_DIR), 'utf8')) as PyValue[];
    for (const group of groups) {
      for (const item of field(group, 'cases') as PyValue[]) {
        const expression = field(item, 'expression') as string;
        const py = python[cases.length];
        if (py === undefined || py.expression !== expression || py.file !== file) {
          throw new Error(`compliance-python.json is out of step at ${file} ${expression}`);
        }
        const error = field(item, 'error');
        cases.push({
          name: `${file} #${cases.length} ${JSON.stringify(expression).slice(0, 70)}`,
          file,
          expression,
          given: field(group, 'given') ?? null,
          result: field(item, 'result'),
          error: typeof error === 'string' ? error : undefined,
          python: py,
        });
      }
    }
  }
  return cases;
}

// The tagged form with dict keys sorted: the suite's expected values do not pin key order.
function unordered(value: TaggedValue): TaggedValue {
  if (Array.isArray(value)) return value.map(unordered);
  if (value !== null && typeof value === 'object' && '$dict' in value) {
    const entries = value.$dict.map(([k, v]): [string, TaggedValue] => [k, unordered(v)]);
    return { $dict: entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) };
  }
  return value;
}

const ERROR_KINDS: Readonly<Record<string, { phase: string; types: readonly string[] }>> = {
  syntax: {
    phase: 'compile',
    types: ['LexerError', 'ParseError', 'IncompleteExpressionError', 'EmptyExpressionError'],
  },
  'invalid-type': { phase: 'search', types: ['JMESPathTypeError'] },
  'invalid-arity': { phase: 'search', types: ['ArityError', 'VariadictArityError'] },
  'unknown-function': { phase: 'search', types: ['UnknownFunctionError'] },
  'invalid-value': { phase: 'search', types: ['ValueError'] },
};

const cases = loadCompliance();
const resultCases = cases.filter((c) => c.result !== undefined);
const errorCases = cases.filter((c) => c.error !== undefined);
const benchCases = cases.filter((c) => c.result === undefined && c.error === undefined);

describe('JMESPath compliance suite (jmespath.py 1.0.1)', () => {
  it('has every case of the suite', () => {
    expect([cases.length, resultCases.length, errorCases.length, benchCases.length]).toStrictEqual([908, 752, 150, 6]);
  });

  it.each(resultCases)('$name gives the expected value', (c) => {
    const outcome = outcomeOf(c.expression, c.given);
    expect('result' in outcome ? unordered(outcome.result) : outcome).toStrictEqual(unordered(toTaggedValue(c.result ?? null)));
  });

  it.each(errorCases)('$name raises the expected kind of error', (c) => {
    const outcome = outcomeOf(c.expression, c.given);
    const kind = ERROR_KINDS[c.error ?? ''];
    expect(kind).toBeDefined();
    expect('error' in outcome && outcome.error.phase).toBe(kind?.phase);
    expect(kind?.types).toContain('error' in outcome ? outcome.error.type : 'no error');
  });

  it.each(cases)('$name matches jmespath.py exactly (types, key order, message)', (c) => {
    const { result, error } = c.python;
    expect(outcomeOf(c.expression, c.given)).toStrictEqual(error === undefined ? { result } : { error });
  });
});

const fixture = loadFixture<PythonFixture>('python.json');
const named = new Map(Object.entries(fixture.data).map(([name, value]) => [name, fromTagged(value)]));
const rows = fixture.cases.map((row, i) => ({
  ...row,
  name: `#${i} ${JSON.stringify(row.expression).slice(0, 80)}`,
  input: row.given === undefined ? fromTagged(row.data ?? null) : (named.get(row.given) ?? null),
}));

describe('jmespath.py 1.0.1 behaviour (python.json)', () => {
  it('was recorded from jmespath 1.0.1', () => {
    expect(fixture.jmespath).toBe('1.0.1');
    expect(rows.length).toBeGreaterThan(500);
  });

  it.each(rows.filter((row) => row.error === undefined))('$name gives the typed result', (row) => {
    expect(outcomeOf(row.expression, row.input)).toStrictEqual({ result: row.result });
  });

  it.each(rows.filter((row) => row.error !== undefined))('$name fails as in Python', (row) => {
    expect(outcomeOf(row.expression, row.input)).toStrictEqual({ error: row.error });
  });
});

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe(compileQuery.name, () => {
  it('reports compile errors with Python classes, messages and phase', () => {
    const lexer = thrownBy(() => compileQuery('Job.$'));
    expect(lexer).toBeInstanceOf(LexerError);
    expect(lexer).toBeInstanceOf(ParseError);
    expect(lexer).toMatchObject({
      phase: 'compile',
      message: 'Bad jmespath expression: Unknown token $:\nJob.$\n    ^',
    });
    expect(isCompileError(lexer)).toBe(true);
    expect(thrownBy(() => compileQuery('Job['))).toBeInstanceOf(IncompleteExpressionError);
    expect(thrownBy(() => compileQuery(''))).toBeInstanceOf(EmptyExpressionError);
    expect(thrownBy(() => compileQuery('Job..x'))).toMatchObject({
      message:
        "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: dot: " +
        'Parse error at column 4, token "." (DOT), for expression:\n"Job..x"\n     ^',
    });
  });

  it('counts caret columns in code points', () => {
    expect(thrownBy(() => compileQuery('"😀".$'))).toMatchObject({
      message: 'Bad jmespath expression: Unknown token $:\n"😀".$\n    ^',
    });
  });

  it('leaves unknown functions and arity to search time', () => {
    const query = compileQuery('unknownfn(@)');
    const error = thrownBy(() => searchQuery(query, null));
    expect(error).toBeInstanceOf(UnknownFunctionError);
    expect(isCompileError(error)).toBe(false);
    expect(error).toMatchObject({ phase: 'search', message: 'Unknown function: unknownfn()' });
  });

  // How fast: scripts/bench-inputs.ts.
  it('handles pathological input', () => {
    expect(thrownBy(() => compileQuery(JMESPATH_INPUTS.unclosedString))).toBeInstanceOf(LexerError);
    expect(thrownBy(() => compileQuery(JMESPATH_INPUTS.unclosedLiteral))).toBeInstanceOf(LexerError);
    expect(thrownBy(() => compileQuery(JMESPATH_INPUTS.openBrackets))).toBeInstanceOf(IncompleteExpressionError);
    expect(searchQuery(compileQuery(JMESPATH_INPUTS.nestedParens), 1n)).toBe(1n);
    expect(searchQuery(compileQuery(JMESPATH_INPUTS.longPath), null)).toBe(null);
  });

  it("turns a stack overflow into Python's RecursionError (Python overflows sooner)", () => {
    const deep = `${'('.repeat(100_000)}a${')'.repeat(100_000)}`;
    expect(thrownBy(() => compileQuery(deep))).toMatchObject({
      phase: 'compile',
      pythonType: 'RecursionError',
      message: 'maximum recursion depth exceeded',
    });
  });
});

describe(searchQuery.name, () => {
  it('returns dicts that keep key order', () => {
    const data = new PyDict([
      ['b', 1n],
      ['2', 2n],
      ['1', 3n],
    ]);
    expect(searchQuery(compileQuery('keys(@)'), data)).toStrictEqual(['b', '2', '1']);
  });

  it('returns expression references as objects outside the value model (the formatters decide)', () => {
    const [expref] = searchQuery(compileQuery('[&a]'), new PyDict()) as PyValue[];
    expect(expref).toBeInstanceOf(PyObject);
    expect(pyRepr(expref ?? null)).toBe('<jmespath.visitor._Expression object at 0x7f0000000000>');
    expect(pyTypeName(expref ?? null)).toBe('_Expression');
  });
});
