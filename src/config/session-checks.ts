// Step 5 of the reference: settings the session reads at start-up, with its errors:
// cli_timestamp_format (253) and cli_binary_format (255).
import { profileString, type Settings } from './settings.js';
import { ConfigError, GeneralError } from '../errors.js';
import { BINARY_FORMATS } from '../cli/global-options.js';
import { pyRepr } from '../values/py-repr.js';

/** cli_timestamp_format: how output prints timestamps. */
export type TimestampFormat = 'iso8601' | 'wire';

export function resolveTimestampFormat(settings: Settings): TimestampFormat {
  const value = profileString(settings.profile, 'cli_timestamp_format') ?? 'iso8601';
  if (value === 'iso8601' || value === 'wire') return value;
  throw new ConfigError('BAD_CONFIG_VALUE', `Unknown cli_timestamp_format value: ${value}, valid values are "wire" or "iso8601"`);
}

/** AWS CLI quirk: a bad cli_binary_format in the profile is a KeyError, printed as its repr. */
export function checkBinaryFormat(settings: Settings): void {
  const value = profileString(settings.profile, 'cli_binary_format');
  if (value !== undefined && !(BINARY_FORMATS as readonly string[]).includes(value)) throw new GeneralError('PYTHON_CRASH', pyRepr(value));
}
