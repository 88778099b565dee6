// What subprocess.Popen(args) does with an argv before it starts anything, as awscli and botocore
// reach it (the pagers, credential_process): an empty list fails on `args[0]` with IndexError,
// which the reference prints as is (`\nlist index out of range\n`, exit 255). Pure.
import { GeneralError } from '../errors.js';

/** The program of `argv` (`args[0]`); an empty argv is Python's IndexError. */
export function popenProgram(argv: readonly string[]): string {
  const program = argv[0];
  if (program === undefined) throw new GeneralError('PYTHON_CRASH', 'list index out of range');
  return program;
}
