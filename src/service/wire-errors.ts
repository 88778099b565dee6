// Turns a failed exchange into the reference's error: a service error read from the wire
// response with botocore's rules (exit 254), or a transport failure (exit 255). Pure.
import { errorField, GeneralError, InterruptedError, ServiceError, type CliError } from '../errors.js';
import { clientErrorText } from '../values/client-error-text.js';
import { parsePyJson } from '../values/py-json-parse.js';
import { utf8Text } from '../values/py-decode.js';
import { PyDict, type PyValue } from '../values/py-value.js';
import { pyStr, pyTypePath } from '../values/py-repr.js';
import type { Operation, ServiceModel } from '../model/service-model.js';
import { DEFAULT_GENERATION, dropsErrorCodeSuffix, type Generation } from '../model/generation.js';
import { isBadStatusLine } from './retry-rules.js';
import { PY_TIME_OVERFLOW } from './socket-timeouts.js';

export interface WireResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

const REASONS: Readonly<Record<number, string>> = {
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
  506: 'Variant Also Negotiates',
  507: 'Insufficient Storage',
  508: 'Loop Detected',
  510: 'Not Extended',
  511: 'Network Authentication Required',
};

export interface WireError {
  readonly code: string;
  /** The message as the ClientError text prints it. */
  readonly message: string;
  /**
   * botocore's `response['Error']` as 2.36.7's error formats show it: `Message` and `Code` (in
   * the parser's order) and the members the error's shape models, as the body gave them.
   */
  readonly errorInfo: PyDict;
}

/**
 * The code, message and error info the botocore of `generation` reads from an error response;
 * `model` gives the error shapes' members.
 */
export function parseWireError(response: WireResponse, model?: ServiceModel, generation: Generation = DEFAULT_GENERATION): WireError {
  const text = utf8Text(response.body);
  const status = String(response.status);
  if (response.status < 301) {
    // botocore parses a 300 as a success (its parser takes >= 301 for errors); the client then
    // raises a ClientError whose parsed response has no Error: code and message "Unknown".
    return {
      code: 'Unknown',
      message: 'Unknown',
      errorInfo: new PyDict([
        ['Message', 'Unknown'],
        ['Code', 'Unknown'],
      ]),
    };
  }
  if (response.status >= 500 && (text === '' || text.startsWith('<html>'))) {
    // _do_generic_error_parse: Code first.
    const message = REASONS[response.status] ?? '';
    return {
      code: status,
      message,
      errorInfo: new PyDict([
        ['Code', status],
        ['Message', message],
      ]),
    };
  }
  let body: PyValue;
  try {
    body = text === '' ? new PyDict() : parsePyJson(text);
  } catch {
    return {
      code: status,
      message: text,
      errorInfo: new PyDict([
        ['Message', text],
        ['Code', status],
      ]),
    };
  }
  if (!(body instanceof PyDict)) {
    throw new GeneralError('PYTHON_CRASH', `'${pyTypePath(body)}' object has no attribute 'get'`);
  }
  const queryError = headerValue(response.headers, 'x-amzn-query-error')?.split(';');
  const typeField = body.get('__type');
  const queried = queryError !== undefined && queryError.length === 2 && queryError[0] !== '';
  // A null __type leaves the code empty; `':' in code` on another scalar (5, true) is botocore's TypeError.
  if (!queried && typeField !== undefined && typeField !== null && isScalar(typeField) && typeof typeField !== 'string') {
    throw new GeneralError('PYTHON_CRASH', `argument of type '${pyTypePath(typeField)}' is not iterable`);
  }
  let code = queried ? (queryError[0] as string) : typeof typeField === 'string' ? typeField : typeField === null ? '' : status;
  // 2.36.7's parser also drops a `:`-suffix (`ValidationException:http://...`); 2.9.19 keeps it.
  if (dropsErrorCodeSuffix(generation)) code = code.split(':', 1)[0] as string;
  code = code.slice(code.lastIndexOf('#') + 1);
  // body.get('message', body.get('Message', '')): a null message is None, and prints so.
  const raw = body.has('message') ? (body.get('message') as PyValue) : body.has('Message') ? (body.get('Message') as PyValue) : '';
  const errorInfo = new PyDict([
    ['Message', raw],
    ['Code', code],
  ]);
  for (const [name, value] of modeledErrorFields(code, body, model)) if (!errorInfo.has(name)) errorInfo.set(name, value);
  return { code, message: pyStr(raw), errorInfo };
}

function isScalar(value: PyValue): boolean {
  return !(value instanceof PyDict) && !Array.isArray(value);
}

// botocore's _add_modeled_error_fields and 2.36.7's ClientErrorHandler: the members of the
// error's shape (found by its code) that the body holds, other than Code and Message. Voice ID's
// error members are strings, which botocore's JSON parser keeps as the body gave them.
function modeledErrorFields(code: string, body: PyDict, model: ServiceModel | undefined): [string, PyValue][] {
  const shape = Object.entries(model?.shapes ?? {}).find(([name, raw]) => raw.exception && (raw.error?.code ?? name) === code)?.[1];
  const fields: [string, PyValue][] = [];
  for (const name of Object.keys(shape?.members ?? {})) {
    const value = body.get(name);
    if (value !== undefined && value !== null && name !== 'Code' && name !== 'Message') fields.push([name, value]);
  }
  return fields;
}

/** The reference's service error for the last response of `operation` after `attempts` attempts. */
export function serviceErrorFromWire(
  response: WireResponse,
  operation: Operation,
  generation: Generation,
  attempts: number,
  maxAttempts: number,
  cause: unknown,
): CliError {
  const { code, message, errorInfo } = parseWireError(response, operation.model, generation);
  // botocore's MaxAttemptsChecker runs first for every error: the last allowed attempt says so,
  // retryable or not (a ValidationException with max_attempts = 1 reads "reached max retries: 0").
  const retries = attempts >= maxAttempts ? attempts - 1 : undefined;
  return new ServiceError(code, clientErrorText(code, operation.name, message, retries), { cause, errorInfo });
}

// OpenSSL's verify errors as Node reports them; the reference words them through Python's ssl.
const TLS_VERIFY_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** The reference's message for a request that got no HTTP response. */
export function classifyTransportError(error: unknown, endpoint: string, cause: unknown = error): CliError {
  const url = requestUrl(endpoint);
  const code = errorField(error, 'code');
  const name = errorField(error, 'name');
  if (code === 'CA_BUNDLE_UNREADABLE' && error instanceof Error) {
    // ssl's load_verify_locations: the OSError of the open, without the file name.
    return new GeneralError('CONNECTION', `SSL validation failed for ${url} ${error.message}`, { cause });
  }
  if (code && TLS_VERIFY_CODES.has(code)) {
    const reason = error instanceof Error ? error.message.replace(/^Hostname\/IP does not match certificate's altnames: /, '') : code;
    return new GeneralError(
      'CONNECTION',
      `SSL validation failed for ${url} [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: ${reason} (_ssl.c:992)`,
      { cause },
    );
  }
  if (name === 'AbortError') return new InterruptedError('INTERRUPTED', '', { cause: error });
  if (code === PY_TIME_OVERFLOW && error instanceof Error) {
    return new GeneralError('CONNECTION', `An HTTP Client raised an unhandled exception: ${error.message}`, { cause: error });
  }
  // The SDK names ECONNRESET and EPIPE "TimeoutError" too: look at the code first. An answer
  // that is no HTTP status line reads the same (botocore's ConnectionClosedError).
  if (code === 'ECONNRESET' || code === 'EPIPE' || isBadStatusLine(error)) {
    return new GeneralError('CONNECTION', `Connection was closed before we received a valid response from endpoint URL: "${url}".`, { cause: error });
  }
  if (name === 'TimeoutError' || code === 'ETIMEDOUT') {
    const connect = code === 'ETIMEDOUT' || /connect/i.test(error instanceof Error ? error.message : '');
    return new GeneralError('CONNECTION', `${connect ? 'Connect' : 'Read'} timeout on endpoint URL: "${url}"`, { cause: error });
  }
  if (code && /^(ERR_TLS|ERR_SSL|EPROTO)/.test(code)) {
    const detail = error instanceof Error ? error.message : String(error);
    return new GeneralError('CONNECTION', `SSL validation failed for ${url} ${detail}`, { cause: error });
  }
  return new GeneralError('CONNECTION', `Could not connect to the endpoint URL: "${url}"`, { cause: error });
}

/** The full request URL the reference names in its messages: the endpoint with its path, or `/`. */
export function requestUrl(endpoint: string): string {
  const url = new URL(endpoint);
  return `${url.protocol}//${url.host}${url.pathname || '/'}${url.hash}`;
}

/** The value of the header `name` (lower case) in `headers`, whatever the case of its name there. */
export function headerValue(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const found = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  return found?.[1];
}
