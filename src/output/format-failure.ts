// A formatter that fails part way through. Python's formatters write to the stream as they go
// (json.dump a chunk at a time), so what they wrote before the exception is on stdout when the
// error is reported. Pure.
import type { CliError } from '../errors.js';

/** Thrown by a formatter: `written` goes to stdout (through the pager), then `error` is reported. */
export class FormatFailure extends Error {
  constructor(
    readonly written: string,
    readonly error: CliError,
  ) {
    super(error.message, { cause: error });
    this.name = 'FormatFailure';
  }
}
