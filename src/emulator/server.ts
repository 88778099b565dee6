// voiceid-local's HTTP server: the Voice ID API on POST / and a control path for tests
// (/__voiceid-local/: health, state, faults, reset, compact; control.ts). Listens on 127.0.0.1, port 0 by default. What one
// client may cost it (body and header size, timeouts) is bounded by http-limits.ts.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { EmulatorState, type StateOptions } from './state.js';
import { ensureDefaultWatchlists, ensureDomain, type JobTiming, type OperationContext } from './operations.js';
import { errorAnswer, handleApiRequest, type ApiAnswer } from './handlers.js';
import { FaultPlan, type Fault } from './faults.js';
import { internalError, throttled } from './service-error.js';
import { answerClientError, bodyTooLarge, DEFAULT_LIMITS, rawAnswer, type ServerLimits } from './http-limits.js';
import { declaresTooLarge, readLimitedBody } from './body-reader.js';
import { CONTROL_PREFIX, control } from './control.js';
import { InFlight } from './in-flight.js';
import type { LogEntry } from './request-log.js';
import { FINAL_GENERATION } from '../model/generation.js';
import { serviceModelFor, type ServiceModel } from '../model/service-model.js';
import { JobRunner } from './jobs/runner.js';
import { openStore, type S3Options } from './s3/open-store.js';

/** The key pair voiceid-local accepts when no --credentials are given (the demo uses it). */
export const LOCAL_CREDENTIALS = { accessKeyId: 'AKIDLOCALVOICEID', secretAccessKey: 'voiceid-local-secret' } as const;
export const DEFAULT_TIMING: JobTiming = { submittedMs: 1000, durationMs: 5000 };

export interface EmulatorOptions {
  readonly host?: string;
  readonly port?: number;
  /** The state file; without one the state lives in memory. */
  readonly stateFile?: string;
  /** How the state file is kept (state.ts): journal size, failpoints, what to do when it cannot be written. */
  readonly stateOptions?: Omit<StateOptions, 'file'>;
  /** Active domains to create at start (when absent). */
  readonly domains?: readonly string[];
  /** Access key id → secret key. Default: LOCAL_CREDENTIALS. */
  readonly credentials?: ReadonlyMap<string, string>;
  readonly faults?: readonly Fault[];
  readonly accountId?: string;
  readonly region?: string;
  readonly timing?: JobTiming;
  /** Where the jobs read their input and write their output (--s3-dir, --s3-endpoint-url); without it they fail and say so. */
  readonly s3?: S3Options;
  /** The clock (tests). */
  readonly now?: () => number;
  /** Body size, header size and timeouts; each defaults to DEFAULT_LIMITS (1 MiB of body). */
  readonly limits?: Partial<ServerLimits>;
  /** Called as each request ends (voiceid-local --log). */
  readonly log?: (entry: LogEntry) => void;
}

export interface Emulator {
  readonly url: string;
  readonly port: number;
  readonly state: EmulatorState;
  readonly faults: FaultPlan;
  /** API requests answered (or dropped) so far. */
  readonly requestCount: () => number;
  /** Stops at ease: stops accepting, lets the requests under way finish (answered, their state on disk), then closes the state. */
  shutdown(): Promise<void>;
  /** Stops now: the connections are cut, requests under way get no answer; then the state is closed. */
  close(): Promise<void>;
}

/** Starts the local endpoint; resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const now = options.now ?? Date.now;
  // voiceid-local is the service itself: it follows the final model, whatever the CLI follows.
  const model = await serviceModelFor(FINAL_GENERATION);
  // Before the state file is opened: a missing --s3-dir folder stops the start here.
  const store = openStore(options.s3);
  const state = await EmulatorState.open({ ...options.stateOptions, ...(options.stateFile !== undefined ? { file: options.stateFile } : {}) });
  const faults = new FaultPlan();
  const jobs = new JobRunner({ state, store, now, timing: options.timing ?? DEFAULT_TIMING });
  for (const fault of options.faults ?? []) faults.add(fault);
  const secrets = options.credentials ?? new Map([[LOCAL_CREDENTIALS.accessKeyId, LOCAL_CREDENTIALS.secretAccessKey]]);
  const context = (region: string): OperationContext => ({
    model,
    state,
    nowMs: now(),
    // --region, else the region the request was signed for.
    region: options.region ?? region,
    accountId: options.accountId ?? '123456789012',
    timing: options.timing ?? DEFAULT_TIMING,
    jobs,
  });
  const domains = options.domains ?? [];
  try {
    for (const domainId of domains) ensureDomain(context(options.region ?? 'us-east-1'), domainId);
    ensureDefaultWatchlists(context(options.region ?? 'us-east-1'));
    await state.durable();
  } catch (error) {
    await state.close();
    throw error;
  }

  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...options.limits };
  let count = 0;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const flight = new InFlight(CONTROL_PREFIX, options.log);
  // The response of each connection's current request: once it is being written, a client error
  // behind it (a broken pipelined request) can only close the connection.
  const responses = new Map<Duplex, ServerResponse>();
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    responses.set(req.socket, res);
    res.on('close', () => {
      if (responses.get(req.socket) === res) responses.delete(req.socket);
    });
    const isControl = (req.url ?? '/').startsWith(CONTROL_PREFIX);
    flight.begin(req, res, isControl);
    void readLimitedBody(req, limits.maxBodyBytes)
      .then(async (read) => {
        if (read.kind === 'aborted') return void req.socket.destroy();
        if (!isControl) count += 1;
        // Reading stopped: answer, then close, so that the rest of the body is never read.
        if (read.kind === 'too-large') return sendAndLinger(req, tooLarge(res, flight, limits), timers);
        const body = read.body;
        if (isControl) return control(req, res, body, { state, faults, domains, flight });
        const fault = faults.next();
        if (fault?.kind === 'delay') await flight.hold(fault.delayMs ?? 1000);
        if (fault?.kind === 'drop') return void req.socket.destroy();
        const injected = injectedAnswer(fault, model);
        const reply =
          injected ??
          handleApiRequest({ method: req.method ?? 'GET', url: req.url ?? '/', headers: flatHeaders(req), body }, { model, secrets, context, nowMs: now() });
        // Nothing is answered before what it shows is on disk.
        await state.durable();
        if (fault?.kind === 'truncate') return truncated(res, reply);
        send(res, reply);
      })
      .catch(() => {
        // The state could not be saved (disk full, ...): nothing that waited for it is answered as saved.
        if (!res.headersSent) send(res, errorAnswer(internalError(model)));
      });
  };
  const headersTimeout = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  const server = createServer(
    {
      maxHeaderSize: limits.maxHeaderBytes,
      headersTimeout,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // How often Node looks for connections past the two timeouts (its default is 30 s).
      connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(headersTimeout / 4))),
      // A request without Host is refused by SigV4 (host must be signed), AWS-shaped.
      requireHostHeader: false,
    },
    onRequest,
  );
  // With a listener Node no longer answers 100-continue itself: not for a body over the limit.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (!declaresTooLarge(req, limits.maxBodyBytes)) res.writeContinue();
    onRequest(req, res);
  });
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) =>
    answerClientError(error, socket, limits, responses.get(socket)?.headersSent === true),
  );
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
  } catch (error) {
    await state.close();
    throw error;
  }
  jobs.start();
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    port,
    state,
    faults,
    requestCount: () => count,
    ...stopping(
      server,
      flight,
      () => jobs.stop().then(() => state.close()),
      (gently) => {
        for (const timer of timers) clearTimeout(timer);
        for (const socket of sockets) gently ? endSocket(socket) : socket.destroy();
      },
    ),
  };
}

// The two ways to stop; whichever comes second (a second signal) cuts the first short, and the
// job runner then the state are closed once (finishState).
function stopping(
  server: ReturnType<typeof createServer>,
  flight: InFlight,
  finishState: () => Promise<void>,
  cut: (gently: boolean) => void,
): Pick<Emulator, 'shutdown' | 'close'> {
  let closing: Promise<void> | undefined;
  const closeState = (): Promise<void> => {
    closing ??= finishState();
    return closing;
  };
  const stopServer = new Promise<void>((resolve) => server.once('close', () => resolve()));
  return {
    shutdown: async () => {
      if (server.listening) server.close(); // no new connections; idle keep-alive ones are closed
      await flight.stop();
      cut(true);
      await stopServer;
      await closeState();
    },
    close: async () => {
      if (server.listening) server.close();
      cut(false);
      await stopServer;
      await closeState();
    },
  };
}

/** Closes a connection once what was written on it has reached the kernel. */
function endSocket(socket: Socket): void {
  if (socket.destroyed) return;
  if (socket.writableEnded) return void socket.destroy();
  socket.once('finish', () => socket.destroy());
  socket.end();
}

function tooLarge(res: ServerResponse, flight: InFlight, limits: ServerLimits): ApiAnswer {
  const reply = errorAnswer(bodyTooLarge(limits.maxBodyBytes));
  flight.answeredRaw(res, reply.status, reply.headers['x-amzn-ErrorType']);
  return reply;
}

function injectedAnswer(fault: Fault | undefined, model: ServiceModel): ApiAnswer | undefined {
  switch (fault?.kind) {
    case 'throttle':
      return errorAnswer(throttled(model));
    case 'internal':
      return errorAnswer(internalError(model));
    case 'unavailable':
      return { status: 503, headers: { 'Content-Type': 'text/html' }, body: '' };
    default:
      return undefined;
  }
}

function truncated(res: ServerResponse, reply: ApiAnswer): void {
  const cut = reply.body.slice(0, Math.max(1, Math.floor(reply.body.length / 2)));
  res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(Buffer.byteLength(cut)) });
  res.end(cut);
}

function send(res: ServerResponse, reply: ApiAnswer): void {
  // Set one by one, so that the request log can read the error type back (getHeader).
  for (const [name, value] of Object.entries(reply.headers)) res.setHeader(name, value);
  res.setHeader('Content-Length', String(Buffer.byteLength(reply.body)));
  res.writeHead(reply.status);
  res.end(reply.body);
}

/** How long, and for how many bytes, the rest of a refused body is read and dropped. */
const LINGER_MS = 2000;
const LINGER_BYTES = 64 * 1024 * 1024;

// An answer given before the body was read (the 413): the client may still be sending. Closing
// at once would make the kernel reset the connection on the next bytes, and a reset can destroy
// the answer in the client's receive buffer before it reads it. So, as web servers do (lingering
// close), the answer is written on the socket with `Connection: close` and this side is ended
// (the socket stays readable: Node's HTTP sockets allow half-open), and what still comes is read
// and dropped, memory flat, for a bounded time and size; then the socket is destroyed.
function sendAndLinger(req: IncomingMessage, reply: ApiAnswer, timers: Set<NodeJS.Timeout>): void {
  const socket = req.socket;
  let dropped = 0;
  const stop = (): void => {
    clearTimeout(timer);
    timers.delete(timer);
    socket.destroy();
  };
  const timer = setTimeout(stop, LINGER_MS);
  timers.add(timer);
  socket.end(rawAnswer(reply));
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > LINGER_BYTES) stop();
  });
  req.once('end', stop);
  socket.once('end', stop);
  req.resume();
}

// Without a prototype: a header named `constructor` or `__proto__` is just a header.
function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return out;
}
