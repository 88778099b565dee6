// The deferred sources' calls, made when the request is signed: STS AssumeRole and
// AssumeRoleWithWebIdentity, SSO GetRoleCredentials. They use the public clients
// (@aws-sdk/client-sts, @aws-sdk/client-sso) rather than @aws-sdk/credential-providers, whose
// providers look up process.env and the real ~/.aws with no option to stop them (the STS region,
// the SSO token cache). Every client setting is explicit, and the token cache is read through io.
// The SDK is imported lazily: a run with static keys never loads it.
import { createHash } from 'node:crypto';
import type { Credentials as StsCredentials } from '@aws-sdk/client-sts';
import type { Io } from '../io.js';
import type { AssumeRoleSource, CredentialClients, CredentialMethod, Credentials, SsoSource, WebIdentitySource } from '../credentials/credentials.js';
import { CliError, errorField, GeneralError, ServiceError } from '../errors.js';
import { classifyTransportError } from './wire-errors.js';
import { deferredExtraCa, deferredHttpsAgent } from './extra-ca.js';
import { clientErrorText } from '../values/client-error-text.js';
import { parsePyJson } from '../values/py-json-parse.js';
import { pyOsErrorMessage } from '../values/py-os-error.js';
import { pyRepr, pyStr } from '../values/py-repr.js';
import { PyDict } from '../values/py-value.js';
import { PROJECT, VERSION } from '../version.js';

/** botocore's STS client with no region configured goes to the global endpoint, signed for us-east-1. */
const DEFAULT_STS_REGION = 'us-east-1';

/** The credential chain's STS and SSO calls, for loadCredentials. */
export const CREDENTIAL_CLIENTS: CredentialClients = { assumeRole, assumeRoleWithWebIdentity, getSsoRoleCredentials };
const MAX_ATTEMPTS = 3;
const UNAUTHORIZED_SSO_TOKEN =
  'The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.';

/** STS AssumeRole, signed with the source's credentials. */
export async function assumeRole(source: AssumeRoleSource, sourceCredentials: Credentials, io: Io, region: string | undefined): Promise<Credentials> {
  if (source.mfaSerial !== undefined) {
    // botocore prompts on the terminal (getpass); there is no prompt here yet.
    throw new GeneralError(
      'BAD_CONFIG_VALUE',
      `The profile "${source.profileName}" needs an MFA code for ${source.mfaSerial}, and aws-voiceid cannot prompt for one.`,
    );
  }
  const stsRegion = region || DEFAULT_STS_REGION;
  const { STSClient, AssumeRoleCommand } = await import('@aws-sdk/client-sts');
  const client = withoutProcessEnv(
    new STSClient({
      ...clientConfig(stsRegion, source.endpoint),
      credentials: {
        accessKeyId: sourceCredentials.accessKeyId,
        secretAccessKey: sourceCredentials.secretAccessKey,
        ...(sourceCredentials.sessionToken ? { sessionToken: sourceCredentials.sessionToken } : {}),
      },
    }),
  );
  const url = source.endpoint ?? stsUrl(stsRegion);
  await trustDeferredCa(client, url, io);
  const command = new AssumeRoleCommand({
    RoleArn: source.roleArn,
    RoleSessionName: source.roleSessionName ?? defaultSessionName(io),
    ...(source.externalId !== undefined ? { ExternalId: source.externalId } : {}),
    ...(source.durationSeconds !== undefined ? { DurationSeconds: source.durationSeconds } : {}),
  });
  try {
    const output = await callSdk(() => client.send(command), 'AssumeRole', url);
    return fromStsCredentials(output.Credentials, 'assume-role');
  } finally {
    client.destroy();
  }
}

/** STS AssumeRoleWithWebIdentity (unsigned) with the token file's contents, read when signing. */
export async function assumeRoleWithWebIdentity(source: WebIdentitySource, io: Io, region: string | undefined): Promise<Credentials> {
  let token: string;
  try {
    token = new TextDecoder().decode(await io.readFile(source.tokenFile));
  } catch (error) {
    throw openError(error, source.tokenFile);
  }
  const stsRegion = region || DEFAULT_STS_REGION;
  const { STSClient, AssumeRoleWithWebIdentityCommand } = await import('@aws-sdk/client-sts');
  const client = withoutProcessEnv(
    new STSClient({
      ...clientConfig(stsRegion, source.endpoint),
      // The call is unsigned; should the SDK ever want keys, not from its own chain (process.env, ~/.aws).
      credentialDefaultProvider: () => async () => {
        throw new GeneralError('NO_CREDENTIALS', 'AssumeRoleWithWebIdentity is an unsigned call.');
      },
    }),
  );
  const url = source.endpoint ?? stsUrl(stsRegion);
  await trustDeferredCa(client, url, io);
  const command = new AssumeRoleWithWebIdentityCommand({
    RoleArn: source.roleArn,
    RoleSessionName: source.roleSessionName ?? defaultSessionName(io),
    WebIdentityToken: token,
  });
  try {
    const output = await callSdk(() => client.send(command), 'AssumeRoleWithWebIdentity', url);
    return fromStsCredentials(output.Credentials, 'assume-role-with-web-identity');
  } finally {
    client.destroy();
  }
}

/** SSO GetRoleCredentials with the cached token of `aws sso login`. */
export async function getSsoRoleCredentials(source: SsoSource, io: Io): Promise<Credentials> {
  const accessToken = await loadSsoToken(source, io);
  const { SSOClient, GetRoleCredentialsCommand } = await import('@aws-sdk/client-sso');
  const client = withoutProcessEnv(new SSOClient(clientConfig(source.ssoRegion, source.endpoint)));
  const url = source.endpoint ?? `https://portal.sso.${source.ssoRegion}.amazonaws.com/federation/credentials`;
  await trustDeferredCa(client, url, io);
  try {
    const response = await callSdk(
      () => client.send(new GetRoleCredentialsCommand({ roleName: source.roleName, accountId: source.accountId, accessToken })),
      'GetRoleCredentials',
      url,
      (error) => (errorName(error) === 'UnauthorizedException' ? new GeneralError('NO_CREDENTIALS', UNAUTHORIZED_SSO_TOKEN, { cause: error }) : undefined),
    );
    const role = response.roleCredentials ?? {};
    const key = (name: 'accessKeyId' | 'secretAccessKey' | 'sessionToken'): string => {
      const value = role[name];
      if (value === undefined) throw new GeneralError('PYTHON_CRASH', pyRepr(name));
      return value;
    };
    return { accessKeyId: key('accessKeyId'), secretAccessKey: key('secretAccessKey'), sessionToken: key('sessionToken'), source: 'sso' };
  } finally {
    client.destroy();
  }
}

// botocore SSOTokenLoader (and SSOTokenProvider's expiry check for sso-session profiles).
async function loadSsoToken(source: SsoSource, io: Io): Promise<string> {
  const name = source.sessionName ?? source.startUrl;
  const cacheKey = createHash('sha1').update(name, 'utf8').digest('hex');
  const path = `${io.homedir()}/.aws/sso/cache/${cacheKey}.json`;
  let text: string;
  try {
    text = new TextDecoder().decode(await io.readFile(path));
  } catch (error) {
    const code = errorField(error, 'code');
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') {
      throw new GeneralError('NO_CREDENTIALS', `Error loading SSO Token: Token for ${name} does not exist`, { cause: error });
    }
    throw new GeneralError('PYTHON_CRASH', pyRepr(cacheKey), { cause: error });
  }
  let token: unknown;
  try {
    token = parsePyJson(text);
  } catch (error) {
    // JSONFileCache turns unreadable JSON into KeyError(cache_key).
    throw new GeneralError('PYTHON_CRASH', pyRepr(cacheKey), { cause: error });
  }
  const accessToken = token instanceof PyDict ? token.get('accessToken') : undefined;
  const expiresAt = token instanceof PyDict ? token.get('expiresAt') : undefined;
  if (accessToken === undefined || expiresAt === undefined) {
    throw new GeneralError('NO_CREDENTIALS', `Error loading SSO Token: Token for ${source.startUrl} is invalid`);
  }
  if (source.sessionName !== undefined) {
    const expiry = Date.parse(pyStr(expiresAt));
    if (Number.isNaN(expiry)) throw new GeneralError('PYTHON_CRASH', `Unknown string format: ${pyStr(expiresAt)}`);
    if (expiry <= io.now().getTime()) {
      throw new GeneralError('NO_CREDENTIALS', 'Error when retrieving token from sso: Token has expired and refresh failed');
    }
  }
  return pyStr(accessToken);
}

interface SdkClientConfig {
  region: string;
  endpoint?: string;
  ignoreConfiguredEndpointUrls: boolean;
  useFipsEndpoint: boolean;
  useDualstackEndpoint: boolean;
  defaultsMode: 'standard';
  maxAttempts: number;
  retryMode: string;
  authSchemePreference: string[];
  userAgentAppId: () => Promise<string | undefined>;
  defaultUserAgentProvider: () => Promise<[string, string][]>;
}

// Everything the SDK would otherwise look up in process.env and the default shared files.
function clientConfig(region: string, endpoint: string | undefined): SdkClientConfig {
  return {
    region,
    ...(endpoint !== undefined ? { endpoint } : {}),
    ignoreConfiguredEndpointUrls: true,
    useFipsEndpoint: false,
    useDualstackEndpoint: false,
    defaultsMode: 'standard',
    maxAttempts: MAX_ATTEMPTS,
    retryMode: 'standard',
    authSchemePreference: [],
    userAgentAppId: async () => undefined,
    // The SDK's default user agent reads AWS_EXECUTION_ENV from process.env.
    defaultUserAgentProvider: async () => [[PROJECT, VERSION]],
  };
}

// bin/aws-voiceid kept NODE_EXTRA_CA_CERTS from node's start-up: an https client's agent trusts
// what node's default store would have (extra-ca.ts), the SDK's other handler settings kept.
async function trustDeferredCa(client: { config: object }, url: string, io: Io): Promise<void> {
  if (!/^https:/i.test(url)) return;
  const agent = await deferredHttpsAgent(deferredExtraCa(io));
  const handler = (client.config as { requestHandler?: { updateHttpClientConfig?: (key: 'httpsAgent', value: unknown) => void } }).requestHandler;
  if (agent) handler?.updateHttpClientConfig?.('httpsAgent', agent);
}

// The recursion-detection middleware reads AWS_LAMBDA_FUNCTION_NAME from process.env.
function withoutProcessEnv<T extends { middlewareStack: { remove(name: string): boolean } }>(client: T): T {
  client.middlewareStack.remove('recursionDetectionMiddleware');
  return client;
}

// The SDK's failures as the reference reports them: a service error (rc 254), a transport
// failure (rc 255), or the provider's own message (rc 255).
async function callSdk<T>(call: () => Promise<T>, operation: string, url: string, special?: (error: unknown) => CliError | undefined): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const mapped = special?.(error);
    if (mapped) throw mapped;
    if (error instanceof CliError) throw error;
    if (typeof error === 'object' && error !== null && '$fault' in error) throw serviceError(error, operation);
    if (errorField(error, 'code') !== undefined || ['TimeoutError', 'AbortError'].includes(errorName(error) ?? '')) {
      throw classifyTransportError(error, url);
    }
    throw new GeneralError('NO_CREDENTIALS', error instanceof Error ? error.message : String(error), { cause: error });
  }
}

function serviceError(error: object, operation: string): ServiceError {
  const code = errorName(error) ?? 'Unknown';
  const message = error instanceof Error ? error.message : '';
  const metadata = (error as { $metadata?: { attempts?: number } }).$metadata;
  const attempts = metadata?.attempts ?? 1;
  // botocore's Error dict: the query protocol's (STS) in the XML's order, Code first; the JSON
  // protocols' (SSO) Message first. Their error shapes model nothing else the CLI would show.
  const fields: [string, string][] = [
    ['Code', code],
    ['Message', message],
  ];
  const errorInfo = new PyDict(MESSAGE_FIRST.has(operation) ? fields.reverse() : fields);
  return new ServiceError(code, clientErrorText(code, operation, message, attempts > 1 ? attempts - 1 : undefined), { cause: error, errorInfo });
}

/** The operations of a JSON protocol, whose parsed errors start with Message. */
const MESSAGE_FIRST = new Set(['GetRoleCredentials']);

// CachedCredentialFetcher reads response['Credentials'][...]: a KeyError when a part is missing.
function fromStsCredentials(credentials: StsCredentials | undefined, method: CredentialMethod): Credentials {
  if (credentials === undefined) throw new GeneralError('PYTHON_CRASH', pyRepr('Credentials'));
  const key = (name: 'AccessKeyId' | 'SecretAccessKey' | 'SessionToken'): string => {
    const value = credentials[name];
    if (value === undefined) throw new GeneralError('PYTHON_CRASH', pyRepr(name));
    return value;
  };
  return { accessKeyId: key('AccessKeyId'), secretAccessKey: key('SecretAccessKey'), sessionToken: key('SessionToken'), source: method };
}

function stsUrl(region: string): string {
  return `https://sts.${region}.amazonaws.com/`;
}

// BaseAssumeRoleCredentialFetcher._generate_assume_role_name.
function defaultSessionName(io: Io): string {
  return `botocore-session-${Math.floor(io.now().getTime() / 1000)}`;
}

// Python's text for a failed open(): `[Errno 2] No such file or directory: '/path'`.
function openError(error: unknown, path: string): GeneralError {
  return new GeneralError('PYTHON_CRASH', pyOsErrorMessage(error, path), { cause: error });
}

function errorName(error: unknown): string | undefined {
  return errorField(error, 'name');
}
