// voiceid-local: the command that starts the local Voice ID endpoint.
//   voiceid-local [--host 127.0.0.1] [--port N] [--state FILE] [--domain ID]... [--credentials KEY:SECRET]...
//                 [--fault KIND[:COUNT[:MS]]]... [--job-duration SECONDS] [--s3-dir DIR | --s3-endpoint-url URL]
//                 [--region REGION] [--account ACCOUNT_ID] [--log] [--version]
// The first line on stdout holds the URL. SIGINT/SIGTERM stop it at ease (the requests under way
// are answered), a second signal at once. Exit codes: exit-codes.ts.
import { parseArgs } from 'node:util';
import { statSync } from 'node:fs';
import { DEFAULT_TIMING, LOCAL_CREDENTIALS, startEmulator, type Emulator, type EmulatorOptions } from './server.js';
import { parseFault } from './faults.js';
import { EXIT_CODES } from './exit-codes.js';
import { FAILPOINTS, type Failpoint } from './state-file.js';
import { StatePathError } from './state-paths.js';
import { StateInUseError } from './state-lock.js';
import { formatLogLine, RequestLog } from './request-log.js';
import type { S3Options } from './s3/open-store.js';
import packageJson from '../../package.json' with { type: 'json' };
import { FINAL_GENERATION } from '../model/generation.js';
import { serviceModelFor } from '../model/service-model.js';

const USAGE = `usage: voiceid-local [--host 127.0.0.1] [--port N] [--state FILE] [--domain DOMAIN_ID]...
                     [--credentials KEY_ID:SECRET]... [--fault KIND[:COUNT[:MS]]]... [--job-duration SECONDS]
                     [--s3-dir DIR | --s3-endpoint-url URL] [--region REGION] [--account ACCOUNT_ID] [--log] [--version]`;

/** A bad command line. */
class UsageError extends Error {}

export interface LocalIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Where --log lines go (default: err). */
  readonly log?: (line: string) => void;
  /** Called once it listens, before the URL is printed (the process installs its signal handlers here). */
  readonly onListening?: (emulator: Emulator) => void;
  /** Called once if the state file can no longer be written (the process then stops with exit 4). */
  readonly onStateFailure?: (error: Error) => void;
  /** Called at each point of the state's writes where a test may kill the process. */
  readonly failpoint?: (point: Failpoint) => void;
}

/** Parses the arguments and starts the endpoint; returns it, or an exit code. */
export async function main(argv: readonly string[], io: LocalIo): Promise<Emulator | number> {
  let options: EmulatorOptions;
  try {
    const values = parse(argv);
    if (values.help) {
      io.out(`${USAGE}\n`);
      return EXIT_CODES.ok;
    }
    if (values.version) {
      io.out(`${await versionLine()}\n`);
      return EXIT_CODES.ok;
    }
    options = emulatorOptions(values, io);
  } catch (error) {
    io.err(`voiceid-local: ${(error as Error).message}\n${USAGE}\n`);
    return EXIT_CODES.usage;
  }
  try {
    const emulator = await startEmulator(options);
    io.onListening?.(emulator);
    io.out(`voiceid-local listening on ${emulator.url}\n`);
    if (!options.credentials) {
      io.out(`credentials: AWS_ACCESS_KEY_ID=${LOCAL_CREDENTIALS.accessKeyId} AWS_SECRET_ACCESS_KEY=${LOCAL_CREDENTIALS.secretAccessKey}\n`);
    }
    return emulator;
  } catch (error) {
    io.err(`voiceid-local: ${error instanceof Error ? error.message : String(error)}\n`);
    if (error instanceof StateInUseError) return EXIT_CODES.stateInUse;
    if (error instanceof StatePathError) return EXIT_CODES.stateNotWritable;
    return EXIT_CODES.startFailure;
  }
}

function emulatorOptions(values: ReturnType<typeof parse>, io: LocalIo): EmulatorOptions {
  const credentials = (values.credentials ?? []).map(parseCredentials);
  const duration = values['job-duration'] === undefined ? undefined : parseSeconds(values['job-duration']);
  for (const domain of values.domain ?? []) {
    if (!/^[a-zA-Z0-9]{22}$/.test(domain)) throw new UsageError(`--domain ${domain}: a domain id is 22 letters and digits`);
  }
  const faults = (values.fault ?? []).map((text) => {
    try {
      return parseFault(text);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  });
  return {
    host: values.host ?? '127.0.0.1',
    port: values.port === undefined ? 0 : parsePort(values.port),
    ...(values.state !== undefined ? { stateFile: values.state } : {}),
    stateOptions: {
      ...(io.failpoint ? { failpoint: io.failpoint } : {}),
      ...(io.onStateFailure ? { onFailure: io.onStateFailure } : {}),
    },
    domains: values.domain ?? [],
    ...(credentials.length > 0 ? { credentials: new Map(credentials) } : {}),
    faults,
    ...s3Options(values),
    ...(duration !== undefined ? { timing: { submittedMs: Math.min(DEFAULT_TIMING.submittedMs, duration / 5), durationMs: duration } } : {}),
    ...arnOptions(values),
    ...(values.log ? { log: (entry) => (io.log ?? io.err)(formatLogLine(entry)) } : {}),
  };
}

/** `voiceid-local 0.1.0 (Voice ID API 2021-09-27, final model)`. */
async function versionLine(): Promise<string> {
  const model = await serviceModelFor(FINAL_GENERATION);
  return `voiceid-local ${packageJson.version} (Voice ID API ${model.metadata.apiVersion}, final model)`;
}

/** --region and --account: the region and account of the ARNs it returns (default: the request's signing region, 123456789012). */
function arnOptions(values: ReturnType<typeof parse>): Pick<EmulatorOptions, 'region' | 'accountId'> {
  const { region, account } = values;
  // A region's shape: a partition prefix and a direction, then a number (us-east-1, us-gov-west-1, eu-central-2).
  if (region !== undefined && !/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(region)) {
    throw new UsageError(`--region ${region}: expected a region name such as us-east-1`);
  }
  if (account !== undefined && !/^\d{12}$/.test(account)) throw new UsageError(`--account ${account}: expected an AWS account id of 12 digits`);
  return { ...(region !== undefined ? { region } : {}), ...(account !== undefined ? { accountId: account } : {}) };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      state: { type: 'string' },
      domain: { type: 'string', multiple: true },
      credentials: { type: 'string', multiple: true },
      fault: { type: 'string', multiple: true },
      'job-duration': { type: 'string' },
      region: { type: 'string' },
      account: { type: 'string' },
      log: { type: 'boolean' },
      version: { type: 'boolean' },
      's3-dir': { type: 'string' },
      's3-endpoint-url': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }).values;
}

/** --s3-dir DIR (an existing folder) or --s3-endpoint-url URL (http or https), not both. */
function s3Options(values: ReturnType<typeof parse>): { s3?: S3Options } {
  const dir = values['s3-dir'];
  const url = values['s3-endpoint-url'];
  if (dir !== undefined && url !== undefined) throw new UsageError('--s3-dir and --s3-endpoint-url: give one of them, not both');
  if (dir !== undefined) {
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--s3-dir ${dir}: no such directory`);
    return { s3: { dir } };
  }
  if (url === undefined) return {};
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new UsageError(`--s3-endpoint-url ${url}: expected the http:// or https:// URL of an S3-compatible server`);
  }
  return { s3: { endpointUrl: url } };
}

function parseCredentials(text: string): [string, string] {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) throw new UsageError(`--credentials ${text}: expected KEY_ID:SECRET`);
  return [text.slice(0, colon), text.slice(colon + 1)];
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`--port ${text}: expected a port number (0 picks a free one)`);
  return port;
}

function parseSeconds(text: string): number {
  const seconds = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text)) throw new UsageError(`--job-duration ${text}: expected seconds`);
  return seconds * 1000;
}

/**
 * VOICEID_LOCAL_KILL_AT=POINT[@N] (this repository's crash tests): the process kills itself with
 * SIGKILL the Nth time (default 1) its state reaches POINT, one of FAILPOINTS.
 */
function killAt(text: string | undefined): ((point: Failpoint) => void) | undefined {
  if (text === undefined || text === '') return undefined;
  const [point, count = '1'] = text.split('@');
  if (!FAILPOINTS.includes(point as Failpoint) || !/^[1-9]\d*$/.test(count)) {
    throw new UsageError(`VOICEID_LOCAL_KILL_AT=${text}: expected POINT[@N], POINT one of ${FAILPOINTS.join(', ')}`);
  }
  let left = Number(count);
  return (reached) => {
    if (reached === point && --left === 0) process.kill(process.pid, 'SIGKILL');
  };
}

/** Runs as a process: starts, and stops on SIGINT/SIGTERM, or with exit 4 when the state can no longer be written. */
export async function runProcess(argv: readonly string[]): Promise<void> {
  let running: Emulator | undefined;
  const stop = (code: number): void => {
    process.exitCode = code;
    void running?.close();
  };
  const requestLog = new RequestLog(2);
  let failpoint: ((point: Failpoint) => void) | undefined;
  try {
    failpoint = killAt(process.env.VOICEID_LOCAL_KILL_AT);
  } catch (error) {
    process.stderr.write(`voiceid-local: ${(error as Error).message}\n`);
    process.exitCode = EXIT_CODES.usage;
    return;
  }
  const result = await main(argv, {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    log: (line) => requestLog.add(line),
    onListening: (emulator) => {
      running = emulator;
      onStopSignals(emulator);
    },
    onStateFailure: (error) => {
      if (!running) return; // before it listens, main() says it and returns 4
      process.stderr.write(`voiceid-local: ${error.message}; stopping\n`);
      // After the requests that waited for the write have had their 500.
      setImmediate(() => stop(EXIT_CODES.stateNotWritable));
    },
    ...(failpoint ? { failpoint } : {}),
  });
  if (typeof result === 'number') process.exitCode = result;
}

/** The first SIGINT or SIGTERM stops at ease (shutdown), the next one at once (close); exit 0 either way. */
function onStopSignals(emulator: Emulator): void {
  let signals = 0;
  const onSignal = (): void => {
    signals += 1;
    process.exitCode = EXIT_CODES.ok;
    if (signals === 1) void emulator.shutdown().finally(() => removeHandlers());
    else {
      removeHandlers();
      void emulator.close();
    }
  };
  const removeHandlers = (): void => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
