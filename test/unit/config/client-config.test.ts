import { describe, expect, it } from 'vitest';
import { checkClientConfig } from '../../../src/config/client-config.js';
import { CliError } from '../../../src/errors.js';

const failure = (env: Record<string, string>, profile: [string, string][] = [], signed = true): string | undefined => {
  try {
    checkClientConfig(env, new Map(profile), signed);
  } catch (error) {
    return error instanceof CliError ? `${error.exitCode} ${error.message}` : String(error);
  }
  return undefined;
};

describe(checkClientConfig.name, () => {
  it.each([
    [{}, undefined],
    [{ AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES: ' 1_024 ' }, undefined],
    [
      { AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES: '5.0' },
      `255 Invalid value "5.0" for request_min_compression_size_bytes. Value must be an integer. Received <class 'str'> instead.`,
    ],
    [
      { AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES: '1048577' },
      '255 Invalid value "1048577" for request_min_compression_size_bytes. Value must be between 1 and 1048576.',
    ],
    [{ AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED' }, undefined],
    [
      { AWS_RESPONSE_CHECKSUM_VALIDATION: 'Never' },
      "255 Unsupported configuration value for response_checksum_validation. Expected one of ('when_supported', 'when_required') but got never.",
    ],
    [
      { AWS_ACCOUNT_ID_ENDPOINT_MODE: '' },
      "255 The configured value '' for 'account_id_endpoint_mode' is invalid. Valid values are: ('preferred', 'disabled', 'required').",
    ],
    [{ AWS_S3_DISABLE_EXPRESS_SESSION_AUTH: 'yes' }, '255 Invalid value "yes" for s3_disable_express_session_auth. Value must be a boolean'],
    [{ AWS_S3_DISABLE_EXPRESS_SESSION_AUTH: 'FALSE' }, undefined],
  ])('checks %o', (env, expected) => {
    expect(failure(env)).toBe(expected);
  });

  it('takes the environment over the profile, an empty value included', () => {
    expect(failure({ AWS_REQUEST_CHECKSUM_CALCULATION: 'when_supported' }, [['request_checksum_calculation', 'bogus']])).toBeUndefined();
    expect(failure({ AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES: '' }, [['request_min_compression_size_bytes', '100']])).toContain('Invalid value ""');
  });

  it('checks in botocore order: compression size, checksums, account id mode, S3 Express', () => {
    const all = { AWS_REQUEST_CHECKSUM_CALCULATION: 'a', AWS_ACCOUNT_ID_ENDPOINT_MODE: 'c', AWS_S3_DISABLE_EXPRESS_SESSION_AUTH: 'd' };
    expect(failure({ ...all, AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES: 'e' })).toContain('request_min_compression_size_bytes');
    expect(failure(all)).toContain('request_checksum_calculation');
  });

  it('leaves account_id_endpoint_mode alone for an unsigned client', () => {
    expect(failure({ AWS_ACCOUNT_ID_ENDPOINT_MODE: 'bogus' }, [], false)).toBeUndefined();
  });
});
