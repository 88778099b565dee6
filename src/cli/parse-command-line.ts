// argv → a parsed command line, through the three stacked argparse parsers AWS CLI v2 uses:
// global (options anywhere + the command), service (the operation), operation (its options).
// Pure: errors are thrown as UsageError/ParamError with the wording of the generation followed.
import { ArgparseError, parseKnownArgs, type ParseResult } from './argparse.js';
import { globalOptions, type GlobalOptionDest } from './global-options.js';
import { EXTRA_DESTS, isRequiredSuppressed, operationOptions } from './operation-options.js';
import commandData from './aws-commands.json' with { type: 'json' };
import commandData2367 from './aws-commands-2.36.7.json' with { type: 'json' };
import type { Operation, ServiceModel } from '../model/service-model.js';
import { operationCliName } from '../model/names.js';
import { DEFAULT_GENERATION, type Generation } from '../model/generation.js';
import { ParamError, UnsupportedCommandError, UsageError } from '../errors.js';
import { servedOperation, servedOperations } from './served-operations.js';
import { checkPagingOptions, PAGING_DESTS, type PagingValues } from './paging-options.js';

export const SERVICE_NAME = 'voice-id';
/** Accepted as a name for voice-id, though the reference does not know it. */
export const SERVICE_ALIASES = ['voiceid'] as const;

export type GlobalValues = ReadonlyMap<GlobalOptionDest, string | true>;

/** An operation option's raw value: one string, or the strings of a list member's option. */
export type OptionValue = string | readonly string[];

export type CommandLine =
  | { readonly kind: 'version'; readonly globals: GlobalValues }
  | HelpRequest
  | {
      readonly kind: 'operation';
      readonly globals: GlobalValues;
      /** The operation argv names, from the model. */
      readonly operation: Operation;
      /** Input member name → the raw option value, in argument-table order. */
      readonly params: ReadonlyMap<string, OptionValue>;
      readonly cliInputJson?: string;
      readonly cliInputYaml?: string;
      readonly generateCliSkeleton?: string;
      /** --starting-token, --page-size, --max-items as given (paginated operations). */
      readonly paging: PagingValues;
      /** Automatic pagination, as the parsed options leave it (the request may still turn it off). */
      readonly paginate: boolean;
    };

/** `help` for the CLI (topic []), the service ([voice-id]) or an operation ([voice-id, <operation>], with it). */
export interface HelpRequest {
  readonly kind: 'help';
  readonly globals: GlobalValues;
  readonly topic: readonly string[];
  readonly operation?: Operation;
}

export const AUTO_PROMPT = '--cli-auto-prompt';
export const NO_AUTO_PROMPT = '--no-cli-auto-prompt';

/** What awscli's first pass (FirstPassGlobalArgParser) finds: --debug and --profile, or -h. */
export type FirstPass = { readonly kind: 'first-pass-help' } | { readonly kind: 'first-pass'; readonly debug: boolean; readonly profile?: string };

/** The global parser's result: the global options, and the arguments left for the service. */
export type GlobalParse =
  | { readonly kind: 'version'; readonly globals: GlobalValues }
  | HelpRequest
  | { readonly kind: 'service'; readonly globals: GlobalValues; readonly rest: readonly string[] };

const PROFILE_AND_DEBUG = [
  { flag: '--profile', dest: 'profile', nargs: 1 },
  { flag: '--debug', dest: 'debug', nargs: 0 },
] as const;

/** The usage line of the first-pass parser (argparse's default format with add_help). */
export const FIRST_PASS_USAGE = 'usage: aws [-h] [--profile PROFILE] [--debug]\n';
export const FIRST_PASS_HELP = `${FIRST_PASS_USAGE}\noptions:\n  -h, --help         show this help message and exit\n  --profile PROFILE\n  --debug\n`;

/** awscli's FirstPassGlobalArgParser: 2.9.19's has -h/--help; 2.36.7's has none (add_help=False). */
const FIRST_PASS: Readonly<Record<Generation, { readonly options: readonly { flag: string; dest: string; nargs: 0 | 1 }[]; readonly usage: string }>> = {
  '2.9.19': {
    options: [{ flag: '-h', dest: 'help', nargs: 0 }, { flag: '--help', dest: 'help', nargs: 0 }, ...PROFILE_AND_DEBUG],
    usage: FIRST_PASS_USAGE,
  },
  '2.36.7': { options: PROFILE_AND_DEBUG, usage: 'usage: aws [--profile PROFILE] [--debug]\n' },
};

/** The commands the main parser knows in each generation (the close matches of a wrong one come from these). */
const COMMANDS: Readonly<Record<Generation, readonly string[]>> = { '2.9.19': commandData.commands, '2.36.7': commandData2367.commands };

/** Step 1: awscli's first pass over argv, before anything else. */
export function parseFirstPass(argv: readonly string[], generation: Generation = DEFAULT_GENERATION): FirstPass {
  const { options, usage } = FIRST_PASS[generation];
  let parsed: ParseResult;
  try {
    parsed = parseKnownArgs({ options, positionals: [] }, argv, generation);
  } catch (error) {
    if (error instanceof ArgparseError) throw new UsageError('USAGE', error.message, { cause: error, usage });
    throw error;
  }
  if (parsed.values.get('help') === true) return { kind: 'first-pass-help' };
  const profile = parsed.values.get('profile');
  return { kind: 'first-pass', debug: parsed.values.get('debug') === true, ...(typeof profile === 'string' ? { profile } : {}) };
}

/**
 * The --profile the first pass finds (whatever the generation: -h does not move it), or
 * undefined when argv has none or the pass fails. It names the profile the generation is read from.
 */
export function firstPassProfile(argv: readonly string[]): string | undefined {
  try {
    const profile = parseKnownArgs({ options: PROFILE_AND_DEBUG, positionals: [] }, argv).values.get('profile');
    return typeof profile === 'string' ? profile : undefined;
  } catch (error) {
    if (error instanceof ArgparseError) return undefined;
    throw error;
  }
}

/** validate_auto_prompt_args_are_mutually_exclusive: both flags are a parameter error. */
export function checkAutoPromptFlags(argv: readonly string[]): void {
  if (argv.includes(AUTO_PROMPT) && argv.includes(NO_AUTO_PROMPT)) {
    throw new ParamError('AUTO_PROMPT_CONFLICT', 'Both --cli-auto-prompt and --no-cli-auto-prompt cannot be specified at the same time.');
  }
}

/** Step 3: the global parser: global options anywhere, and the command (another one is refused, naming what `model` serves). */
export function parseGlobals(argv: readonly string[], model: ServiceModel, generation: Generation): GlobalParse {
  checkAutoPromptFlags(argv);
  const main = argparse(
    { options: globalOptions(generation), positionals: [{ dest: 'command', nargs: 1, choices: COMMANDS[generation], aliases: SERVICE_ALIASES }] },
    argv,
    generation,
  );
  const globals = new Map([...main.values].filter(([dest]) => dest !== 'command')) as GlobalValues;
  if (main.version) return { kind: 'version', globals };
  const command = main.values.get('command') as string;
  if (command === 'help') return { kind: 'help', globals, topic: [] };
  if (command !== SERVICE_NAME && !(SERVICE_ALIASES as readonly string[]).includes(command)) {
    throw new UnsupportedCommandError('UNSUPPORTED_COMMAND', `aws-voiceid implements only ${servedCommands(model)}, not "aws ${command}".`);
  }
  return { kind: 'service', globals, rest: main.extras };
}

/** Steps 6–7: the service parser (the operation, one of `model`'s) and the operation's own parser. */
export function parseService(rest: readonly string[], globals: GlobalValues, model: ServiceModel, generation: Generation): CommandLine {
  const operations = [...model.operationNames.map(operationCliName), 'help'];
  const service = argparse({ options: [], positionals: [{ dest: 'operation', nargs: 1, choices: operations }] }, rest, generation);
  const name = service.values.get('operation') as string;
  if (name === 'help') return { kind: 'help', globals, topic: [SERVICE_NAME] };
  const operation = servedOperation(model, name);
  if (!operation) {
    throw new UnsupportedCommandError('UNSUPPORTED_COMMAND', `aws-voiceid implements only ${servedCommands(model)}, not "aws ${SERVICE_NAME} ${name}".`);
  }
  return parseOperation(service.extras, globals, operation, generation);
}

/** Parses argv (without the program name) in one go: the global, service and operation parsers. */
export function parseCommandLine(argv: readonly string[], model: ServiceModel, generation: Generation): CommandLine {
  const parsed = parseGlobals(argv, model, generation);
  return parsed.kind === 'service' ? parseService(parsed.rest, parsed.globals, model, generation) : parsed;
}

// `"aws voice-id start-speaker-enrollment-job"`, for each operation served.
function servedCommands(model: ServiceModel): string {
  return servedOperations(model)
    .map((operation) => `"aws ${SERVICE_NAME} ${operation.cliName}"`)
    .join(', ');
}

function parseOperation(args: readonly string[], globals: GlobalValues, operation: Operation, generation: Generation): CommandLine {
  const helpRequest: HelpRequest = { kind: 'help', globals, topic: [SERVICE_NAME, operation.cliName], operation };
  // ArgTableArgParser: a lone `help` is help, whatever is required.
  if (args.length === 1 && args[0] === 'help') return helpRequest;
  const options = operationOptions(isRequiredSuppressed(args), operation);
  const parsed = argparse({ options, positionals: [{ dest: 'help', nargs: '?' }] }, args, generation);
  const help = parsed.values.get('help');
  if (help === 'help') return helpRequest;
  const remaining = typeof help === 'string' ? [...parsed.extras, help] : parsed.extras;
  if (remaining.length > 0) throw new UsageError('UNKNOWN_OPTIONS', `Unknown options: ${remaining.join(', ')}`);
  const params = new Map<string, OptionValue>();
  for (const option of options) {
    const value = parsed.values.get(option.dest);
    if (option.member && value !== undefined && value !== true) params.set(option.member, value);
  }
  const text = (dest: string): string | undefined => {
    const value = parsed.values.get(dest);
    return typeof value === 'string' ? value : undefined;
  };
  const paging = new Map(PAGING_DESTS.flatMap((dest) => (text(dest) === undefined ? [] : [[dest, text(dest) as string] as const])));
  // operation-args-parsed: the paging options against --no-paginate and the manual paging members.
  const paginate = checkPagingOptions(operation, new Set(params.keys()), paging, globals.get('paginate') === true);
  return {
    kind: 'operation',
    globals,
    operation,
    params,
    ...optional('cliInputJson', text(EXTRA_DESTS.cliInputJson)),
    ...optional('cliInputYaml', text(EXTRA_DESTS.cliInputYaml)),
    ...optional('generateCliSkeleton', text(EXTRA_DESTS.generateCliSkeleton)),
    paging,
    paginate,
  };
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

function argparse(spec: Parameters<typeof parseKnownArgs>[0], args: readonly string[], generation: Generation): ParseResult {
  try {
    return parseKnownArgs(spec, args, generation);
  } catch (error) {
    if (error instanceof ArgparseError) throw new UsageError('USAGE', error.message, { cause: error });
    throw error;
  }
}
