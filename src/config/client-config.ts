// The client settings that later botocores (2.36.7's) check when they build a client, after the
// region and max_attempts are read and before the retry settings are validated: the minimum
// request compression size, the checksum settings, the account-id endpoint mode and S3 Express
// session auth, each from its environment variable, then the profile, then its default, in
// botocore's order (ClientArgsCreator.compute_client_args) and with its messages. Pure.
import type { Env } from '../io.js';
import type { IniSection } from './ini.js';
import { profileString } from './settings.js';
import { GeneralError } from '../errors.js';
import { parsePyInt } from '../values/py-number.js';

interface Setting {
  readonly key: string;
  readonly env: string;
}

const MIN_COMPRESSION: Setting = { key: 'request_min_compression_size_bytes', env: 'AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES' };
const CHECKSUMS: readonly Setting[] = [
  { key: 'request_checksum_calculation', env: 'AWS_REQUEST_CHECKSUM_CALCULATION' },
  { key: 'response_checksum_validation', env: 'AWS_RESPONSE_CHECKSUM_VALIDATION' },
];
const ACCOUNT_ID_ENDPOINT_MODE: Setting = { key: 'account_id_endpoint_mode', env: 'AWS_ACCOUNT_ID_ENDPOINT_MODE' };
const S3_DISABLE_EXPRESS: Setting = { key: 's3_disable_express_session_auth', env: 'AWS_S3_DISABLE_EXPRESS_SESSION_AUTH' };

const CHECKSUM_OPTIONS = ['when_supported', 'when_required'];
const ACCOUNT_ID_MODES = ['preferred', 'disabled', 'required'];
const COMPRESSION_RANGE = [1, 1048576] as const;

/** Python's repr of a tuple of str: `('a', 'b')`. */
const tupleRepr = (items: readonly string[]): string => `(${items.map((item) => `'${item}'`).join(', ')})`;

function invalid(message: string): GeneralError {
  return new GeneralError('BAD_CONFIG_VALUE', message);
}

/** The environment's value (even empty), else the profile's; undefined when neither is set. */
function configured(setting: Setting, env: Env, profile: IniSection): string | undefined {
  return env[setting.env] ?? profileString(profile, setting.key);
}

/** botocore's _validate_min_compression_size (default 10240): int() of the text, then the range. */
function checkMinCompressionSize(value: string | undefined): void {
  if (value === undefined) return;
  const base = `Invalid value "${value}" for ${MIN_COMPRESSION.key}.`;
  let size: bigint;
  try {
    size = parsePyInt(value);
  } catch {
    throw invalid(`${base} Value must be an integer. Received <class 'str'> instead.`);
  }
  const [low, high] = COMPRESSION_RANGE;
  if (size < BigInt(low) || size > BigInt(high)) throw invalid(`${base} Value must be between ${low} and ${high}.`);
}

/** _handle_checksum_config (default when_supported): the lowered value must be one of the options. */
function checkChecksum(setting: Setting, value: string | undefined): void {
  if (value === undefined) return;
  const lowered = value.toLowerCase();
  if (!CHECKSUM_OPTIONS.includes(lowered)) {
    throw invalid(`Unsupported configuration value for ${setting.key}. Expected one of ${tupleRepr(CHECKSUM_OPTIONS)} but got ${lowered}.`);
  }
}

/** _compute_account_id_endpoint_mode_config (default preferred; an unsigned client is never checked). */
function checkAccountIdEndpointMode(value: string | undefined, signed: boolean): void {
  if (!signed || value === undefined) return;
  const lowered = value.toLowerCase();
  if (!ACCOUNT_ID_MODES.includes(lowered)) {
    throw invalid(`The configured value '${lowered}' for '${ACCOUNT_ID_ENDPOINT_MODE.key}' is invalid. Valid values are: ${tupleRepr(ACCOUNT_ID_MODES)}.`);
  }
}

/** _validate_s3_disable_express_session_auth (no default): "true" or "false" in any case. */
function checkS3DisableExpress(value: string | undefined): void {
  if (value === undefined || ['true', 'false'].includes(value.toLowerCase())) return;
  throw invalid(`Invalid value "${value}" for ${S3_DISABLE_EXPRESS.key}. Value must be a boolean`);
}

/**
 * Throws the first of these settings that the reference refuses, in its order. `signed` is false
 * for --no-sign-request.
 * @example checkClientConfig({ AWS_REQUEST_CHECKSUM_CALCULATION: 'x' }, new Map(), true) // throws "Unsupported configuration value ..."
 */
export function checkClientConfig(env: Env, profile: IniSection, signed: boolean): void {
  checkMinCompressionSize(configured(MIN_COMPRESSION, env, profile));
  for (const setting of CHECKSUMS) checkChecksum(setting, configured(setting, env, profile));
  checkAccountIdEndpointMode(configured(ACCOUNT_ID_ENDPOINT_MODE, env, profile), signed);
  checkS3DisableExpress(configured(S3_DISABLE_EXPRESS, env, profile));
}
