// One API request → one answer, as an awsJson1_0 service front end does it: SigV4, the
// X-Amz-Target dispatch, JSON bodies, the model's validation, then the operation; every error
// as `{"__type", "message"}` with x-amzn-ErrorType and x-amzn-RequestId headers.
import { randomUUID } from 'node:crypto';
import { MODEL } from '../model/shapes.js';
import { OPERATIONS, type OperationContext } from './operations.js';
import { ServiceFault } from './service-error.js';
import { verifySigV4, type SignedRequest } from './sigv4-verify.js';
import { checkRequest } from './request-check.js';

export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.0';

export interface ApiAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface HandlerOptions {
  readonly secrets: ReadonlyMap<string, string>;
  readonly context: (region: string) => OperationContext;
  readonly nowMs: number;
}

/** Handles one request to the API path. */
export function handleApiRequest(request: SignedRequest, options: HandlerOptions): ApiAnswer {
  const requestId = randomUUID();
  try {
    return answer(200, requestId, dispatch(request, options));
  } catch (error) {
    if (error instanceof ServiceFault) return errorAnswer(error, requestId);
    return errorAnswer(new ServiceFault('InternalServerException', 'Internal server error', 500), requestId);
  }
}

/** The answer for an error (also used for injected faults). */
export function errorAnswer(fault: ServiceFault, requestId: string = randomUUID()): ApiAnswer {
  const body = { __type: fault.type, message: fault.message, ...fault.extra };
  return {
    status: fault.status,
    headers: { ...baseHeaders(requestId), 'x-amzn-ErrorType': fault.type },
    body: JSON.stringify(body),
  };
}

function dispatch(request: SignedRequest, options: HandlerOptions): Record<string, unknown> {
  const caller = verifySigV4(request, options.secrets, options.nowMs);
  if (request.method !== 'POST') throw new ServiceFault('UnknownOperationException', `${request.method} is not supported; use POST.`);
  const target = request.headers['x-amz-target'] ?? '';
  const [prefix, operationName = ''] = target.split('.');
  const operation = prefix === MODEL.metadata.targetPrefix ? OPERATIONS[operationName] : undefined;
  if (!operation) throw new ServiceFault('UnknownOperationException', `Unknown operation: ${target || '(no X-Amz-Target)'}`);
  const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim();
  if (contentType !== JSON_CONTENT_TYPE && contentType !== 'application/x-amz-json-1.1') {
    throw new ServiceFault('SerializationException', `Unsupported Content-Type: ${contentType || '(none)'}`);
  }
  const body = parseBody(request.body);
  checkRequest(operationName, body);
  return operation(body, options.context(caller.region));
}

function parseBody(raw: Buffer): Record<string, unknown> {
  const text = raw.toString('utf8');
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ServiceFault('SerializationException', 'The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ServiceFault('SerializationException', 'The request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

function answer(status: number, requestId: string, body: unknown): ApiAnswer {
  return { status, headers: baseHeaders(requestId), body: JSON.stringify(body) };
}

function baseHeaders(requestId: string): Record<string, string> {
  return { 'Content-Type': JSON_CONTENT_TYPE, 'x-amzn-RequestId': requestId };
}
