// Retry settings as AWS CLI v2 reads them: AWS_RETRY_MODE / retry_mode and AWS_MAX_ATTEMPTS /
// max_attempts (env over profile), defaults standard and 3, with the reference's messages. Pure.
// botocore reads them in two steps, with other client settings checked in between: max_attempts
// goes through int() as it is read, then Config checks max_attempts (first) and the mode.
import type { Env } from '../io.js';
import type { IniSection } from './ini.js';
import { profileString } from './settings.js';
import { GeneralError } from '../errors.js';
import { parsePyInt } from '../values/py-number.js';

export const ENV_RETRY_MODE = 'AWS_RETRY_MODE';
export const ENV_MAX_ATTEMPTS = 'AWS_MAX_ATTEMPTS';
export const DEFAULT_MAX_ATTEMPTS = 3;

export type RetryMode = 'standard' | 'adaptive';

export interface RetrySettings {
  readonly mode: RetryMode;
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
}

/** The retry settings as read, before Config checks them. */
export interface RawRetrySettings {
  readonly mode: string;
  readonly maxAttempts: bigint;
}

/** Step one: the mode's text and max_attempts through int() (its ValueError if it is no int). */
export function readRetry(env: Env, profile: IniSection): RawRetrySettings {
  const mode = env[ENV_RETRY_MODE] ?? profileString(profile, 'retry_mode') ?? 'standard';
  const rawAttempts = env[ENV_MAX_ATTEMPTS] ?? profileString(profile, 'max_attempts');
  return { mode, maxAttempts: rawAttempts === undefined ? BigInt(DEFAULT_MAX_ATTEMPTS) : parsePyInt(rawAttempts) };
}

/** Step two, Config's checks: max_attempts at least one, then a known mode. */
export function validateRetry(raw: RawRetrySettings): RetrySettings {
  const { mode, maxAttempts } = raw;
  if (maxAttempts < 1n) {
    throw new GeneralError('BAD_CONFIG_VALUE', `Value provided to "max_attempts": ${maxAttempts} must be an integer greater than or equal to one.`);
  }
  if (mode !== 'standard' && mode !== 'adaptive') {
    throw new GeneralError('BAD_CONFIG_VALUE', `Invalid value provided to "mode": "${mode}" must be one of: "standard" or "adaptive"`);
  }
  return { mode, maxAttempts: Number(maxAttempts) };
}

export function resolveRetry(env: Env, profile: IniSection): RetrySettings {
  return validateRetry(readRetry(env, profile));
}
