import { describe, expect, it } from 'vitest';
import { commandText, shlexQuote } from '../../../src/prompt/quote.js';

describe(shlexQuote.name, () => {
  it.each([
    ['', "''"],
    ['abc-123_@%+=:,./', 'abc-123_@%+=:,./'],
    ['s3://bucket/in.json', 's3://bucket/in.json'],
    ['a b', "'a b'"],
    ["it's", `'it'"'"'s'`],
    ['{"a":1}', `'{"a":1}'`],
    ['é', "'é'"],
  ])('quotes %j as Python shlex.quote does', (input, expected) => {
    expect(shlexQuote(input)).toBe(expected);
  });
});

describe(commandText.name, () => {
  it('joins the quoted words with spaces', () => {
    expect(commandText(['voice-id', '--job-name', 'my job'])).toBe("voice-id --job-name 'my job'");
  });
});
