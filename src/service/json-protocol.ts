// The SDK client's protocol (its `protocol` setting) for the CLI's requests: awsJson1_0 with the
// body the CLI serialized (botocore's member order, ASCII escapes, exact ints) and no parsing of an
// answer, whose output the CLI reads from the wire (send.ts). It replaces the SDK's schema-driven
// AwsJson1_0Protocol, whose serializer and deserializer a request would only run to throw the
// result away (the build leaves that protocol out of the client's code: scripts/build.mjs).
// An error answer becomes the error the SDK's retry strategy classifies, as the SDK's own
// protocol makes it: its name the error code (x-amzn-errortype, else the body's code or __type,
// trimmed as the SDK trims it), its message the body's, the status in $metadata.
import { HttpRequest, HttpResponse } from '@smithy/core/transport';
import type { ClientProtocol, Endpoint, EndpointV2 } from '@smithy/types';
import { headerValue } from './wire-errors.js';

/** The service's X-Amz-Target prefix (the model's `targetPrefix`). */
const TARGET_PREFIX = 'VoiceID';

/** The model's exception shapes by name, and whose fault each is. */
export type ErrorShapes = ReadonlyMap<string, 'client' | 'server'>;

/** An error of a non-2xx answer, as the SDK's retry strategy reads it. */
export interface ProtocolError extends Error {
  readonly $fault: 'client' | 'server';
  readonly $metadata: { readonly httpStatusCode: number; readonly requestId: string | undefined };
}

/**
 * The protocol of a client whose every request carries `body`; `errorShapes` gives the model's
 * exception shapes and their fault (the SDK's schema registry knows them: their fault is the
 * model's, not the status's, and their default message differs), asked for by an error answer only.
 */
export function cliJsonProtocol(body: string, errorShapes: () => ErrorShapes): ClientProtocol<HttpRequest, HttpResponse> {
  return {
    getShapeId: () => 'aws.protocols#awsJson1_0',
    getRequestType: () => HttpRequest,
    getResponseType: () => HttpResponse,
    getPayloadCodec: () => {
      throw new Error('aws-voiceid: the CLI protocol has no payload codec');
    },
    setSerdeContext: () => undefined,
    updateServiceEndpoint: (request, endpoint) => withEndpoint(request, endpoint),
    async serializeRequest(operationSchema, _input, context) {
      const request = withEndpoint(new HttpRequest({ method: 'POST', path: '/', headers: {}, query: {} }), await context.endpoint());
      if (!request.path.endsWith('/')) request.path += '/';
      request.headers['content-type'] = 'application/x-amz-json-1.0';
      request.headers['x-amz-target'] = `${TARGET_PREFIX}.${operationSchema.name}`;
      request.body = body;
      return request;
    },
    async deserializeResponse(_operationSchema, _context, response) {
      const $metadata = { httpStatusCode: response.statusCode, requestId: headerValue(response.headers, 'x-amzn-requestid') };
      if (response.statusCode < 300) return { $metadata } as never;
      throw protocolError(response.statusCode, response.headers, bodyText(response.body), $metadata, errorShapes());
    },
  };
}

/** `request` sent to `endpoint` (its URL's parts, query and headers), as the SDK's protocols do. */
function withEndpoint(request: HttpRequest, endpoint: Endpoint | EndpointV2): HttpRequest {
  if ('url' in endpoint) {
    const { url } = endpoint;
    Object.assign(request, { protocol: url.protocol, hostname: url.hostname, port: url.port ? Number(url.port) : undefined, path: url.pathname });
    for (const [name, value] of url.searchParams.entries()) request.query[name] = value;
    for (const [name, values] of Object.entries(endpoint.headers ?? {})) request.headers[name] = values.join(', ');
    return request;
  }
  Object.assign(request, {
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    port: endpoint.port ? Number(endpoint.port) : undefined,
    path: endpoint.path,
  });
  request.query = { ...endpoint.query };
  Object.assign(request.headers, endpoint.headers);
  return request;
}

/** The error of a non-2xx answer: the SDK's error code and message rules (@aws-sdk/core's parseJsonBody, loadRestJsonErrorCode). */
function protocolError(
  status: number,
  headers: Record<string, string>,
  text: string,
  $metadata: ProtocolError['$metadata'],
  errorShapes: ErrorShapes,
): ProtocolError {
  const data = parseObject(text);
  const typeHeader = headerValue(headers, 'x-amzn-errortype');
  const codeKey = Object.keys(data).find((key) => key.toLowerCase() === 'code');
  const raw = typeHeader ?? (codeKey !== undefined && data[codeKey] !== undefined ? data[codeKey] : data.__type);
  const name = raw === undefined ? 'Unknown' : sanitizeErrorCode(raw);
  // The body's message as it is (the SDK does not make a string of a number); without one, a
  // modeled exception's is "Unknown", any other's "UnknownError".
  const message = data.message ?? data.Message ?? (errorShapes.has(name) ? 'Unknown' : 'UnknownError');
  const $fault = errorShapes.get(name) ?? (status < 500 ? 'client' : 'server');
  return Object.assign(new Error(), { message, name, $fault, $metadata });
}

function sanitizeErrorCode(raw: unknown): string {
  let code = String(raw);
  if (code.includes(',')) code = code.split(',')[0] ?? '';
  if (code.includes(':')) code = code.split(':')[0] ?? '';
  if (code.includes('#')) code = code.split('#')[1] ?? '';
  return code;
}

/**
 * The body as the SDK's parseJsonBody reads it: empty is {}, anything else JSON (a body that is not
 * JSON throws JSON.parse's SyntaxError, which the SDK's deserialization middleware then annotates
 * with its hint and the response's $metadata); a value that is not an object has no fields.
 */
function parseObject(text: string): Record<string, unknown> {
  if (text.length === 0) return {};
  const value: unknown = JSON.parse(text);
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/** The body send.ts collected from the wire (bytes), decoded as the SDK decodes it (a BOM taken off). */
function bodyText(body: unknown): string {
  return body instanceof Uint8Array ? new TextDecoder().decode(body) : '';
}
