import { describe, expect, it } from 'vitest';
import { formatText } from '../../../src/output/text.js';
import { fromTagged, type TaggedValue } from '../../helpers/tagged-value.js';
import rows from '../../../fixtures/output/text.json' with { type: 'json' };

// Expectations from awscli 2.9.19's own text formatter (scripts/gen-text-fixtures.py).
interface Row {
  name: string;
  value: TaggedValue;
  text?: string;
  error?: string;
}

describe(formatText.name, () => {
  it.each((rows as Row[]).filter((r) => r.text !== undefined))('$name', ({ value, text }) => {
    expect(formatText(fromTagged(value))).toBe(text);
  });

  it.each((rows as Row[]).filter((r) => r.error !== undefined))('$name fails as the reference does', ({ value, error }) => {
    expect(() => formatText(fromTagged(value))).toThrow(error);
  });
});
