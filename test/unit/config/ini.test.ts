import { describe, expect, it } from 'vitest';
import { parseIni, IniParseError, type IniFile } from '../../../src/config/ini.js';
import rows from '../../../fixtures/config/ini.json' with { type: 'json' };

// Expectations from botocore's raw_config_parse (scripts/gen-ini-fixtures.py).
function plain(file: IniFile): unknown {
  return Object.fromEntries(
    [...file].map(([section, values]) => [section, Object.fromEntries([...values].map(([k, v]) => [k, typeof v === 'string' ? v : Object.fromEntries(v)]))]),
  );
}

describe(parseIni.name, () => {
  it.each(rows.filter((r) => !('error' in r)))('$name', ({ text, expected }) => {
    expect(plain(parseIni(text))).toEqual(expected);
  });

  it.each(rows.filter((r) => 'error' in r))('rejects $name', ({ text }) => {
    expect(() => parseIni(text)).toThrow(IniParseError);
  });
});
