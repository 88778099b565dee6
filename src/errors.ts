// Every error this CLI raises on purpose: a CliError with a code (what went wrong) and an
// exit code (from the one table in exit-codes.ts). report-error.ts turns them into stderr text.
import { EXIT, type ExitCode } from './exit-codes.js';

export type ErrorCode =
  | 'USAGE' // argparse-style error: "aws: error: ..." under the usage block
  | 'UNKNOWN_OPTIONS' // "Unknown options: ..." under the usage block
  | 'UNSUPPORTED_COMMAND' // a valid aws command or operation that this clone does not implement
  | 'AUTO_PROMPT_CONFLICT'
  | 'BAD_QUERY'
  | 'BAD_ENDPOINT_URL'
  | 'SHORTHAND_SYNTAX'
  | 'INVALID_JSON'
  | 'PARAMFILE_UNREADABLE'
  | 'CLI_INPUT'
  | 'PARAM_VALIDATION'
  | 'MISSING_REGION'
  | 'NO_CREDENTIALS'
  | 'BAD_CONFIG_VALUE'
  | 'PAGER'
  | 'SERVICE_ERROR'
  | 'CONNECTION'
  | 'PROFILE_NOT_FOUND'
  | 'BAD_REGION'
  | 'PARTIAL_CREDENTIALS'
  | 'INVALID_ENDPOINT'
  | 'PYTHON_CRASH' // where the reference prints a raw Python exception text (rc 255)
  | 'BAD_RESPONSE'
  | 'INTERRUPTED';

export interface CliErrorOptions {
  cause?: unknown;
}

export interface UsageErrorOptions extends CliErrorOptions {
  /** The usage text above the error, when it is not the main parser's usage block. */
  usage?: string;
}

/** Base of every error we throw; `message` is the text the reference prints (without framing). */
export abstract class CliError extends Error {
  abstract readonly exitCode: ExitCode;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: CliErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Exit 252: the command line or a parameter value is wrong. */
export class ParamError extends CliError {
  readonly exitCode = EXIT.PARAM_VALIDATION;
}

/** Exit 252, printed under the usage block: argparse errors and unknown options. */
export class UsageError extends ParamError {
  readonly usage: string | undefined;

  constructor(code: ErrorCode, message: string, options?: UsageErrorOptions) {
    super(code, message, options);
    this.usage = options?.usage;
  }
}

/** Exit 253: region, credentials or another configuration value is missing or wrong. */
export class ConfigError extends CliError {
  readonly exitCode = EXIT.CONFIGURATION;
}

export interface ServiceErrorOptions extends CliErrorOptions {
  /**
   * The error's fields as botocore holds them (`response['Error']` with the members its error
   * shape models, in botocore's order); values as the protocol parser gave them (Python values).
   */
  errorInfo: ReadonlyMap<string, unknown>;
}

/** Exit 254: the service answered with an error. `message` is str(ClientError). */
export class ServiceError extends CliError {
  readonly exitCode = EXIT.SERVICE;
  readonly errorInfo: ReadonlyMap<string, unknown>;

  constructor(
    readonly serviceCode: string,
    message: string,
    options: ServiceErrorOptions,
  ) {
    super('SERVICE_ERROR', message, options);
    this.errorInfo = options.errorInfo;
  }
}

/**
 * A valid aws command or voice-id operation that this clone does not implement. Exit 254, as
 * if the service had refused it: the reference would have sent it (and gets 501 Not
 * Implemented from a local endpoint), so scripts see the same "the call failed" code.
 */
export class UnsupportedCommandError extends CliError {
  readonly exitCode = EXIT.SERVICE;
}

/** Exit 255: everything else. */
export class GeneralError extends CliError {
  readonly exitCode = EXIT.GENERAL;
}

/** Exit 130: interrupted by SIGINT. */
export class InterruptedError extends CliError {
  readonly exitCode = EXIT.INTERRUPTED;
}

/** A string field of a thrown value (a Node error's `code`, an SDK error's `name`), if it has one. */
export function errorField(error: unknown, field: 'code' | 'name'): string | undefined {
  if (typeof error !== 'object' || error === null || !(field in error)) return undefined;
  const value = (error as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}

/** A Python OverflowError that reaches the CLI raw (exit 255); some callers catch it by type, as Python does. */
export class PyOverflowError extends GeneralError {
  constructor(message: string) {
    super('PYTHON_CRASH', message);
  }
}
