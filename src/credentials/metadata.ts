// The two metadata endpoints of botocore's chain, fetched over plain HTTP at client creation:
// the container endpoint (ContainerMetadataFetcher: 2 s timeout, 3 attempts 1 s apart, failures
// are errors) and EC2 instance metadata (InstanceMetadataFetcher: IMDSv2 token, then role name,
// then credentials; any failure just means "no credentials here").
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { ContainerSource, Credentials, InstanceMetadataSource } from './credentials.js';
import { GeneralError } from '../errors.js';
import { retrievalError } from './chain.js';
import { parsePyJson } from '../values/py-json-parse.js';
import { pyRepr, pyStr, pyTypePath } from '../values/py-repr.js';
import { PyDict, type PyValue } from '../values/py-value.js';
import { userAgent } from '../version.js';

export type Sleep = (ms: number) => Promise<void>;

const CONTAINER_TIMEOUT_SECONDS = 2;
const CONTAINER_ATTEMPTS = 3;
const CONTAINER_SLEEP_MS = 1000;
const IMDS_TOKEN_PATH = 'latest/api/token';
const IMDS_ROLE_PATH = 'latest/meta-data/iam/security-credentials/';
const IMDS_FIELDS = ['AccessKeyId', 'SecretAccessKey', 'Token', 'Expiration'] as const;

interface HttpAnswer {
  readonly status: number;
  readonly body: string;
}

/** No HTTP answer: connection refused, a timeout (connect or read), a reset. */
class TransportFailure extends Error {
  constructor(
    message: string,
    readonly kind: 'connect' | 'connect-timeout' | 'read-timeout',
  ) {
    super(message);
  }
}

/** A MetadataRetrievalError of the container fetcher (retried). */
class MetadataRetrievalError extends Error {}

const defaultSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The container endpoint's credentials; errors (rc 255) after three failed attempts, as botocore. */
export async function fetchContainerCredentials(source: ContainerSource, sleep: Sleep = defaultSleep): Promise<Credentials> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (source.authorization !== undefined) headers.Authorization = source.authorization;
  for (let attempt = 1; ; attempt++) {
    try {
      return containerCredentials(await containerAnswer(source.url, headers));
    } catch (error) {
      if (!(error instanceof MetadataRetrievalError)) throw error;
      await sleep(CONTAINER_SLEEP_MS);
      if (attempt >= CONTAINER_ATTEMPTS) throw retrievalError('container-role', `Error retrieving metadata: ${error.message}`, error);
    }
  }
}

/** IMDS credentials, or undefined when the service does not give any (botocore returns {}). */
export async function fetchInstanceMetadataCredentials(source: InstanceMetadataSource): Promise<Credentials | undefined> {
  const token = await fetchMetadataToken(source);
  if (token === 'bad-request') return undefined;
  const headers: Record<string, string> = { 'User-Agent': userAgent() };
  if (token !== undefined) headers['x-aws-ec2-metadata-token'] = token;
  const role = await metadataGet(source, IMDS_ROLE_PATH, headers, (answer) => answer.body !== '');
  if (role === undefined) return undefined;
  const answer = await metadataGet(source, IMDS_ROLE_PATH + role.body, headers, (reply) => reply.body !== '' && isJson(reply.body));
  if (answer === undefined) return undefined;
  const parsed = parsePyJson(answer.body);
  if (!(parsed instanceof PyDict) || IMDS_FIELDS.some((field) => !parsed.has(field))) return undefined;
  const field = (name: string): string => pyStr(parsed.get(name) as PyValue);
  const sessionToken = field('Token');
  return { accessKeyId: field('AccessKeyId'), secretAccessKey: field('SecretAccessKey'), ...(sessionToken ? { sessionToken } : {}), source: 'iam-role' };
}

// ContainerMetadataFetcher._get_response: a non-200 answer, bad JSON or no answer is retried.
async function containerAnswer(url: string, headers: Record<string, string>): Promise<PyValue> {
  let answer: HttpAnswer;
  try {
    answer = await send('GET', url, headers, CONTAINER_TIMEOUT_SECONDS);
  } catch (error) {
    if (error instanceof TransportFailure) {
      throw new MetadataRetrievalError(`Received error when attempting to retrieve ECS metadata: ${error.message}`);
    }
    throw error;
  }
  if (answer.status !== 200) throw new MetadataRetrievalError(`Received non 200 response (${answer.status}) from ECS metadata: ${answer.body}`);
  try {
    return parsePyJson(answer.body);
  } catch {
    throw new MetadataRetrievalError('Unable to parse JSON returned from ECS metadata services');
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
async function fetchMetadataToken(source: InstanceMetadataSource): Promise<string | 'bad-request' | undefined> {
  const url = metadataUrl(source, IMDS_TOKEN_PATH);
  const headers = { 'x-aws-ec2-metadata-token-ttl-seconds': '21600', 'User-Agent': userAgent() };
  for (let attempt = 0; attempt < source.attempts; attempt++) {
    try {
      const answer = await send('PUT', url, headers, source.timeoutSeconds);
      if (answer.status === 200) return answer.body;
      if ([403, 404, 405].includes(answer.status)) return undefined;
      if (answer.status === 400) return 'bad-request';
    } catch (error) {
      if (!(error instanceof TransportFailure)) throw error;
      if (error.kind === 'read-timeout') return undefined;
    }
  }
  return undefined;
}

// IMDSFetcher._get_request: retried while the answer is not acceptable; undefined once attempts run out.
async function metadataGet(
  source: InstanceMetadataSource,
  path: string,
  headers: Record<string, string>,
  acceptable: (answer: HttpAnswer) => boolean,
): Promise<HttpAnswer | undefined> {
  const url = metadataUrl(source, path);
  for (let attempt = 0; attempt < source.attempts; attempt++) {
    try {
      const answer = await send('GET', url, headers, source.timeoutSeconds);
      if (answer.status === 200 && acceptable(answer)) return answer;
    } catch (error) {
      if (!(error instanceof TransportFailure)) throw error;
    }
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

function send(method: 'GET' | 'PUT', url: string, headers: Record<string, string>, timeoutSeconds: number): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const request = (url.startsWith('https:') ? httpsRequest : httpRequest)(url, { method, headers });
    let connected = false;
    request.on('socket', (socket) => socket.once('connect', () => (connected = true)));
    request.setTimeout(timeoutSeconds * 1000, () => {
      const kind = connected ? 'read-timeout' : 'connect-timeout';
      request.destroy(new TransportFailure(`${connected ? 'Read' : 'Connect'} timeout on endpoint URL: "${url}"`, kind));
    });
    request.once('error', (error) => {
      reject(error instanceof TransportFailure ? error : new TransportFailure(`Could not connect to the endpoint URL: "${url}"`, 'connect'));
    });
    request.once('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.once('error', () => reject(new TransportFailure(`Could not connect to the endpoint URL: "${url}"`, 'connect')));
    });
    request.end();
  });
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
