// Which source each of botocore's providers picks, with the errors they raise at client creation:
// EnvProvider, AssumeRoleProvider (source_profile chains, credential_source), the profile providers
// (web identity, SSO, credentials file, credential_process, config file), ContainerProvider's URL
// and the IMDS fetcher's configuration. Synchronous and offline; loading happens elsewhere.
import type { Env } from '../io.js';
import type { IniSection } from '../config/ini.js';
import type {
  AssumeRoleSource,
  ClientEndpoint,
  ContainerSource,
  CredentialContext,
  CredentialMethod,
  CredentialSource,
  InstanceMetadataSource,
  StaticSource,
} from './credentials.js';
import { GeneralError } from '../errors.js';
import { parsePyInt } from '../values/py-number.js';
import { pyRepr } from '../values/py-repr.js';
import { ssoSource } from './sso-config.js';
import { CONTAINER_HOST, containerFetcherRules, refusedContainerHost } from './container-fetcher.js';
import { DEFAULT_GENERATION, type Generation } from '../model/generation.js';

export const ENV_ACCESS_KEY_ID = 'AWS_ACCESS_KEY_ID';
export const ENV_SECRET_ACCESS_KEY = 'AWS_SECRET_ACCESS_KEY';
/** botocore EnvProvider.TOKENS: the first one set wins. */
const ENV_TOKENS = ['AWS_SECURITY_TOKEN', 'AWS_SESSION_TOKEN'] as const;
/** botocore SharedCredentialProvider/ConfigProvider.TOKENS. */
const PROFILE_TOKENS = ['aws_security_token', 'aws_session_token'] as const;
const ACCESS_KEY = 'aws_access_key_id';
const SECRET_KEY = 'aws_secret_access_key';

/** AssumeRoleWithWebIdentityProvider._CONFIG_TO_ENV_VAR. */
const WEB_IDENTITY_ENV: Readonly<Record<string, string>> = {
  web_identity_token_file: 'AWS_WEB_IDENTITY_TOKEN_FILE',
  role_session_name: 'AWS_ROLE_SESSION_NAME',
  role_arn: 'AWS_ROLE_ARN',
};

export const ENV_CONTAINER_RELATIVE_URI = 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI';
export const ENV_CONTAINER_FULL_URI = 'AWS_CONTAINER_CREDENTIALS_FULL_URI';
export const ENV_CONTAINER_AUTHORIZATION = 'AWS_CONTAINER_AUTHORIZATION_TOKEN';

export const ENV_METADATA_DISABLED = 'AWS_EC2_METADATA_DISABLED';
const METADATA_BASE_URL = 'http://169.254.169.254/';
const METADATA_BASE_URL_IPV6 = 'http://[fd00:ec2::254]/';

/** credential_source values: the CANONICAL_NAMEs of env, container and IMDS (matched exactly). */
const CREDENTIAL_SOURCES = ['Environment', 'EcsContainer', 'Ec2InstanceMetadata'] as const;
type CredentialSourceName = (typeof CREDENTIAL_SOURCES)[number];

const EMPTY: IniSection = new Map();

/** PartialCredentialsError. */
export function partialCredentials(provider: string, variable: string): GeneralError {
  return new GeneralError('PARTIAL_CREDENTIALS', `Partial credentials found in ${provider}, missing: ${variable}`);
}

/** InvalidConfigError: the message as it is. */
export function invalidConfig(message: string): GeneralError {
  return new GeneralError('BAD_CONFIG_VALUE', message);
}

/** CredentialRetrievalError. */
export function retrievalError(provider: string, message: string, cause?: unknown): GeneralError {
  return new GeneralError('NO_CREDENTIALS', `Error when retrieving credentials from ${provider}: ${message}`, { cause });
}

/** EnvProvider: no key id means none; a key id without a secret is an error. */
export function envSource(env: Env): StaticSource | undefined {
  const accessKeyId = env[ENV_ACCESS_KEY_ID];
  if (!accessKeyId) return undefined;
  const secretAccessKey = env[ENV_SECRET_ACCESS_KEY];
  if (!secretAccessKey) throw partialCredentials('env', ENV_SECRET_ACCESS_KEY);
  return staticSource('env', accessKeyId, secretAccessKey, ENV_TOKENS.map((name) => env[name]).find(Boolean));
}

/** AssumeRoleProvider: the profile has role_arn (and no web_identity_token_file). */
export function assumeRoleSource(context: CredentialContext, profileName: string): AssumeRoleSource | undefined {
  const profile = context.files.profiles.get(profileName) ?? EMPTY;
  return hasAssumeRoleVars(profile) ? viaAssumeRole(context, profileName, [profileName]) : undefined;
}

/** ProfileProviderBuilder.providers: web identity, SSO, credentials file, credential_process, config file. */
export function profileProviderSource(context: CredentialContext, profileName: string, disableEnv: boolean): CredentialSource | undefined {
  const { files, env } = context;
  const profile = files.profiles.get(profileName) ?? EMPTY;
  return (
    webIdentitySource(context, profile, disableEnv) ??
    ssoSource(profileName, profile, files.sections, stsOrSsoEndpoint(context, 'sso')) ??
    keysIn(files.credentialsProfiles.get(profileName), 'shared-credentials-file') ??
    processSource(profileName, profile, env) ??
    keysIn(files.configProfiles.get(profileName), 'config-file')
  );
}

/** ContainerProvider: the relative URI (on 169.254.170.2) or the full URI, whose host the fetcher must allow. */
export function containerSource(env: Env, generation: Generation): ContainerSource | undefined {
  const relative = env[ENV_CONTAINER_RELATIVE_URI];
  const full = env[ENV_CONTAINER_FULL_URI];
  if (relative === undefined && full === undefined) return undefined;
  const authorization = env[ENV_CONTAINER_AUTHORIZATION];
  if (relative !== undefined) return { kind: 'container', url: `http://${CONTAINER_HOST}${relative}`, authorization, generation };
  const url = full as string;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase() ?? '';
  const refused = refusedContainerHost(containerFetcherRules(generation), scheme, pyUrlHostname(url));
  // A ValueError in botocore, not a CredentialRetrievalError: its text alone.
  if (refused !== undefined) throw new GeneralError('PYTHON_CRASH', refused);
  return { kind: 'container', url, authorization, generation };
}

/**
 * The IMDS fetcher's configuration (env, then the profile), checked as botocore checks it when it
 * builds the resolver; undefined when AWS_EC2_METADATA_DISABLED is true.
 */
export function instanceMetadataSource(context: CredentialContext): InstanceMetadataSource | undefined {
  const { env } = context;
  const profile = context.settings.profile ?? EMPTY;
  const setting = (envName: string, key: string): string | undefined => env[envName] ?? text(profile, key);
  const timeout = setting('AWS_METADATA_SERVICE_TIMEOUT', 'metadata_service_timeout');
  const attempts = setting('AWS_METADATA_SERVICE_NUM_ATTEMPTS', 'metadata_service_num_attempts');
  const timeoutSeconds = timeout === undefined ? 1 : Number(parsePyInt(timeout));
  const attemptCount = attempts === undefined ? 1 : Number(parsePyInt(attempts));
  const endpoint = setting('AWS_EC2_METADATA_SERVICE_ENDPOINT', 'ec2_metadata_service_endpoint');
  const mode = setting('AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE', 'ec2_metadata_service_endpoint_mode');
  if (mode !== undefined && !['ipv4', 'ipv6'].includes(mode.toLowerCase())) {
    throw invalidConfig(`Invalid EC2 Instance Metadata endpoint mode: ${mode} Valid endpoint modes (case-insensitive): ('ipv4', 'ipv6').`);
  }
  const ipv6 = mode !== undefined ? mode.toLowerCase() === 'ipv6' : setting('AWS_IMDS_USE_IPV6', 'imds_use_ipv6')?.toLowerCase() === 'true';
  const baseUrl = endpoint || (ipv6 ? METADATA_BASE_URL_IPV6 : METADATA_BASE_URL);
  if (!isValidUri(baseUrl)) throw new GeneralError('INVALID_ENDPOINT', `Invalid endpoint EC2 Instance Metadata endpoint: ${baseUrl}`);
  if ((env[ENV_METADATA_DISABLED] ?? 'false').toLowerCase() === 'true') return undefined;
  return { kind: 'instance-metadata', baseUrl, timeoutSeconds, attempts: attemptCount };
}

/**
 * AWS_ENDPOINT_URL_STS / _SSO, then AWS_ENDPOINT_URL, then the profile's endpoint_url (CLI 2.13+
 * rules; 2.9.19 knows none of them), unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true.
 */
export function stsOrSsoEndpoint(context: CredentialContext, service: 'sts' | 'sso'): ClientEndpoint {
  const { env } = context;
  const profile = context.settings.profile ?? EMPTY;
  const ignore = env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? text(profile, 'ignore_configured_endpoint_urls');
  if (ignore?.toLowerCase() === 'true') return { endpoint: undefined };
  const candidates = [env[`AWS_ENDPOINT_URL_${service.toUpperCase()}`], env.AWS_ENDPOINT_URL, text(profile, 'endpoint_url')];
  return { endpoint: candidates.find((value) => value !== undefined && value !== '') };
}

// AssumeRoleProvider._load_creds_via_assume_role: validate, then resolve the source (eagerly).
function viaAssumeRole(context: CredentialContext, profileName: string, visited: string[]): AssumeRoleSource {
  const profile = context.files.profiles.get(profileName) ?? EMPTY;
  const sourceProfile = text(profile, 'source_profile');
  const credentialSource = text(profile, 'credential_source');
  if (profile.has('credential_source') && profile.has('source_profile')) {
    throw invalidConfig(`The profile "${profileName}" contains both source_profile and credential_source.`);
  }
  if (!profile.has('credential_source') && !profile.has('source_profile')) {
    throw partialCredentials('assume-role', 'source_profile or credential_source');
  }
  let source: CredentialSource;
  if (credentialSource !== undefined) {
    if (!(CREDENTIAL_SOURCES as readonly string[]).includes(credentialSource)) {
      throw invalidConfig(`The credential source "${credentialSource}" referenced in profile "${profileName}" is not valid.`);
    }
    source = fromCredentialSource(context, credentialSource as CredentialSourceName, profileName);
  } else {
    const name = sourceProfile ?? '';
    checkSourceProfile(context, profileName, name, visited);
    visited.push(name);
    source = fromSourceProfile(context, name, visited);
  }
  return {
    kind: 'assume-role',
    profileName,
    roleArn: text(profile, 'role_arn') ?? '',
    roleSessionName: text(profile, 'role_session_name') || undefined,
    externalId: text(profile, 'external_id'),
    mfaSerial: text(profile, 'mfa_serial'),
    durationSeconds: pyIntOrUndefined(text(profile, 'duration_seconds')),
    source,
    credentialSource,
    ...stsOrSsoEndpoint(context, 'sts'),
  };
}

// AssumeRoleProvider._validate_source_profile: it must exist, and a visited profile may only be
// revisited by itself when it holds static keys.
function checkSourceProfile(context: CredentialContext, parent: string, name: string, visited: readonly string[]): void {
  const profile = context.files.profiles.get(name);
  if (!profile) throw invalidConfig(`The source_profile "${name}" referenced in the profile "${parent}" does not exist.`);
  if (!visited.includes(name)) return;
  if (name !== parent || !hasStaticKeys(profile)) {
    throw invalidConfig(
      `Infinite loop in credential configuration detected. Attempting to load from profile ${name} which has already been visited. Visited profiles: ${pyRepr([...visited])}`,
    );
  }
}

// AssumeRoleProvider._resolve_credentials_from_profile.
function fromSourceProfile(context: CredentialContext, name: string, visited: string[]): CredentialSource {
  const profile = context.files.profiles.get(name) ?? EMPTY;
  if (hasStaticKeys(profile) || !hasAssumeRoleVars(profile)) {
    const found = profileProviderSource(context, name, true);
    if (!found) throw invalidConfig(`The source profile "${name}" must have credentials.`);
    return found;
  }
  return viaAssumeRole(context, name, visited);
}

// CanonicalNameCredentialSourcer: env, container or IMDS, whatever the chain's own settings say.
function fromCredentialSource(context: CredentialContext, name: CredentialSourceName, profileName: string): CredentialSource {
  const found =
    name === 'Environment'
      ? envSource(context.env)
      : name === 'EcsContainer'
        ? containerSource(context.env, context.generation ?? DEFAULT_GENERATION)
        : instanceMetadataSource(context);
  if (!found) throw retrievalError(name, `No credentials found in credential_source referenced in profile ${profileName}`);
  return found;
}

// AssumeRoleWithWebIdentityProvider: each key from the env (unless --profile), else the profile.
function webIdentitySource(context: CredentialContext, profile: IniSection, disableEnv: boolean): CredentialSource | undefined {
  const get = (key: string): string | undefined => {
    const envName = WEB_IDENTITY_ENV[key];
    const fromEnv = disableEnv || envName === undefined ? undefined : context.env[envName];
    return fromEnv ?? text(profile, key);
  };
  const tokenFile = get('web_identity_token_file');
  if (!tokenFile) return undefined;
  const roleArn = get('role_arn');
  if (!roleArn) {
    throw invalidConfig(
      'The provided profile or the current environment is configured to assume role with web identity but has no role ARN configured. Ensure that the profile has the role_arnconfiguration set or the AWS_ROLE_ARN env var is set.',
    );
  }
  return { kind: 'web-identity', tokenFile, roleArn, roleSessionName: get('role_session_name') || undefined, ...stsOrSsoEndpoint(context, 'sts') };
}

function processSource(profileName: string, profile: IniSection, env: Env): CredentialSource | undefined {
  const command = text(profile, 'credential_process');
  return command === undefined ? undefined : { kind: 'process', profileName, command, env };
}

// SharedCredentialProvider / ConfigProvider: a key id makes the section count; the secret must follow.
function keysIn(section: IniSection | undefined, method: CredentialMethod): StaticSource | undefined {
  if (!section?.has(ACCESS_KEY)) return undefined;
  if (!section.has(SECRET_KEY)) throw partialCredentials(method, SECRET_KEY);
  const token = PROFILE_TOKENS.find((key) => section.has(key));
  return staticSource(method, text(section, ACCESS_KEY) ?? '', text(section, SECRET_KEY) ?? '', token && text(section, token));
}

function staticSource(method: CredentialMethod, accessKeyId: string, secretAccessKey: string, sessionToken: string | undefined): StaticSource {
  return { kind: 'static', credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}), source: method } };
}

function hasAssumeRoleVars(profile: IniSection): boolean {
  return profile.has('role_arn') && !profile.has('web_identity_token_file');
}

function hasStaticKeys(profile: IniSection): boolean {
  return profile.has(SECRET_KEY) || profile.has(ACCESS_KEY);
}

function text(section: IniSection, key: string): string | undefined {
  const value = section.get(key);
  return typeof value === 'string' ? value : undefined;
}

// int(duration_seconds), ignored when it is not an int (botocore catches the ValueError).
function pyIntOrUndefined(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  try {
    return Number(parsePyInt(value));
  } catch {
    return undefined;
  }
}

/** urllib.parse.urlparse(url).hostname: lower-cased, without userinfo, port or IPv6 brackets. */
export function pyUrlHostname(url: string): string | undefined {
  const netloc = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/.exec(url)?.[1];
  if (!netloc) return undefined;
  const hostPort = netloc.slice(netloc.lastIndexOf('@') + 1);
  const host = hostPort.startsWith('[') ? hostPort.slice(1, hostPort.indexOf(']')) : hostPort.split(':')[0];
  return host ? host.toLowerCase() : undefined;
}

const HOST_LABELS = /^((?!-)[A-Z\d-]{1,63}(?<!-)\.)*((?!-)[A-Z\d-]{1,63}(?<!-))$/i;

// botocore is_valid_uri: a hostname made of DNS labels, or a bracketed IPv6 address.
function isValidUri(url: string): boolean {
  if (/[\t\r\n]/.test(url)) return false;
  const isBracketed = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/(?:[^@/?#]*@)?\[/.test(url);
  let host = pyUrlHostname(url);
  if (host === undefined || host.length > 255) return false;
  if (isBracketed) return host.includes(':') && /^[0-9a-f:.%A-Za-z0-9_~-]+$/.test(host);
  if (host.endsWith('.')) host = host.slice(0, -1);
  return HOST_LABELS.test(host);
}
