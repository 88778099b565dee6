// The two metadata endpoints of botocore's chain, fetched over plain HTTP at client creation:
// the container endpoint (ContainerMetadataFetcher: 2 s timeout, 3 attempts 1 s apart, failures
// are errors) and EC2 instance metadata (InstanceMetadataFetcher: IMDSv2 token, then role name,
// then credentials; any failure just means "no credentials here").
import type { HttpAnswer, Io } from '../io.js';
import type { ContainerSource, Credentials, InstanceMetadataSource } from './credentials.js';
import { GeneralError } from '../errors.js';
import { retrievalError } from './chain.js';
import { parsePyJson } from '../values/py-json-parse.js';
import { pyRepr, pyStr, pyTypePath } from '../values/py-repr.js';
import { PyDict, type PyValue } from '../values/py-value.js';
import { userAgent } from '../version.js';
import { containerFetcherRules } from './container-fetcher.js';

const CONTAINER_TIMEOUT_SECONDS = 2;
const CONTAINER_ATTEMPTS = 3;
const CONTAINER_SLEEP_MS = 1000;
const IMDS_TOKEN_PATH = 'latest/api/token';
const IMDS_ROLE_PATH = 'latest/meta-data/iam/security-credentials/';
const IMDS_FIELDS = ['AccessKeyId', 'SecretAccessKey', 'Token', 'Expiration'] as const;

type Answer = Extract<HttpAnswer, { kind: 'answer' }>;

/** A MetadataRetrievalError of the container fetcher (retried). */
class MetadataRetrievalError extends Error {}

/** The container endpoint's credentials; errors (rc 255) after three failed attempts, as botocore. */
export async function fetchContainerCredentials(source: ContainerSource, io: Io): Promise<Credentials> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (source.authorization !== undefined) headers.Authorization = source.authorization;
  for (let attempt = 1; ; attempt++) {
    try {
      return containerCredentials(await containerAnswer(source, headers, io));
    } catch (error) {
      if (!(error instanceof MetadataRetrievalError)) throw error;
      await io.sleep(CONTAINER_SLEEP_MS);
      if (attempt >= CONTAINER_ATTEMPTS) throw retrievalError('container-role', `Error retrieving metadata: ${error.message}`, error);
    }
  }
}

/** IMDS credentials, or undefined when the service does not give any (botocore returns {}). */
export async function fetchInstanceMetadataCredentials(source: InstanceMetadataSource, io: Io): Promise<Credentials | undefined> {
  const token = await fetchMetadataToken(source, io);
  if (token === 'bad-request') return undefined;
  const headers: Record<string, string> = { 'User-Agent': userAgent() };
  if (token !== undefined) headers['x-aws-ec2-metadata-token'] = token;
  const role = await metadataGet(source, io, IMDS_ROLE_PATH, headers, (answer) => answer.body !== '');
  if (role === undefined) return undefined;
  const answer = await metadataGet(source, io, IMDS_ROLE_PATH + role.body, headers, (reply) => reply.body !== '' && isJson(reply.body));
  if (answer === undefined) return undefined;
  const parsed = parsePyJson(answer.body);
  if (!(parsed instanceof PyDict) || IMDS_FIELDS.some((field) => !parsed.has(field))) return undefined;
  const field = (name: string): string => pyStr(parsed.get(name) as PyValue);
  const sessionToken = field('Token');
  return { accessKeyId: field('AccessKeyId'), secretAccessKey: field('SecretAccessKey'), ...(sessionToken ? { sessionToken } : {}), source: 'iam-role' };
}

// ContainerMetadataFetcher._get_response: a non-200 answer, bad JSON or no answer is retried.
async function containerAnswer(source: ContainerSource, headers: Record<string, string>, io: Io): Promise<PyValue> {
  const rules = containerFetcherRules(source.generation);
  const answer = await send(io, 'GET', source.url, headers, CONTAINER_TIMEOUT_SECONDS);
  if (answer.kind !== 'answer') {
    throw new MetadataRetrievalError(`Received error when attempting to retrieve ${rules.metadataName}: ${failureText(answer.kind, source.url)}`);
  }
  if (answer.status !== 200) throw new MetadataRetrievalError(rules.non200(answer.status, answer.body));
  try {
    return parsePyJson(answer.body);
  } catch {
    throw new MetadataRetrievalError(`Unable to parse JSON returned from ${rules.metadataName} services`);
  }
}

// ContainerProvider reads four keys out of whatever JSON came back; Python's errors if it can't.
function containerCredentials(value: PyValue): Credentials {
  const key = (name: string): string => {
    if (!(value instanceof PyDict)) throw new GeneralError('PYTHON_CRASH', notSubscriptable(value));
    const found = value.get(name);
    if (found === undefined) throw new GeneralError('PYTHON_CRASH', pyRepr(name));
    return pyStr(found);
  };
  const accessKeyId = key('AccessKeyId');
  const secretAccessKey = key('SecretAccessKey');
  const sessionToken = key('Token');
  key('Expiration');
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}), source: 'container-role' };
}

// IMDSFetcher._fetch_metadata_token: a token, undefined for IMDSv1 (404/403/405, timeouts), or a
// 400 that ends the whole lookup.
async function fetchMetadataToken(source: InstanceMetadataSource, io: Io): Promise<string | 'bad-request' | undefined> {
  const url = metadataUrl(source, IMDS_TOKEN_PATH);
  const headers = { 'x-aws-ec2-metadata-token-ttl-seconds': '21600', 'User-Agent': userAgent() };
  for (let attempt = 0; attempt < source.attempts; attempt++) {
    const answer = await send(io, 'PUT', url, headers, source.timeoutSeconds);
    if (answer.kind === 'read-timeout') return undefined;
    if (answer.kind !== 'answer') continue;
    if (answer.status === 200) return answer.body;
    if ([403, 404, 405].includes(answer.status)) return undefined;
    if (answer.status === 400) return 'bad-request';
  }
  return undefined;
}

// IMDSFetcher._get_request: retried while the answer is not acceptable; undefined once attempts run out.
async function metadataGet(
  source: InstanceMetadataSource,
  io: Io,
  path: string,
  headers: Record<string, string>,
  acceptable: (answer: Answer) => boolean,
): Promise<Answer | undefined> {
  const url = metadataUrl(source, path);
  for (let attempt = 0; attempt < source.attempts; attempt++) {
    const answer = await send(io, 'GET', url, headers, source.timeoutSeconds);
    if (answer.kind === 'answer' && answer.status === 200 && acceptable(answer)) return answer;
  }
  return undefined;
}

// AWS CLI quirk: botocore appends the path to the endpoint as it is, so an endpoint without a
// trailing slash gives `http://host:1234latest/api/token`, which urllib3 cannot parse.
function metadataUrl(source: InstanceMetadataSource, path: string): string {
  const url = source.baseUrl + path;
  try {
    new URL(url);
  } catch {
    throw new GeneralError('INVALID_ENDPOINT', `Invalid endpoint EC2 Instance Metadata endpoint: ${url}`);
  }
  return url;
}

function send(io: Io, method: 'GET' | 'PUT', url: string, headers: Record<string, string>, timeoutSeconds: number): Promise<HttpAnswer> {
  return io.httpExchange({ method, url, headers, timeoutMs: timeoutSeconds * 1000 });
}

// botocore's text for an exchange that got no answer.
function failureText(kind: Exclude<HttpAnswer['kind'], 'answer'>, url: string): string {
  if (kind === 'connect-failed') return `Could not connect to the endpoint URL: "${url}"`;
  return `${kind === 'read-timeout' ? 'Read' : 'Connect'} timeout on endpoint URL: "${url}"`;
}

function isJson(text: string): boolean {
  try {
    parsePyJson(text);
    return true;
  } catch {
    return false;
  }
}

// Python's TypeError for `value['AccessKeyId']` on something that is not a dict.
function notSubscriptable(value: PyValue): string {
  const type = pyTypePath(value);
  if (type === 'list') return 'list indices must be integers or slices, not str';
  if (type === 'str') return "string indices must be integers, not 'str'";
  return `'${type}' object is not subscriptable`;
}
