// Turns any thrown value into the reference's stderr text and exit code. The one place that
// knows how errors are framed: usage errors under the usage block, everything else as `\n<msg>\n`.
import { CliError, InterruptedError, UsageError } from './errors.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import type { Generation } from './model/generation.js';

export const USAGE_BLOCK = [
  'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]',
  'To see help text, you can run:',
  '',
  '  aws help',
  '  aws <command> help',
  '  aws <command> <subcommand> help',
  '',
].join('\n');

export interface ErrorReport {
  readonly stderr: string;
  readonly exitCode: ExitCode;
}

export interface ReportOptions {
  /** --debug: the stack of an unexpected error too. */
  readonly debug?: boolean;
  /** The AWS CLI release whose way of printing errors to follow. */
  readonly generation?: Generation;
}

/** The stderr text and exit code for `error`. */
export function reportError(error: unknown, options: ReportOptions = {}): ErrorReport {
  const { debug = false } = options;
  if (error instanceof UsageError) {
    const line = error.code === 'UNKNOWN_OPTIONS' ? error.message : `aws: error: ${error.message}`;
    return { stderr: `\n${error.usage ?? USAGE_BLOCK}\n${line}\n\n`, exitCode: error.exitCode };
  }
  // Ctrl-C: the reference prints a newline on stdout (run() does) and nothing on stderr.
  if (error instanceof InterruptedError) return { stderr: '', exitCode: error.exitCode };
  if (error instanceof CliError) return { stderr: `\n${error.message}\n`, exitCode: error.exitCode };
  // A bug of ours: one line, never a stack trace unless --debug asks for it.
  const message = error instanceof Error ? error.message : String(error);
  const stack = debug && error instanceof Error && error.stack ? `${error.stack}\n` : '';
  return { stderr: `${stack}\n${message}\n`, exitCode: EXIT.GENERAL };
}
