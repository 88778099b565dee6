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
import { FORMATTERS } from './output/formatters.js';
import { showHelp } from './help/show-help.js';
import { completionCommand, isCompletionCommand } from './cli/completion.js';
import { servedOperations } from './cli/served-operations.js';
import { needsProfile, NOT_A_TERMINAL_STDERR, resolveAutoPromptMode, type AutoPromptMode } from './cli/auto-prompt.js';
import { runAutoPrompt } from './prompt/run-auto-prompt.js';
import { ENV_DEFAULT_PROFILE, ENV_PROFILE, loadSharedFiles, profileString, resolveSettings, type Settings, type SharedFiles } from './config/settings.js';
import { checkBinaryFormat, resolveTimestampFormat, type TimestampFormat } from './config/session-checks.js';
import { DEFAULT_GENERATION, ENV_COMPAT, FINAL_GENERATION, GENERATIONS, PROFILE_COMPAT, resolveGeneration, type Generation } from './model/generation.js';
import { serviceModelFor, type Operation, type ServiceModel } from './model/service-model.js';
import { createClientContext } from './service/client-context.js';
import { buildRequest } from './params/build-request.js';
import { skeletonValue } from './params/skeleton.js';
import { yamlSkeleton } from './params/skeleton-yaml.js';
import { checkParameters } from './validate/check-parameters.js';
import { callService } from './service/call.js';
import { responseView } from './output/response-view.js';
import { emitResult, outputSettings, tableDisplay, type OutputSettings } from './output/emit.js';
import { createDebugLog, logClientContext, logStart, redactSensitive } from './service/debug-log.js';
import { dumpPyJson } from './values/py-json-dump.js';
import { pyRepr } from './values/py-repr.js';
import { PyDict, type PyValue } from './values/py-value.js';
import { versionLine } from './version.js';
import { paginationConfigEntries } from './cli/paging-options.js';
import { PageIterator } from './output/page-iterator.js';
import { emitPages } from './output/emit-pages.js';
import { paginatesRequest, pagingConfig, warnNonPositiveMaxItems } from './output/paging-config.js';

export { nodeIo } from './node-io.js';

/** The warm-up's --query (see warmUp). */
const WARM_UP_QUERY = [
  'Job.{id: JobId, when: CreatedAt, progress: JobProgress.PercentComplete, keys: keys(@),',
  'configs: [InputDataConfig, OutputDataConfig],',
  "strings: ['', '0', 'yes', '2026-01-01T00:00:00.123000+00:00', 'a: b', '\u00e9\u65e5\uff01', 'two\nlines'],",
  'others: [`0.5`, `-1`, `true`, `null`]}',
].join(' ');

/**
 * Build-time only (scripts/warm-cache.mjs, through bin/aws-voiceid.js): runs the code that the
 * warm-up request did not (every generation's model, --query, every formatter, with and without
 * colour) so that it is in the V8 code cache too. Every formatter gets inputs it accepts: each
 * served operation's output shape with every member, and a --query result with scalars, lists of
 * scalars (strings that YAML must quote, as a response's timestamps, and wide characters) and a
 * list of dicts. No list mixes dicts with other values: text.py fails on one. Rejects, naming the
 * format, when a formatter throws; the build then fails.
 */
export async function warmUp(): Promise<void> {
  const query = await prepareQuery(WARM_UP_QUERY);
  const samples: [title: string, value: PyValue][] = [];
  for (const generation of GENERATIONS) {
    for (const operation of servedOperations(await serviceModelFor(generation))) {
      if (!operation.output) continue;
      const sample = skeletonValue(operation.output, { memberNames: true });
      samples.push([operation.name, sample], [operation.name, query(sample)]);
    }
  }
  for (const [name, formatter] of Object.entries(FORMATTERS)) {
    for (const color of [false, true]) {
      for (const [title, value] of samples) {
        const options = { title, color, autoreset: color, width: 80 };
        try {
          await formatter.format(value, options);
        } catch (error) {
          throw new Error(`--output ${name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
  }
}

/** Runs one invocation; writes to io and returns the exit code. Never throws. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const files = once(() => loadSharedFiles(io));
  let generation: Generation = DEFAULT_GENERATION;
  try {
    // Shell completion: `aws-voiceid completion bash|zsh` and the scripts' `__complete` calls,
    // before anything is parsed: the model is the generation's of the environment.
    if (isCompletionCommand(argv)) {
      generation = resolveGeneration(io.env, undefined);
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
    io.writeStdout(yamlSkeleton(operation.input));
    return EXIT.OK;
  }
  const output = (): OutputSettings => outputSettings(settings, io, operation.name, query, generation);
  // A model older than the final one: validation looks there too, for its hint (loaded only then).
  const finalModel = context.generation === FINAL_GENERATION ? undefined : () => serviceModelFor(FINAL_GENERATION);
  // calling-command: paging members in the request (from --cli-input-*) turn pagination off too.
  const paginate = command.paginate && paginatesRequest(operation, request);
  const callContext = { io, files, output, timestampFormat, sample: skeleton === 'output', finalModel, generation, paginate };
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
  const { renderOperationHelp, renderServiceHelp, renderTopHelp } = await loadHelp();
  const { operation, topic } = request;
  const manual = operation ? renderOperationHelp(operation, generation) : topic.length === 1 ? renderServiceHelp(model) : renderTopHelp(generation);
  await showHelp(io, manual);
  return EXIT.OK;
}

async function loadHelp() {
  const [operation, service] = await Promise.all([import('./help/operation-help.js'), import('./help/service-help.js')]);
  return { ...operation, ...service };
}

interface InvokeContext {
  readonly io: Io;
  readonly files: () => Promise<SharedFiles>;
  readonly output: () => OutputSettings;
  readonly timestampFormat: TimestampFormat;
  /** --generate-cli-skeleton output: print a sample answer instead of calling. */
  readonly sample: boolean;
  /** Voice ID's final model, when the invocation follows an older one (validation's hint). */
  readonly finalModel: (() => Promise<ServiceModel>) | undefined;
  readonly generation: Generation;
  /** Automatic pagination (the operation's paginator, PageIterator). */
  readonly paginate: boolean;
}

// Steps 10–12: the client, the call, the output.
async function invoke(operation: Operation, request: PyDict, globals: GlobalValues, settings: Settings, ctx: InvokeContext): Promise<number> {
  const { io } = ctx;
  // 10. Client creation: credentials, region, profile, endpoint, retries, transport.
  const client = await createClientContext(globals, settings, await ctx.files(), io, ctx.generation);
  const debug = createDebugLog(io, settings.debug);
  logClientContext(debug, settings, client);
  // 11. The idempotency token (the member the model marks) and validation (or, with validation
  // off, the serializer's crash).
  const token = operation.idempotencyToken;
  if (token !== undefined && !request.has(token)) {
    request.set(token, io.randomUuid());
    debug.log('botocore.handlers', `injecting idempotency token (${String(request.get(token))}) into param '${token}'.`);
  }
  const call = async (params: PyDict): Promise<PyDict> => {
    if (debug.enabled)
      debug.log(
        'botocore.endpoint',
        `Making request for OperationModel(name=${operation.name}) with params: ${pyRepr(redactSensitive(params, operation.input))}`,
      );
    await checkParameters(operation, params, settings, ctx.finalModel);
    const response = await callService(operation, params, settings, client, io, debug);
    return responseOf(operation, response.body, ctx);
  };
  if (ctx.paginate && operation.paginator && !ctx.sample) {
    // The paginator reads its config, the formatter is picked, then the pages are fetched as printed.
    const config = pagingConfig(request, operation);
    await emitPages(new PageIterator(operation.paginator, config, request, call), ctx.output(), io);
    return EXIT.OK;
  }
  if (debug.enabled)
    debug.log(
      'botocore.endpoint',
      `Making request for OperationModel(name=${operation.name}) with params: ${pyRepr(redactSensitive(request, operation.input))}`,
    );
  await checkParameters(operation, request, settings, ctx.finalModel);
  if (ctx.sample) {
    // What 2.9.19 means to do (its own check of this sample fails): a sample answer, no call.
    const sample = operation.output ? skeletonValue(operation.output, { memberNames: true }) : new PyDict();
    await emitResult(sample, ctx.output(), io);
    return EXIT.OK;
  }
  const response = await callService(operation, request, settings, client, io, debug);
  // 12. Output.
  await emitResult(responseOf(operation, response.body, ctx), ctx.output(), io);
  return EXIT.OK;
}

// The response as the formatters see it (timestamps in the CLI's format).
function responseOf(operation: Operation, body: Uint8Array, ctx: InvokeContext): PyDict {
  const { io } = ctx;
  if (!operation.output) return new PyDict();
  const view = responseView(new TextDecoder().decode(body), operation.output, {
    timestampFormat: ctx.timestampFormat,
    timeZone: { name: io.env.TZ, ...(io.localZoneOffset ? { localOffset: io.localZoneOffset } : {}) },
  });
  return view instanceof PyDict ? view : new PyDict();
}

export type { CommandLine, PyDict };
