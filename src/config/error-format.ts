// Which --cli-error-format an error is printed in (AWS CLI 2.36.7's _resolve_error_format and its
// cli_error_format config chain). Pure: the flag, the environment and the session's settings
// come in.
import { ERROR_FORMATS, type ErrorFormat } from '../cli/global-options.js';
import type { GlobalValues } from '../cli/parse-command-line.js';
import type { Env } from '../io.js';
import { profileString, resolveSettings, type Settings, type SharedFiles } from './settings.js';

export const ENV_ERROR_FORMAT = 'AWS_CLI_ERROR_FORMAT';
export const PROFILE_ERROR_FORMAT = 'cli_error_format';
export const DEFAULT_ERROR_FORMAT: ErrorFormat = 'enhanced';

export interface ErrorFormatSetting {
  readonly format: ErrorFormat;
  /** The value that was not a format (lower-cased), which 2.36.7 logs as a warning. */
  readonly invalid?: string;
}

/**
 * The flag (when the global options parsed), else AWS_CLI_ERROR_FORMAT when it is set at all,
 * else the profile's cli_error_format, else enhanced; lower-cased. An empty value is enhanced, an
 * unknown one too (with a warning). `settings` is the session's (undefined when the shared files
 * cannot be read): when its profile does not exist, reading the setting fails, and the handler
 * falls back to the plain line, which is what legacy prints.
 * @example resolveErrorFormat(undefined, { AWS_CLI_ERROR_FORMAT: 'JSON' }, settings).format === 'json'
 */
export function resolveErrorFormat(flag: string | undefined, env: Env, settings: Settings | undefined): ErrorFormatSetting {
  if (flag) return checked(flag.toLowerCase());
  let value: string | undefined;
  if (env[ENV_ERROR_FORMAT] !== undefined) value = env[ENV_ERROR_FORMAT];
  else if (!settings || (settings.profile === undefined && settings.profileSource !== 'default')) return { format: 'legacy' };
  else value = profileString(settings.profile, PROFILE_ERROR_FORMAT);
  return value ? checked(value.toLowerCase()) : { format: DEFAULT_ERROR_FORMAT };
}

/** Before the CLI driver (awscli's entry-point handlers) there is no session: always enhanced. */
export const ENTRY_ERROR_FORMAT: ErrorFormatSetting = { format: DEFAULT_ERROR_FORMAT };

/**
 * The error format of the CLI driver's handlers: `globals` are the parsed global options
 * (undefined when the global parser failed: no flag, and the session's profile is not the one
 * --profile names), `files` the shared files (undefined when they cannot be read).
 */
export function sessionErrorFormat(globals: GlobalValues | undefined, env: Env, files: SharedFiles | undefined): ErrorFormatSetting {
  const flag = globals?.get('cli_error_format');
  const settings = files ? resolveSettings(globals ?? new Map(), env, files) : undefined;
  return resolveErrorFormat(typeof flag === 'string' ? flag : undefined, env, settings);
}

function checked(value: string): ErrorFormatSetting {
  return (ERROR_FORMATS as readonly string[]).includes(value) ? { format: value as ErrorFormat } : { format: DEFAULT_ERROR_FORMAT, invalid: value };
}
