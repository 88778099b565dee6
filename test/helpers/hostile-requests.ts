// Malformed and oversized requests for voiceid-local, drawn from a seeded generator so that a run
// can be repeated: random bytes, truncated JSON, deep nesting, huge strings within the body cap,
// wrong JSON types, unknown members, bad headers, bad targets, bad signatures, partial and
// trickled requests, and valid starts in between (whose jobs must survive all the rest). Used by
// test/emulator/fuzz.test.ts and scripts/bench-emulator-hostile.ts.
import type { Socket } from 'node:net';
import { type RawRequest, type RequestSigner, requestBytes } from './raw-http.js';

/** How a hostile request is sent: whole (then the client half-closes), or partly and then held open. */
export type Delivery = 'whole' | 'hang' | 'trickle';

export interface HostileRequest {
  readonly kind: string;
  readonly bytes: Buffer;
  readonly delivery: Delivery;
  /** A valid start: its answer holds a job that must still be there at the end. */
  readonly validStart?: boolean;
}

/** A small seeded PRNG (mulberry32): numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const START = 'VoiceID.StartSpeakerEnrollmentJob';
const TARGETS = [
  'VoiceID.constructor',
  'VoiceID.toString',
  'VoiceID.__proto__',
  'VoiceID.hasOwnProperty',
  'VoiceID.DescribeDomain.Extra',
  'voiceid.DescribeDomain',
  'VoiceID.',
  'VoiceID',
  '.DescribeDomain',
  'VoiceID.DeleteDomains',
  'VoiceID.StartSpeakerEnrollmentJob ',
  '',
];
const JSON_VALUES: readonly unknown[] = [null, true, 0, -1.5, 1e308, 'x', '', [], [1, 'a'], {}, { a: 1 }];
const CHARS = 'aZ09-_ é😀\u0000\u0085"\\/';

/**
 * The hostile requests of one run: request `index` is drawn from its own seeded PRNG, so that the
 * same seed gives the same requests whatever order concurrent senders ask for them in.
 */
export class HostileRequests {
  constructor(
    private readonly seed: number,
    private readonly signer: RequestSigner,
    private readonly domainId: string,
  ) {}

  /** Request number `index` of the run. */
  request(index: number): Promise<HostileRequest> {
    return new HostileDraw(seededRandom(this.seed * 1_000_003 + index), this.signer, this.domainId, `fuzz-${this.seed}-${index}`).next();
  }
}

class HostileDraw {
  private serial = 0;

  constructor(
    private readonly random: () => number,
    private readonly signer: RequestSigner,
    private readonly domainId: string,
    private readonly tokenPrefix: string,
  ) {}

  private int(below: number): number {
    return Math.floor(this.random() * below);
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  private bytes(count: number): Buffer {
    return Buffer.from(Array.from({ length: count }, () => this.int(256)));
  }

  // A random run of 64 characters, repeated to the length (cheap for long strings).
  private text(length: number): string {
    const chars = [...CHARS];
    const run = Array.from({ length: 64 }, () => this.pick(chars)).join('');
    return run.repeat(Math.ceil(length / run.length)).slice(0, length);
  }

  /** A valid start body with a token of its own. */
  private startBody(): Record<string, unknown> {
    this.serial += 1;
    return {
      DomainId: this.domainId,
      DataAccessRoleArn: 'arn:aws:iam::123456789012:role/VoiceIdRole',
      InputDataConfig: { S3Uri: 's3://voiceid-input/manifest.json' },
      OutputDataConfig: { S3Uri: 's3://voiceid-output/results' },
      ClientToken: `${this.tokenPrefix}-${this.serial}`,
    };
  }

  private async signed(target: string, body: string | Buffer): Promise<RawRequest> {
    return this.signer.sign(target, body);
  }

  private deep(levels: number): string {
    const open = this.random() < 0.5 ? '[' : '{"a":';
    const close = open === '[' ? ']' : '}';
    return `${open.repeat(levels)}1${close.repeat(levels)}`;
  }

  async next(): Promise<HostileRequest> {
    const kind = this.pick(KINDS);
    const whole = (bytes: Buffer, extra: Partial<HostileRequest> = {}): HostileRequest => ({ kind, bytes, delivery: 'whole', ...extra });
    switch (kind) {
      case 'random-bytes':
        return whole(this.bytes(1 + this.int(4096)));
      case 'random-after-request-line':
        return whole(Buffer.concat([Buffer.from('POST / HTTP/1.1\r\n'), this.bytes(1 + this.int(2048))]));
      case 'truncated-json': {
        const text = JSON.stringify(this.startBody());
        return whole(requestBytes(await this.signed(START, text.slice(0, this.int(text.length)))));
      }
      case 'deep-nesting': {
        const body = { ...this.startBody(), EnrollmentConfig: { Unknown: '__DEEP__' } };
        const text = JSON.stringify(body).replace('"__DEEP__"', this.deep(60 + this.int(3000)));
        return whole(requestBytes(await this.signed(START, text)));
      }
      case 'huge-string': {
        const member = this.pick(['JobName', 'DataAccessRoleArn', 'ClientToken', 'DomainId']);
        const body = { ...this.startBody(), [member]: this.text(1000 + this.int(200_000)) };
        return whole(requestBytes(await this.signed(START, JSON.stringify(body))));
      }
      case 'wrong-types': {
        const body: Record<string, unknown> = this.startBody();
        const member = this.pick(['DomainId', 'JobName', 'InputDataConfig', 'OutputDataConfig', 'EnrollmentConfig', 'ClientToken']);
        body[member] = this.pick(JSON_VALUES);
        if (this.random() < 0.3) body.EnrollmentConfig = { FraudDetectionConfig: { RiskThreshold: this.pick(JSON_VALUES) } };
        return whole(requestBytes(await this.signed(START, JSON.stringify(body))));
      }
      case 'unknown-members': {
        const body: Record<string, unknown> = this.startBody();
        for (let i = 0; i < 5; i += 1) body[`Extra${i}`] = this.text(this.int(50_000));
        body.EnrollmentConfig = { ExistingEnrollmentAction: 'SKIP', Unknown: { deeper: [this.text(100)] } };
        return whole(requestBytes(await this.signed(START, JSON.stringify(body))), { validStart: true });
      }
      case 'non-object-json':
        return whole(requestBytes(await this.signed(START, JSON.stringify(this.pick(JSON_VALUES)))));
      case 'bad-target':
        return whole(requestBytes(await this.signed(this.random() < 0.8 ? this.pick(TARGETS) : this.text(20), JSON.stringify(this.startBody()))));
      case 'bad-signature': {
        const request = await this.signed(START, JSON.stringify(this.startBody()));
        const authorization = request.headers.authorization ?? '';
        const flipped = `${authorization.slice(0, -1)}${authorization.endsWith('0') ? '1' : '0'}`;
        const variants: RawRequest[] = [
          { ...request, headers: { ...request.headers, authorization: flipped } },
          { ...request, body: Buffer.from(JSON.stringify({ ...this.startBody(), JobName: 'swapped' })) },
          { ...request, headers: { ...request.headers, authorization: authorization.slice(0, this.int(authorization.length)) } },
          { ...request, headers: { ...request.headers, 'x-amz-date': this.pick(['', '2020', '20200101T000000Z', 'x'.repeat(40)]) } },
        ];
        const variant = this.pick(variants);
        return whole(requestBytes({ ...variant, headers: { ...variant.headers, 'content-length': String(variant.body.length) } }));
      }
      case 'bad-headers': {
        const request = await this.signed(START, JSON.stringify(this.startBody()));
        const mangle = this.pick([
          { 'content-type': 'text/plain' },
          { 'content-type': '' },
          { 'content-length': '-1' },
          { 'content-length': 'abc' },
          { 'transfer-encoding': 'gzip, chunked, x' },
          { 'x-amz-target': `${START}\u0000` },
          { host: '' },
          Object.fromEntries([
            ['constructor', 'x'],
            ['__proto__', 'y'],
          ]),
        ] as Record<string, string>[]);
        return whole(requestBytes({ ...request, headers: { ...request.headers, ...mangle } }));
      }
      case 'header-overflow':
        return whole(Buffer.from(`POST / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(17_000 + this.int(50_000))}\r\n\r\n`));
      case 'oversized': {
        const size = 1024 * 1024 + 1 + this.int(10 * 1024 * 1024);
        return whole(Buffer.from(`POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: ${size}\r\n\r\n{"a":`));
      }
      case 'oversized-chunked': {
        const chunk = Buffer.alloc(256 * 1024, 0x20);
        const head = Buffer.from('POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n');
        const chunks = Array.from({ length: 5 }, () => Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]));
        return whole(Buffer.concat([head, ...chunks]));
      }
      case 'bad-path': {
        const request = await this.signed(START, JSON.stringify(this.startBody()));
        return whole(requestBytes({ ...request, path: this.pick(['/%ZZ', '/%', '/%E0%A4%A', '/a/../b', '//', '/?a=%ZZ&b', '/\u00e9']) }));
      }
      case 'bad-method': {
        const request = await this.signed(START, JSON.stringify(this.startBody()));
        return whole(requestBytes({ ...request, method: this.pick(['GET', 'PUT', 'DELETE', 'OPTIONS', 'FOO']) }));
      }
      case 'partial-body': {
        const bytes = requestBytes(await this.signed(START, JSON.stringify(this.startBody())));
        return { kind, bytes: bytes.subarray(0, bytes.length - 1 - this.int(100)), delivery: 'hang' };
      }
      case 'partial-headers':
        return { kind, bytes: Buffer.from(`POST / HTTP/1.1\r\nHost: x\r\nX-${this.int(1000)}: `), delivery: 'hang' };
      case 'trickle':
        return { kind, bytes: Buffer.from(`POST / HTTP/1.1\r\nHost: x\r\nX-Slow: ${'a'.repeat(1000)}`), delivery: 'trickle' };
      default:
        return whole(requestBytes(await this.signed(START, JSON.stringify(this.startBody()))), { validStart: true });
    }
  }
}

/** Each kind is drawn alike; the hanging ones are rarer, as they tie up a connection each until its timeout. */
const KINDS = [
  'random-bytes',
  'random-after-request-line',
  'truncated-json',
  'deep-nesting',
  'huge-string',
  'wrong-types',
  'unknown-members',
  'non-object-json',
  'bad-target',
  'bad-signature',
  'bad-headers',
  'header-overflow',
  'oversized',
  'oversized-chunked',
  'bad-path',
  'bad-method',
  'valid-start',
  'valid-start',
  'partial-body',
  'partial-headers',
  'trickle',
] as const;

/**
 * Writes a hostile request: whole, then the write side is closed (a request the server can still
 * wait on sees its end); or part of one, held open (hang), or dripped a byte every 100 ms
 * (trickle) until the server closes the connection.
 */
export function deliver(request: HostileRequest, socket: Socket): void {
  if (request.delivery === 'whole') {
    socket.end(request.bytes);
    return;
  }
  if (request.delivery === 'hang') {
    socket.write(request.bytes);
    return;
  }
  let at = 0;
  const drip = (): void => {
    if (socket.destroyed || at >= request.bytes.length) return;
    socket.write(request.bytes.subarray(at, at + 1));
    at += 1;
    setTimeout(drip, 100);
  };
  drip();
}
