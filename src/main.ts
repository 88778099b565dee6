// run(argv, io) → exit code: the one pipeline every invocation goes through, step by step in
// the reference's order (which decides which error wins), and the only catch-all.
import type { Io } from './io.js';
import { EXIT } from './exit-codes.js';
import { CliError } from './errors.js';
import { hasErrorFormats, reportError } from './report-error.js';
import { ENTRY_ERROR_FORMAT, sessionErrorFormat } from './config/error-format.js';
import {
  AUTO_PROMPT,
  checkAutoPromptFlags,
  FIRST_PASS_HELP,
  firstPassProfile,
  NO_AUTO_PROMPT,
  parseFirstPass,
  parseGlobals,
  parseService,
  type CommandLine,
  type GlobalParse,
  type GlobalValues,
  type HelpRequest,
} from './cli/parse-command-line.js';
import { prepareQuery, type QueryFn } from './output/query.js';
import { checkEndpointScheme } from './config/endpoint.js';
import { checkTimeoutSyntax } from './config/transport.js';
import { isCompletionCommand } from './cli/completion.js';
import { needsProfile, NOT_A_TERMINAL_STDERR, resolveAutoPromptMode, type AutoPromptMode } from './cli/auto-prompt.js';
import { ENV_DEFAULT_PROFILE, ENV_PROFILE, loadSharedFiles, profileString, resolveSettings, type SharedFiles } from './config/settings.js';
import { checkBinaryFormat, resolveTimestampFormat } from './config/session-checks.js';
import { DEFAULT_GENERATION, ENV_COMPAT, FINAL_GENERATION, PROFILE_COMPAT, resolveGeneration, type Generation } from './model/generation.js';
import { serviceModelFor, type ServiceModel } from './model/service-model.js';
import { buildRequest } from './params/build-request.js';
import { skeletonValue } from './params/skeleton.js';
import { outputSettings, tableDisplay, type OutputSettings } from './output/emit.js';
import { createDebugLog, logStart } from './service/debug-log.js';
import { dumpPyJson } from './values/py-json-dump.js';
import { PyDict } from './values/py-value.js';
import { versionLine } from './version.js';
import { paginationConfigEntries } from './cli/paging-options.js';
import { paginatesRequest, warnNonPositiveMaxItems } from './output/paging-config.js';

export { nodeIo } from './node-io.js';
export { warmUp } from './warm-up.js';

/** Runs one invocation; writes to io and returns the exit code. Never throws. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const files = once(() => loadSharedFiles(io));
  let generation: Generation = DEFAULT_GENERATION;
  try {
    // Shell completion: `aws-voiceid completion bash|zsh` and the scripts' `__complete` calls,
    // before anything is parsed: the model is the generation's of the environment.
    if (isCompletionCommand(argv)) {
      generation = resolveGeneration(io.env, undefined);
      const { completionCommand } = await import('./cli/completion.js');
      const completion = completionCommand(argv, { model: await serviceModelFor(generation), generation });
      if (completion) {
        io.writeStdout(completion.stdout);
        io.writeStderr(completion.stderr);
        return completion.exitCode;
      }
    }
    // The generation of the AWS CLI to follow (AWS_VOICEID_COMPAT, voiceid_compat in the profile
    // the first pass names): it decides the grammar, the model and how errors are printed.
    generation = await generationOf(firstPassProfile(argv), io, files);
    // 1. The first pass: --debug, --profile (and, in 2.9.19, -h).
    const first = parseFirstPass(argv, generation);
    if (first.kind === 'first-pass-help') {
      io.writeStdout(FIRST_PASS_HELP);
      return EXIT.OK;
    }
    const model = await serviceModelFor(generation);
    logStart(io, argv, first.debug, model, generation);
    // 2. The auto-prompt mode, before anything else is parsed.
    checkAutoPromptFlags(argv);
    const mode = await autoPromptMode(argv, first.profile, io, files);
    const context: Invocation = { io, files, generation, model, debug: argv.includes('--debug') };
    if (mode === 'on') return await promptThenRun(argv, context);
    if (mode === 'off') return await guarded(argv, context);
    // on-partial: run with parameter errors held back; a 252 opens the prompt instead.
    const held: string[] = [];
    const code = await guarded(argv, { ...context, io: { ...io, writeStderr: (text) => void held.push(text) } });
    if (code === EXIT.PARAM_VALIDATION) return await promptThenRun(argv, context);
    for (const text of held) io.writeStderr(text);
    return code;
  } catch (error) {
    return reportTo({ io, files, generation, debug: argv.includes('--debug') }, error, 'entry');
  }
}

/** What every step of one invocation shares. */
interface Invocation {
  readonly io: Io;
  readonly files: () => Promise<SharedFiles>;
  readonly generation: Generation;
  /** The generation's service model: every operation, option and check comes from it. */
  readonly model: ServiceModel;
  readonly debug: boolean;
}

/**
 * Which of awscli's handler chains reports an error: the entry point's (before the CLI driver:
 * no session, so a structured error is enhanced), or the driver's, with the global options when
 * they parsed.
 */
type ReportScope = 'entry' | { readonly globals: GlobalValues | undefined };

// The CLI driver's handlers. A global parser that fails leaves no parsed globals: the error
// format then comes from the environment and the session's profile only.
async function guarded(argv: readonly string[], context: Invocation): Promise<number> {
  let parsed: GlobalParse;
  try {
    parsed = parseGlobals(argv, context.model, context.generation);
  } catch (error) {
    return reportTo(context, error, { globals: undefined });
  }
  try {
    return await runPipeline(parsed, context);
  } catch (error) {
    return reportTo(context, error, { globals: parsed.globals });
  }
}

async function reportTo(context: Omit<Invocation, 'model'>, error: unknown, scope: ReportScope): Promise<number> {
  const { io, generation } = context;
  if (!(error instanceof CliError)) io.onUnexpectedError?.(error);
  const globals = scope === 'entry' ? undefined : scope.globals;
  const setting = !hasErrorFormats(generation)
    ? undefined
    : scope === 'entry'
      ? ENTRY_ERROR_FORMAT
      : sessionErrorFormat(globals, io.env, await context.files().catch(() => undefined));
  const color = globals?.get('color');
  const display = { ...tableDisplay(typeof color === 'string' ? color : 'auto', io), stdoutIsTTY: io.stdoutIsTTY };
  const report = await reportError(error, { debug: context.debug, generation, errorFormat: setting, display });
  if (report.warning !== undefined) createDebugLog(io, context.debug).log('awscli.errorhandler', report.warning, 'WARNING');
  io.writeStdout(report.stdout);
  io.writeStderr(report.stderr);
  return report.exitCode;
}

async function autoPromptMode(argv: readonly string[], profileFlag: string | undefined, io: Io, files: () => Promise<SharedFiles>): Promise<AutoPromptMode> {
  if (!needsProfile(argv, io.env)) return resolveAutoPromptMode(argv, io.env);
  const profile = (await files()).profiles.get(profileNameOf(profileFlag, io.env));
  return resolveAutoPromptMode(argv, io.env, profileString(profile, 'cli_auto_prompt'));
}

// The profile's voiceid_compat is read only when the environment does not decide. Shared files
// that cannot be read here are left to the step that reads them in the reference's order.
async function generationOf(profileFlag: string | undefined, io: Io, files: () => Promise<SharedFiles>): Promise<Generation> {
  if (io.env[ENV_COMPAT]) return resolveGeneration(io.env, undefined);
  const profile = await files().then(
    (loaded) => loaded.profiles.get(profileNameOf(profileFlag, io.env)),
    () => undefined,
  );
  return resolveGeneration(io.env, profileString(profile, PROFILE_COMPAT));
}

function profileNameOf(flag: string | undefined, env: Io['env']): string {
  return flag ?? (env[ENV_PROFILE] || env[ENV_DEFAULT_PROFILE] || 'default');
}

// The interactive prompt; then the command line it built runs as usual (auto-prompt off).
async function promptThenRun(argv: readonly string[], context: Invocation): Promise<number> {
  const { io } = context;
  if (!io.stdinIsTTY) {
    io.writeStderr(NOT_A_TERMINAL_STDERR);
    return EXIT.GENERAL;
  }
  const { runAutoPrompt } = await import('./prompt/run-auto-prompt.js');
  const args = await runAutoPrompt(argv, io.promptIo(), context);
  if (args === undefined) return EXIT.INTERRUPTED;
  return guarded(withoutAutoPrompt(args), context);
}

function withoutAutoPrompt(args: readonly string[]): string[] {
  return args.filter((a) => a !== AUTO_PROMPT && a !== NO_AUTO_PROMPT);
}

function once<T>(make: () => T): () => T {
  let value: { v: T } | undefined;
  return () => {
    value ??= { v: make() };
    return value.v;
  };
}

// 3. The global parser gave the global options and the command; the rest of the pipeline.
async function runPipeline(parsed: GlobalParse, context: Invocation): Promise<number> {
  const { io, files, generation, model } = context;
  if (parsed.kind === 'version') {
    io.writeStdout(`${versionLine(io, context.generation)}\n`);
    return EXIT.OK;
  }
  if (parsed.kind === 'help') return help(io, parsed, model, generation);
  // 4. Top-level option handlers.
  const query = await checkGlobalOptions(parsed.globals);
  // 5. The session: settings from the environment and the shared files.
  const settings = resolveSettings(parsed.globals, io.env, await files());
  const timestampFormat = resolveTimestampFormat(settings);
  checkBinaryFormat(settings);
  // 6–7. The service and operation parsers.
  const command = parseService(parsed.rest, parsed.globals, model, generation);
  if (command.kind !== 'operation') return help(io, command.kind === 'help' ? command : { topic: [] }, model, generation);
  const { operation } = command;
  // 8–9. Unpack the options (the paging ones into PaginationConfig), merge --cli-input-*; input skeletons stop here.
  warnNonPositiveMaxItems(command.paging, generation, io);
  const request = await buildRequest(operation, command.params, command, generation, io, new PyDict(paginationConfigEntries(command.paging)));
  const skeleton = command.generateCliSkeleton;
  if (skeleton === 'input') {
    io.writeStdout(`${dumpPyJson(skeletonValue(operation.input), { indent: 4, ensureAscii: true })}\n`);
    return EXIT.OK;
  }
  if (skeleton === 'yaml-input') {
    const { yamlSkeleton } = await import('./params/skeleton-yaml.js');
    io.writeStdout(yamlSkeleton(operation.input));
    return EXIT.OK;
  }
  const output = (): OutputSettings => outputSettings(settings, io, operation.name, query, generation);
  // A model older than the final one: validation looks there too, for its hint (loaded only then).
  const finalModel = context.generation === FINAL_GENERATION ? undefined : () => serviceModelFor(FINAL_GENERATION);
  // calling-command: paging members in the request (from --cli-input-*) turn pagination off too.
  const paginate = command.paginate && paginatesRequest(operation, request);
  const callContext = { io, files, output, timestampFormat, sample: skeleton === 'output', finalModel, generation, paginate };
  const { invoke } = await import('./invoke.js');
  return invoke(operation, request, command.globals, settings, callContext);
}

// Step 4 of the reference, the top-level option handlers: --query is compiled (exit 252 for a bad
// expression), --endpoint-url must have a scheme (252), the timeouts must be ints (255).
async function checkGlobalOptions(globals: GlobalValues): Promise<QueryFn> {
  const expression = globals.get('query');
  const query = await prepareQuery(typeof expression === 'string' ? expression : undefined);
  const endpoint = globals.get('endpoint_url');
  if (typeof endpoint === 'string') checkEndpointScheme(endpoint);
  checkTimeoutSyntax(globals);
  return query;
}

// `help`, `voice-id help`, `voice-id start-speaker-enrollment-job help`: the manual through the help pager.
async function help(io: Io, request: Pick<HelpRequest, 'topic' | 'operation'>, model: ServiceModel, generation: Generation): Promise<number> {
  const { renderOperationHelp, renderServiceHelp, renderTopHelp, showHelp } = await loadHelp();
  const { operation, topic } = request;
  const manual = operation ? renderOperationHelp(operation, generation) : topic.length === 1 ? renderServiceHelp(model) : renderTopHelp(generation);
  await showHelp(io, manual);
  return EXIT.OK;
}

async function loadHelp() {
  const [operation, service, show] = await Promise.all([import('./help/operation-help.js'), import('./help/service-help.js'), import('./help/show-help.js')]);
  return { ...operation, ...service, showHelp: show.showHelp };
}

export type { CommandLine, PyDict };
