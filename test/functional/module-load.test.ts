// What a run of the built CLI loads (issue 17: start-up close to Node's own floor), seen by a
// probe preloaded into bin/aws-voiceid.js (test/helpers/module-probe.cjs): the built-in modules
// beyond those `node FILE` loads itself, and the files of dist/cli/ it compiles. A usage error,
// a skeleton or --version loads no networking, crypto, streams or child processes and no part of
// the SDK; a request to an http:// endpoint goes over node:net (src/service/net-http-handler.ts)
// and loads neither node:http nor TLS nor http2, and of the SDK's commands only the one it sends. Timings are the benchmark's business (npm run bench), never asserted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeVoiceId, type FakeVoiceId } from '../helpers/fake-voiceid.js';
import { REPO_ROOT } from '../helpers/golden.js';
import { processEnv, requiredOptions } from '../helpers/process-env.js';

const PROBE = join(REPO_ROOT, 'test/helpers/module-probe.cjs');
const CLI = join(REPO_ROOT, 'bin/aws-voiceid.js');
const OPERATION = ['voice-id', 'start-speaker-enrollment-job'];

/** Built-ins that only a connection (or a child process) needs. */
const NETWORK = [
  'net',
  'http',
  'https',
  'http2',
  'tls',
  'dns',
  'child_process',
  'crypto',
  'stream',
  'zlib',
  'fs/promises',
  'readline',
  'tty',
  'worker_threads',
];

interface Probe {
  readonly exitCode: number;
  readonly builtins: readonly string[];
  /** The names of the SDK commands (`XCommand`) in the files of dist/cli/ the run compiled. */
  readonly commands: readonly string[];
  /** Whether any compiled file holds the SDK's client. */
  readonly sdkClient: boolean;
}

let fake: FakeVoiceId;
let dir: string;
beforeAll(async () => {
  fake = await startFakeVoiceId();
  dir = await mkdtemp(join(tmpdir(), 'module-load-'));
});
afterAll(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

let probes = 0;
async function probe(argv: readonly string[]): Promise<Probe> {
  const report = join(dir, `probe-${probes++}.json`);
  const exitCode = await new Promise<number>((resolve) => {
    // stdout and stderr are pipes, as in a pipeline.
    execFile(process.execPath, ['-r', PROBE, CLI, ...argv], { env: processEnv({ MODULE_PROBE_REPORT: report }) }, (error) =>
      resolve(error ? Number((error as { code?: number }).code) : 0),
    );
  });
  const { builtins, files } = JSON.parse(await readFile(report, 'utf8')) as { builtins: string[]; files: string[] };
  const sources = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  const commands = new Set(sources.flatMap((source) => [...source.matchAll(/"VoiceIDClient","(\w+Command)"/g)].map((match) => match[1] as string)));
  return { exitCode, builtins, commands: [...commands].sort(), sdkClient: sources.some((source) => source.includes('"VoiceIDClient"')) };
}

describe('what a run of the built CLI loads', () => {
  it.each([
    ['--generate-cli-skeleton', [...OPERATION, '--generate-cli-skeleton'], 0],
    ['--generate-cli-skeleton yaml-input', [...OPERATION, '--generate-cli-skeleton', 'yaml-input'], 0],
    ['a usage error (required options missing)', [...OPERATION], 252],
    ['an unknown option', [...OPERATION, '--no-such-option'], 252],
    ['--version', ['--version'], 0],
  ] as const)('%s: no networking, crypto, streams or child processes, and no SDK', async (_name, argv, exitCode) => {
    const run = await probe(argv);
    expect(run.exitCode).toBe(exitCode);
    expect(run.builtins.filter((name) => NETWORK.includes(name))).toEqual([]);
    expect(run.sdkClient).toBe(false);
  });

  it.each([
    ['StartSpeakerEnrollmentJob', [...OPERATION, ...requiredOptions('abcdefghij0123456789AB')], 'StartSpeakerEnrollmentJobCommand'],
    ['DescribeDomain', ['voice-id', 'describe-domain', '--domain-id', 'abcdefghij0123456789AB'], 'DescribeDomainCommand'],
  ] as const)('a %s request to an http:// endpoint: net but no http, TLS or http2, and only its own SDK command', async (_name, argv, command) => {
    const run = await probe(['--endpoint-url', fake.url, ...argv]);
    expect(run.exitCode).toBe(0);
    expect(run.builtins).toContain('net');
    expect(run.builtins.filter((name) => ['http', 'https', 'tls', 'http2', 'child_process', 'zlib', 'fs/promises', 'readline'].includes(name))).toEqual([]);
    expect(run.sdkClient).toBe(true);
    expect(run.commands).toEqual([command]);
  });
});
