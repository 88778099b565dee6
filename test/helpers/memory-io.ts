// An Io that lives in memory: env built from scratch, files from a map (or a temp dir through
// the real fs when a test needs paths), captured stdout/stderr. Nothing of the developer's leaks in.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Env, Io } from '../../src/io.js';
import { nodeHttpExchange, nodeRunProcess } from '../../src/node-io.js';
import { createScriptedPromptIo } from './scripted-prompt-io.js';

export interface MemoryIoOptions {
  env?: Env;
  /** Absolute path → contents; when absent, files are read from the real file system. */
  files?: Record<string, string | Uint8Array>;
  cwd?: string;
  home?: string;
  stdoutIsTTY?: boolean;
  stdoutColumns?: number;
  uuids?: string[];
  interrupt?: AbortSignal;
  /** The pager fails to start: with ENOENT, or with this errno code. */
  pagerFails?: boolean | string;
  onUnexpectedError?: (error: unknown) => void;
  /** Keystrokes the auto-prompt receives (the prompt needs stdinIsTTY too). */
  promptKeys?: string[];
  stdinIsTTY?: boolean;
}

export interface MemoryIo extends Io {
  readonly pagerRuns: { argv: string[]; text: string }[];
  /** What sleep() was asked to wait, in order; it resolves at once. */
  readonly sleeps: number[];
  readonly stdout: () => string;
  readonly stderr: () => string;
}

/** A fresh memory Io. */
export function createMemoryIo(options: MemoryIoOptions = {}): MemoryIo {
  let out = '';
  let err = '';
  const uuids = [...(options.uuids ?? [])];
  let counter = 0;
  const pagerRuns: { argv: string[]; text: string }[] = [];
  const sleeps: number[] = [];
  return {
    env: options.env ?? {},
    cwd: options.cwd ?? '/nonexistent-cwd',
    stdoutIsTTY: options.stdoutIsTTY ?? false,
    stdinIsTTY: options.stdinIsTTY ?? false,
    stdoutColumns: options.stdoutColumns,
    writeStdout: (text) => {
      out += text;
    },
    writeStderr: (text) => {
      err += text;
    },
    readFile: async (path) => {
      if (!options.files) return new Uint8Array(await readFile(path));
      const content = options.files[path];
      if (content === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return typeof content === 'string' ? new TextEncoder().encode(content) : content;
    },
    readFileSync: (path) => {
      if (!options.files) {
        try {
          return new Uint8Array(readFileSync(path));
        } catch {
          return undefined;
        }
      }
      const content = options.files[path];
      return typeof content === 'string' ? new TextEncoder().encode(content) : content;
    },
    homedir: () => options.home ?? '/nonexistent-home',
    platform: { system: 'Linux', release: '6.0.0-test', machine: 'x86_64' },
    nodeVersion: '20.0.0',
    now: () => new Date('2026-11-25T17:00:00Z'),
    randomUuid: () => uuids.shift() ?? `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`,
    interrupt: options.interrupt ?? new AbortController().signal,
    ...(options.onUnexpectedError ? { onUnexpectedError: options.onUnexpectedError } : {}),
    promptIo: () => createScriptedPromptIo(options.promptKeys ?? [], { endInput: true }),
    runPager: async (argv, _env, text) => {
      pagerRuns.push({ argv: [...argv], text });
      if (options.pagerFails) {
        const code = options.pagerFails === true ? 'ENOENT' : options.pagerFails;
        throw Object.assign(new Error(`spawn ${code}`), { code });
      }
    },
    // Real children and loopback HTTP: the tests' credential_process scripts and fake metadata services.
    runProcess: nodeRunProcess,
    httpExchange: nodeHttpExchange,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    pagerRuns,
    sleeps,
    stdout: () => out,
    stderr: () => err,
  };
}
