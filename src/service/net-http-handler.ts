// The SDK's request handler for an http:// endpoint reached without a proxy (voiceid-local, the
// usual endpoint since Voice ID's shutdown): HTTP/1.1 over node:net. node:http's client costs a
// run ~15 ms to load and set up before its first request goes out; this costs ~5 (CONTRIBUTING.md,
// "The build and start-up"). https and proxies keep @smithy/node-http-handler (send.ts).
//
// It does what @smithy/node-http-handler over node:http does, as far as the SDK and the CLI can
// tell: the same bytes on the wire (the request's headers in order, then node's
// `Connection: keep-alive`); the answer read as node's parser reads it (CRLF lines only, names in
// lower case, duplicates joined or dropped as IncomingMessage joins or drops them, set-cookie
// joined with ","; a body by Transfer-Encoding: chunked, Content-Length or the connection's end;
// 1xx answers skipped); and the same failures: a connect or read timeout is a TimeoutError, a
// connection refused, reset or closed before the answer's end the socket's error (or node's
// ECONNRESET "socket hang up"/"aborted") named TimeoutError as the SDK renames it, a malformed
// answer an HPE_ error, an interrupt an AbortError. One connection per request, closed after it.
import type { Socket } from 'node:net';
import type { HttpHandler } from '@smithy/core/protocols';
import { type HttpRequest, HttpResponse } from '@smithy/core/transport';
import type { HttpHandlerOptions } from '@smithy/types';

export interface NetHandlerOptions {
  /** ms to establish the connection; 0: no limit. */
  readonly connectionTimeout: number;
  /** ms of socket inactivity before the answer's end; 0: no limit. */
  readonly socketTimeout: number;
}

/** Node's default limit on an answer's header section (--max-http-header-size). */
const MAX_HEADER_BYTES = 16 * 1024;

// The SDK handler's renaming of socket errors it retries as timeouts (@smithy/node-http-handler).
const TIMEOUT_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

// IncomingMessage's rules for a repeated header (_http_incoming.js matchKnownFields): these keep
// the first value; set-cookie collects them (the SDK handler joins them with ","); cookie joins
// with "; "; every other joins with ", ".
const SINGLE_VALUED = new Set([
  'content-type',
  'content-length',
  'user-agent',
  'referer',
  'host',
  'authorization',
  'proxy-authorization',
  'if-modified-since',
  'if-unmodified-since',
  'from',
  'location',
  'max-forwards',
  'retry-after',
  'etag',
  'last-modified',
  'server',
  'age',
  'expires',
]);

const ignore = (): void => {};

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const INVALID_VALUE_CHAR = /[^\t\x20-\x7e\x80-\xff]/;

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
      let head: Buffer;
      try {
        head = requestHead(request);
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
          () =>
            finish(
              Object.assign(
                new Error(`the request socket did not establish a connection with the server within the configured timeout of ${connectionTimeout} ms.`),
                { name: 'TimeoutError' },
              ),
            ),
          connectionTimeout,
        );
      }
      socket.once('connect', () => {
        clearTimeout(connectTimer);
        if (socketTimeout > 0) {
          socket.setTimeout(socketTimeout, () =>
            finish(Object.assign(new Error(`the request socket timed out after ${socketTimeout} ms of inactivity.`), { name: 'TimeoutError' })),
          );
        }
        socket.write(head);
        if (request.body !== undefined && request.body !== null && request.body !== '') socket.write(bodyBytes(request.body));
      });
      socket.on('data', (chunk: Buffer) => {
        try {
          const response = reader.push(chunk);
          if (response) finish(undefined, response);
        } catch (error) {
          finish(error as Error);
        }
      });
      socket.once('end', () => {
        try {
          finish(undefined, reader.end());
        } catch (error) {
          finish(error as Error);
        }
      });
      socket.once('error', (error: NodeJS.ErrnoException) => finish(TIMEOUT_CODES.has(error.code ?? '') ? Object.assign(error, { name: 'TimeoutError' }) : error));
      socket.once('close', () => {
        try {
          finish(undefined, reader.end());
        } catch (error) {
          finish(error as Error);
        }
      });
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

/** The request line and headers as node:http writes them for the SDK's request. */
function requestHead(request: HttpRequest): Buffer {
  const lines = [`${request.method} ${request.path} HTTP/1.1`];
  let length = false;
  for (const [name, value] of Object.entries(request.headers)) {
    if (!TOKEN.test(name)) throw Object.assign(new TypeError(`Header name must be a valid HTTP token ["${name}"]`), { code: 'ERR_INVALID_HTTP_TOKEN' });
    if (INVALID_VALUE_CHAR.test(value)) throw Object.assign(new TypeError(`Invalid character in header content ["${name}"]`), { code: 'ERR_INVALID_CHAR' });
    if (name.toLowerCase() === 'content-length') length = true;
    lines.push(`${name}: ${value}`);
  }
  if (!length && request.body !== undefined && request.body !== null && request.body !== '') lines.push(`Content-Length: ${bodyBytes(request.body).byteLength}`);
  lines.push('Connection: keep-alive', '', '');
  return Buffer.from(lines.join('\r\n'), 'latin1');
}

function bodyBytes(body: unknown): Buffer {
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new TypeError('aws-voiceid: a request body is a string or bytes');
}

function abortError(): Error {
  return Object.assign(new Error('Request aborted'), { name: 'AbortError' });
}

function parseError(code: string, reason: string): Error {
  return Object.assign(new Error(`Parse Error: ${reason}`), { code });
}

/** An answer as its bytes come in: push() gives the response once it is whole. */
export class ResponseReader {
  private buffer: Buffer = Buffer.alloc(0);
  private head: { status: number; reason: string; headers: Record<string, string>; framing: Framing } | undefined;
  private readonly chunks: Buffer[] = [];
  private chunkState: { remaining: number; trailer: boolean } = { remaining: -1, trailer: false };

  /** The response when `chunk` completes it, else undefined; throws for a malformed answer. */
  push(chunk: Buffer): HttpResponse | undefined {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    while (this.head === undefined) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) {
        if (this.buffer.length > MAX_HEADER_BYTES) throw parseError('HPE_HEADER_OVERFLOW', 'Header overflow');
        return undefined;
      }
      if (end > MAX_HEADER_BYTES) throw parseError('HPE_HEADER_OVERFLOW', 'Header overflow');
      const head = parseHead(this.buffer.subarray(0, end).toString('latin1'));
      this.buffer = this.buffer.subarray(end + 4);
      // 1xx: informational, the answer follows.
      if (head.status >= 100 && head.status < 200) continue;
      this.head = head;
    }
    return this.body();
  }

  /** The response at the connection's end: whole if read to the end, else node's failure. */
  end(): HttpResponse {
    if (this.head === undefined) throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET', name: 'TimeoutError' });
    if (this.head.framing.kind === 'close') return this.response(Buffer.concat([...this.chunks, this.buffer]));
    throw Object.assign(new Error('aborted'), { code: 'ECONNRESET', name: 'TimeoutError' });
  }

  private body(): HttpResponse | undefined {
    const head = this.head as NonNullable<ResponseReader['head']>;
    const { framing } = head;
    if (framing.kind === 'none') return this.response(Buffer.alloc(0));
    if (framing.kind === 'length') {
      return this.buffer.length >= framing.length ? this.response(this.buffer.subarray(0, framing.length)) : undefined;
    }
    if (framing.kind === 'close') return undefined;
    for (;;) {
      const state = this.chunkState;
      if (state.trailer) {
        // The trailer section: header lines up to an empty one (their values are not kept, as the SDK's handler keeps none).
        const end = this.buffer.indexOf('\r\n');
        if (end < 0) return undefined;
        const line = this.buffer.subarray(0, end);
        this.buffer = this.buffer.subarray(end + 2);
        if (line.length === 0) return this.response(Buffer.concat(this.chunks));
        continue;
      }
      if (state.remaining < 0) {
        const end = this.buffer.indexOf('\r\n');
        if (end < 0) return undefined;
        const sizeText = (this.buffer.subarray(0, end).toString('latin1').split(';')[0] ?? '').trim();
        if (!/^[0-9a-fA-F]+$/.test(sizeText)) throw parseError('HPE_INVALID_CHUNK_SIZE', 'Invalid character in chunk size');
        this.buffer = this.buffer.subarray(end + 2);
        const size = Number.parseInt(sizeText, 16);
        if (size === 0) state.trailer = true;
        else state.remaining = size;
        continue;
      }
      if (this.buffer.length < state.remaining + 2) return undefined;
      if (this.buffer[state.remaining] !== 0x0d || this.buffer[state.remaining + 1] !== 0x0a) throw parseError('HPE_STRICT', 'Expected LF after chunk data');
      this.chunks.push(this.buffer.subarray(0, state.remaining));
      this.buffer = this.buffer.subarray(state.remaining + 2);
      state.remaining = -1;
    }
  }

  private response(body: Buffer): HttpResponse {
    const head = this.head as NonNullable<ResponseReader['head']>;
    return new HttpResponse({ statusCode: head.status, reason: head.reason, headers: head.headers, body: Buffer.from(body) });
  }
}

type Framing = { kind: 'none' } | { kind: 'length'; length: number } | { kind: 'chunked' } | { kind: 'close' };

function parseHead(text: string): { status: number; reason: string; headers: Record<string, string>; framing: Framing } {
  const [statusLine = '', ...lines] = text.split('\r\n');
  const match = /^HTTP\/1\.[01] (\d{3})(?: (.*))?$/.exec(statusLine);
  if (!match) throw parseError('HPE_INVALID_CONSTANT', 'Expected HTTP/');
  const status = Number(match[1]);
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).toLowerCase();
    if (colon <= 0 || !TOKEN.test(name)) throw parseError('HPE_INVALID_HEADER_TOKEN', 'Invalid header token');
    const value = line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '');
    if (/[\r\n\0]/.test(value)) throw parseError('HPE_INVALID_HEADER_TOKEN', 'Invalid header value char');
    if (name === 'set-cookie') {
      cookies.push(value);
      headers[name] = cookies.join(',');
    } else if (!Object.hasOwn(headers, name)) headers[name] = value;
    else if (!SINGLE_VALUED.has(name)) headers[name] = `${headers[name]}${name === 'cookie' ? '; ' : ', '}${value}`;
  }
  return { status, reason: match[2] ?? '', headers, framing: framing(status, headers) };
}

function framing(status: number, headers: Record<string, string>): Framing {
  if (status === 204 || status === 304) return { kind: 'none' };
  const encoding = headers['transfer-encoding'];
  if (encoding !== undefined && /(?:^|,)\s*chunked\s*$/i.test(encoding)) return { kind: 'chunked' };
  const length = headers['content-length'];
  if (length !== undefined) {
    if (!/^\d+$/.test(length)) throw parseError('HPE_INVALID_CONTENT_LENGTH', 'Invalid character in Content-Length');
    return { kind: 'length', length: Number(length) };
  }
  return { kind: 'close' };
}
