// Retry settings as AWS CLI v2 reads them: AWS_RETRY_MODE / retry_mode and AWS_MAX_ATTEMPTS /
// max_attempts (env over profile), defaults standard and 3, with the reference's messages. Pure.
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

export function resolveRetry(env: Env, profile: IniSection): RetrySettings {
  const mode = env[ENV_RETRY_MODE] ?? profileString(profile, 'retry_mode') ?? 'standard';
  if (mode !== 'standard' && mode !== 'adaptive') {
    throw new GeneralError('BAD_CONFIG_VALUE', `Invalid value provided to "mode": "${mode}" must be one of: "standard" or "adaptive"`);
  }
  const rawAttempts = env[ENV_MAX_ATTEMPTS] ?? profileString(profile, 'max_attempts');
  const maxAttempts = rawAttempts === undefined ? DEFAULT_MAX_ATTEMPTS : parsePyInt(rawAttempts);
  if (typeof maxAttempts === 'bigint' && maxAttempts < 1n) {
    throw new GeneralError('BAD_CONFIG_VALUE', `Value provided to "max_attempts": ${maxAttempts} must be an integer greater than or equal to one.`);
  }
  return { mode, maxAttempts: Number(maxAttempts) };
}
