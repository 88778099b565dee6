import { describe, expect, it } from 'vitest';
import { getCloseMatches } from '../../../src/cli/difflib.js';
import data from '../../../fixtures/cli/difflib.json' with { type: 'json' };

// Expectations recorded from Python's difflib.get_close_matches (/usr/bin/python3 3.11).
const choices = data.choices as Record<string, string[]>;

describe(getCloseMatches.name, () => {
  it.each(data.cases)('$name', ({ word, choices: list, cutoff, expected }) => {
    expect(getCloseMatches(word, choices[list] ?? [], 3, cutoff)).toEqual(expected);
  });
});
