// Steps 10–12 of the pipeline (src/main.ts): the client, the call, the output. Loaded by main.ts
// only when an invocation gets this far, so that a usage error or a skeleton does not evaluate the
// request path (the SDK, credentials, validation, the formatters).
import { type Io, zoneSourceOf } from './io.js';
import { EXIT } from './exit-codes.js';
import type { GlobalValues } from './cli/parse-command-line.js';
import type { Settings, SharedFiles } from './config/settings.js';
import type { TimestampFormat } from './config/session-checks.js';
import { type Generation, hasEpochFallback } from './model/generation.js';
import type { Operation, ServiceModel } from './model/service-model.js';
import { createClientContext, logClientContext } from './service/client-context.js';
import { skeletonValue } from './params/skeleton.js';
import { checkParameters } from './validate/check-parameters.js';
import { callService } from './service/call.js';
import { responseView } from './output/response-view.js';
import type { TimestampClock, Zone } from './output/timestamp.js';
import { emitResult, type OutputSettings } from './output/emit.js';
import { createDebugLog, redactSensitive } from './service/debug-log.js';
import { pyRepr } from './values/py-repr.js';
import { utf8Text } from './values/py-decode.js';
import { hasNonStrKey, PyDict } from './values/py-value.js';
import { GeneralError } from './errors.js';
import { PageIterator } from './output/page-iterator.js';
import { emitPages } from './output/emit-pages.js';
import { pagingConfig } from './output/paging-config.js';
import { underColorama } from './report-error.js';
import { warnOnce } from './values/py-warnings.js';

export interface InvokeContext {
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
export async function invoke(operation: Operation, request: PyDict, globals: GlobalValues, settings: Settings, ctx: InvokeContext): Promise<number> {
  const { io } = ctx;
  // 10. Client creation: credentials, region, profile, endpoint, retries, transport.
  const client = await createClientContext(globals, settings, await ctx.files(), io, ctx.generation);
  const debug = createDebugLog(io, settings.debug);
  logClientContext(debug, settings, client);
  // awscli calls the client's method with **parameters: a top-level key that was no str in Python
  // (a YAML input's `1:`) is Python's TypeError there, after the client is made, before validation.
  if (hasNonStrKey(request)) throw new GeneralError('PYTHON_CRASH', 'keywords must be strings');
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
  const { paginator } = operation;
  if (ctx.paginate && paginator && !ctx.sample) {
    // The paginator reads its config, the formatter is picked, then the pages are fetched as printed.
    const config = pagingConfig(request, operation);
    const output = ctx.output();
    await underStyler(output, () => emitPages(new PageIterator(paginator, config, request, call), output, io));
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
    const output = ctx.output();
    await underStyler(output, () => emitResult(sample, output, io));
    return EXIT.OK;
  }
  const response = await callService(operation, request, settings, client, io, debug);
  // 12. Output.
  const value = responseOf(operation, response.body, ctx);
  const output = ctx.output();
  await underStyler(output, () => emitResult(value, output, io));
  return EXIT.OK;
}

// The formatter is made before the output is: a colour table's styler runs colorama.init then, so
// stderr autoresets for every error from there on (the pages' calls, --query, the formatting).
async function underStyler(output: OutputSettings, emit: () => Promise<void>): Promise<void> {
  try {
    await emit();
  } catch (error) {
    throw output.format === 'table' && output.formatOptions.color ? underColorama(error) : error;
  }
}

// The response as the formatters see it (timestamps in the CLI's format).
function responseOf(operation: Operation, body: Uint8Array, ctx: InvokeContext): PyDict {
  if (!operation.output) return new PyDict();
  const { zone, clock } = timestampEnvOf(ctx);
  const view = responseView(utf8Text(body), operation.output, { timestampFormat: ctx.timestampFormat, timeZone: zone, clock });
  return view instanceof PyDict ? view : new PyDict();
}

// One zone and clock per command (pages share them): CPython reads the zone once; Python's
// warnings registry prints a warning's text once per run (shared with the credential chain's).
const TIMESTAMP_ENVS = new WeakMap<InvokeContext, { zone: Zone; clock: TimestampClock }>();

function timestampEnvOf(ctx: InvokeContext): { zone: Zone; clock: TimestampClock } {
  let env = TIMESTAMP_ENVS.get(ctx);
  if (env === undefined) {
    const { io } = ctx;
    env = {
      zone: zoneSourceOf(io),
      clock: {
        nowMs: io.now().getTime(),
        epochFallback: hasEpochFallback(ctx.generation),
        warn: (text) => warnOnce(io, text, (shown) => io.writeStderr(shown)),
      },
    };
    TIMESTAMP_ENVS.set(ctx, env);
  }
  return env;
}
