// The golden replay in this process: run() from src/ with an Io that is a spawned command's, but for
// what only a process has. The env is the one the command would get (buildEnv), the working
// directory the sandbox's (relative paths, credential_process), stdout and stderr bytes as a pipe
// gets them (UTF-8, a lone surrogate as U+FFFD), the real file system, clock, loopback network,
// children and sleeps. A case that needs a process of its own is spawned instead (spawnReason):
// a terminal, stdin, a pager, NODE_* variables node reads at start-up, a zone folder of its own
// (TZDIR: the zone cache is per process), /dev or /proc paths. So is a fixed sample of the others
// (one in SPAWN_SAMPLE, by name), which keeps the shipped command (bin/, the bundle, its code
// caches, process.exit) replayed on every kind of case; GOLDEN_SPAWN=all spawns every case.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { machine, release, type } from 'node:os';
import { isAbsolute } from 'node:path';
import type { Env, Io } from '../../src/io.js';
import { run } from '../../src/main.js';
import { nodeHttpExchange, nodeRunProcess } from '../../src/node-io.js';
import type { GoldenCase } from './golden.js';

/** One case in this many (by a hash of its name) is spawned though it could run here. */
const SPAWN_SAMPLE = 16;

/** Why `c` must run as a process of its own, or undefined when it can run here. */
export function spawnReason(c: GoldenCase): string | undefined {
  if (process.env.GOLDEN_SPAWN === 'all') return 'GOLDEN_SPAWN=all';
  if (c.tty === true) return 'a terminal';
  if (c.stdin !== undefined) return 'stdin';
  const env = c.env ?? {};
  for (const name of ['NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS', 'AWS_VOICEID_DEFERRED_EXTRA_CA_CERTS', 'TZDIR']) if (name in env) return name;
  if (['AWS_PAGER', 'PAGER'].some((name) => name in env && env[name] !== '')) return 'a pager';
  const text = JSON.stringify(c);
  if (/cli_pager|\/dev\/|\/proc\//.test(text)) return 'a pager or a device path';
  if (nameHash(c.name) % SPAWN_SAMPLE === 0) return 'the spawned sample';
  return undefined;
}

function nameHash(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

export interface InProcessIo extends Io {
  readonly output: () => { stdout: string; stderr: string };
}

/** The Io of a command run with `env` in `cwd`, stdout and stderr pipes, stdin /dev/null. */
export function goldenIo(env: Env, cwd: string): InProcessIo {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  // As the kernel resolves a relative path against the working directory: no normalizing, and
  // the empty path stays one (ENOENT).
  const resolvePath = (path: string) => (path === '' || isAbsolute(path) ? path : `${cwd}/${path}`);
  return {
    env,
    cwd,
    stdoutIsTTY: false,
    stdinIsTTY: false,
    stdoutColumns: undefined,
    writeStdout: (text) => {
      out.push(Buffer.from(text, 'utf8'));
    },
    writeStderr: (text) => {
      err.push(Buffer.from(text, 'utf8'));
    },
    readFile: async (path) => new Uint8Array(readFileSync(resolvePath(path))),
    readFileSync: (path) => {
      try {
        return new Uint8Array(readFileSync(resolvePath(path)));
      } catch {
        return undefined;
      }
    },
    homedir: () => env.HOME ?? '/',
    platform: { system: type(), release: release(), machine: machine() },
    nodeVersion: process.versions.node,
    now: () => new Date(),
    randomUuid: () => randomUUID(),
    interrupt: new AbortController().signal,
    promptIo: () => {
      throw new Error('golden-in-process: no terminal (a tty case is spawned)');
    },
    runPager: async () => {
      throw new Error('golden-in-process: no pager (a pager case is spawned)');
    },
    // In the case's working directory, with the command's stdin (/dev/null).
    runProcess: (argv, childEnv) => nodeRunProcess(argv, childEnv, { cwd, stdin: 'ignore' }),
    httpExchange: (exchange) => nodeHttpExchange(exchange),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    output: () => ({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
  };
}

/** run(args) with the case's Io: the exit code and what it wrote, or 'timeout'. */
export async function runInProcess(
  args: readonly string[],
  env: Env,
  cwd: string,
  timeoutMs: number,
): Promise<{ exit: number | 'timeout'; stdout: string; stderr: string }> {
  const io = goldenIo(env, cwd);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const exit = await Promise.race([run(args, io), timeout]);
    return { exit, ...io.output() };
  } finally {
    clearTimeout(timer);
  }
}
