import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GeneralError } from '../../../src/errors.js';
import { formatTimestamp, type Zone } from '../../../src/output/timestamp.js';
import { parsePyJson } from '../../../src/values/py-json-parse.js';
import { PyFloat } from '../../../src/values/py-value.js';
import table from '../../../fixtures/output/timestamps.json' with { type: 'json' };
import table2367 from '../../../fixtures/output/timestamps-2.36.7.json' with { type: 'json' };

// Expectations from botocore itself: parse_timestamp(json.loads(wire)).isoformat() under each TZ
// with datetime.now() fixed (scripts/gen-timestamp-table.py).
// The zone files of this machine (/usr/share/zoneinfo), as the reference reads them.
const ZONES = new Map<string, Zone>();

// One zone object per name, as a run has one (the parsed zone is cached per object).
function zone(name: string): Zone {
  const known = ZONES.get(name);
  if (known) return known;
  const made: Zone = {
    name,
    readFile: (path) => {
      try {
        return new Uint8Array(readFileSync(path));
      } catch {
        return undefined;
      }
    },
  };
  ZONES.set(name, made);
  return made;
}

interface Row {
  readonly tz: string;
  readonly wire: string;
  readonly expected?: string;
  readonly error?: string;
  readonly warning?: string;
}

// The 2.36.7 table (its botocore: OverflowErrors caught, the epoch + timedelta fallback).
const rows = [
  ...(table.rows as Row[]).map((row) => ({ ...row, name: `${row.wire} in ${row.tz}`, fallback: false, now: table.now })),
  ...(table2367.rows as Row[]).map((row) => ({ ...row, name: `2.36.7: ${row.wire} in ${row.tz}`, fallback: true, now: table2367.now })),
];

function run(row: Row & { fallback: boolean; now: number }): { result?: unknown; error?: string; warnings: string[] } {
  const warnings: string[] = [];
  const clock = { nowMs: row.now * 1000, warn: (text: string) => warnings.push(text), epochFallback: row.fallback };
  try {
    const result = formatTimestamp(parsePyJson(row.wire), 'iso8601', zone(row.tz), clock);
    return { result, warnings };
  } catch (error) {
    if (!(error instanceof GeneralError)) throw error;
    return { error: error.message, warnings };
  }
}

describe(formatTimestamp.name, () => {
  it.each(rows)('$name', (row) => {
    const outcome = run(row);
    if (row.error !== undefined) expect(outcome.error).toBe(row.error);
    else expect(outcome.result).toBe(row.expected);
    expect(outcome.warnings.join('')).toBe(row.warning ?? '');
  });

  it('crashes as datetime does on an offset of a day (TZ=ABC24)', () => {
    expect(() => formatTimestamp(1675080000n, 'iso8601', zone('ABC24'))).toThrow(
      expect.objectContaining({ code: 'PYTHON_CRASH', message: 'offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).' }),
    );
  });

  it('keeps the wire value with the wire format', () => {
    const wire = new PyFloat(1675080000.123);
    expect(formatTimestamp(wire, 'wire', 'UTC')).toBe(wire);
  });
});
