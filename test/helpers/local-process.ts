// Starts bin/voiceid-local.js as a child process (the built bundle) and reads its URL from the
// first line of its stdout.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './golden.js';

export interface LocalProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Resolves with the exit code (or signal) once the process has ended. */
  readonly exited: Promise<number | string>;
}

/**
 * Starts voiceid-local with `args`, and `env` beside PATH (the crash tests' VOICEID_LOCAL_KILL_AT);
 * through the command `via` when given (a shell that sets a limit, then execs the rest).
 */
export async function startLocalProcess(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
  via: readonly string[] = [],
): Promise<LocalProcess> {
  const command = [...via, process.execPath, join(REPO_ROOT, 'bin/voiceid-local.js'), ...args];
  const child = spawn(command[0] as string, command.slice(1), {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
  });
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(out.split('\n')[0] ?? '');
      if (match && out.includes('\n')) resolve(match[0]);
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    void exited.then((code) => reject(new Error(`voiceid-local exited (${code}) before listening: ${err}`)));
  });
  return { url, child, exited };
}
