// Credentials as AWS CLI v2 finds them: the environment (unless --profile was given), then the
// profile's static keys. Other sources (assume role, SSO, process, containers) come later.
import type { Env } from '../io.js';
import { profileString, requireProfile, type Settings } from './settings.js';
import { GeneralError } from '../errors.js';

export const ENV_ACCESS_KEY_ID = 'AWS_ACCESS_KEY_ID';
export const ENV_SECRET_ACCESS_KEY = 'AWS_SECRET_ACCESS_KEY';
export const ENV_SESSION_TOKEN = 'AWS_SESSION_TOKEN';

export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly source: 'env' | 'shared-credentials-file' | 'config-file';
}

/** The credentials to sign with, or undefined when none are configured (an error only at signing). */
export function resolveCredentials(settings: Settings, env: Env): Credentials | undefined {
  if (settings.profileSource !== 'flag') {
    const fromEnv = envCredentials(env);
    if (fromEnv) return fromEnv;
  }
  const profile = requireProfile(settings);
  const accessKeyId = profileString(profile, 'aws_access_key_id');
  const secretAccessKey = profileString(profile, 'aws_secret_access_key');
  if (accessKeyId && secretAccessKey) {
    const sessionToken = profileString(profile, 'aws_session_token');
    return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}), source: 'shared-credentials-file' };
  }
  return undefined;
}

function envCredentials(env: Env): Credentials | undefined {
  const accessKeyId = env[ENV_ACCESS_KEY_ID];
  const secretAccessKey = env[ENV_SECRET_ACCESS_KEY];
  if (!accessKeyId && !secretAccessKey) return undefined;
  if (!accessKeyId || !secretAccessKey) {
    const missing = accessKeyId ? ENV_SECRET_ACCESS_KEY : ENV_ACCESS_KEY_ID;
    throw new GeneralError('PARTIAL_CREDENTIALS', `Partial credentials found in env, missing: ${missing}`);
  }
  const sessionToken = env[ENV_SESSION_TOKEN];
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}), source: 'env' };
}
