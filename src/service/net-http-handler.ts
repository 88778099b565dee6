// The SDK's request handler for an http:// endpoint reached without a proxy (voiceid-local, the
// usual endpoint since Voice ID's shutdown): HTTP/1.1 over node:net. node:http's client costs a
// run ~15 ms to load and set up before its first request goes out; this costs ~5 (CONTRIBUTING.md,
// "The build and start-up"). https and proxies keep @smithy/node-http-handler (send.ts).
//
// It does what @smithy/node-http-handler over node:http does, as far as the SDK and the CLI can
// tell: the same bytes on the wire (the request's headers in order, then node's
// `Connection: keep-alive`); the answer read as node's parser reads it (http-response-reader.ts);
// and the same failures, in the SDK handler's words: a connect or read timeout is a TimeoutError,
// a connection refused or reset the socket's error (ECONNRESET, EPIPE and ETIMEDOUT named
// TimeoutError as the SDK renames them), an interrupt an AbortError. One connection per request,
// closed after it. test/unit/service/net-http-handler.test.ts holds it to the SDK's handler.
import type { Socket } from 'node:net';
import type { HttpHandler } from '@smithy/core/protocols';
import type { HttpRequest, HttpResponse } from '@smithy/core/transport';
import type { HttpHandlerOptions } from '@smithy/types';
import { INVALID_VALUE_CHAR, ResponseReader, TOKEN } from './http-response-reader.js';

export interface NetHandlerOptions {
  /** ms to establish the connection; 0: no limit. */
  readonly connectionTimeout: number;
  /** ms of socket inactivity before the answer's end; 0: no limit. */
  readonly socketTimeout: number;
}

// The SDK handler's renaming of socket errors it retries as timeouts (@smithy/node-http-handler).
const TIMEOUT_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

const ignore = (): void => {};

/** The request handler; `destroy()` closes a connection still open. */
export class NetHttpHandler implements HttpHandler<object> {
  private readonly sockets = new Set<Socket>();
  constructor(private readonly options: NetHandlerOptions) {}

  handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }> {
    // The client passes the CLI's AbortSignal (send.ts), node's own.
    const abortSignal = options?.abortSignal as AbortSignal | undefined;
    return new Promise((resolve, reject) => {
      if (Object.keys(request.query).length > 0) return reject(new Error('aws-voiceid: a query string goes through @smithy/node-http-handler'));
      if (abortSignal?.aborted) return reject(abortError());
      let body: Buffer | undefined;
      let head: Buffer;
      try {
        body = hasBody(request.body) ? bodyBytes(request.body) : undefined;
        head = requestHead(request, body);
      } catch (error) {
        return reject(error);
      }
      const { connect } = process.getBuiltinModule('node:net') as typeof import('node:net');
      const host = request.hostname.startsWith('[') && request.hostname.endsWith(']') ? request.hostname.slice(1, -1) : request.hostname;
      const socket = connect({ host, port: request.port ?? 80, noDelay: true, keepAlive: true, keepAliveInitialDelay: 1000 });
      this.sockets.add(socket);
      const reader = new ResponseReader();
      let connectTimer: NodeJS.Timeout | undefined;
      let settled = false;
      const finish = (error: Error | undefined, response?: HttpResponse): void => {
        if (settled) return;
        settled = true;
        clearTimeout(connectTimer);
        abortSignal?.removeEventListener('abort', onAbort);
        this.sockets.delete(socket);
        // Nothing more is read from this socket: its events after this point have no handler to run.
        socket.removeAllListeners();
        socket.on('error', ignore);
        socket.destroy();
        if (error) reject(error);
        else resolve({ response: response as HttpResponse });
      };
      const onAbort = (): void => finish(abortError());
      abortSignal?.addEventListener('abort', onAbort, { once: true });
      const { connectionTimeout, socketTimeout } = this.options;
      if (connectionTimeout > 0) {
        connectTimer = setTimeout(
          () => finish(timeoutError(`did not establish a connection with the server within the configured timeout of ${connectionTimeout} ms.`)),
          connectionTimeout,
        );
      }
      socket.once('connect', () => {
        clearTimeout(connectTimer);
        if (socketTimeout > 0) {
          socket.setTimeout(socketTimeout, () =>
            finish(timeoutError(`timed out after ${socketTimeout} ms of inactivity (configured by client requestHandler).`)),
          );
        }
        socket.write(head);
        if (body) socket.write(body);
      });
      socket.on('data', (chunk: Buffer) => {
        try {
          const response = reader.push(chunk);
          if (response) finish(undefined, response);
        } catch (error) {
          finish(error as Error);
        }
      });
      // The connection's end (a FIN, or a close without one): the answer as read so far.
      const onEnd = (): void => {
        try {
          finish(undefined, reader.end());
        } catch (error) {
          finish(error as Error);
        }
      };
      socket.once('end', onEnd);
      socket.once('close', onEnd);
      socket.once('error', (error: NodeJS.ErrnoException) =>
        finish(TIMEOUT_CODES.has(error.code ?? '') ? Object.assign(error, { name: 'TimeoutError' }) : error),
      );
    });
  }

  updateHttpClientConfig(): void {
    // Nothing to configure: the CLI passes every setting at construction.
  }

  httpHandlerConfigs(): object {
    return {};
  }

  destroy(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }
}

/** The request line and headers as node:http writes them for the SDK's request and its `body`. */
function requestHead(request: HttpRequest, body: Buffer | undefined): Buffer {
  const lines = [`${request.method} ${request.path} HTTP/1.1`];
  let length = false;
  for (const [name, value] of Object.entries(request.headers)) {
    if (!TOKEN.test(name)) throw Object.assign(new TypeError(`Header name must be a valid HTTP token ["${name}"]`), { code: 'ERR_INVALID_HTTP_TOKEN' });
    if (INVALID_VALUE_CHAR.test(value)) throw Object.assign(new TypeError(`Invalid character in header content ["${name}"]`), { code: 'ERR_INVALID_CHAR' });
    if (name.toLowerCase() === 'content-length') length = true;
    lines.push(`${name}: ${value}`);
  }
  if (!length && body) lines.push(`Content-Length: ${body.byteLength}`);
  lines.push('Connection: keep-alive', '', '');
  return Buffer.from(lines.join('\r\n'), 'latin1');
}

/** Whether node:http would write `body` (it writes nothing for an empty string). */
function hasBody(body: unknown): boolean {
  return body !== undefined && body !== null && body !== '';
}

function bodyBytes(body: unknown): Buffer {
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new TypeError('aws-voiceid: a request body is a string or bytes');
}

/** The SDK handler's TimeoutError, worded as it words them. */
function timeoutError(what: string): Error {
  return Object.assign(new Error(`@smithy/node-http-handler - the request socket ${what}`), { name: 'TimeoutError' });
}

function abortError(): Error {
  return Object.assign(new Error('Request aborted'), { name: 'AbortError' });
}
