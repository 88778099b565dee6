import { describe, expect, it } from 'vitest';
import { formatTimestamp } from '../../../src/output/timestamp.js';
import { PyFloat } from '../../../src/values/py-value.js';
import rows from '../../../fixtures/output/timestamps.json' with { type: 'json' };

// Expectations from Python: datetime.fromtimestamp(value, tzlocal()).isoformat() under each TZ.
describe(formatTimestamp.name, () => {
  it.each(rows)('$name', ({ tz, value, kind, expected }) => {
    const wire = kind === 'int' ? BigInt(value) : new PyFloat(Number(value));
    expect(formatTimestamp(wire, 'iso8601', tz)).toBe(expected);
  });

  it('keeps the wire value with the wire format', () => {
    const wire = new PyFloat(1675080000.123);
    expect(formatTimestamp(wire, 'wire', 'UTC')).toBe(wire);
  });

  it.each([
    ['2023-01-30T12:00:00Z', '2023-01-30T12:00:00+00:00'],
    ['2023-01-30T12:00:00.5+02:00', '2023-01-30T12:00:00.500000+02:00'],
    ['1675080000.5', '2023-01-30T12:00:00.500000+00:00'],
  ])('reads the string %s as the reference does', (text, expected) => {
    expect(formatTimestamp(text, 'iso8601', 'UTC')).toBe(expected);
  });
});
