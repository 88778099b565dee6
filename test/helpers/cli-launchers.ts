// The two ways the built CLI starts as a process: node running bin/aws-voiceid.js (what Windows,
// the tests and the conformance suite run; node reads NODE_EXTRA_CA_CERTS itself), and
// bin/aws-voiceid, the sh launcher npm installs as the `aws-voiceid` bin (it defers the file to
// the first TLS connection). Each run's environment is the caller's, built from scratch, with
// this node's directory first on PATH (the launcher runs `node`).
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './golden.js';

export const JS_BIN = join(REPO_ROOT, 'bin/aws-voiceid.js');
export const SH_BIN = join(REPO_ROOT, 'bin/aws-voiceid');

export type Launcher = 'node bin/aws-voiceid.js' | 'bin/aws-voiceid';
export const LAUNCHERS: readonly Launcher[] = ['node bin/aws-voiceid.js', 'bin/aws-voiceid'];

export interface ProcessOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The command that starts the CLI the `launcher` way. */
export function launcherCommand(launcher: Launcher): string[] {
  return launcher === 'bin/aws-voiceid' ? [SH_BIN] : [process.execPath, JS_BIN];
}

/** Runs `command` with `env` (PATH gets this node's directory first); never throws for a non-zero exit. */
export async function runCommand(command: readonly string[], env: Readonly<Record<string, string>>, cwd: string = REPO_ROOT): Promise<ProcessOutcome> {
  const path = `${dirname(process.execPath)}:${env.PATH ?? '/usr/bin:/bin'}`;
  try {
    const { stdout, stderr } = await promisify(execFile)(command[0] as string, command.slice(1), { env: { ...env, PATH: path }, cwd, encoding: 'utf8' });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: unknown; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw error; // it did not run at all
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** Runs the CLI with `args` the `launcher` way. */
export function runLauncher(launcher: Launcher, args: readonly string[], env: Readonly<Record<string, string>>, cwd?: string): Promise<ProcessOutcome> {
  return runCommand([...launcherCommand(launcher), ...args], env, cwd);
}
