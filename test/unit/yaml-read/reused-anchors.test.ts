import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadYamlInput, YamlInputError } from '../../../src/yaml-read/load-yaml-input.js';
import { pyRepr } from '../../../src/values/py-repr.js';

// Rows come from scripts/gen-yaml-anchor-fixtures.py, which loads each document with the real
// ruamel.yaml 0.17.21 in a Python of its own and keeps what it wrote to stderr: the
// ReusedAnchorWarning of every anchor defined again, in order, before any error.
interface Row {
  name: string;
  input: string;
  stderr: string;
  outcome: 'ok' | 'YAML_ERROR' | 'PYTHON_CRASH';
  repr?: string;
}

const ROWS = JSON.parse(readFileSync(new URL('../../../fixtures/yaml-input/reused-anchors.json', import.meta.url), 'utf8')) as Row[];

function replay(input: string): Pick<Row, 'stderr' | 'outcome' | 'repr'> {
  let stderr = '';
  const warn = (text: string): void => {
    stderr += text;
  };
  try {
    const repr = pyRepr(loadYamlInput(input, warn));
    return { stderr, outcome: 'ok', repr };
  } catch (error) {
    if (!(error instanceof YamlInputError)) throw error;
    return { stderr, outcome: error.code };
  }
}

describe('ReusedAnchorWarning (fixtures/yaml-input/reused-anchors.json)', () => {
  it.each(ROWS)('$name', (row) => {
    const expected = row.outcome === 'ok' ? { stderr: row.stderr, outcome: row.outcome, repr: row.repr } : { stderr: row.stderr, outcome: row.outcome };
    expect(replay(row.input)).toStrictEqual(expected);
  });

  it('prints nothing without a sink', () => {
    expect(pyRepr(loadYamlInput('a: &x 1\nb: &x 2\nc: *x'))).toBe("{'a': 1, 'b': 2, 'c': 2}");
  });
});
