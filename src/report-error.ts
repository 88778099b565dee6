// Turns any thrown value into the reference's stderr text and exit code: the one place that
// knows how errors are framed. A port of awscli/errorhandler.py's handler chain: which handler
// takes the error (handledError), then how that handler prints it in the generation followed.
// 2.9.19 prints `\n<message>\n` (usage errors under the usage block); 2.36.7 prints an
// `aws: [ERROR]: ` line, or the error's structured information in the --cli-error-format.
import { CliError, ConfigError, InterruptedError, ParamError, ServiceError, UsageError, type ErrorCode } from './errors.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { DEFAULT_GENERATION, type Generation } from './model/generation.js';
import { globalOptions } from './cli/global-options.js';
import { ENTRY_ERROR_FORMAT, type ErrorFormatSetting } from './config/error-format.js';
import { errorLine, formatStructuredError, type ErrorDisplay } from './output/error-format.js';
import { COLORAMA_EXIT_RESET } from './output/emit.js';
import { isPyValue, PyDict } from './values/py-value.js';

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
  /** What goes to stdout: the newline of Ctrl-C, colorama's reset after a colour table. */
  readonly stdout: string;
  readonly exitCode: ExitCode;
  /** 2.36.7 logs this warning (seen with --debug): the error format setting was not a format. */
  readonly warning?: string;
}

export interface ReportOptions {
  /** --debug: the stack of an unexpected error too. */
  readonly debug?: boolean;
  /** The AWS CLI release whose way of printing errors to follow. */
  readonly generation?: Generation;
  /** 2.36.7: the error format (flag, AWS_CLI_ERROR_FORMAT, cli_error_format; enhanced by default). */
  readonly errorFormat?: ErrorFormatSetting | undefined;
  /** The terminal, for the table error format. */
  readonly display?: ErrorDisplay & { readonly stdoutIsTTY: boolean };
}

/** What errorhandler.py's chain makes of an error: which handler takes it, with its texts. */
type HandledError =
  /** Errors with structured information: parameter, configuration and service errors. */
  | {
      readonly kind: 'structured';
      readonly info: PyDict;
      /** What the plain line prints: the Message (a service error's str()). */
      readonly plain: string;
      /** Enhanced's first line. */
      readonly formatted: string;
    }
  /** UnknownArgumentErrorHandler: under the usage block, never structured. */
  | { readonly kind: 'unknown-argument'; readonly usage: string; readonly message: string }
  | { readonly kind: 'interrupt' }
  /** GeneralExceptionHandler (and every error of our own): one plain line. */
  | { readonly kind: 'plain'; readonly message: string };

/** How each generation words a configuration error, by our code (the handlers' MESSAGE). */
interface ConfigHandler {
  readonly code: string;
  readonly message: (text: string, generation: Generation) => string;
}

const CONFIGURE_COMMAND: Readonly<Record<Generation, string>> = { '2.9.19': 'aws configure', '2.36.7': 'aws login' };

const CONFIG_HANDLERS: Partial<Record<ErrorCode, ConfigHandler>> = {
  MISSING_REGION: { code: 'NoRegion', message: (text) => `${text} You can also configure your region by running "aws configure".` },
  NO_CREDENTIALS: {
    code: 'NoCredentials',
    message: (text, generation) => `${text}. You can configure credentials by running "${CONFIGURE_COMMAND[generation]}".`,
  },
  PAGER: {
    code: 'Pager',
    message: (text) =>
      `Unable to redirect output to pager. Received the following error when opening pager:\n${text}\n\nLearn more about configuring the output pager by running "aws help config-vars".`,
  },
};

/** str(ArgParseException): how CLIArgParser.error puts the usage and the message together. */
const USAGE_ERROR_TEXT: Readonly<Record<Generation, (usage: string, message: string) => string>> = {
  '2.9.19': (usage, message) => `${usage}\naws: error: ${message}\n`,
  '2.36.7': (usage, message) => `${message}\n\n${usage}`,
};

/** The stderr (and stdout) text and exit code for `error`. */
export async function reportError(error: unknown, options: ReportOptions = {}): Promise<ErrorReport> {
  const { debug = false, generation = DEFAULT_GENERATION } = options;
  const exitCode = error instanceof CliError ? error.exitCode : EXIT.GENERAL;
  // A bug of ours: one line, never a stack trace unless --debug asks for it.
  const stack = debug && !(error instanceof CliError) && error instanceof Error && error.stack ? `${error.stack}\n` : '';
  const handled = handledError(error, generation);
  if (handled.kind === 'interrupt') return { stderr: '', stdout: '\n', exitCode };
  const wrapped = raisedUnderColorama(error) ? coloramaWrites : (text: string): string => text;
  if (!hasErrorFormats(generation)) return { stderr: stack + wrapped(legacyText(handled)), stdout: '', exitCode };
  if (handled.kind === 'unknown-argument') return { stderr: `\n${handled.usage}\n${errorLine(handled.message)}`, stdout: '', exitCode };
  if (handled.kind === 'plain') return { stderr: stack + wrapped(errorLine(handled.message)), stdout: '', exitCode };
  const { format, invalid } = options.errorFormat ?? ENTRY_ERROR_FORMAT;
  const display = options.display ?? { color: false, width: 80, stdoutIsTTY: false };
  const structured = await formatStructuredError(handled.info, handled.formatted, format, display);
  const warning = invalid === undefined ? {} : { warning: `Invalid cli_error_format: '${invalid}'. Using 'enhanced' format.` };
  if (structured === undefined) return { stderr: wrapped(errorLine(handled.plain)), stdout: '', exitCode, ...warning };
  // colorama's atexit reset_all, once a colour table made it wrap a terminal stdout.
  const reset = format === 'table' && display.color && display.stdoutIsTTY ? COLORAMA_EXIT_RESET : '';
  // The enhanced format writes as the plain handlers do; the others' own writes are not modelled.
  return { stderr: format === 'enhanced' ? wrapped(structured) : structured, stdout: reset, exitCode, ...warning };
}

// Errors raised after a colour table's styler ran colorama.init(autoreset=True), which wraps
// sys.stderr too: paged operations fetch their pages while the formatter prints.
const UNDER_COLORAMA = new WeakSet<object>();

/** Marks `error` as raised while colorama wrapped stderr; returns it. */
export function underColorama(error: unknown): unknown {
  if (typeof error === 'object' && error !== null) UNDER_COLORAMA.add(error);
  return error;
}

function raisedUnderColorama(error: unknown): boolean {
  return typeof error === 'object' && error !== null && UNDER_COLORAMA.has(error);
}

// The handlers' three writes (`\n`, the message, `\n`), each followed by autoreset's reset.
function coloramaWrites(text: string): string {
  const message = text.slice(1, -1);
  return ['\n', message, '\n'].map((write) => write + COLORAMA_EXIT_RESET).join('');
}

/** The generations that print errors through the structured error formatter (2.36.7's `--cli-error-format`). */
export function hasErrorFormats(generation: Generation): boolean {
  return globalOptions(generation).some((option) => option.dest === 'cli_error_format');
}

// 2.9.19's FilteredExceptionHandler: every message between newlines.
function legacyText(handled: Exclude<HandledError, { kind: 'interrupt' }>): string {
  if (handled.kind === 'unknown-argument') return `\n${handled.usage}\n${handled.message}\n\n`;
  return `\n${handled.kind === 'structured' ? handled.plain : handled.message}\n`;
}

// The handler chain (construct_cli_error_handlers_chain), in its order.
function handledError(error: unknown, generation: Generation): HandledError {
  if (error instanceof UsageError && error.code === 'UNKNOWN_OPTIONS')
    return { kind: 'unknown-argument', usage: error.usage ?? USAGE_BLOCK, message: error.message };
  if (error instanceof UsageError) return structured('ParamValidation', USAGE_ERROR_TEXT[generation](error.usage ?? USAGE_BLOCK, error.message));
  if (error instanceof ParamError) return structured('ParamValidation', error.message);
  if (error instanceof ConfigError) {
    const handler = CONFIG_HANDLERS[error.code];
    return handler ? structured(handler.code, handler.message(error.message, generation)) : structured('Configuration', error.message);
  }
  if (error instanceof InterruptedError) return { kind: 'interrupt' };
  if (error instanceof ServiceError) return serviceError(error);
  if (error instanceof CliError) return { kind: 'plain', message: error.message };
  return { kind: 'plain', message: error instanceof Error ? error.message : String(error) };
}

function structured(code: string, message: string): HandledError {
  return {
    kind: 'structured',
    info: new PyDict([
      ['Code', code],
      ['Message', message],
    ]),
    plain: message,
    formatted: `An error occurred (${code}): ${message}`,
  };
}

// ClientErrorHandler: the error's fields; its plain and enhanced lines are str(ClientError).
function serviceError(error: ServiceError): HandledError {
  const info = new PyDict([...error.errorInfo].flatMap(([key, value]) => (isPyValue(value) ? [[key, value] as const] : [])));
  return { kind: 'structured', info, plain: error.message, formatted: error.message };
}
