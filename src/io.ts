// The edge between the pure core and the process: environment, files, streams, clock and
// randomness. run() receives an Io; tests pass a memory Io, bin/ passes nodeIo().
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir, machine, release, type } from 'node:os';
import type { PromptIo } from './prompt/prompt-io.js';
import { nodePromptIo } from './prompt/node-prompt-io.js';

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
  /** The UTC offset in minutes of this process's own time zone (TZ) at `ms`, when known cheaply. */
  readonly localZoneOffset?: (ms: number) => number;
  /** The terminal for the interactive auto-prompt (stdin in raw mode). */
  promptIo(): PromptIo;
  /** Told of an error that is not a CliError, i.e. a bug of ours (tests fail on it). */
  readonly onUnexpectedError?: (error: unknown) => void;
  /** Runs a pager (no shell) with `text` on its stdin and our stdout/stderr; rejects with the spawn error. */
  runPager(argv: readonly string[], env: Env, text: string): Promise<void>;
}

/** os.path.expanduser: `~` and `~/...` under the home directory (other users' homes are left alone). */
export function expandUser(path: string, io: Pick<Io, 'homedir'>): string {
  return path === '~' || path.startsWith('~/') ? io.homedir() + path.slice(1) : path;
}

/** The real process. */
export function nodeIo(interrupt: AbortSignal): Io {
  // A reader that went away (`| head`, `| true`): stop writing, quietly, as the reference does.
  let stdoutClosed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stdoutClosed = true;
  });
  return {
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stdoutColumns: process.stdout.isTTY ? process.stdout.columns : undefined,
    writeStdout: (text) => {
      if (!stdoutClosed) process.stdout.write(text);
    },
    writeStderr: (text) => {
      process.stderr.write(text);
    },
    // Synchronous: a few small files, and cheaper at start-up than fs/promises.
    readFile: async (path) => new Uint8Array(readFileSync(path)),
    homedir: () => process.env.HOME || homedir(),
    platform: { system: type(), release: release(), machine: machine() },
    nodeVersion: process.versions.node,
    now: () => new Date(),
    randomUuid: () => randomUUID(),
    interrupt,
    promptIo: () => nodePromptIo(),
    localZoneOffset: (ms) => -new Date(ms).getTimezoneOffset(),
    runPager: async (argv, env, text) => {
      const { spawn } = await import('node:child_process');
      return new Promise<void>((resolve, reject) => {
        const child = spawn(argv[0] as string, argv.slice(1), { env: { ...env }, stdio: ['pipe', 'inherit', 'inherit'] });
        child.once('error', reject);
        child.once('exit', () => resolve());
        child.stdin.on('error', () => undefined); // the user quit the pager early
        child.stdin.end(text);
      });
    },
  };
}
