// Sends the request through @aws-sdk/client-voice-id and hands back the raw wire response.
// The wire stays faithful to the reference: the client's protocol sends the CLI's own
// serialization (member order, ASCII escapes, exact ints; json-protocol.ts), and a middleware
// keeps the response bytes so that output comes from the wire, not from the SDK's rounded Dates.
// The SDK is imported lazily, the client and the one command in use (voice-id-sdk.ts).
import type { ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-voice-id';
import type { AwsCredentialIdentity, DeserializeMiddleware, FinalizeRequestMiddleware, RetryStrategyV2 } from '@smithy/types';
import type { NodeHttpHandler } from '@smithy/node-http-handler';
import type { Credentials } from '../credentials/credentials.js';
import type { Operation } from '../model/service-model.js';
import type { Generation } from '../model/generation.js';
import { classifyTransportError, parseWireError, requestUrl, serviceErrorFromWire, type WireResponse } from './wire-errors.js';
import { withBotocoreRetryRules } from './retry-rules.js';
import { timerMs, withPyTimeouts } from './socket-timeouts.js';
import { redactHeaders } from './debug-log.js';
import { errorField, GeneralError } from '../errors.js';
import { pyOsErrorMessage } from '../values/py-os-error.js';
import { utf8Text } from '../values/py-decode.js';
import { pyWarningText } from '../values/py-warning.js';
import type { Env } from '../io.js';
import { proxyFor, proxyLabel, ProxyConnectError } from './proxy.js';
import { cliJsonProtocol, type ErrorShapes } from './json-protocol.js';
import { NetHttpHandler } from './net-http-handler.js';
import { SDK_COMMANDS, voiceIdClient } from './voice-id-sdk.js';
import { deferredTrust, type DeferredExtraCa } from './extra-ca.js';

export type { WireResponse };

export interface SendRequest {
  /** The operation (its model's name picks the SDK command; its model's error shapes read the errors). */
  readonly operation: Operation;
  /** The AWS CLI release whose botocore reads the errors. */
  readonly generation: Generation;
  readonly region: string;
  /** The endpoint URL; requests go to its path. */
  readonly endpoint: string;
  readonly credentials: Credentials | undefined;
  /** The credentials each retry signs with, when they may change (refreshable ones); a failure ends the call. */
  readonly retryCredentials?: () => Promise<Credentials>;
  readonly signRequest: boolean;
  /** The JSON body exactly as it goes on the wire. */
  readonly body: string;
  readonly maxAttempts: number;
  readonly retryMode: 'standard' | 'adaptive';
  readonly userAgent: string;
  readonly interrupt: AbortSignal;
  /** Close the client's keep-alive connections after the call (not when the process ends next anyway). */
  readonly closeConnections: boolean;
  readonly transport: TransportOptions;
  /** Where warnings go (the --no-verify-ssl warning). */
  readonly warn: (text: string) => void;
  /** --debug: each attempt's request and response, redacted. */
  readonly debug?: (message: string) => void;
  /** Redacts a response body for the debug log. */
  readonly redactResponse?: (body: string) => string;
}

export interface TransportOptions {
  /** Seconds; 0 means no limit. */
  readonly connectTimeout: number;
  readonly readTimeout: number;
  readonly verifySsl: boolean;
  /** The CA bundle's path (--ca-bundle, AWS_CA_BUNDLE, ca_bundle), read only for https. */
  readonly caBundle: string | undefined;
  readonly readFile: (path: string) => Promise<Uint8Array>;
  /** Where HTTP_PROXY / HTTPS_PROXY / NO_PROXY are read. */
  readonly env: Env;
  /** NODE_EXTRA_CA_CERTS as bin/aws-voiceid deferred it, read at the first TLS connection (extra-ca.ts). */
  readonly extraCa?: DeferredExtraCa;
}

// The warning urllib3 prints for every unverified HTTPS attempt, as Debian's awscli shows it.
const INSECURE_WARNING = (host: string): string =>
  pyWarningText({
    filename: '/usr/lib/python3/dist-packages/urllib3/connectionpool.py',
    lineno: 1065,
    category: 'InsecureRequestWarning',
    message: `Unverified HTTPS request is being made to host '${host}'. Adding certificate verification is strongly advised. See: https://urllib3.readthedocs.io/en/1.26.x/advanced-usage.html#ssl-warnings`,
    sourceLine: '            warnings.warn(',
  });

/** What the handler of an http:// endpoint takes for an https agent (it never uses it). */
const NO_HTTPS_AGENT = { destroy: () => undefined } as unknown as import('node:https').Agent;

const UNSIGNED_IDENTITY = { accessKeyId: 'unsigned', secretAccessKey: 'unsigned' };

/** The SDK's identity of a set of credentials. */
function identityOf(credentials: Credentials | typeof UNSIGNED_IDENTITY): AwsCredentialIdentity {
  return {
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    ...('sessionToken' in credentials && credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
  };
}

/** Why a retry could not be signed: carried through the SDK's retry loop (not retried), then thrown as it is. */
class RetrySigningFailure extends Error {
  constructor(readonly failure: unknown) {
    super('the credentials of a retry failed');
  }
}

/** Sends one request of `request.operation` (with the SDK's retries); returns the 2xx response. */
export async function sendRequest(request: SendRequest): Promise<WireResponse> {
  const loadCommand = Object.hasOwn(SDK_COMMANDS, request.operation.name) ? SDK_COMMANDS[request.operation.name] : undefined;
  if (!loadCommand) throw new Error(`no SDK command for ${request.operation.name}`);
  const [VoiceIDClient, Command] = await Promise.all([voiceIdClient(), loadCommand()]);
  const url = new URL(request.endpoint);
  const proxy = proxyFor(url, request.transport.env);
  const { connectTimeout, readTimeout } = request.transport;
  const requestHandler = withPyTimeouts(await createRequestHandler(request.transport, url, request.endpoint, proxy), connectTimeout, readTimeout);
  const responses: WireResponse[] = [];
  // The signer asks for the identity at each attempt; `memoized` keeps the SDK from caching it.
  let identity = identityOf(request.signRequest && request.credentials ? request.credentials : UNSIGNED_IDENTITY);
  const credentials = Object.assign(async () => identity, { memoized: true });
  const client = new VoiceIDClient({
    region: request.region,
    endpoint: request.endpoint,
    credentials,
    maxAttempts: request.maxAttempts,
    retryMode: request.retryMode,
    // Passed explicitly so that the SDK reads no environment or shared config of its own.
    useFipsEndpoint: false,
    useDualstackEndpoint: false,
    defaultsMode: 'standard',
    authSchemePreference: [],
    userAgentAppId: async () => undefined,
    customUserAgent: request.userAgent,
    requestHandler,
    protocol: cliJsonProtocol(request.body, () => exceptionShapes(request.operation)),
  });
  if (!request.signRequest) client.middlewareStack.remove('httpSigningMiddleware');
  // botocore's rules for which answers are retried (retry-rules.ts); a body botocore cannot parse
  // throws here, so that, as in botocore, the first such answer is the last.
  const sdkRetryStrategy = client.config.retryStrategy;
  client.config.retryStrategy = async () =>
    withBotocoreRetryRules((await sdkRetryStrategy()) as RetryStrategyV2, () => {
      const last = responses.at(-1);
      return last && { status: last.status, code: parseWireError(last, request.operation.model, request.generation).code };
    });
  const keepResponse: DeserializeMiddleware<ServiceInputTypes, ServiceOutputTypes> = (next) => async (args) => {
    if (url.protocol === 'https:' && !request.transport.verifySsl) request.warn(INSECURE_WARNING(url.hostname));
    if (request.debug) {
      const sent = args.request as { method: string; path: string; headers: Record<string, string> };
      request.debug(
        `Sending http request: <AWSPreparedRequest stream_output=False, method=${sent.method}, url=${requestUrl(request.endpoint)}, headers=${JSON.stringify(redactHeaders(sent.headers))}>`,
      );
    }
    const out = await next(args);
    const response = out.response as { statusCode: number; headers: Record<string, string>; body: unknown };
    const body = await collect(response.body);
    // The output comes from the wire (responses); the protocol reads an error's code and message.
    response.body = body;
    responses.push({ status: response.statusCode, headers: response.headers, body });
    if (request.debug) {
      request.debug(`Response headers: ${JSON.stringify(response.headers)}`);
      const text = utf8Text(body);
      request.debug(`Response body:\n${request.redactResponse ? request.redactResponse(text) : text}`);
      request.debug(`Response status: ${response.statusCode} (attempt ${responses.length} of at most ${request.maxAttempts})`);
    }
    return out;
  };
  client.middlewareStack.addRelativeTo(keepResponse, {
    relation: 'after',
    toMiddleware: 'deserializerMiddleware',
    name: 'cliRawResponseMiddleware',
  });
  const { retryCredentials } = request;
  if (retryCredentials && request.signRequest) {
    // Each attempt after the first signs with what retryCredentials gives then.
    let attempts = 0;
    const resign: FinalizeRequestMiddleware<ServiceInputTypes, ServiceOutputTypes> = (next) => async (args) => {
      attempts += 1;
      if (attempts > 1) {
        try {
          identity = identityOf(await retryCredentials());
        } catch (error) {
          throw new RetrySigningFailure(error);
        }
      }
      return next(args);
    };
    client.middlewareStack.addRelativeTo(resign, { relation: 'before', toMiddleware: 'httpSigningMiddleware', name: 'cliRetryCredentialsMiddleware' });
  }
  try {
    await client.send(new Command({} as never), { abortSignal: request.interrupt });
  } catch (error) {
    if (error instanceof RetrySigningFailure) throw error.failure;
    const last = responses.at(-1);
    if (last && last.status >= 300) throw serviceErrorFromWire(last, request.operation, request.generation, responses.length, request.maxAttempts, error);
    if (!last && proxy && isConnectFailure(error)) {
      throw new GeneralError('CONNECTION', `Failed to connect to proxy URL: "${proxyLabel(proxy)}"`, { cause: error });
    }
    if (!last) throw classifyTransportError(error, request.endpoint);
  } finally {
    if (request.closeConnections) client.destroy();
  }
  const last = responses.at(-1);
  if (!last) throw new Error('the SDK returned without a response');
  return last;
}

async function collect(body: unknown): Promise<Uint8Array> {
  if (body instanceof Uint8Array) return body;
  // The response stream (node's IncomingMessage), by its events rather than its async iterator,
  // which costs a request more to set up.
  if (body && typeof (body as NodeJS.ReadableStream).on === 'function') return readStream(body as NodeJS.ReadableStream);
  return new Uint8Array();
}

/** The whole of `stream`; rejects with its error, or when it closes before its end (as for await does). */
function readStream(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let ended = false;
    stream.on('data', (chunk: Buffer | string) => chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
    stream.once('end', () => {
      ended = true;
      resolve(Buffer.concat(chunks));
    });
    stream.once('error', reject);
    stream.once('close', () => {
      if (!ended) reject(Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }));
    });
  });
}

/** The HTTP handler with the CLI's timeouts and TLS settings. */
function isConnectFailure(error: unknown): boolean {
  const code = errorField(error, 'code') ?? '';
  return error instanceof ProxyConnectError || ['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ECONNRESET'].includes(code);
}

async function createRequestHandler(
  transport: TransportOptions,
  url: URL,
  endpoint: string,
  proxy: URL | undefined,
): Promise<NodeHttpHandler | NetHttpHandler> {
  // http:// straight to the endpoint (voiceid-local): over node:net, without node:http's cost.
  if (url.protocol === 'http:' && !proxy && url.search === '' && url.username === '' && url.password === '') {
    return new NetHttpHandler({ connectionTimeout: timerMs(transport.connectTimeout) ?? 0, socketTimeout: timerMs(transport.readTimeout) ?? 0 });
  }
  // A deferred NODE_EXTRA_CA_CERTS is read first (node read it at start-up, its warning first),
  // and joins node's default store only, not an explicit `ca` (the CA bundle).
  const trust = url.protocol === 'https:' ? await deferredTrust(transport.extraCa, transport.verifySsl && transport.caBundle === undefined) : {};
  let ca: Uint8Array | undefined;
  if (url.protocol === 'https:' && transport.verifySsl && transport.caBundle !== undefined) {
    try {
      ca = await transport.readFile(transport.caBundle);
    } catch (error) {
      throw classifyTransportError(Object.assign(new Error(pyOsErrorMessage(error)), { code: 'CA_BUNDLE_UNREADABLE' }), endpoint, error);
    }
  }
  const timeouts = {
    connectionTimeout: timerMs(transport.connectTimeout) ?? 0,
    // urllib3's read timeout is socket inactivity: smithy's socketTimeout, not its whole-request requestTimeout.
    socketTimeout: timerMs(transport.readTimeout) ?? 0,
  };
  const tls = { keepAlive: true, rejectUnauthorized: transport.verifySsl, ...(ca ? { ca: Buffer.from(ca) } : trust) };
  const { NodeHttpHandler } = await import('@smithy/node-http-handler');
  if (proxy) {
    const { httpProxyAgent, httpsProxyAgent } = await import('./proxy-agents.js');
    return url.protocol === 'https:'
      ? new NodeHttpHandler({ ...timeouts, httpsAgent: httpsProxyAgent(proxy, tls) })
      : new NodeHttpHandler({ ...timeouts, httpAgent: httpProxyAgent(proxy, { keepAlive: true }) });
  }
  // No https agent for an http:// endpoint: the handler would make one, loading https and tls.
  if (url.protocol !== 'https:') return new NodeHttpHandler({ ...timeouts, httpsAgent: NO_HTTPS_AGENT });
  const { Agent } = await import('node:https');
  return new NodeHttpHandler({ ...timeouts, httpsAgent: new Agent(tls) });
}

/** The model's exception shapes and their fault (the SDK registers every one of the service's). */
export function exceptionShapes(operation: Operation): ErrorShapes {
  return new Map(
    Object.entries(operation.model.shapes).flatMap(([name, shape]) => (shape.exception ? [[name, shape.fault ? 'server' : 'client'] as const] : [])),
  );
}
