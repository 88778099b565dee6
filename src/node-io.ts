// The real process behind Io: process.env, the file system, stdout/stderr, the clock, spawned
// children and plain HTTP. Only bin/aws-voiceid.js (through main.ts) and test helpers create one.
// Start-up is part of the product: nothing here loads a built-in module that `node -e 0` has not
// loaded until the code that needs it runs (process.getBuiltinModule, Node >= 20.16), and output
// is written synchronously, so that the process can end as soon as run() returns.
import { fstatSync, readFileSync, writeSync } from 'node:fs';
import type { Env, HttpAnswer, HttpExchange, Io, ProcessResult } from './io.js';
import { nodePromptIo } from './prompt/node-prompt-io.js';
import { deferredExtraCa, deferredTrust, restoreExtraCaCerts, type DeferredExtraCa } from './service/extra-ca.js';
import { MAX_TIMER_MS } from './service/socket-timeouts.js';

/**
 * The real process, plus `flushed()`: resolves once every byte written is out. `endsWithRun`: the
 * caller ends the process as soon as run() has answered (bin/aws-voiceid.js).
 */
export function nodeIo(interrupt: AbortSignal, { endsWithRun = false } = {}): Io & { flushed(): Promise<void> } {
  // Before anything reads the environment: children see NODE_EXTRA_CA_CERTS as it was set.
  const deferredExtraCaCerts = restoreExtraCaCerts(process.env);
  const stdout = syncWriter(1, () => process.stdout);
  const stderr = syncWriter(2, () => process.stderr);
  const extraCa = deferredExtraCa({ deferredExtraCaCerts, writeStderr: stderr.write });
  const flushed = async (): Promise<void> => {
    await Promise.all([stdout.flushed(), stderr.flushed()]);
  };
  const os = (): typeof import('node:os') => process.getBuiltinModule('node:os');
  let platform: Io['platform'] | undefined;
  return {
    env: process.env,
    cwd: process.cwd(),
    get stdoutIsTTY() {
      return isTerminal(1);
    },
    get stdinIsTTY() {
      return isTerminal(0);
    },
    get stdoutColumns() {
      return isTerminal(1) ? process.stdout.columns : undefined;
    },
    writeStdout: stdout.write,
    writeStderr: stderr.write,
    flushed,
    // Synchronous: a few small files, and cheaper at start-up than fs/promises.
    readFile: async (path) => new Uint8Array(readFileSync(path)),
    homedir: () => process.env.HOME || os().homedir(),
    get platform() {
      platform ??= { system: os().type(), release: os().release(), machine: os().machine() };
      return platform;
    },
    nodeVersion: process.versions.node,
    now: () => new Date(),
    randomUuid: () => process.getBuiltinModule('node:crypto').randomUUID(),
    interrupt,
    endsWithRun,
    promptIo: () => nodePromptIo(),
    readFileSync: (path) => {
      try {
        return new Uint8Array(readFileSync(path));
      } catch {
        return undefined; // missing, a folder, unreadable: glibc goes on without the file
      }
    },
    runProcess: nodeRunProcess,
    httpExchange: (exchange) => nodeHttpExchange(exchange, extraCa),
    ...(deferredExtraCaCerts === undefined ? {} : { deferredExtraCaCerts }),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    runPager: async (argv, env, text) => {
      await flushed();
      const { spawn } = process.getBuiltinModule('node:child_process');
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

const terminals = new Map<number, boolean>();

/** isatty(fd), without loading node:tty (and net, stream) when the fd is a pipe or a file. */
function isTerminal(fd: number): boolean {
  let answer = terminals.get(fd);
  if (answer === undefined) {
    try {
      answer = fstatSync(fd).isCharacterDevice() && process.getBuiltinModule('node:tty').isatty(fd);
    } catch {
      answer = false; // a closed descriptor
    }
    terminals.set(fd, answer);
  }
  return answer;
}

/**
 * Writes to `fd` with write(2), so that the bytes are out when the call returns. A descriptor in
 * non-blocking mode that is full (EAGAIN) hands the rest, in order, to Node's stream for it, which
 * `flushed()` waits for. A reader that went away (EPIPE: `| head`, `| true`) or a closed
 * descriptor: stop writing, quietly, as the reference does for a reader that went away.
 */
function syncWriter(fd: number, stream: () => NodeJS.WriteStream): { write: (text: string) => void; flushed: () => Promise<void> } {
  let closed = false;
  let fallback: NodeJS.WriteStream | undefined;
  let pending: Promise<void> = Promise.resolve();
  const toStream = (bytes: Buffer): void => {
    if (!fallback) {
      fallback = stream();
      fallback.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE') throw error;
        closed = true;
      });
    }
    const out = fallback;
    pending = pending.then(() => new Promise<void>((resolve) => (out.write(bytes) ? resolve() : out.once('drain', resolve))));
  };
  const write = (text: string): void => {
    if (closed || text === '') return;
    const bytes = Buffer.from(text);
    if (fallback) return toStream(bytes);
    let offset = 0;
    while (offset < bytes.length) {
      try {
        offset += writeSync(fd, bytes, offset);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') return toStream(bytes.subarray(offset));
        closed = true; // EPIPE, or a descriptor the caller closed (`>&-`): nothing more can go there
        return;
      }
    }
  };
  return { write, flushed: () => pending };
}

/** Io.runProcess over child_process.spawn: our stdin, stdout and stderr captured. */
export async function nodeRunProcess(
  argv: readonly string[],
  env: Env,
  { cwd, stdin = 'inherit' }: { cwd?: string; stdin?: 'inherit' | 'ignore' } = {},
): Promise<ProcessResult> {
  const { spawn } = process.getBuiltinModule('node:child_process');
  const childEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) childEnv[key] = value;
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0] as string, argv.slice(1), { cwd, env: childEnv, stdio: [stdin, 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ exitCode: code ?? -1, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr) }));
  });
}

/** Io.httpExchange over node:http(s): one request, no agent reuse, no proxy; https trusts the deferred extra CA certificates too. */
export async function nodeHttpExchange(exchange: HttpExchange, extraCa?: DeferredExtraCa): Promise<HttpAnswer> {
  const secure = exchange.url.startsWith('https:');
  const { request: send } = secure ? await import('node:https') : await import('node:http');
  const trust = secure ? await deferredTrust(extraCa, true) : {};
  return new Promise((resolve) => {
    let settled = false;
    const settle = (answer: HttpAnswer): void => {
      if (!settled) resolve(answer);
      settled = true;
    };
    const request = send(exchange.url, { method: exchange.method, headers: exchange.headers, ...trust });
    let connected = false;
    request.on('socket', (socket) => socket.once('connect', () => (connected = true)));
    // A limit past what a Node timer holds is none, as for Python's sockets (socket-timeouts.ts).
    if (exchange.timeoutMs <= MAX_TIMER_MS) {
      request.setTimeout(exchange.timeoutMs, () => {
        settle({ kind: connected ? 'read-timeout' : 'connect-timeout' });
        request.destroy();
      });
    }
    request.once('error', () => settle({ kind: 'connect-failed' }));
    request.once('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('end', () => settle({ kind: 'answer', status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.once('error', () => settle({ kind: 'connect-failed' }));
    });
    request.end();
  });
}
