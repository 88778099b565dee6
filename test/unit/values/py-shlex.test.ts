import { describe, expect, it } from 'vitest';
import { CliError } from '../../../src/errors.js';
import { EXIT } from '../../../src/exit-codes.js';
import { reportError } from '../../../src/report-error.js';
import { ShlexError, shlexSplit } from '../../../src/values/py-shlex.js';
import { loadValueFixture } from '../../helpers/py-tagged.js';

// Rows come from scripts/gen-value-fixtures.py: shlex.split(input) or its ValueError, for what
// the pagers, credential_process and [sso-session] headers meet (quotes, backslashes, `\$`).
interface ShlexRow {
  input: string;
  words?: string[];
  error?: string;
}

const { cases } = loadValueFixture<{ cases: ShlexRow[] }>('py-shlex.json');

describe(shlexSplit.name, () => {
  it.each(cases.filter((row) => row.words !== undefined))('splits $input as shlex.split does', ({ input, words }) => {
    expect(shlexSplit(input)).toEqual(words);
  });

  it.each(cases.filter((row) => row.error !== undefined))('refuses $input with $error', ({ input, error }) => {
    expect(() => shlexSplit(input)).toThrow(new ShlexError(error as 'No closing quotation'));
  });

  it('raises a CliError the reference prints as an uncaught ValueError (exit 255)', async () => {
    let thrown: unknown;
    try {
      shlexSplit('less "-R');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CliError);
    expect(await reportError(thrown)).toEqual({ stderr: '\nNo closing quotation\n', stdout: '', exitCode: EXIT.GENERAL });
  });
});
