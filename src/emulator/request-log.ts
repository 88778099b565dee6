// voiceid-local --log: one line per request on stderr, e.g.
//   2026-07-01T12:00:00.123Z POST CreateDomain 200 3.1ms
//   2026-07-01T12:00:00.130Z POST DescribeDomain 400 ResourceNotFoundException 0.8ms
//   2026-07-01T12:00:00.200Z GET /__voiceid-local/state 200 1.2ms
//   2026-07-01T12:00:00.300Z POST StartSpeakerEnrollmentJob - dropped 1000.4ms
// The time is when the request came; then the method, the operation (X-Amz-Target) or the control
// path, the status (`-` when the connection closed without an answer), the error type if any, the
// duration. Never a header value but the target, a query string or a body: no secret is logged.
// Lines are written by a RequestLog: batched and written asynchronously, so a slow reader of stderr
// never holds up a request; past a bound of unwritten text, lines are counted and dropped instead.
import { write } from 'node:fs';

export interface LogEntry {
  readonly startedAtMs: number;
  readonly method: string;
  /** The operation name, or the control path. */
  readonly what: string;
  readonly status?: number;
  readonly errorType?: string;
  readonly durationMs: number;
}

/** What a request is, for its line: the operation an X-Amz-Target names, or the control path (no query). */
export function requestName(url: string, target: string | undefined, controlPrefix: string): string {
  if (url.startsWith(controlPrefix)) return printable(url.split('?')[0] as string);
  const operation = /^VoiceID\.([A-Za-z]{1,64})$/.exec(target ?? '')?.[1];
  return operation ?? (target === undefined || target === '' ? '-' : '(unknown target)');
}

export function formatLogLine(entry: LogEntry): string {
  const status = entry.status === undefined ? '- dropped' : String(entry.status);
  const type = entry.errorType ? ` ${printable(entry.errorType)}` : '';
  return `${new Date(entry.startedAtMs).toISOString()} ${printable(entry.method)} ${entry.what} ${status}${type} ${entry.durationMs.toFixed(1)}ms\n`;
}

/** At most this much unwritten log text is kept; past it, lines are dropped (and counted). */
const MAX_PENDING_CHARS = 1024 * 1024;

/** How long to wait before writing again to a full non-blocking pipe. */
const RETRY_MS = 5;

/** A line writer for a file descriptor that never blocks the event loop. */
export class RequestLog {
  private pending: string[] = [];
  private pendingChars = 0;
  private dropped = 0;
  private writing = false;

  constructor(private readonly fd: number = 2) {}

  add(line: string): void {
    if (this.pendingChars + line.length > MAX_PENDING_CHARS) {
      this.dropped += 1;
      return;
    }
    this.pending.push(line);
    this.pendingChars += line.length;
    if (!this.writing) {
      this.writing = true;
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    if (this.dropped > 0) {
      this.pending.push(`${new Date().toISOString()} voiceid-local: ${this.dropped} log lines dropped (stderr too slow)\n`);
      this.dropped = 0;
    }
    const text = Buffer.from(this.pending.join(''));
    this.pending = [];
    this.pendingChars = 0;
    this.writing = true;
    this.writeFrom(text, 0);
  }

  private writeFrom(text: Buffer, offset: number): void {
    if (offset >= text.length) {
      this.writing = false;
      if (this.pending.length > 0 || this.dropped > 0) this.flush();
      return;
    }
    write(this.fd, text, offset, text.length - offset, null, (error, written) => {
      // EAGAIN (a non-blocking pipe that is full): try again on a later turn; any other error
      // (stderr closed) drops the text, as there is nowhere to say it.
      if (error && (error as NodeJS.ErrnoException).code === 'EAGAIN') return void setTimeout(() => this.writeFrom(text, offset), RETRY_MS);
      this.writeFrom(text, error ? text.length : offset + written);
    });
  }
}

/** A field of a line: printable ASCII only (anything else as `?`), at most 200 characters. */
function printable(text: string): string {
  const cut = text.length > 200 ? `${text.slice(0, 200)}...` : text;
  return cut.replace(/[^\x21-\x7e]/g, '?');
}
