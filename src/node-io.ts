// The real process behind Io: process.env, the file system, stdout/stderr, the clock, spawned
// children and plain HTTP. Only bin/aws-voiceid.js (through main.ts) and test helpers create one.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir, machine, release, type } from 'node:os';
import type { Env, HttpAnswer, HttpExchange, Io, ProcessResult } from './io.js';
import { nodePromptIo } from './prompt/node-prompt-io.js';
import { deferredTrust, restoreExtraCaCerts, type DeferredExtraCa } from './service/extra-ca.js';

/** The real process. */
export function nodeIo(interrupt: AbortSignal): Io {
  // Before anything reads the environment: children see NODE_EXTRA_CA_CERTS as it was set.
  const deferredExtraCaCerts = restoreExtraCaCerts(process.env);
  const extraCa = deferredExtraCaCerts === undefined ? undefined : { path: deferredExtraCaCerts, warn: (text: string) => process.stderr.write(text) };
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
    runProcess: nodeRunProcess,
    httpExchange: (exchange) => nodeHttpExchange(exchange, extraCa),
    ...(deferredExtraCaCerts === undefined ? {} : { deferredExtraCaCerts }),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
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

/** Io.runProcess over child_process.spawn: our stdin, stdout and stderr captured. */
export async function nodeRunProcess(argv: readonly string[], env: Env): Promise<ProcessResult> {
  const { spawn } = await import('node:child_process');
  const childEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) childEnv[key] = value;
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0] as string, argv.slice(1), { env: childEnv, stdio: ['inherit', 'pipe', 'pipe'] });
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
    request.setTimeout(exchange.timeoutMs, () => {
      settle({ kind: connected ? 'read-timeout' : 'connect-timeout' });
      request.destroy();
    });
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
