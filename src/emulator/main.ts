// voiceid-local: the command that starts the local Voice ID endpoint.
//   voiceid-local [--host 127.0.0.1] [--port N] [--state FILE] [--domain ID]... [--credentials KEY:SECRET]...
//                 [--fault KIND[:COUNT[:MS]]]... [--job-duration SECONDS]
// The first line on stdout holds the URL. SIGINT/SIGTERM stop it cleanly.
import { parseArgs } from 'node:util';
import { DEFAULT_TIMING, LOCAL_CREDENTIALS, startEmulator, type Emulator } from './server.js';
import { parseFault } from './faults.js';
import { StateFileError } from './state.js';

const USAGE = `usage: voiceid-local [--host 127.0.0.1] [--port N] [--state FILE] [--domain DOMAIN_ID]...
                     [--credentials KEY_ID:SECRET]... [--fault KIND[:COUNT[:MS]]]... [--job-duration SECONDS]`;

export interface LocalIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Called once it listens, before the URL is printed (the process installs its signal handlers here). */
  readonly onListening?: (emulator: Emulator) => void;
}

/** Parses the arguments and starts the endpoint; returns it, or an exit code on a bad argument. */
export async function main(argv: readonly string[], io: LocalIo): Promise<Emulator | number> {
  let values: ReturnType<typeof parse>;
  try {
    values = parse(argv);
  } catch (error) {
    io.err(`voiceid-local: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  try {
    const credentials = (values.credentials ?? []).map(parseCredentials);
    const port = values.port === undefined ? 0 : parsePort(values.port);
    const duration = values['job-duration'] === undefined ? undefined : parseSeconds(values['job-duration']);
    for (const domain of values.domain ?? []) {
      if (!/^[a-zA-Z0-9]{22}$/.test(domain)) throw new Error(`--domain ${domain}: a domain id is 22 letters and digits`);
    }
    const emulator = await startEmulator({
      host: values.host ?? '127.0.0.1',
      port,
      ...(values.state !== undefined ? { stateFile: values.state } : {}),
      domains: values.domain ?? [],
      ...(credentials.length > 0 ? { credentials: new Map(credentials) } : {}),
      faults: (values.fault ?? []).map(parseFault),
      ...(duration !== undefined ? { timing: { submittedMs: Math.min(DEFAULT_TIMING.submittedMs, duration / 5), durationMs: duration } } : {}),
    });
    io.onListening?.(emulator);
    io.out(`voiceid-local listening on ${emulator.url}\n`);
    if (credentials.length === 0) {
      io.out(`credentials: AWS_ACCESS_KEY_ID=${LOCAL_CREDENTIALS.accessKeyId} AWS_SECRET_ACCESS_KEY=${LOCAL_CREDENTIALS.secretAccessKey}\n`);
    }
    return emulator;
  } catch (error) {
    const message = error instanceof StateFileError || error instanceof Error ? error.message : String(error);
    io.err(`voiceid-local: ${message}\n`);
    return 1;
  }
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
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }).values;
}

function parseCredentials(text: string): [string, string] {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) throw new Error(`--credentials ${text}: expected KEY_ID:SECRET`);
  return [text.slice(0, colon), text.slice(colon + 1)];
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new Error(`--port ${text}: expected a port number (0 picks a free one)`);
  return port;
}

function parseSeconds(text: string): number {
  const seconds = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text)) throw new Error(`--job-duration ${text}: expected seconds`);
  return seconds * 1000;
}

/** Runs as a process: starts, and stops on SIGINT/SIGTERM. */
export async function runProcess(argv: readonly string[]): Promise<void> {
  const onListening = (emulator: Emulator): void => {
    const stop = (): void => {
      void emulator.close().then(() => {
        process.exitCode = 0;
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  };
  const result = await main(argv, { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), onListening });
  if (typeof result === 'number') process.exitCode = result;
}
