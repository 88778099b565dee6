// A scripted Voice ID endpoint on 127.0.0.1 for the golden cases: a TypeScript port of
// ../shared/conformance/fake_voiceid.py. It answers every request with the next scripted
// response (the last one repeats), records each request and checks its SigV4 signature.
// It is a recorder with canned answers, not an emulator: it never validates parameters.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { STATUS_CODES, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** Access key id → secret access key, for every key the cases use (same as fake_voiceid.py). */
export const SECRETS: Readonly<Record<string, string>> = {
  AKIDEXAMPLE: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  AKIDPROFILE: 'profile-secret-key',
  AKIDOTHER: 'other-secret-key',
  AKIDSESSION: 'session-secret-key',
};

/** The answer used when a case scripts none (DEFAULT_RESPONSE in conformance.py). */
export const DEFAULT_RESPONSE: ScriptedResponse = {
  status: 200,
  body: {
    Job: {
      CreatedAt: 1732554209.123456,
      DataAccessRoleArn: 'arn:aws:iam::123456789012:role/VoiceIdRole',
      DomainId: 'abcdefghij0123456789AB',
      EnrollmentConfig: {
        ExistingEnrollmentAction: 'SKIP',
        FraudDetectionConfig: { FraudDetectionAction: 'FAIL', RiskThreshold: 50 },
      },
      InputDataConfig: { S3Uri: 's3://voiceid-input/manifest.json' },
      JobId: 'job-0123456789abcdefghijk',
      JobName: 'nightly-enrollment',
      JobProgress: { PercentComplete: 0 },
      JobStatus: 'SUBMITTED',
      OutputDataConfig: { KmsKeyId: 'alias/voiceid', S3Uri: 's3://voiceid-output/results' },
    },
  },
};

/** One scripted answer: a JSON body, a raw body, a dropped connection, or none at all. */
export interface ScriptedResponse {
  status?: number;
  body?: unknown;
  raw?: string;
  drop?: boolean;
  /**
   * Never answer: the connection stays open until the client gives up or the fake closes. For
   * cases where only the client's own timeout or a signal may end the call.
   */
  hang?: boolean;
  headers?: Record<string, string>;
  /** Seconds to wait before answering. */
  delay?: number;
}

export type SignatureCheck = 'unsigned' | 'valid' | `invalid: ${string}`;

export interface RecordedRequest {
  method: string;
  path: string;
  target: string | null;
  contentType: string | null;
  signature: SignatureCheck;
  /** `akid/region/service` from the Authorization header, or null when unsigned. */
  credentialScope: string | null;
  securityToken: string | null;
  body: string;
  /** Header name/value pairs exactly as received, in order. */
  rawHeaders: Array<[string, string]>;
}

export interface FakeVoiceId {
  readonly url: string;
  readonly port: number;
  /** Every request since the last script() call. */
  readonly requests: readonly RecordedRequest[];
  /** Sets the answers (empty or missing: DEFAULT_RESPONSE) and forgets recorded requests. */
  script(responses?: readonly ScriptedResponse[] | null): void;
  /** Resolves once `count` requests have arrived (whole, before any answer) since the last script(). */
  received(count: number): Promise<void>;
  close(): Promise<void>;
}

export interface FakeVoiceIdOptions {
  secrets?: Readonly<Record<string, string>>;
}

const AUTH_RE =
  /^AWS4-HMAC-SHA256 Credential=(?<akid>[^/]+)\/(?<date>\d{8})\/(?<region>[^/]+)\/(?<service>[^/]+)\/aws4_request, ?SignedHeaders=(?<signed>[^,]+), ?Signature=(?<sig>[0-9a-f]+)/;

const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, msg: string): Buffer => createHmac('sha256', key).update(msg, 'utf8').digest();

/** Python's `' '.join(s.strip().split())`: trims and collapses whitespace runs. */
const collapseSpaces = (value: string): string => value.trim().split(/\s+/).filter(Boolean).join(' ');

/**
 * Recomputes the SigV4 signature of a request (port of check_sigv4 in fake_voiceid.py).
 * @param headers lower-case header names.
 */
export function checkSigV4(
  method: string,
  path: string,
  headers: Readonly<Record<string, string>>,
  body: Buffer,
  secrets: Readonly<Record<string, string>>,
): SignatureCheck {
  const auth = headers.authorization;
  if (!auth) return 'unsigned';
  const m = AUTH_RE.exec(auth)?.groups;
  if (!m) return 'invalid: malformed Authorization header';
  const akid = m.akid ?? '';
  const secret = Object.hasOwn(secrets, akid) ? secrets[akid] : undefined;
  if (secret === undefined) return `invalid: unknown access key ${akid}`;
  const signedList = m.signed ?? '';
  const canonHeaders = signedList
    .split(';')
    .map((name) => `${name}:${collapseSpaces(headers[name] ?? '')}\n`)
    .join('');
  const q = path.indexOf('?');
  const pathOnly = q < 0 ? path : path.slice(0, q);
  const query = q < 0 ? '' : path.slice(q + 1);
  const canonQuery = query ? query.split('&').sort().join('&') : '';
  const canonical = [method, pathOnly || '/', canonQuery, canonHeaders, signedList, sha256Hex(body)].join('\n');
  const scope = `${m.date}/${m.region}/${m.service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', headers['x-amz-date'] ?? '', scope, sha256Hex(canonical)].join('\n');
  let key = hmac(`AWS4${secret}`, m.date ?? '');
  for (const part of [m.region ?? '', m.service ?? '', 'aws4_request']) key = hmac(key, part);
  const expected = Buffer.from(createHmac('sha256', key).update(toSign, 'utf8').digest('hex'));
  const given = Buffer.from(m.sig ?? '');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid: signature mismatch';
  return 'valid';
}

/** Header pairs in Python dict-update order: a name replaces only an exact-case match. */
function responseHeaders(extra: Record<string, string> | undefined): Array<[string, string]> {
  const headers: Array<[string, string]> = [
    ['Content-Type', 'application/x-amz-json-1.0'],
    ['x-amzn-RequestId', '11111111-2222-3333-4444-555555555555'],
  ];
  for (const [name, value] of Object.entries(extra ?? {})) {
    const slot = headers.find(([n]) => n === name);
    if (slot) slot[1] = value;
    else headers.push([name, value]);
  }
  return headers;
}

function pairs(raw: readonly string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i] ?? '', raw[i + 1] ?? '']);
  return out;
}

class FakeVoiceIdServer implements FakeVoiceId {
  url = '';
  port = 0;
  requests: RecordedRequest[] = [];
  private responses: ScriptedResponse[] = [DEFAULT_RESPONSE];
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private waiters: Array<{ count: number; resolve: () => void }> = [];
  private closed = false;
  private readonly server = createServer({ keepAliveTimeout: 5_000 }, (req, res) => this.handle(req, res));

  constructor(private readonly secrets: Readonly<Record<string, string>>) {
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      // A client that vanishes mid-request must not crash the test process.
      socket.on('error', () => undefined);
    });
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    this.url = `http://127.0.0.1:${this.port}`;
    return this;
  }

  script(responses?: readonly ScriptedResponse[] | null): void {
    this.responses = responses && responses.length > 0 ? [...responses] : [DEFAULT_RESPONSE];
    this.requests = [];
  }

  received(count: number): Promise<void> {
    if (this.requests.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  private wakeWaiters(): void {
    const ready = this.waiters.filter((w) => this.requests.length >= w.count);
    this.waiters = this.waiters.filter((w) => this.requests.length < w.count);
    for (const waiter of ready) waiter.resolve();
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => undefined);
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const headers: Record<string, string> = {};
      for (const [name, value] of pairs(req.rawHeaders)) {
        const lower = name.toLowerCase();
        if (!(lower in headers)) headers[lower] = value; // first one wins, like Python's Message.get
      }
      const method = req.method ?? 'POST';
      const path = req.url ?? '/';
      const auth = AUTH_RE.exec(headers.authorization ?? '')?.groups;
      this.requests.push({
        method,
        path,
        target: headers['x-amz-target'] ?? null,
        contentType: headers['content-type'] ?? null,
        signature: checkSigV4(method, path, headers, body, this.secrets),
        credentialScope: auth ? `${auth.akid}/${auth.region}/${auth.service}` : null,
        securityToken: headers['x-amz-security-token'] ?? null,
        body: body.toString('utf8'),
        rawHeaders: pairs(req.rawHeaders),
      });
      this.wakeWaiters();
      const index = this.requests.length - 1;
      const spec = this.responses[Math.min(index, this.responses.length - 1)] ?? {};
      const delayMs = (spec.delay ?? 0) * 1000;
      if (delayMs > 0) {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          this.answer(req, res, spec);
        }, delayMs);
        this.timers.add(timer);
      } else {
        this.answer(req, res, spec);
      }
    });
  }

  private answer(req: IncomingMessage, res: ServerResponse, spec: ScriptedResponse): void {
    if (this.closed || req.socket.destroyed || spec.hang) return;
    if (spec.drop) {
      // Close the connection without an answer (FIN, like socket.shutdown in the Python fake).
      req.socket.end();
      req.socket.destroy();
      return;
    }
    const status = spec.status ?? 200;
    const out = Buffer.from(spec.raw !== undefined ? spec.raw : JSON.stringify(spec.body ?? {}), 'utf8');
    const headers = responseHeaders(spec.headers);
    headers.push(['Content-Length', String(out.length)]);
    res.writeHead(status, STATUS_CODES[status] ?? '', headers.flat());
    res.end(out);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const done = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    for (const socket of this.sockets) socket.destroy();
    await done;
  }
}

/** Starts a fake endpoint on 127.0.0.1 with an OS-chosen port. */
export async function startFakeVoiceId(options: FakeVoiceIdOptions = {}): Promise<FakeVoiceId> {
  return new FakeVoiceIdServer(options.secrets ?? SECRETS).listen();
}
