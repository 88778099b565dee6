// The credentials one invocation signs with, in botocore's order (create_credential_resolver):
// env (unless --profile) → assume role → web identity → SSO → credentials file → credential_process
// → config file → container → instance metadata. Three steps, because the reference resolves at
// client creation but calls STS/SSO only when it signs: findCredentialSource (offline, synchronous),
// resolveCredentialSource (client creation: runs credential_process, the container and IMDS
// fetches), loadCredentials (signing: the STS and SSO calls, the refresh of credentials that
// expire). The per-source work lives in chain.ts (which source), process.ts and metadata.ts (how
// to load it, through io), refreshable.ts (when to load it again); the STS and
// SSO calls are the CredentialClients that the caller passes (src/service/credential-clients.ts).
import type { Env, Io } from '../io.js';
import { requireProfile, type Settings, type SharedFiles } from '../config/settings.js';
import { ConfigError } from '../errors.js';
import { assumeRoleSource, containerSource, envSource, instanceMetadataSource, profileProviderSource, retrievalError } from './chain.js';
import { loadProcessCredentials } from './process.js';
import type { RefreshableCredentials } from './refreshable.js';
import { fetchContainerCredentials, fetchInstanceMetadataCredentials } from './metadata.js';
import { DEFAULT_GENERATION, type Generation } from '../model/generation.js';

/** botocore's METHOD names: where a set of credentials came from (--debug prints them). */
export type CredentialMethod =
  | 'env'
  | 'assume-role'
  | 'assume-role-with-web-identity'
  | 'sso'
  | 'shared-credentials-file'
  | 'custom-process'
  | 'config-file'
  | 'container-role'
  | 'iam-role';

export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly source: CredentialMethod;
}

/** Keys already in hand: env, the credentials or config file, or a source already loaded. */
export interface StaticSource {
  readonly kind: 'static';
  readonly credentials: Credentials;
}

/** Credentials that expire (credential_process's with an Expiration): checked, maybe refreshed, at each signing. */
export interface RefreshableSource {
  readonly kind: 'refreshable';
  readonly credentials: RefreshableCredentials;
}

/** credential_process: run at client creation, with the CLI's environment. */
export interface ProcessSource {
  readonly kind: 'process';
  readonly profileName: string;
  readonly command: string;
  readonly env: Env;
}

/** AWS_CONTAINER_CREDENTIALS_RELATIVE_URI / _FULL_URI: fetched at client creation. */
export interface ContainerSource {
  readonly kind: 'container';
  readonly url: string;
  /** AWS_CONTAINER_AUTHORIZATION_TOKEN, sent as the Authorization header. */
  readonly authorization: string | undefined;
  /** Whose fetcher loads it (its messages differ). */
  readonly generation: Generation;
}

/** The EC2 instance metadata service: fetched at client creation; a failure means "no credentials". */
export interface InstanceMetadataSource {
  readonly kind: 'instance-metadata';
  /** The base URL; botocore appends `latest/...` to it as it is, without adding a slash. */
  readonly baseUrl: string;
  readonly timeoutSeconds: number;
  readonly attempts: number;
}

/** Where the STS or SSO client sends its requests (AWS_ENDPOINT_URL_STS / _SSO / AWS_ENDPOINT_URL). */
export interface ClientEndpoint {
  readonly endpoint: string | undefined;
}

/** role_arn with source_profile or credential_source: STS AssumeRole at signing. */
export interface AssumeRoleSource extends ClientEndpoint {
  readonly kind: 'assume-role';
  readonly profileName: string;
  readonly roleArn: string;
  readonly roleSessionName: string | undefined;
  readonly externalId: string | undefined;
  readonly mfaSerial: string | undefined;
  readonly durationSeconds: number | undefined;
  /** The credentials that call AssumeRole. */
  readonly source: CredentialSource;
  /** The credential_source name, when the source came from one (its failure names it). */
  readonly credentialSource: string | undefined;
}

/** web_identity_token_file + role_arn: STS AssumeRoleWithWebIdentity at signing. */
export interface WebIdentitySource extends ClientEndpoint {
  readonly kind: 'web-identity';
  readonly tokenFile: string;
  readonly roleArn: string;
  readonly roleSessionName: string | undefined;
}

/** sso_account_id + sso_role_name (with sso_session or the legacy keys): SSO GetRoleCredentials at signing. */
export interface SsoSource extends ClientEndpoint {
  readonly kind: 'sso';
  readonly startUrl: string;
  readonly ssoRegion: string;
  readonly accountId: string;
  readonly roleName: string;
  /** The sso-session name; the token cache is keyed by it (else by the start URL). */
  readonly sessionName: string | undefined;
}

export type CredentialSource =
  | StaticSource
  | RefreshableSource
  | ProcessSource
  | ContainerSource
  | InstanceMetadataSource
  | AssumeRoleSource
  | WebIdentitySource
  | SsoSource;

export interface CredentialContext {
  readonly settings: Settings;
  readonly files: SharedFiles;
  readonly env: Env;
  /** The AWS CLI release whose providers run (2.9.19 when not given). */
  readonly generation?: Generation;
}

/** The calls of the sources that load at signing: STS and SSO through the SDK. */
export interface CredentialClients {
  assumeRole(source: AssumeRoleSource, sourceCredentials: Credentials, io: Io, region: string | undefined): Promise<Credentials>;
  assumeRoleWithWebIdentity(source: WebIdentitySource, io: Io, region: string | undefined): Promise<Credentials>;
  getSsoRoleCredentials(source: SsoSource, io: Io): Promise<Credentials>;
}

/**
 * The first source in botocore's chain that applies, or undefined when none does. Offline and
 * synchronous; throws the reference's client-creation errors (rc 255): ProfileNotFound, partial
 * keys, a broken assume-role/web-identity/SSO profile, a bad IMDS endpoint or container host.
 */
export function findCredentialSource(context: CredentialContext): CredentialSource | undefined {
  const { settings, env } = context;
  requireProfile(settings);
  // botocore builds the IMDS fetcher (and checks its endpoint) before it looks anywhere.
  const metadata = instanceMetadataSource(context);
  // AWS CLI quirk: an explicit --profile drops the env provider; AWS_PROFILE does not.
  const explicitProfile = settings.profileSource === 'flag';
  return (
    (explicitProfile ? undefined : envSource(env)) ??
    assumeRoleSource(context, settings.profileName) ??
    profileProviderSource(context, settings.profileName, explicitProfile) ??
    containerSource(env, context.generation ?? DEFAULT_GENERATION) ??
    metadata
  );
}

/**
 * What botocore's resolver holds after client creation: credential_process, the container and
 * IMDS are loaded now (an assume-role profile's source too); STS and SSO calls stay deferred.
 * Undefined when nothing was found (IMDS that answers nothing counts as nothing).
 */
export async function resolveCredentialSource(source: CredentialSource | undefined, io: Io): Promise<CredentialSource | undefined> {
  if (source === undefined) return undefined;
  switch (source.kind) {
    case 'process':
      return loadProcessCredentials(source, io);
    case 'container':
    case 'instance-metadata': {
      const credentials = await loadEager(source, io);
      return credentials && { kind: 'static', credentials };
    }
    case 'assume-role':
      return { ...source, source: await requireSourceOf(source, io) };
    default:
      return source;
  }
}

/**
 * The credentials of `source`, calling STS or SSO through `clients` when it needs to (rc 254/255
 * errors as the reference). `region` is the session's: the STS client's (us-east-1 when none).
 */
export async function loadCredentials(source: CredentialSource, io: Io, clients: CredentialClients, region?: string): Promise<Credentials> {
  switch (source.kind) {
    case 'static':
      return source.credentials;
    case 'refreshable':
      return source.credentials.frozen();
    case 'process':
    case 'container':
    case 'instance-metadata': {
      const resolved = await resolveCredentialSource(source, io);
      if (!resolved) throw noCredentialsError();
      return loadCredentials(resolved, io, clients, region);
    }
    case 'assume-role': {
      const sourceCredentials = await loadCredentials(await requireSourceOf(source, io), io, clients, region);
      return clients.assumeRole(source, sourceCredentials, io, region);
    }
    case 'web-identity':
      return clients.assumeRoleWithWebIdentity(source, io, region);
    case 'sso':
      return clients.getSsoRoleCredentials(source, io);
  }
}

/** botocore's METHOD name for a source, e.g. for --debug ("assume-role" before STS is called). */
export function credentialMethod(source: CredentialSource): CredentialMethod {
  if (source.kind === 'static') return source.credentials.source;
  return source.kind === 'refreshable' ? source.credentials.method : SOURCE_METHODS[source.kind];
}

const SOURCE_METHODS: Readonly<Record<Exclude<CredentialSource['kind'], 'static' | 'refreshable'>, CredentialMethod>> = {
  process: 'custom-process',
  container: 'container-role',
  'instance-metadata': 'iam-role',
  'assume-role': 'assume-role',
  'web-identity': 'assume-role-with-web-identity',
  sso: 'sso',
};

/** "Unable to locate credentials" (rc 253): what the reference raises at signing when nothing was found. */
export function noCredentialsError(): ConfigError {
  // report-error.ts adds how to configure them, in the words of the generation followed.
  return new ConfigError('NO_CREDENTIALS', 'Unable to locate credentials');
}

async function loadEager(source: ContainerSource | InstanceMetadataSource, io: Io): Promise<Credentials | undefined> {
  switch (source.kind) {
    case 'container':
      return fetchContainerCredentials(source, io);
    case 'instance-metadata':
      return fetchInstanceMetadataCredentials(source, io);
  }
}

// botocore resolves an assume-role profile's source credentials when the client is created; a
// credential_source that finds nothing is an error that names it.
async function requireSourceOf(source: AssumeRoleSource, io: Io): Promise<CredentialSource> {
  const resolved = await resolveCredentialSource(source.source, io);
  if (resolved) return resolved;
  throw retrievalError(source.credentialSource ?? 'assume-role', `No credentials found in credential_source referenced in profile ${source.profileName}`);
}
