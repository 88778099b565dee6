// The generation setting: environment over profile, aliases, and the error for an unknown value.
import { describe, expect, it } from 'vitest';
import { CliError } from '../../../src/errors.js';
import { resolveGeneration } from '../../../src/model/generation.js';

describe(resolveGeneration.name, () => {
  it.each([
    [{}, undefined, '2.9.19'],
    [{}, '2.36.7', '2.36.7'],
    [{ AWS_VOICEID_COMPAT: '2.36.7' }, undefined, '2.36.7'],
    [{ AWS_VOICEID_COMPAT: 'latest' }, '2.9.19', '2.36.7'],
    [{ AWS_VOICEID_COMPAT: '2.9.19' }, '2.36.7', '2.9.19'],
    [{}, 'latest', '2.36.7'],
    [{ AWS_VOICEID_COMPAT: '' }, '2.36.7', '2.36.7'],
    [{ AWS_VOICEID_COMPAT: '' }, '', '2.9.19'],
  ] as const)('env %o, profile %s → %s', (env, profile, expected) => {
    expect(resolveGeneration(env, profile)).toBe(expected);
  });

  it.each([
    [{ AWS_VOICEID_COMPAT: '2.99' }, undefined, 'Unknown AWS_VOICEID_COMPAT value: "2.99"; valid values are "2.9.19", "2.36.7", "latest"'],
    [{}, 'toString', 'Unknown voiceid_compat value: "toString"; valid values are "2.9.19", "2.36.7", "latest"'],
  ] as const)('refuses env %o, profile %s', (env, profile, message) => {
    let error: unknown;
    try {
      resolveGeneration(env, profile);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(253);
    expect((error as CliError).message).toBe(message);
  });
});
