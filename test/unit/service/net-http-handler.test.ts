// src/service/net-http-handler.ts against the handler it stands in for: @smithy/node-http-handler
// over node:http. Each case is an answer scripted byte by byte on a raw TCP server on 127.0.0.1
// (well-formed, chunked, framed by the connection's end, cut off, malformed, oversized, ...); both
// handlers send the same request to it and must see the same thing: the same status, reason,
// headers and body, or the same error (name, code, message). The request bytes each handler
// writes are compared too. No case waits for a guessed time: a timeout case is an answer that
// never comes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server, type Socket } from 'node:net';
import { HttpRequest } from '@smithy/core/transport';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { HttpHandler } from '@smithy/core/protocols';
import { NetHttpHandler } from '../../../src/service/net-http-handler.js';

/** What the server does once a request has arrived: bytes to write, then how the connection ends. */
interface Script {
  readonly chunks: readonly (string | Buffer)[];
  /** 'end': half-close then close; 'destroy': reset; 'open': keep the connection open. */
  readonly ending: 'end' | 'destroy' | 'open';
}

let server: Server;
let port: number;
let script: Script = { chunks: [], ending: 'end' };
const captured: Buffer[] = [];
const open = new Set<Socket>();

beforeAll(async () => {
  server = createServer((socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => {});
    let received = Buffer.alloc(0);
    let answered = false;
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (answered || end < 0) return;
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(received.subarray(0, end).toString('latin1'))?.[1] ?? 0);
      if (received.length < end + 4 + length) return;
      answered = true;
      captured.push(received);
      const { chunks, ending } = script;
      for (const piece of chunks) socket.write(piece);
      if (ending === 'end') socket.end();
      else if (ending === 'destroy') socket.resetAndDestroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  for (const socket of open) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

function request(body = '{"DomainId":"abc"}'): HttpRequest {
  return new HttpRequest({
    protocol: 'http:',
    hostname: '127.0.0.1',
    port,
    method: 'POST',
    path: '/',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'VoiceID.DescribeDomain',
      host: `127.0.0.1:${port}`,
      'content-length': String(Buffer.byteLength(body)),
      authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/voiceid/aws4_request, SignedHeaders=host, Signature=00',
    },
    body,
  });
}

type Outcome =
  | { status: number; reason: string | undefined; headers: Record<string, string>; body: string }
  | { error: { name: string; code: unknown; message: string } };

async function collect(body: unknown): Promise<string> {
  if (body instanceof Uint8Array) return Buffer.from(body).toString('latin1');
  const parts: Buffer[] = [];
  for await (const part of body as AsyncIterable<Buffer>) parts.push(Buffer.from(part));
  return Buffer.concat(parts).toString('latin1');
}

async function outcome(handler: HttpHandler<object>, req: HttpRequest, abortSignal?: AbortSignal): Promise<Outcome> {
  try {
    const { response } = await handler.handle(req, { abortSignal });
    return { status: response.statusCode, reason: response.reason, headers: { ...response.headers }, body: await collect(response.body) };
  } catch (error) {
    const { name, code, message } = error as { name: string; code?: unknown; message: string };
    return { error: { name, code, message } };
  } finally {
    handler.destroy?.();
  }
}

const timeouts = { connectionTimeout: 0, socketTimeout: 0 };

/** Both handlers' outcome and request bytes for the answer `scripted`. */
async function both(scripted: Script, options = timeouts): Promise<{ net: Outcome; node: Outcome; wire: [string, string] }> {
  script = scripted;
  captured.length = 0;
  const net = await outcome(new NetHttpHandler(options), request());
  const node = await outcome(new NodeHttpHandler({ connectionTimeout: options.connectionTimeout, socketTimeout: options.socketTimeout }), request());
  return { net, node, wire: [captured[0]?.toString('latin1') ?? '', captured[1]?.toString('latin1') ?? ''] };
}

const OK = 'HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\nx-amzn-RequestId: r-1\r\n';
const BIG = 'x'.repeat(70_000);

const CASES: [string, Script][] = [
  ['Content-Length', { chunks: [`${OK}Content-Length: 13\r\n\r\n{"Domain":{}}`], ending: 'open' }],
  ['Content-Length, the body in pieces', { chunks: [`${OK}Content-Length: 13\r\n\r\n{"Dom`, 'ain"', ':{}}'], ending: 'open' }],
  ['Content-Length, the head in pieces', { chunks: ['HTTP/1.1 20', '0 OK\r\nContent-Le', 'ngth: 2\r', '\n\r\n{}'], ending: 'open' }],
  ['a body of 70 kB', { chunks: [`${OK}Content-Length: ${BIG.length}\r\n\r\n${BIG}`], ending: 'open' }],
  ['chunked', { chunks: [`${OK}Transfer-Encoding: chunked\r\n\r\n5\r\n{"Dom\r\n8;ext=1\r\nain":{}}\r\n0\r\n\r\n`], ending: 'open' }],
  ['chunked, with a trailer', { chunks: [`${OK}Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\nX-Trailer: t\r\n\r\n`], ending: 'open' }],
  ['chunked, split mid-size', { chunks: [`${OK}Transfer-Encoding: chunked\r\n\r\n`, '1', '\r\n{\r', '\n1\r\n}\r\n0\r\n', '\r\n'], ending: 'open' }],
  ['chunked and Content-Length', { chunks: [`${OK}Content-Length: 99\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n`], ending: 'open' }],
  ['framed by the connection end', { chunks: [`${OK}\r\n{"Domain":`, '{}}'], ending: 'end' }],
  ['framed by the connection end, no body', { chunks: [`${OK}\r\n`], ending: 'end' }],
  ['HTTP/1.0', { chunks: ['HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\n{}'], ending: 'open' }],
  ['no reason phrase', { chunks: ['HTTP/1.1 200\r\nContent-Length: 2\r\n\r\n{}'], ending: 'open' }],
  ['an empty reason phrase', { chunks: ['HTTP/1.1 200 \r\nContent-Length: 2\r\n\r\n{}'], ending: 'open' }],
  ['a reason phrase with spaces', { chunks: ['HTTP/1.1 400 Bad Request Indeed\r\nContent-Length: 2\r\n\r\n{}'], ending: 'open' }],
  ['204 with a body announced', { chunks: ['HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n'], ending: 'open' }],
  ['304', { chunks: ['HTTP/1.1 304 Not Modified\r\n\r\n'], ending: 'open' }],
  ['100 Continue first', { chunks: ['HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}'], ending: 'open' }],
  ['a 500', { chunks: ['HTTP/1.1 500 Internal Server Error\r\nContent-Length: 26\r\n\r\n{"__type":"InternalError"}'], ending: 'open' }],
  ['a 599', { chunks: ['HTTP/1.1 599 Whatever\r\nContent-Length: 0\r\n\r\n'], ending: 'open' }],
  [
    'repeated headers',
    {
      chunks: [
        'HTTP/1.1 200 OK\r\nX-Multi: a\r\nx-multi: b\r\nContent-Type: one\r\nContent-Type: two\r\nSet-Cookie: c=1\r\nSet-Cookie: d=2\r\n' +
          'Cookie: e=1\r\nCookie: f=2\r\nRetry-After: 1\r\nRetry-After: 2\r\nx-amzn-ErrorType: A\r\nx-amzn-errortype: B\r\nContent-Length: 0\r\n\r\n',
      ],
      ending: 'open',
    },
  ],
  ['header values with spaces and tabs', { chunks: ['HTTP/1.1 200 OK\r\nX-A:   padded  \r\nX-B:\tt\t\r\nX-C:\r\nContent-Length: 0\r\n\r\n'], ending: 'open' }],
  ['header value bytes above 0x7f', { chunks: [Buffer.from('HTTP/1.1 200 OK\r\nX-A: caf\xe9\r\nContent-Length: 0\r\n\r\n', 'latin1')], ending: 'open' }],
  ['LF-only lines', { chunks: ['HTTP/1.1 200 OK\nContent-Length: 2\n\n{}'], ending: 'end' }],
  ['not HTTP', { chunks: ['SSH-2.0-OpenSSH_9.2\r\n\r\n'], ending: 'end' }],
  ['HTTP/2.0 status line', { chunks: ['HTTP/2.0 200 OK\r\nContent-Length: 2\r\n\r\n{}'], ending: 'open' }],
  ['a two-digit status', { chunks: ['HTTP/1.1 20 OK\r\nContent-Length: 2\r\n\r\n{}'], ending: 'open' }],
  ['a header without a colon', { chunks: ['HTTP/1.1 200 OK\r\nNoColon\r\nContent-Length: 2\r\n\r\n{}'], ending: 'open' }],
  ['a space before the colon', { chunks: ['HTTP/1.1 200 OK\r\nX-A : b\r\nContent-Length: 2\r\n\r\n{}'], ending: 'open' }],
  ['a bad Content-Length', { chunks: ['HTTP/1.1 200 OK\r\nContent-Length: 2x\r\n\r\n{}'], ending: 'open' }],
  ['a bad chunk size', { chunks: [`${OK}Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`], ending: 'open' }],
  ['a header section over 16 KiB', { chunks: [`HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(17_000)}\r\nContent-Length: 0\r\n\r\n`], ending: 'open' }],
  ['RTSP/1.0', { chunks: ['RTSP/1.0 200 OK\r\nContent-Length: 2\r\n\r\n{}'], ending: 'open' }],
  ['ICE/1.1', { chunks: ['ICE/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}'], ending: 'open' }],
  ['HTTP/0.9', { chunks: ['HTTP/0.9 200 OK\r\nContent-Length: 2\r\n\r\n{}'], ending: 'open' }],
  ...[
    'HTTP/1.2 200 OK',
    'HTTP/3.0 200 OK',
    'HTTP/2.1 200 OK',
    'HTTP/11.1 200 OK',
    'HTTP/1 200 OK',
    'HTTP/x.1 200 OK',
    'HTTP/1.x 200 OK',
    'HTTP/1.1',
    'http/1.1 200 OK',
  ].map((line): [string, Script] => [`status line ${line}`, { chunks: [`${line}\r\nContent-Length: 0\r\n\r\n`], ending: 'open' }]),
  ...[
    'HTTP/1.1 2000 OK',
    'HTTP/1.1 200OK',
    'HTTP/1.1  200 OK',
    'HTTP/1.1 ',
    'HTTP/1.1 abc OK',
    'HTTP/1.1 20a OK',
    'HTTP/1.1 099 Low',
    'HTTP/1.1 200  two spaces',
    'HTTP/1.1 200 O\x01K',
  ].map((line): [string, Script] => [`status line ${JSON.stringify(line)}`, { chunks: [`${line}\r\nContent-Length: 0\r\n\r\n`], ending: 'open' }]),
  ['a lone LF after the status line', { chunks: ['HTTP/1.1 200 OK\nContent-Length: 0\r\n\r\n'], ending: 'open' }],
  ['a lone CR after the status line', { chunks: ['HTTP/1.1 200 OK\rContent-Length: 0\r\n\r\n'], ending: 'open' }],
  ['a lone CR in a header value', { chunks: ['HTTP/1.1 200 OK\r\nX-A: a\rb\r\nContent-Length: 0\r\n\r\n'], ending: 'open' }],
  ['a lone LF in a header value', { chunks: ['HTTP/1.1 200 OK\r\nX-A: a\nb\r\nContent-Length: 0\r\n\r\n'], ending: 'open' }],
  ['a CR CR LF', { chunks: ['HTTP/1.1 200 OK\r\nX-A: b\r\r\n\r\n'], ending: 'open' }],
  ['a lone LF ending the head', { chunks: ['HTTP/1.1 200 OK\r\nX-A: b\r\n\n'], ending: 'open' }],
  ['a control character in a header value', { chunks: ['HTTP/1.1 200 OK\r\nX-A: a\x01b\r\nContent-Length: 0\r\n\r\n'], ending: 'open' }],
  ['DEL in a header value', { chunks: ['HTTP/1.1 200 OK\r\nX-A: a\x7fb\r\nContent-Length: 0\r\n\r\n'], ending: 'open' }],
  ['a space in a header name', { chunks: ['HTTP/1.1 200 OK\r\nX A: b\r\nContent-Length: 0\r\n\r\n'], ending: 'open' }],
  ['a non-ASCII header name', { chunks: [Buffer.from('HTTP/1.1 200 OK\r\nX-\xe9: b\r\nContent-Length: 0\r\n\r\n', 'latin1')], ending: 'open' }],
  ['no space after the colon', { chunks: ['HTTP/1.1 200 OK\r\nX-A:b\r\nContent-Length: 0\r\n\r\n'], ending: 'open' }],
  ['a folded first header', { chunks: ['HTTP/1.1 200 OK\r\n Folded: x\r\nContent-Length: 0\r\n\r\n'], ending: 'open' }],
  ['an obs-fold continuation', { chunks: ['HTTP/1.1 200 OK\r\nX-A: a\r\n  folded\r\nContent-Length: 0\r\n\r\n'], ending: 'open' }],
  ...['', '3, 3', ' 3 ', '-1', '+1', '1 2', '18446744073709551616'].map((value): [string, Script] => [
    `Content-Length ${JSON.stringify(value)}`,
    { chunks: [`HTTP/1.1 200 OK\r\nContent-Length: ${value}\r\n\r\nabc`], ending: 'open' },
  ]),
  ['Content-Length twice, different', { chunks: ['HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd'], ending: 'open' }],
  ['Content-Length twice, the same', { chunks: ['HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc'], ending: 'open' }],
  ['Transfer-Encoding then Content-Length', { chunks: ['HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\nContent-Length: 3\r\n\r\nabc'], ending: 'open' }],
  ['Content-Length then Transfer-Encoding gzip', { chunks: ['HTTP/1.1 200 OK\r\nContent-Length: 0\r\nTransfer-Encoding: gzip\r\n\r\n'], ending: 'open' }],
  ['Transfer-Encoding gzip: to the connection end', { chunks: ['HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nabc'], ending: 'end' }],
  ['Transfer-Encoding chunked, gzip: to the connection end', { chunks: ['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\nabc'], ending: 'end' }],
  ['Transfer-Encoding gzip, chunked', { chunks: ['HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n'], ending: 'open' }],
  ['Transfer-Encoding CHUNKED', { chunks: ['HTTP/1.1 200 OK\r\nTransfer-Encoding: CHUNKED\r\n\r\n3\r\nabc\r\n0\r\n\r\n'], ending: 'open' }],
  ['Transfer-Encoding twice', { chunks: ['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'], ending: 'open' }],
  ...['3 ', ' 3', 'FFFFFFFFFFFFFFFFF', '00000000000000000003'].map((size): [string, Script] => [
    `chunk size ${JSON.stringify(size)}`,
    { chunks: [`${OK}Transfer-Encoding: chunked\r\n\r\n${size}\r\nabc\r\n0\r\n\r\n`], ending: 'open' },
  ]),
  ['chunk data without its CRLF', { chunks: [`${OK}Transfer-Encoding: chunked\r\n\r\n3\r\nabcX0\r\n\r\n`], ending: 'open' }],
  ['a malformed trailer', { chunks: [`${OK}Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nbad trailer\r\n\r\n`], ending: 'open' }],
  ['101 Switching Protocols', { chunks: ['HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\n\r\nxyz'], ending: 'open' }],
  ['101 without Upgrade', { chunks: ['HTTP/1.1 101 Switching Protocols\r\n\r\nxyz'], ending: 'open' }],
  ['199 first', { chunks: ['HTTP/1.1 199 Whatever\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n'], ending: 'open' }],
  ['bytes after the answer', { chunks: ['HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}extra'], ending: 'open' }],
  ['a body of 2^64-1 bytes announced, then the end', { chunks: ['HTTP/1.1 200 OK\r\nContent-Length: 18446744073709551615\r\n\r\nabc'], ending: 'end' }],
  ['closed before any byte', { chunks: [], ending: 'end' }],
  ['reset before any byte', { chunks: [], ending: 'destroy' }],
  ['closed mid-head', { chunks: ['HTTP/1.1 200 OK\r\nContent-Le'], ending: 'end' }],
  ['closed mid-body (Content-Length)', { chunks: [`${OK}Content-Length: 20\r\n\r\n{"Do`], ending: 'end' }],
  ['closed mid-body (chunked)', { chunks: [`${OK}Transfer-Encoding: chunked\r\n\r\n5\r\n{"D`], ending: 'end' }],
  ['reset mid-body', { chunks: [`${OK}Content-Length: 20\r\n\r\n{"Do`], ending: 'destroy' }],
];

describe('NetHttpHandler sees what NodeHttpHandler over node:http sees', () => {
  it.each(CASES)('%s', async (_name, scripted) => {
    const { net, node, wire } = await both(scripted);
    expect(net).toEqual(node);
    expect(wire[0]).toBe(wire[1]);
  });

  it('writes the request as node:http does, body included', async () => {
    const { wire } = await both(CASES[0]?.[1] as Script);
    expect(wire[0]).toMatch(/^POST \/ HTTP\/1\.1\r\ncontent-type: application\/x-amz-json-1\.0\r\nx-amz-target: VoiceID\.DescribeDomain\r\n/);
    expect(wire[0]).toMatch(/\r\nConnection: keep-alive\r\n\r\n\{"DomainId":"abc"\}$/);
  });

  it('a read timeout: an answer that never comes', async () => {
    const { net, node } = await both({ chunks: [], ending: 'open' }, { connectionTimeout: 0, socketTimeout: 50 });
    expect(net).toEqual(node);
    expect(net).toMatchObject({ error: { name: 'TimeoutError' } });
  });

  it('a read timeout mid-body', async () => {
    const { net, node } = await both({ chunks: [`${OK}Content-Length: 20\r\n\r\n{"Do`], ending: 'open' }, { connectionTimeout: 0, socketTimeout: 50 });
    expect(net).toEqual(node);
  });

  it('a connection refused', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port: free } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    const refused = (): HttpRequest => Object.assign(request(), { port: free });
    const net = await outcome(new NetHttpHandler(timeouts), refused());
    const node = await outcome(new NodeHttpHandler({}), refused());
    expect(net).toEqual(node);
    expect(net).toMatchObject({ error: { code: 'ECONNREFUSED', name: 'Error' } });
  });

  it('an interrupt before the request and while waiting for the answer', async () => {
    script = { chunks: [], ending: 'open' };
    const before = AbortSignal.abort();
    expect(await outcome(new NetHttpHandler(timeouts), request(), before)).toEqual(await outcome(new NodeHttpHandler({}), request(), before));
    const results: Outcome[] = [];
    for (const handler of [new NetHttpHandler(timeouts), new NodeHttpHandler({})]) {
      const controller = new AbortController();
      captured.length = 0;
      const pending = outcome(handler, request(), controller.signal);
      // Abort once the server has the request: the answer is then being waited for.
      await new Promise<void>((resolve) => {
        const poll = (): void => (captured.length > 0 ? resolve() : void setImmediate(poll));
        poll();
      });
      controller.abort();
      results.push(await pending);
    }
    expect(results[0]).toEqual(results[1]);
    expect(results[0]).toMatchObject({ error: { name: 'AbortError' } });
  });

  it('refuses a header the way node:http does', async () => {
    for (const headers of [{ 'bad name': 'v' }, { 'x-a': 'line\nbreak' }]) {
      const req = (): HttpRequest => Object.assign(request(), { headers: { ...request().headers, ...headers } });
      expect(await outcome(new NetHttpHandler(timeouts), req())).toEqual(await outcome(new NodeHttpHandler({}), req()));
    }
  });
});
