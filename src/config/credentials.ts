// Credentials as AWS CLI v2 finds them: the environment (unless --profile was given), then the
// profile's static keys. Other sources (assume role, SSO, process, containers) come later.
import type { Env } from '../io.js';
import { profileString, requireProfile, type Settings } from './settings.js';
import { GeneralError } from '../errors.js';

export const ENV_ACCESS_KEY_ID = 'AWS_ACCESS_KEY_ID';
export const ENV_SECRET_ACCESS_KEY = 'AWS_SECRET_ACCESS_KEY';
export const ENV_SESSION_TOKEN = 'AWS_SESSION_TOKEN';
export const ENV_SECURITY_TOKEN = 'AWS_SECURITY_TOKEN';
/** botocore EnvProvider.TOKENS: the first one set wins. */
const ENV_TOKENS = [ENV_SECURITY_TOKEN, ENV_SESSION_TOKEN] as const;
/** botocore SharedCredentialProvider/ConfigProvider.TOKENS. */
const PROFILE_TOKENS = ['aws_security_token', 'aws_session_token'] as const;

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
    const sessionToken = PROFILE_TOKENS.map((key) => profileString(profile, key)).find(Boolean);
    return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}), source: 'shared-credentials-file' };
  }
  return undefined;
}

// botocore EnvProvider: no key id means no env credentials; a key id without a secret is an error.
function envCredentials(env: Env): Credentials | undefined {
  const accessKeyId = env[ENV_ACCESS_KEY_ID];
  const secretAccessKey = env[ENV_SECRET_ACCESS_KEY];
  if (!accessKeyId) return undefined;
  if (!secretAccessKey) {
    throw new GeneralError('PARTIAL_CREDENTIALS', `Partial credentials found in env, missing: ${ENV_SECRET_ACCESS_KEY}`);
  }
  const sessionToken = ENV_TOKENS.map((name) => env[name]).find(Boolean);
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}), source: 'env' };
}
