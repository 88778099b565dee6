// An HTTP/1.x answer read as node:http's client reads it (llhttp, strict mode, and
// _http_client.js/_http_incoming.js around it), for net-http-handler.ts. Pure: bytes in, a
// response or node's error out.
//
// The head is checked line by line as bytes arrive, with llhttp's error codes and reasons: the
// status line (`HTTP/`, `RTSP/` or `ICE/`, versions 0.9, 1.0, 1.1 and 2.0, a three-digit
// status), header names (tokens) and values (no control characters but tab), CRLF only,
// Content-Length (digits, at most 2^64-1, once, never with Transfer-Encoding), and node's 16 KiB
// limit on the head. Repeated headers are joined or dropped as IncomingMessage does; set-cookie's
// values are joined with "," as the SDK's handler joins them. 1xx answers are skipped, except 101,
// the answer to an upgrade, which has no body. The body: none (101, 204, 304), Transfer-Encoding chunked (last coding), Content-Length,
// else up to the connection's end. A malformed body fails as node's response stream fails once
// its head is out: ECONNRESET "aborted", like a connection closed mid-body.
import { HttpResponse } from '@smithy/core/transport';

/** Node's default limit on an answer's header section (--max-http-header-size). */
const MAX_HEADER_BYTES = 16 * 1024;

/** The largest Content-Length llhttp takes (a uint64). */
const MAX_CONTENT_LENGTH = 2n ** 64n - 1n;

/** The largest chunk size llhttp takes: 16 hex digits. */
const MAX_CHUNK_SIZE_DIGITS = 16;

// IncomingMessage's rules for a repeated header (_http_incoming.js matchKnownFields): these keep
// the first value; set-cookie collects them; cookie joins with "; "; every other joins with ", ".
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

/** An HTTP token (a header name), and what a header value may not hold: node's rules. */
export const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
export const INVALID_VALUE_CHAR = /[^\t\x20-\x7e\x80-\xff]/;
const VERSIONS = new Set(['0.9', '1.0', '1.1', '2.0']);

function parseError(code: string, reason: string): Error {
  return Object.assign(new Error(`Parse Error: ${reason}`), { code });
}

/** node:http's failure when the connection ends before an answer's head: retried by the SDK. */
function hangUp(): Error {
  return Object.assign(new Error('socket hang up'), { code: 'ECONNRESET', name: 'TimeoutError' });
}

/** node:http's failure of a response stream cut short: the SDK sees it while reading the body. */
function aborted(): Error {
  return Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
}

type Framing = { kind: 'none' } | { kind: 'length'; length: number } | { kind: 'chunked' } | { kind: 'close' };

interface Head {
  status: number;
  reason: string;
  readonly headers: Record<string, string>;
  readonly cookies: string[];
  contentLength?: string;
  transferEncoding: boolean;
}

/** An answer as its bytes come in: push() gives the response once it is whole. */
export class ResponseReader {
  private buffer: Buffer = Buffer.alloc(0);
  /** The head being read (undefined: at the status line). */
  private reading: Head | undefined;
  private headBytes = 0;
  private head: { status: number; reason: string; headers: Record<string, string>; framing: Framing } | undefined;
  private readonly chunks: Buffer[] = [];
  private chunkState: { remaining: number; trailer: boolean } = { remaining: -1, trailer: false };

  /** The response when `chunk` completes it, else undefined; throws node's error for a malformed answer. */
  push(chunk: Buffer): HttpResponse | undefined {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    while (this.head === undefined) {
      const newline = this.buffer.indexOf(0x0a);
      const line = newline < 0 ? this.buffer : this.buffer.subarray(0, newline);
      // A CR must be followed by LF: a lone one fails as soon as the byte after it arrives.
      const cr = line.indexOf(0x0d);
      if (cr >= 0 && cr < line.length - 1) this.loneCr();
      if (this.headBytes + line.length > MAX_HEADER_BYTES) throw parseError('HPE_HEADER_OVERFLOW', 'Header overflow');
      if (newline < 0) return undefined;
      if (line.length === 0 || cr !== line.length - 1) this.loneLf(line);
      this.headBytes += newline + 1;
      this.buffer = this.buffer.subarray(newline + 1);
      this.line(line.subarray(0, line.length - 1).toString('latin1'));
    }
    try {
      return this.body();
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('HPE_')) throw aborted();
      throw error;
    }
  }

  /** The response at the connection's end: whole if read to the end, else node's failure. */
  end(): HttpResponse {
    if (this.head === undefined) throw hangUp();
    if (this.head.framing.kind === 'close') return this.response(Buffer.concat([...this.chunks, this.buffer]));
    throw aborted();
  }

  private loneCr(): never {
    if (this.reading === undefined) throw parseError('HPE_STRICT', 'Expected LF after CR');
    throw parseError('HPE_LF_EXPECTED', 'Missing expected LF after header value');
  }

  private loneLf(line: Buffer): never {
    if (this.reading === undefined) throw parseError('HPE_CR_EXPECTED', 'Missing expected CR after response line');
    if (line.length === 0) throw parseError('HPE_INVALID_HEADER_TOKEN', 'Invalid header field char');
    throw parseError('HPE_CR_EXPECTED', 'Missing expected CR after header value');
  }

  /** One line of the head, without its CRLF. */
  private line(text: string): void {
    const reading = this.reading;
    if (reading === undefined) {
      this.reading = statusLine(text);
      return;
    }
    if (text === '') {
      this.headBytes = 0;
      this.reading = undefined;
      // 1xx: informational, the answer follows; but 101 (an upgrade) is the answer, without a body.
      if (reading.status >= 100 && reading.status < 200 && reading.status !== 101) return;
      this.head = { status: reading.status, reason: reading.reason, headers: reading.headers, framing: framing(reading) };
      return;
    }
    headerLine(reading, text);
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
        // The trailer section: header lines up to an empty one (the SDK's handler keeps none).
        const end = this.buffer.indexOf('\r\n');
        if (end < 0) return undefined;
        const line = this.buffer.subarray(0, end).toString('latin1');
        this.buffer = this.buffer.subarray(end + 2);
        if (line.length === 0) return this.response(Buffer.concat(this.chunks));
        const colon = line.indexOf(':');
        if (colon <= 0 || !TOKEN.test(line.slice(0, colon))) throw parseError('HPE_INVALID_HEADER_TOKEN', 'Invalid header token');
        continue;
      }
      if (state.remaining < 0) {
        const end = this.buffer.indexOf('\r\n');
        if (end < 0) return undefined;
        const sizeText = this.buffer.subarray(0, end).toString('latin1').split(';')[0] ?? '';
        if (!/^[0-9a-fA-F]+$/.test(sizeText)) throw parseError('HPE_INVALID_CHUNK_SIZE', 'Invalid character in chunk size');
        if (sizeText.replace(/^0+/, '').length > MAX_CHUNK_SIZE_DIGITS) throw parseError('HPE_INVALID_CHUNK_SIZE', 'Chunk size overflow');
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

/** llhttp's reading of a status line: `PROTO/M.m SSS reason`. */
function statusLine(text: string): Head {
  const proto = /^(?:HTTP|RTSP|ICE)\//.exec(text);
  if (!proto) throw parseError('HPE_INVALID_CONSTANT', 'Expected HTTP/, RTSP/ or ICE/');
  const rest = text.slice(proto[0].length);
  if (!/^\d\./.test(rest)) throw parseError('HPE_INVALID_VERSION', /^\d/.test(rest) ? 'Expected dot' : 'Invalid major version');
  if (!/^\d\.\d/.test(rest)) throw parseError('HPE_INVALID_VERSION', 'Invalid minor version');
  if (!VERSIONS.has(rest.slice(0, 3))) throw parseError('HPE_INVALID_VERSION', 'Invalid HTTP version');
  if (rest[3] !== ' ') throw parseError('HPE_INVALID_VERSION', 'Expected space after version');
  const status = rest.slice(4, 7);
  if (!/^\d{3}$/.test(status)) throw parseError('HPE_INVALID_STATUS', 'Invalid status code');
  const after = rest.slice(7);
  if (after !== '' && !after.startsWith(' ')) throw parseError('HPE_INVALID_STATUS', 'Invalid response status');
  return { status: Number(status), reason: after.slice(1), headers: {}, cookies: [], transferEncoding: false };
}

/** One header line into `head`, with llhttp's checks and IncomingMessage's joining. */
function headerLine(head: Head, text: string): void {
  if (text.startsWith(' ') || text.startsWith('\t')) {
    if (Object.keys(head.headers).length === 0) throw parseError('HPE_UNEXPECTED_SPACE', 'Unexpected space after start line');
    throw parseError('HPE_INVALID_HEADER_TOKEN', 'Unexpected whitespace after header value');
  }
  const colon = text.indexOf(':');
  const name = (colon < 0 ? text : text.slice(0, colon)).toLowerCase();
  if (colon <= 0 || !TOKEN.test(name)) throw parseError('HPE_INVALID_HEADER_TOKEN', 'Invalid header token');
  const value = text.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '');
  if (INVALID_VALUE_CHAR.test(value)) throw parseError('HPE_INVALID_HEADER_TOKEN', 'Invalid header value char');
  if (name === 'content-length') contentLength(head, value);
  if (name === 'transfer-encoding') {
    if (head.contentLength !== undefined) throw parseError('HPE_INVALID_TRANSFER_ENCODING', "Transfer-Encoding can't be present with Content-Length");
    head.transferEncoding = true;
  }
  const { headers } = head;
  if (name === 'set-cookie') {
    head.cookies.push(value);
    headers[name] = head.cookies.join(',');
  } else if (!Object.hasOwn(headers, name)) headers[name] = value;
  else if (!SINGLE_VALUED.has(name)) headers[name] = `${headers[name]}${name === 'cookie' ? '; ' : ', '}${value}`;
}

function contentLength(head: Head, value: string): void {
  if (head.contentLength !== undefined) throw parseError('HPE_UNEXPECTED_CONTENT_LENGTH', 'Duplicate Content-Length');
  if (head.transferEncoding) throw parseError('HPE_INVALID_CONTENT_LENGTH', "Content-Length can't be present with Transfer-Encoding");
  if (value === '') throw parseError('HPE_INVALID_CONTENT_LENGTH', 'Empty Content-Length');
  if (!/^\d+$/.test(value)) throw parseError('HPE_INVALID_CONTENT_LENGTH', 'Invalid character in Content-Length');
  if (BigInt(value) > MAX_CONTENT_LENGTH) throw parseError('HPE_INVALID_CONTENT_LENGTH', 'Content-Length overflow');
  head.contentLength = value;
}

function framing(head: Head): Framing {
  if (head.status === 101 || head.status === 204 || head.status === 304) return { kind: 'none' };
  const encoding = head.headers['transfer-encoding'];
  if (encoding !== undefined) return /(?:^|,)[ \t]*chunked[ \t]*$/i.test(encoding) ? { kind: 'chunked' } : { kind: 'close' };
  if (head.contentLength !== undefined) return { kind: 'length', length: Number(head.contentLength) };
  return { kind: 'close' };
}
