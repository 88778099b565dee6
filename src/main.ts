// run(argv, io) → exit code: the one pipeline every invocation goes through, step by step in
// the reference's order (which decides which error wins), and the only catch-all.
import type { Io } from './io.js';
import { EXIT } from './exit-codes.js';
import { CliError, ConfigError, GeneralError, InterruptedError, ParamError } from './errors.js';
import { reportError } from './report-error.js';
import {
  AUTO_PROMPT,
  FIRST_PASS_HELP,
  NO_AUTO_PROMPT,
  parseFirstPass,
  parseGlobals,
  parseService,
  type CommandLine,
  type GlobalValues,
} from './cli/parse-command-line.js';
import {
  ENV_DEFAULT_PROFILE,
  ENV_PROFILE,
  loadSharedFiles,
  profileString,
  resolveSettings,
  type Settings,
  type SharedFiles,
} from './config/settings.js';
import { completionCommand } from './cli/completion.js';
import { runAutoPrompt } from './prompt/run-auto-prompt.js';
import { needsProfile, NOT_A_TERMINAL_STDERR, resolveAutoPromptMode, type AutoPromptMode } from './cli/auto-prompt.js';
import { credentialMethod, loadCredentials, noCredentialsError } from './config/credentials.js';
import { createClientContext } from './config/client-context.js';
import { checkEndpointScheme } from './config/endpoint.js';
import { buildRequest } from './params/build-request.js';
import { skeletonValue } from './params/skeleton.js';
import { yamlSkeleton } from './params/skeleton-yaml.js';
import { firstUnknownMember, validate } from './validate/validate.js';
import { pyRepr } from './values/py-repr.js';
import { reportIssues } from './validate/issue-report.js';
import { inputShape, OPERATION_NAME, outputShape } from './model/shapes.js';
import { createDebugLog, redactArgv, redactSensitive } from './debug-log.js';
import { parsePyJson } from './values/py-json-parse.js';
import { toSdkInput } from './service/sdk-input.js';
import { sendRequest } from './service/send.js';
import { responseView } from './output/response-view.js';
import { emitResult, outputSettings } from './output/emit.js';
import { prepareQuery, type QueryFn } from './output/query.js';
import type { TimestampFormat } from './output/timestamp.js';
import { dumpPyJson } from './values/py-json-dump.js';
import { checkTimeoutSyntax } from './config/transport.js';
import { BINARY_FORMATS } from './cli/global-options.js';
import type { PyDict } from './values/py-value.js';
import { userAgent, versionLine } from './version.js';

export { nodeIo } from './io.js';

/** Runs one invocation; writes to io and returns the exit code. Never throws. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const files = once(() => loadSharedFiles(io));
  try {
    // Shell completion: `aws-voiceid completion bash|zsh` and the scripts' `__complete` calls.
    const completion = completionCommand(argv);
    if (completion) {
      io.writeStdout(completion.stdout);
      io.writeStderr(completion.stderr);
      return completion.exitCode;
    }
    // 1. The first pass: --debug, --profile (and -h).
    const first = parseFirstPass(argv);
    if (first.kind === 'first-pass-help') {
      io.writeStdout(FIRST_PASS_HELP);
      return EXIT.OK;
    }
    debugStart(argv, io, first.debug);
    // 2. The auto-prompt mode, before anything else is parsed.
    const mode = await autoPromptMode(argv, first.profile, io, files);
    if (mode === 'on') return await promptThenRun(argv, io, files);
    if (mode === 'off') return await runPipeline(argv, io, files);
    // on-partial: run with parameter errors held back; a 252 opens the prompt instead.
    const held: string[] = [];
    const code = await guarded(argv, { ...io, writeStderr: (text) => void held.push(text) }, files);
    if (code === EXIT.PARAM_VALIDATION) return await promptThenRun(argv, io, files);
    for (const text of held) io.writeStderr(text);
    return code;
  } catch (error) {
    return reportTo(io, error, argv);
  }
}

async function guarded(argv: readonly string[], io: Io, files: () => Promise<SharedFiles>): Promise<number> {
  try {
    return await runPipeline(argv, io, files);
  } catch (error) {
    return reportTo(io, error, argv);
  }
}

function reportTo(io: Io, error: unknown, argv: readonly string[]): number {
  if (!(error instanceof CliError)) io.onUnexpectedError?.(error);
  const report = reportError(error, argv.includes('--debug'));
  if (error instanceof InterruptedError) io.writeStdout('\n');
  io.writeStderr(report.stderr);
  return report.exitCode;
}

async function autoPromptMode(
  argv: readonly string[],
  profileFlag: string | undefined,
  io: Io,
  files: () => Promise<SharedFiles>,
): Promise<AutoPromptMode> {
  if (argv.includes(AUTO_PROMPT) && argv.includes(NO_AUTO_PROMPT)) return 'off'; // the parser reports it
  if (!needsProfile(argv, io.env)) return resolveAutoPromptMode(argv, io.env);
  const name = profileFlag ?? (io.env[ENV_PROFILE] || io.env[ENV_DEFAULT_PROFILE] || 'default');
  const profile = (await files()).profiles.get(name);
  return resolveAutoPromptMode(argv, io.env, profileString(profile, 'cli_auto_prompt'));
}

// The interactive prompt; then the command line it built runs as usual (auto-prompt off).
async function promptThenRun(argv: readonly string[], io: Io, files: () => Promise<SharedFiles>): Promise<number> {
  if (!io.stdinIsTTY) {
    io.writeStderr(NOT_A_TERMINAL_STDERR);
    return EXIT.GENERAL;
  }
  const args = await runAutoPrompt(argv, io.promptIo());
  if (args === undefined) return EXIT.INTERRUPTED;
  return guarded(withoutAutoPrompt(args), io, files);
}

function withoutAutoPrompt(args: readonly string[]): string[] {
  return args.filter((a) => a !== AUTO_PROMPT && a !== NO_AUTO_PROMPT);
}

function once<T>(make: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: make() }).v;
}

async function runPipeline(argv: readonly string[], io: Io, files: () => Promise<SharedFiles>): Promise<number> {
  // 3. The global parser: global options anywhere, and the command.
  const parsed = parseGlobals(argv);
  if (parsed.kind === 'version') {
    io.writeStdout(`${versionLine(io)}\n`);
    return EXIT.OK;
  }
  if (parsed.kind === 'help') throw new GeneralError('INTERNAL', 'help is not available in this version of aws-voiceid yet.');
  // 4. Top-level option handlers.
  const query = checkGlobalOptions(parsed.globals);
  // 5. The session: settings from the environment and the shared files.
  const settings = resolveSettings(parsed.globals, io.env, await files());
  const timestampFormat = resolveTimestampFormat(settings);
  checkBinaryFormat(settings);
  // 6–7. The service and operation parsers.
  const command = parseService(parsed.rest, parsed.globals);
  if (command.kind !== 'operation') throw new GeneralError('INTERNAL', 'help is not available in this version of aws-voiceid yet.');
  // 8–9. Unpack the options, merge --cli-input-*; input skeletons stop here.
  const request = await buildRequest(command.params, command, io);
  const skeleton = command.generateCliSkeleton;
  if (skeleton === 'input') {
    io.writeStdout(`${dumpPyJson(skeletonValue(inputShape()), { indent: 4, ensureAscii: true })}\n`);
    return EXIT.OK;
  }
  if (skeleton === 'yaml-input') {
    io.writeStdout(yamlSkeleton(inputShape()));
    return EXIT.OK;
  }
  // 10. Client creation: credentials, region, profile, endpoint, retries, transport.
  const client = await createClientContext(command.globals, settings, await files(), io);
  const { region, endpoint, retry, transport, credentialSource } = client;
  const debug = createDebugLog(io, settings.debug);
  debug.log('botocore.session', `Using profile ${settings.profileName} (from ${settings.profileSource}); region ${region}`);
  debug.log('botocore.credentials', credentialSource ? `Found credentials in ${credentialMethod(credentialSource)}` : 'No credentials found');
  debug.log('botocore.endpoint', `Endpoint: ${endpoint}`);
  debug.log('botocore.retries', `Retry mode ${retry.mode}, max attempts ${retry.maxAttempts}`);
  debug.log('awscli.clidriver', `Setting voiceid timeout as (${transport.connectTimeout || 'None'}, ${transport.readTimeout || 'None'})`);
  // 11. The call: idempotency token, validation (or, with validation off, the serializer's crash).
  if (!request.has('ClientToken')) {
    request.set('ClientToken', io.randomUuid());
    debug.log('botocore.handlers', `injecting idempotency token (${String(request.get('ClientToken'))}) into param 'ClientToken'.`);
  }
  if (debug.enabled) debug.log('botocore.endpoint', `Making request for OperationModel(name=${OPERATION_NAME}) with params: ${pyRepr(redactSensitive(request, inputShape()))}`);
  checkParameters(request, settings);
  if (skeleton === 'output') {
    // What 2.9.19 means to do (its own check of this sample fails): a sample answer, no call.
    await emitResult(skeletonValue(outputShape(), { memberNames: true }), outputSettings(settings, io, query), io);
    return EXIT.OK;
  }
  // 11. Signing: the credentials must exist now (fetched from STS or SSO where they come from there).
  if (settings.signRequest && !credentialSource) throw noCredentialsError();
  const credentials = settings.signRequest && credentialSource ? await loadCredentials(credentialSource, io, { region }) : undefined;
  const response = await sendRequest({
    region,
    endpoint,
    credentials,
    signRequest: settings.signRequest,
    body: dumpPyJson(request, { ensureAscii: true }),
    input: toSdkInput(request),
    maxAttempts: retry.maxAttempts,
    retryMode: retry.mode,
    userAgent: userAgent(),
    interrupt: io.interrupt,
    transport: { ...transport, readFile: (path) => io.readFile(path) },
    warn: (text) => io.writeStderr(text),
    ...(debug.enabled
      ? {
          debug: (message: string) => debug.log('botocore.endpoint', message),
          redactResponse: (body: string) => redactResponseBody(body),
        }
      : {}),
  });
  // 12. Output.
  const view = responseView(new TextDecoder().decode(response.body), outputShape(), { timestampFormat, timeZone: io.env.TZ });
  await emitResult(view, outputSettings(settings, io, query), io);
  return EXIT.OK;
}

function debugStart(argv: readonly string[], io: Io, enabled: boolean): void {
  const debug = createDebugLog(io, enabled);
  debug.log('awscli.clidriver', `CLI version: ${versionLine(io)}`);
  debug.log('awscli.clidriver', `Arguments entered to CLI: ${pyRepr(redactArgv(argv))}`);
}

function redactResponseBody(body: string): string {
  try {
    return dumpPyJson(redactSensitive(parsePyJson(body), outputShape()), { ensureAscii: false });
  } catch {
    return body;
  }
}

function checkParameters(request: PyDict, settings: Settings): void {
  if (settings.parameterValidation) {
    const issues = validate(request, inputShape());
    if (issues.length > 0) throw new ParamError('PARAM_VALIDATION', reportIssues(issues));
    return;
  }
  // AWS CLI quirk: with parameter_validation = false an unknown member crashes botocore's serializer.
  const unknown = firstUnknownMember(request, inputShape());
  if (unknown !== undefined) throw new GeneralError('PYTHON_CRASH', pyRepr(unknown));
}

function checkGlobalOptions(globals: GlobalValues): QueryFn {
  const expression = globals.get('query');
  const query = prepareQuery(typeof expression === 'string' ? expression : undefined);
  const endpoint = globals.get('endpoint_url');
  if (typeof endpoint === 'string') checkEndpointScheme(endpoint);
  checkTimeoutSyntax(globals);
  return query;
}

// AWS CLI quirk: a bad cli_binary_format in the profile is a KeyError, printed as its repr.
function checkBinaryFormat(settings: Settings): void {
  const value = profileString(settings.profile, 'cli_binary_format');
  if (value !== undefined && !(BINARY_FORMATS as readonly string[]).includes(value)) throw new GeneralError('PYTHON_CRASH', pyRepr(value));
}

function resolveTimestampFormat(settings: Settings): TimestampFormat {
  const value = profileString(settings.profile, 'cli_timestamp_format') ?? 'iso8601';
  if (value === 'iso8601' || value === 'wire') return value;
  throw new ConfigError('BAD_CONFIG_VALUE', `Unknown cli_timestamp_format value: ${value}, valid values are "wire" or "iso8601"`);
}

export type { CommandLine, PyDict };
