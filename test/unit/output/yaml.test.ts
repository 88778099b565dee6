import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatYaml, formatYamlStream } from '../../../src/output/yaml.js';
import { PyDateTime, PyDict, PyFloat, PyObject, type PyValue } from '../../../src/values/py-value.js';
import { fromTagged, type Tagged } from '../../helpers/py-tagged.js';

// Rows from scripts/gen-yaml-output-fixtures.py: each value through awscli's YAMLFormatter and
// StreamedYAMLFormatter. A Python object met twice is {"anchor": n, "value"} then {"alias": n}.
type SharedTagged = Tagged | { anchor: number; value: SharedTagged } | { alias: number };

interface Row {
  name: string;
  value: SharedTagged;
  yaml: string;
  yamlStream: string;
}

const rows = JSON.parse(readFileSync(new URL('../../../fixtures/output/yaml.json', import.meta.url), 'utf8')) as Row[];

function decode(tagged: SharedTagged, shared: Map<number, PyValue>): PyValue {
  if (tagged !== null && typeof tagged === 'object' && !Array.isArray(tagged)) {
    if ('alias' in tagged) return shared.get(tagged.alias) as PyValue;
    if ('anchor' in tagged) {
      const value = decode(tagged.value, shared);
      shared.set(tagged.anchor, value);
      return value;
    }
    if ('dict' in tagged) {
      return new PyDict(
        tagged.dict.map(([k, v]) => [k, decode(v, shared)]),
        tagged.ordered,
      );
    }
  }
  if (Array.isArray(tagged)) return tagged.map((item) => decode(item, shared));
  return fromTagged(tagged);
}

describe(formatYaml.name, () => {
  it.each(rows)('$name', ({ value, yaml }) => {
    expect(formatYaml(decode(value, new Map()), '2.9.19')).toBe(yaml);
  });

  it('prints an empty dict as nothing and an empty list as []', () => {
    expect(formatYaml(new PyDict(), '2.9.19')).toBe('');
    expect(formatYaml([], '2.9.19')).toBe('[]\n');
  });

  it('prints a top-level datetime as its JSON isoformat', () => {
    expect(formatYaml(new PyDateTime('datetime', '1970-01-01 00:00:00'), '2.9.19')).toBe('"1970-01-01T00:00:00"\n');
  });

  it("fails as ruamel's RepresenterError on an object it has no representer for, alone or nested", () => {
    const message = 'cannot represent an object: <jmespath.visitor._Expression object at 0x7f0000000000>';
    const expref = new PyObject('jmespath.visitor', '_Expression');
    for (const value of [
      expref,
      [expref],
      new PyDict([
        ['a', 1n],
        ['b', expref],
      ]),
    ]) {
      expect(() => formatYaml(value, '2.9.19')).toThrow(message);
      expect(() => formatYamlStream(value)).toThrow(message);
    }
  });
});

describe(formatYamlStream.name, () => {
  it.each(rows)('$name', ({ value, yamlStream }) => {
    expect(formatYamlStream(decode(value, new Map()))).toBe(yamlStream);
  });

  it('wraps scalars in a one-element list', () => {
    expect(formatYamlStream(new PyFloat(1.5))).toBe('- 1.5\n');
    expect(formatYamlStream(null)).toBe('- null\n');
  });
});
