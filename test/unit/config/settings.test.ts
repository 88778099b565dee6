import { describe, expect, it } from 'vitest';
import { resolveRegion, resolveSettings, requireProfile, sharedFilesOf, type SharedFiles } from '../../../src/config/settings.js';
import { findCredentialSource, type Credentials } from '../../../src/credentials/credentials.js';
import { resolveRetry } from '../../../src/config/retry.js';
import type { GlobalValues } from '../../../src/cli/parse-command-line.js';
import { CliError } from '../../../src/errors.js';

const files: SharedFiles = sharedFilesOf(
  new Map([
    [
      'default',
      new Map([
        ['region', 'eu-central-1'],
        ['output', 'yaml'],
      ]),
    ],
    [
      'dev',
      new Map([
        ['region', 'ap-south-1'],
        ['aws_access_key_id', 'AKIDPROFILE'],
        ['aws_secret_access_key', 'profile-secret-key'],
      ]),
    ],
    [
      'retry',
      new Map([
        ['retry_mode', 'legacy'],
        ['max_attempts', '0'],
      ]),
    ],
  ]),
);
const globals = (entries: [string, string | true][] = []): GlobalValues => new Map(entries) as GlobalValues;
const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return error instanceof CliError ? `${error.exitCode} ${error.message}` : String(error);
  }
  return undefined;
};

describe(resolveRegion.name, () => {
  it.each([
    ['--region wins', [['region', 'r-flag']], { AWS_REGION: 'r-env', AWS_DEFAULT_REGION: 'r-default' }, 'r-flag'],
    ['AWS_REGION before AWS_DEFAULT_REGION', [], { AWS_REGION: 'r-env', AWS_DEFAULT_REGION: 'r-default' }, 'r-env'],
    ['AWS_DEFAULT_REGION before the profile', [], { AWS_DEFAULT_REGION: 'r-default' }, 'r-default'],
    ['the profile last', [], {}, 'eu-central-1'],
    ['the env beats an explicit profile', [['profile', 'dev']], { AWS_REGION: 'r-env' }, 'r-env'],
    ['upper case is kept', [['region', 'US-EAST-1']], {}, 'US-EAST-1'],
  ] as const)('%s', (_name, flags, env, expected) => {
    const g = globals(flags.map(([k, v]) => [k, v]));
    expect(resolveRegion(g, env, resolveSettings(g, env, files))).toBe(expected);
  });

  it('without any region is the reference error, exit 253', () => {
    const g = globals();
    const none: SharedFiles = sharedFilesOf(new Map());
    expect(codeOf(() => resolveRegion(g, {}, resolveSettings(g, {}, none)))).toBe('253 You must specify a region.');
  });

  it('a malformed region is exit 255', () => {
    const g = globals([['region', 'bad region!']]);
    expect(codeOf(() => resolveRegion(g, {}, resolveSettings(g, {}, files)))).toBe("255 Provided region_name 'bad region!' doesn't match a supported format.");
  });
});

describe(resolveSettings.name, () => {
  it.each([
    ['--output wins', [['output', 'text']], { AWS_DEFAULT_OUTPUT: 'table' }, 'text'],
    ['AWS_DEFAULT_OUTPUT before the profile', [], { AWS_DEFAULT_OUTPUT: 'table' }, 'table'],
    ['the profile', [], {}, 'yaml'],
  ] as const)('output: %s', (_name, flags, env, expected) => {
    expect(resolveSettings(globals(flags.map(([k, v]) => [k, v])), env, files).output).toBe(expected);
  });

  it('defaults to json', () => {
    expect(resolveSettings(globals(), {}, sharedFilesOf(new Map())).output).toBe('json');
  });

  it('an unknown named profile is exit 255; the default profile may be missing', () => {
    expect(codeOf(() => requireProfile(resolveSettings(globals([['profile', 'nope']]), {}, files)))).toBe('255 The config profile (nope) could not be found');
    expect(codeOf(() => requireProfile(resolveSettings(globals(), { AWS_PROFILE: 'nope' }, files)))).toBe('255 The config profile (nope) could not be found');
    expect(requireProfile(resolveSettings(globals(), {}, sharedFilesOf(new Map()))).size).toBe(0);
  });
});

// The static part of the credential chain (env, then the profile's keys), without instance metadata.
function resolveCredentials(settings: ReturnType<typeof resolveSettings>, env: Record<string, string>): Credentials | undefined {
  const source = findCredentialSource({ settings, files, env: { ...env, AWS_EC2_METADATA_DISABLED: 'true' } });
  return source?.kind === 'static' ? source.credentials : undefined;
}

describe('the static credentials of the chain', () => {
  const env = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 's' };

  it('takes the env keys over the profile when the profile comes from AWS_PROFILE', () => {
    const settings = resolveSettings(globals(), { ...env, AWS_PROFILE: 'dev' }, files);
    expect(resolveCredentials(settings, { ...env, AWS_PROFILE: 'dev' })?.accessKeyId).toBe('AKIDEXAMPLE');
  });

  it('ignores the env keys when --profile is given', () => {
    const settings = resolveSettings(globals([['profile', 'dev']]), env, files);
    expect(resolveCredentials(settings, env)?.accessKeyId).toBe('AKIDPROFILE');
  });

  it('prefers AWS_SECURITY_TOKEN over AWS_SESSION_TOKEN, as botocore does', () => {
    const withTokens = { ...env, AWS_SECURITY_TOKEN: 'old', AWS_SESSION_TOKEN: 'new' };
    expect(resolveCredentials(resolveSettings(globals(), withTokens, files), withTokens)?.sessionToken).toBe('old');
  });

  it('a key id without a secret is an error; a secret without a key id is no credentials', () => {
    const keyOnly = { AWS_ACCESS_KEY_ID: 'AKID' };
    expect(codeOf(() => resolveCredentials(resolveSettings(globals(), keyOnly, files), keyOnly))).toBe(
      '255 Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY',
    );
    const secretOnly = { AWS_SECRET_ACCESS_KEY: 's' };
    expect(resolveCredentials(resolveSettings(globals(), secretOnly, files), secretOnly)).toBeUndefined();
  });
});

describe(resolveRetry.name, () => {
  it('defaults to standard mode and 3 attempts', () => {
    expect(resolveRetry({}, new Map())).toEqual({ mode: 'standard', maxAttempts: 3 });
  });

  it('takes the env over the profile', () => {
    expect(resolveRetry({ AWS_RETRY_MODE: 'adaptive', AWS_MAX_ATTEMPTS: '5' }, files.profiles.get('retry')!)).toEqual({
      mode: 'adaptive',
      maxAttempts: 5,
    });
  });

  it.each([
    [{ AWS_RETRY_MODE: 'legacy' }, '255 Invalid value provided to "mode": "legacy" must be one of: "standard" or "adaptive"'],
    [{ AWS_MAX_ATTEMPTS: '0' }, '255 Value provided to "max_attempts": 0 must be an integer greater than or equal to one.'],
    [{ AWS_MAX_ATTEMPTS: 'abc' }, "255 invalid literal for int() with base 10: 'abc'"],
    [{ AWS_RETRY_MODE: 'bogus', AWS_MAX_ATTEMPTS: '0' }, '255 Value provided to "max_attempts": 0 must be an integer greater than or equal to one.'],
    [{ AWS_RETRY_MODE: 'bogus', AWS_MAX_ATTEMPTS: 'abc' }, "255 invalid literal for int() with base 10: 'abc'"],
  ])('rejects %o', (env, message) => {
    expect(codeOf(() => resolveRetry(env, new Map()))).toBe(message);
  });
});
