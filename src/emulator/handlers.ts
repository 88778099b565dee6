// One API request → one answer, as an awsJson1_0 service front end does it: SigV4, the
// X-Amz-Target dispatch, the JSON body (depth-bounded, json-body.ts), the model's reading and
// validation, then the operation; every error with the body service-error.ts gives it and the
// x-amzn-ErrorType and x-amzn-RequestId headers.
import { randomUUID } from 'node:crypto';
import type { Operation as ModelOperation, ServiceModel } from '../model/service-model.js';
import { OPERATIONS, type Operation, type OperationContext } from './operations.js';
import { errorBody, frameworkError, internalError, ServiceFault, serializationError } from './service-error.js';
import { verifySigV4, type SignedRequest } from './sigv4-verify.js';
import { checkRequest } from './request-check.js';
import { parseJsonBody } from './json-body.js';

export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.0';

export interface ApiAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface HandlerOptions {
  /** The model served: the final one. */
  readonly model: ServiceModel;
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
    return errorAnswer(error instanceof ServiceFault ? error : internalError(options.model), requestId);
  }
}

/** The answer for an error (also used for injected faults and the HTTP limits). */
export function errorAnswer(fault: ServiceFault, requestId: string = randomUUID()): ApiAnswer {
  return {
    status: fault.status,
    headers: { ...baseHeaders(requestId), 'x-amzn-ErrorType': fault.type },
    body: JSON.stringify(errorBody(fault)),
  };
}

/**
 * The operation an X-Amz-Target names: exactly `VoiceID.<Operation>`, for an operation `model`
 * defines and this endpoint serves (own properties only: `VoiceID.constructor` is no operation).
 */
export function targetOperation(
  target: string,
  model: ServiceModel,
): { readonly name: string; readonly run: Operation; readonly operation: ModelOperation } | undefined {
  const prefix = `${model.metadata.targetPrefix}.`;
  if (!target.startsWith(prefix)) return undefined;
  const name = target.slice(prefix.length);
  const run = model.hasOperation(name) && Object.hasOwn(OPERATIONS, name) ? OPERATIONS[name] : undefined;
  return run ? { name, run, operation: model.operation(name) } : undefined;
}

function dispatch(request: SignedRequest, options: HandlerOptions): Record<string, unknown> {
  const caller = verifySigV4(request, options.secrets, options.nowMs);
  if (request.method !== 'POST') throw frameworkError('UnknownOperationException', `${request.method} is not supported; use POST.`);
  const target = request.headers['x-amz-target'] ?? '';
  const operation = targetOperation(target, options.model);
  if (!operation) throw frameworkError('UnknownOperationException', `Unknown operation: ${target || '(no X-Amz-Target)'}`);
  const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim();
  if (contentType !== JSON_CONTENT_TYPE && contentType !== 'application/x-amz-json-1.1') {
    throw serializationError(`Unsupported Content-Type: ${contentType || '(none)'}`);
  }
  const input = checkRequest(operation.operation, parseJsonBody(request.body));
  return operation.run(input, options.context(caller.region));
}

function answer(status: number, requestId: string, body: unknown): ApiAnswer {
  return { status, headers: baseHeaders(requestId), body: JSON.stringify(body) };
}

function baseHeaders(requestId: string): Record<string, string> {
  return { 'Content-Type': JSON_CONTENT_TYPE, 'x-amzn-RequestId': requestId };
}
