// The edge between the pure core and the process, as types: environment, files, streams, clock,
// randomness, child processes and the credential chain's plain HTTP. run() receives an Io; tests
// pass a memory Io, bin/ passes nodeIo() (src/node-io.ts). No I/O here.
import type { ZoneSource } from './values/py-local-zone.js';

export type Env = Readonly<Record<string, string | undefined>>;

export interface Io {
  readonly env: Env;
  readonly cwd: string;
  readonly stdoutIsTTY: boolean;
  readonly stdinIsTTY: boolean;
  /** Terminal columns of stdout when it is a TTY. */
  readonly stdoutColumns: number | undefined;
  writeStdout(text: string): void;
  writeStderr(text: string): void;
  /** Reads a file; rejects with the Node error (its `code` is the errno name). */
  readFile(path: string): Promise<Uint8Array>;
  homedir(): string;
  /** `uname -s`, `uname -r`, `uname -m`. */
  readonly platform: { readonly system: string; readonly release: string; readonly machine: string };
  readonly nodeVersion: string;
  now(): Date;
  randomUuid(): string;
  /** Aborted on SIGINT. */
  readonly interrupt: AbortSignal;
  /** The process ends as soon as run() has answered (bin/aws-voiceid.js): its connections need no closing. */
  readonly endsWithRun?: boolean;
  /** Reads a small file at once (the local time zone's TZif file); undefined when it cannot. */
  readFileSync(path: string): Uint8Array | undefined;
  /** The terminal for the interactive auto-prompt (stdin in raw mode). */
  promptIo(): PromptIo;
  /** Told of an error that is not a CliError, i.e. a bug of ours (tests fail on it). */
  readonly onUnexpectedError?: (error: unknown) => void;
  /** Runs a pager (no shell) with `text` on its stdin and our stdout/stderr; rejects with the spawn error. */
  runPager(argv: readonly string[], env: Env, text: string): Promise<void>;
  /** Runs a program (no shell) with our stdin and captures its output; rejects with the spawn error (its `code` is the errno name). */
  runProcess(argv: readonly string[], env: Env): Promise<ProcessResult>;
  /** One plain HTTP(S) exchange without retries or proxies (the container and instance metadata services). */
  httpExchange(request: HttpExchange): Promise<HttpAnswer>;
  /** Resolves after `ms` milliseconds (the credential chain's waits between retries). */
  sleep(ms: number): Promise<void>;
  /** NODE_EXTRA_CA_CERTS when bin/aws-voiceid kept it from node's start-up: read at the first TLS connection. */
  readonly deferredExtraCaCerts?: string;
}

export interface ProcessResult {
  readonly exitCode: number;
  readonly stdout: Uint8Array;
  readonly stderr: Uint8Array;
}

export interface HttpExchange {
  readonly method: 'GET' | 'PUT';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Socket inactivity allowed, while connecting and while waiting for the answer. */
  readonly timeoutMs: number;
}

/** An answer (the body as UTF-8 text), or why none came. */
export type HttpAnswer =
  | { readonly kind: 'answer'; readonly status: number; readonly body: string }
  | { readonly kind: 'connect-failed' | 'connect-timeout' | 'read-timeout' };

/** The terminal as the interactive prompt needs it (nodePromptIo() in src/prompt/ is the real one). */
export interface PromptIo {
  /** Terminal width and height, read at each redraw. */
  readonly columns: number;
  readonly rows: number;
  /**
   * Delivers raw keystroke chunks (the terminal in raw mode) until the returned function is
   * called; `onEnd` when the input closes.
   */
  listen(onKeys: (chunk: string) => void, onEnd: () => void): () => void;
  /** Writes the prompt's own drawing to the terminal. */
  draw(text: string): void;
  /** The command line that ran goes to stdout; a cancelled one to stderr (as the reference). */
  writeStdout(text: string): void;
  writeStderr(text: string): void;
}

/** os.path.expanduser: `~` and `~/...` under the home directory (other users' homes are left alone). */
export function expandUser(path: string, io: Pick<Io, 'homedir'>): string {
  return path === '~' || path.startsWith('~/') ? io.homedir() + path.slice(1) : path;
}

/** Where the local zone of a process run through `io` comes from: its TZ, TZDIR and the zone files. */
export function zoneSourceOf(io: Pick<Io, 'env' | 'readFileSync'>): ZoneSource {
  return { name: io.env.TZ, dir: io.env.TZDIR, readFile: (path) => io.readFileSync(path) };
}
