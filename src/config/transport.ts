// Transport settings as AWS CLI v2 reads them: --cli-connect-timeout / --cli-read-timeout
// (seconds, int(), 0 = no limit, default 60), --no-verify-ssl, and the CA bundle
// (--ca-bundle > AWS_CA_BUNDLE > ca_bundle). Pure.
import type { Env } from '../io.js';
import type { GlobalValues } from '../cli/parse-command-line.js';
import type { IniSection } from './ini.js';
import { profileString } from './settings.js';
import { GeneralError } from '../errors.js';
import { parsePyInt } from '../values/py-number.js';

export const ENV_CA_BUNDLE = 'AWS_CA_BUNDLE';
export const DEFAULT_TIMEOUT_SECONDS = 60;

export interface TransportSettings {
  readonly connectTimeout: number;
  readonly readTimeout: number;
  readonly verifySsl: boolean;
  readonly caBundle: string | undefined;
}

/** Step 4: the timeouts must be Python ints (a ValueError otherwise, exit 255). */
export function checkTimeoutSyntax(globals: GlobalValues): void {
  for (const dest of ['read_timeout', 'connect_timeout'] as const) {
    const value = globals.get(dest);
    if (typeof value === 'string') parsePyInt(value);
  }
}

/** Step 10 (client creation): the values, with the reference's check of negative timeouts. */
export function resolveTransport(globals: GlobalValues, env: Env, profile: IniSection): TransportSettings {
  const caFlag = globals.get('ca_bundle');
  return {
    connectTimeout: timeout(globals, 'connect_timeout', 'connect'),
    readTimeout: timeout(globals, 'read_timeout', 'read'),
    verifySsl: globals.get('verify_ssl') !== true,
    caBundle: (typeof caFlag === 'string' ? caFlag : undefined) ?? env[ENV_CA_BUNDLE] ?? profileString(profile, 'ca_bundle'),
  };
}

function timeout(globals: GlobalValues, dest: 'read_timeout' | 'connect_timeout', label: string): number {
  const raw = globals.get(dest);
  if (typeof raw !== 'string') return DEFAULT_TIMEOUT_SECONDS;
  const value = parsePyInt(raw);
  if (value < 0n) {
    throw new GeneralError(
      'BAD_CONFIG_VALUE',
      `Attempted to set ${label} timeout to ${value}, but the timeout cannot be set to a value less than or equal to 0.`,
    );
  }
  return Number(value);
}
