// Name conversions against botocore's own xform_name (fixtures/model/xform-names.json).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { xformName } from '../../../src/model/names.js';

const { rows } = JSON.parse(readFileSync(new URL('../../../fixtures/model/xform-names.json', import.meta.url), 'utf8')) as {
  rows: { name: string; expected: string }[];
};

describe(xformName.name, () => {
  it.each(rows)('$name → $expected', ({ name, expected }) => {
    expect(xformName(name)).toBe(expected);
  });
});
