// --debug: a log of what was resolved and sent, on stderr, in the reference's line format
// (`2026-11-25 17:17:13,385 - MainThread - awscli.clidriver - DEBUG - ...`). It never prints a
// secret key or a session token (the reference prints the token), and redacts the model's
// sensitive members (JobName) as the SDK's logs do.
import type { Io } from '../io.js';
import { PyDict, type PyValue } from '../values/py-value.js';
import { elementShape, members, memberShape, type Shape } from '../model/shapes.js';
import type { ServiceModel } from '../model/service-model.js';
import type { Generation } from '../model/generation.js';
import { optionName } from '../model/names.js';
import { versionLine } from '../version.js';
import { pyRepr } from '../values/py-repr.js';

export const SENSITIVE = '***SensitiveInformation***';

export interface DebugLog {
  readonly enabled: boolean;
  /** One line at `level` (Python logging's level name; DEBUG by default). */
  log(logger: string, message: string, level?: 'DEBUG' | 'WARNING'): void;
}

/** A log writing to io's stderr, or one that drops everything. */
export function createDebugLog(io: Io, enabled: boolean): DebugLog {
  return {
    enabled,
    log: (logger, message, level = 'DEBUG') => {
      if (enabled) io.writeStderr(`${timestamp(io.now())} - MainThread - ${logger} - ${level} - ${message}\n`);
    },
  };
}

function timestamp(date: Date): string {
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())},${pad(date.getMilliseconds(), 3)}`;
}

/** A copy of `value` with every member the model marks sensitive replaced. */
export function redactSensitive(value: PyValue, shape: Shape): PyValue {
  if (shape.sensitive) return SENSITIVE;
  if (shape.type === 'structure' && value instanceof PyDict) {
    return new PyDict(
      [...value].map(([key, element]) => {
        const sub = memberShape(shape, key);
        return [key, sub ? redactSensitive(element, sub) : element] as const;
      }),
    );
  }
  const item = shape.type === 'list' ? elementShape(shape, 'member') : undefined;
  if (item && Array.isArray(value)) return value.map((element) => redactSensitive(element, item));
  return value;
}

/** Headers for the log: the signature's secret-derived parts and tokens never appear. */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === 'x-amz-security-token') out[name] = SENSITIVE;
    else if (lower === 'authorization') out[name] = value.replace(/Signature=[0-9a-f]+/, 'Signature=<redacted>');
    else out[name] = value;
  }
  return out;
}

/**
 * argv with the values of sensitive members' options replaced (--job-name): those of every
 * operation of the model, as argv is logged before it names one.
 */
export function redactArgv(argv: readonly string[], model: ServiceModel): string[] {
  const flags = [
    ...new Set(
      model.operationNames.flatMap((name) =>
        members(model.operation(name).input)
          .filter(([, shape]) => shape.sensitive)
          .map(([member]) => optionName(member)),
      ),
    ),
  ];
  return argv.map((arg, i) => {
    const previous = argv[i - 1];
    if (previous !== undefined && flags.includes(previous)) return SENSITIVE;
    const flag = flags.find((f) => arg.startsWith(`${f}=`));
    return flag ? `${flag}=${SENSITIVE}` : arg;
  });
}

/** The first lines: the version and the command line (sensitive values redacted). */
export function logStart(io: Io, argv: readonly string[], enabled: boolean, model: ServiceModel, generation: Generation): void {
  const debug = createDebugLog(io, enabled);
  if (!debug.enabled) return;
  debug.log('awscli.clidriver', `CLI version: ${versionLine(io, generation)}`);
  debug.log('awscli.clidriver', `Arguments entered to CLI: ${pyRepr(redactArgv(argv, model))}`);
}
