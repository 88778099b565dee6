import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatTimestamp, type Zone } from '../../../src/output/timestamp.js';
import { PyFloat } from '../../../src/values/py-value.js';
import rows from '../../../fixtures/output/timestamps.json' with { type: 'json' };

// The zone files of this machine (/usr/share/zoneinfo), as the reference reads them.
function zone(name: string): Zone {
  return {
    name,
    readFile: (path) => {
      try {
        return new Uint8Array(readFileSync(path));
      } catch {
        return undefined;
      }
    },
  };
}

// Expectations from Python: datetime.fromtimestamp(value, tzlocal()).isoformat() under each TZ.
describe(formatTimestamp.name, () => {
  it.each(rows)('$name', ({ tz, value, kind, expected }) => {
    const wire = kind === 'int' ? BigInt(value) : new PyFloat(Number(value));
    expect(formatTimestamp(wire, 'iso8601', zone(tz))).toBe(expected);
  });

  it('crashes as datetime does on an offset of a day (TZ=ABC24)', () => {
    expect(() => formatTimestamp(1675080000n, 'iso8601', zone('ABC24'))).toThrow(
      expect.objectContaining({ code: 'PYTHON_CRASH', message: 'offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).' }),
    );
  });

  it('keeps the wire value with the wire format', () => {
    const wire = new PyFloat(1675080000.123);
    expect(formatTimestamp(wire, 'wire', zone('UTC'))).toBe(wire);
  });

  it.each([
    ['2023-01-30T12:00:00Z', '2023-01-30T12:00:00+00:00'],
    ['2023-01-30T12:00:00.5+02:00', '2023-01-30T12:00:00.500000+02:00'],
    ['1675080000.5', '2023-01-30T12:00:00.500000+00:00'],
  ])('reads the string %s as the reference does', (text, expected) => {
    expect(formatTimestamp(text, 'iso8601', zone('UTC'))).toBe(expected);
  });
});
