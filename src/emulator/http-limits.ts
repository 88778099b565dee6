// What one HTTP client may cost the local endpoint, and the answers past each limit, all
// AWS-shaped (errorAnswer's body and headers). A body over maxBodyBytes is refused while it is
// read (body-reader.ts) with a 413; a request line and headers over maxHeaderBytes are Node's 431,
// a client too slow to send its headers or its whole request Node's 408, a request that is not
// HTTP/1.1 Node's 400: Node reports those through the server's 'clientError' event, answered here
// on the raw socket, which then closes.
import type { Duplex } from 'node:stream';
import { STATUS_CODES } from 'node:http';
import { errorAnswer, type ApiAnswer } from './handlers.js';
import { frameworkError, type ServiceFault } from './service-error.js';

export interface ServerLimits {
  /** The largest request body, in bytes; a larger one is a 413 and its connection closes. */
  readonly maxBodyBytes: number;
  /** The most bytes of request line and headers (Node's maxHeaderSize); more is a 431. */
  readonly maxHeaderBytes: number;
  /** How long a client may take to send its request line and headers; then a 408. */
  readonly headersTimeoutMs: number;
  /** How long a client may take to send a whole request, body included; then a 408. */
  readonly requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open. */
  readonly keepAliveTimeoutMs: number;
}

/**
 * 1 MiB of body: Voice ID's largest request (a start with every member at its maximum length) is
 * under 10 KB, and AWS's front ends refuse bodies past a fixed cap. Headers: Node's own 16 KiB.
 * Timeouts: long enough for any client on a loaded machine, short enough that slow clients
 * (slow loris) cannot hold connections open.
 */
export const DEFAULT_LIMITS: ServerLimits = {
  maxBodyBytes: 1024 * 1024,
  maxHeaderBytes: 16 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
};

/** The 413 for a body over the limit. */
export const bodyTooLarge = (maxBodyBytes: number): ServiceFault =>
  frameworkError('RequestEntityTooLargeException', `The request body is larger than the limit of ${maxBodyBytes} bytes.`, 413);

/** The fault for one of Node's client errors (a parse error code or ERR_HTTP_REQUEST_TIMEOUT). */
export function clientErrorFault(code: string | undefined, limits: ServerLimits): ServiceFault {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return frameworkError('RequestHeaderFieldsTooLargeException', `The request line and headers are larger than ${limits.maxHeaderBytes} bytes.`, 431);
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return frameworkError('RequestEntityTooLargeException', 'The chunk extensions of the request body are too large.', 413);
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return frameworkError('RequestTimeoutException', 'The request was not received in time.', 408);
    default:
      return frameworkError('BadRequestException', 'The request is not valid HTTP/1.1.', 400);
  }
}

/**
 * Answers a client error on the raw socket and closes it. `answering`: a response is already being
 * written on this connection (a pipelined request broke behind it), so no bytes can go in between.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex, limits: ServerLimits, answering: boolean): void {
  if (error.code === 'ECONNRESET' || answering || !socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(rawAnswer(errorAnswer(clientErrorFault(error.code, limits))), () => socket.destroy());
}

/** An answer as the bytes of an HTTP/1.1 response that closes the connection, for writing on a socket. */
export function rawAnswer(reply: ApiAnswer): string {
  const headers = { ...reply.headers, 'Content-Length': String(Buffer.byteLength(reply.body)), Connection: 'close' };
  const head = [`HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status] ?? ''}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
  return `${head.join('\r\n')}\r\n\r\n${reply.body}`;
}
