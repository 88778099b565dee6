// Hostile requests for voiceid-local, sent over raw sockets (node:net), so that a test controls
// every byte: the body, the headers, a request line no client would send, a body that trickles
// or never ends. Signed requests are signed by the AWS SDK's own SigV4 signer (not by the
// endpoint's verifier): a build-step middleware swaps in any body and target before signing, and
// a deserialize-step middleware takes the signed request instead of sending it.
import { connect, type Socket } from 'node:net';
import { ListDomainsCommand, type ServiceInputTypes, type ServiceOutputTypes, type VoiceIDClient } from '@aws-sdk/client-voice-id';
import type { BuildMiddleware, DeserializeMiddleware } from '@smithy/types';
import { localClient } from './voiceid-client.js';

export interface RawRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** What a socket got: the answer (if a whole one arrived) and whether the server closed. */
export interface Exchange {
  readonly response?: RawResponse;
  readonly raw: string;
}

class Captured extends Error {
  constructor(readonly request: RawRequest) {
    super('captured');
  }
}

/** Signs requests as the SDK would send them to `url`, with any target and body. */
export class RequestSigner {
  private readonly client: VoiceIDClient;
  private next: { target: string; body: Buffer } = { target: '', body: Buffer.alloc(0) };

  constructor(url: string, credentials?: { accessKeyId: string; secretAccessKey: string }) {
    this.client = localClient(url, credentials);
    const replace: BuildMiddleware<ServiceInputTypes, ServiceOutputTypes> = (next) => async (args) => {
      const http = args.request as { body?: unknown; headers: Record<string, string> };
      http.body = this.next.body;
      http.headers['x-amz-target'] = this.next.target;
      http.headers['content-length'] = String(this.next.body.length);
      return next(args);
    };
    this.client.middlewareStack.addRelativeTo(replace, { relation: 'after', toMiddleware: 'contentLengthMiddleware', name: 'rawBodyMiddleware' });
    const capture: DeserializeMiddleware<ServiceInputTypes, ServiceOutputTypes> = () => async (args) => {
      const http = args.request as { method: string; path: string; headers: Record<string, string>; body: Buffer };
      throw new Captured({ method: http.method, path: http.path, headers: { ...http.headers }, body: http.body });
    };
    this.client.middlewareStack.add(capture, { step: 'deserialize', priority: 'low', name: 'captureMiddleware' });
  }

  async sign(target: string, body: string | Buffer): Promise<RawRequest> {
    this.next = { target, body: Buffer.isBuffer(body) ? body : Buffer.from(body) };
    try {
      await this.client.send(new ListDomainsCommand({}));
    } catch (error) {
      if (error instanceof Captured) return error.request;
      throw error;
    }
    throw new Error('the request was sent instead of captured');
  }

  destroy(): void {
    this.client.destroy();
  }
}

/** The bytes of a request; `Connection: close` added (SigV4 never signs it). */
export function requestBytes(request: RawRequest): Buffer {
  const headers = { ...request.headers, connection: 'close' };
  const head = [`${request.method} ${request.path} HTTP/1.1`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)].join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`), request.body]);
}

/** Parses the first HTTP response in `raw`, when a whole one is there. */
export function parseResponse(raw: string): RawResponse | undefined {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine = '', ...lines] = raw.slice(0, end).split('\r\n');
  const status = /^HTTP\/1\.1 (\d{3})/.exec(statusLine);
  if (!status) return undefined;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? 0);
  const body = Buffer.from(raw.slice(end + 4), 'latin1');
  if (body.length < length) return undefined;
  return { status: Number(status[1]), headers, body: body.subarray(0, length).toString('utf8') };
}

/**
 * Opens a connection, lets `drive` write to it, and resolves once the server has closed it (or
 * `untilAnswer` and a whole answer arrived). Never rejects: a reset is a close.
 */
export function exchange(port: number, drive: (socket: Socket) => void, untilAnswer = false): Promise<Exchange> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let raw = '';
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      socket.destroy();
      const response = parseResponse(raw);
      resolve(response ? { response, raw } : { raw });
    };
    socket.on('data', (chunk: Buffer) => {
      raw += chunk.toString('latin1');
      if (untilAnswer && parseResponse(raw)) finish();
    });
    socket.on('error', () => undefined);
    socket.on('close', finish);
    socket.on('connect', () => drive(socket));
  });
}

/** Sends bytes and waits for the server to close the connection. */
export function send(port: number, bytes: Buffer | string): Promise<Exchange> {
  return exchange(port, (socket) => socket.write(bytes));
}
