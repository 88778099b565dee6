// Which AWS CLI v2 release the clone follows: 2.9.19 (Debian's, the default) or 2.36.7 (the last
// release with Voice ID's final model), read like every other setting: AWS_VOICEID_COMPAT in the
// environment, then voiceid_compat in the profile. It chooses the model (and the CLI's behaviour). Pure.
import { ConfigError } from '../errors.js';

export const GENERATIONS = ['2.9.19', '2.36.7'] as const;
export type Generation = (typeof GENERATIONS)[number];
export const DEFAULT_GENERATION: Generation = '2.9.19';
/** The generation with Voice ID's final model: the one the service itself (voiceid-local) follows. */
export const FINAL_GENERATION: Generation = '2.36.7';

/**
 * Whether botocore's create_client resolves the credential chain for an unsigned client
 * (--no-sign-request): 2.9.19's does (partial credentials fail, credential_process runs); later
 * releases set credentials to None first.
 */
export function resolvesCredentialsWhenUnsigned(generation: Generation): boolean {
  return generation === '2.9.19';
}

/** Whether botocore's JSON error parser cuts an error code at its first `:` (later releases do; 2.9.19 keeps it whole). */
export function dropsErrorCodeSuffix(generation: Generation): boolean {
  return generation !== '2.9.19';
}

/**
 * Whether help pages show what the model constrains, as clidocs.py of later releases does: `[required]`
 * after required options and members, every string member's enum values, each shape's min/max/pattern,
 * and no "Where valid values are" under a list of enum strings. 2.9.19 lists only a top-level option's enum.
 */
export function documentsConstraints(generation: Generation): boolean {
  return generation !== '2.9.19';
}

/**
 * Whether client creation checks request_min_compression_size_bytes, the checksum settings,
 * account_id_endpoint_mode and s3_disable_express_session_auth (botocore of 2.36.7; 2.9.19 has none of them).
 */
export function checksClientConfig(generation: Generation): boolean {
  return generation !== '2.9.19';
}

/**
 * Whether a profile's `services` naming a section that does not exist (or is empty) is an error when
 * the endpoint URL is looked up in the config file (2.36.7; 2.9.19 reads no configured endpoints).
 */
export function requiresServicesSection(generation: Generation): boolean {
  return generation !== '2.9.19';
}

/**
 * Whether the container credentials fetcher is the later one: "container metadata" in its messages,
 * https URLs and any loopback address allowed, 169.254.170.23 and fd00:ec2::23 among its hosts (2.9.19: "ECS metadata", three hosts).
 */
export function usesContainerMetadataWording(generation: Generation): boolean {
  return generation !== '2.9.19';
}

/** Whether an endpoint URL whose host is an IPv6 literal (`http://[::1]:8080`) is valid (later botocore; 2.9.19: "Invalid endpoint"). */
export function acceptsIpv6Endpoints(generation: Generation): boolean {
  return generation !== '2.9.19';
}

/**
 * Whether awscli's json_encoder (the default= of `--output json`) writes bytes as base64 and raises
 * TypeError('Encountered unrecognized type in JSON encoder.') for any other object it does not
 * know (later releases). 2.9.19's hands such an object back, which json.dump then reports as a
 * circular reference.
 */
export function rejectsUnknownJsonTypes(generation: Generation): boolean {
  return generation !== '2.9.19';
}

export const ENV_COMPAT = 'AWS_VOICEID_COMPAT';
export const PROFILE_COMPAT = 'voiceid_compat';

/** Other names a value may take: `latest` is the newest generation. */
const ALIASES: Readonly<Record<string, Generation>> = { latest: FINAL_GENERATION };

/**
 * The generation from the environment or else the profile's value (an empty value counts as not
 * set, as a CI variable left blank should); the default when neither is set. An unknown value is a configuration error that names the accepted ones.
 * @example resolveGeneration({ AWS_VOICEID_COMPAT: 'latest' }, undefined) === '2.36.7'
 */
export function resolveGeneration(env: Readonly<Record<string, string | undefined>>, profileValue: string | undefined): Generation {
  const fromEnv = env[ENV_COMPAT] || undefined;
  const [value, source] = fromEnv !== undefined ? [fromEnv, ENV_COMPAT] : [profileValue || undefined, PROFILE_COMPAT];
  if (value === undefined) return DEFAULT_GENERATION;
  const known = (GENERATIONS as readonly string[]).includes(value) ? (value as Generation) : Object.hasOwn(ALIASES, value) ? ALIASES[value] : undefined;
  if (known) return known;
  const accepted = [...GENERATIONS, ...Object.keys(ALIASES)].map((name) => `"${name}"`).join(', ');
  throw new ConfigError('BAD_CONFIG_VALUE', `Unknown ${source} value: "${value}"; valid values are ${accepted}`);
}

/**
 * Whether botocore's parse_timestamp catches the OverflowError of fromtimestamp and of dateutil
 * and falls back to epoch + timedelta (then "Unable to calculate correct timezone offset"), as
 * later releases do; 2.9.19 catches only the OSError and lets an OverflowError reach the CLI.
 */
export function hasEpochFallback(generation: Generation): boolean {
  return generation !== '2.9.19';
}
