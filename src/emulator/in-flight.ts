// The requests voiceid-local is answering: how many, their log lines (request-log.ts) as each
// ends, and the graceful stop: once stopping, every answer still to come says `Connection: close`,
// requests held by a delay fault are let go at once, and stop() resolves when the last one has
// ended (its answer written: an answer goes out only once what it shows is on disk).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestName, type LogEntry } from './request-log.js';

export class InFlight {
  private readonly open = new Set<ServerResponse>();
  private readonly holds = new Set<() => void>();
  /** Answers written without the response object (the 413 of a body too large): status and error type. */
  private readonly raw = new WeakMap<ServerResponse, { status: number; errorType?: string }>();
  private idle: (() => void)[] = [];
  private apiCount = 0;
  private stopping = false;

  constructor(
    private readonly controlPrefix: string,
    private readonly log?: (entry: LogEntry) => void,
  ) {}

  /** API requests being answered now. */
  get api(): number {
    return this.apiCount;
  }

  begin(req: IncomingMessage, res: ServerResponse, isControl: boolean): void {
    const startedAtMs = Date.now();
    const started = performance.now();
    this.open.add(res);
    if (!isControl) this.apiCount += 1;
    if (this.stopping) res.setHeader('Connection', 'close');
    res.once('close', () => {
      this.open.delete(res);
      if (!isControl) this.apiCount -= 1;
      if (this.log) this.log(this.entry(req, res, startedAtMs, performance.now() - started));
      if (this.open.size === 0) for (const resolve of this.idle.splice(0)) resolve();
    });
  }

  /** Notes an answer written straight on the socket. */
  answeredRaw(res: ServerResponse, status: number, errorType: string | undefined): void {
    this.raw.set(res, { status, ...(errorType ? { errorType } : {}) });
  }

  /** Waits `ms` (a delay fault), or less if it stops meanwhile. */
  hold(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const release = (): void => {
        clearTimeout(timer);
        this.holds.delete(release);
        resolve();
      };
      const timer = setTimeout(release, ms);
      this.holds.add(release);
    });
  }

  /** Stops taking requests at ease: resolves once every request under way has ended. */
  stop(): Promise<void> {
    this.stopping = true;
    for (const res of this.open) if (!res.headersSent) res.setHeader('Connection', 'close');
    for (const release of [...this.holds]) release();
    if (this.open.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private entry(req: IncomingMessage, res: ServerResponse, startedAtMs: number, durationMs: number): LogEntry {
    const raw = this.raw.get(res);
    const header = res.getHeader('x-amzn-ErrorType');
    const errorType = raw ? raw.errorType : typeof header === 'string' ? header : undefined;
    const status = raw?.status ?? (res.headersSent ? res.statusCode : undefined);
    const target = req.headers['x-amz-target'];
    return {
      startedAtMs,
      method: req.method ?? '-',
      what: requestName(req.url ?? '/', Array.isArray(target) ? target[0] : target, this.controlPrefix),
      ...(status !== undefined ? { status } : {}),
      ...(errorType ? { errorType: errorType.split(':')[0] as string } : {}),
      durationMs,
    };
  }
}
