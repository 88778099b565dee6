// The output pager as AWS CLI v2 uses it: only when stdout is a terminal and a pager is set
// (AWS_PAGER > cli_pager > PAGER > less; an empty value is none), split by Python's shlex as soon
// as the output stream opens (an unclosed quote is exit 255 even for empty output), run without a
// shell, with LESS=FRX unless LESS is set, and started only for non-empty output. Decides;
// io.runPager does the spawning.
import type { Env, Io } from '../io.js';
import { ConfigError, errorField } from '../errors.js';
import { popenProgram } from '../values/py-popen.js';
import { pyOsErrorMessage } from '../values/py-os-error.js';
import { shlexSplit } from '../values/py-shlex.js';

export const ENV_AWS_PAGER = 'AWS_PAGER';
export const ENV_PAGER = 'PAGER';
const DEFAULT_PAGER = 'less';

/** The pager's argv (shlex.split; ShlexError for an unclosed quote), or undefined for plain stdout. */
export function resolvePager(env: Env, profilePager: string | undefined, stdoutIsTTY: boolean, disabled: boolean): string[] | undefined {
  if (!stdoutIsTTY || disabled) return undefined;
  const command = env[ENV_AWS_PAGER] ?? profilePager ?? env[ENV_PAGER] ?? DEFAULT_PAGER;
  return command === '' ? undefined : shlexSplit(command);
}

/**
 * Writes `text` through the pager (or stdout). The pager is started on the first write, as
 * awscli's LazyPager does: an empty argv (a pager of blanks) is then Popen's IndexError (exit 255),
 * a program that does not exist is exit 253, and any other failure to start it (no permission, a
 * directory, an empty program name) is an IOError the formatter swallows: no output, exit 0.
 */
export async function page(io: Io, pager: string[] | undefined, text: string): Promise<void> {
  if (text === '') return;
  if (!pager) return io.writeStdout(text);
  const program = popenProgram(pager);
  const env = { ...io.env, ...(io.env.LESS === undefined ? { LESS: 'FRX' } : {}) };
  try {
    await io.runPager(pager, env, text);
  } catch (error) {
    if (errorField(error, 'code') !== 'ENOENT') return;
    // report-error.ts words it as the PagerErrorHandler does.
    throw new ConfigError('PAGER', pyOsErrorMessage(error, program), { cause: error });
  }
}
