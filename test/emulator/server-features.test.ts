// voiceid-local's operator features: --version, --region/--account in the ARNs it returns, the
// request log (--log), the state dump (GET /__voiceid-local/state), and the graceful stop on
// SIGINT/SIGTERM (the requests under way answered and on disk; a second signal stops at once).
// A request is held in flight by a delay fault (let go at shutdown) or by a body never finished;
// the tests wait for events (the health endpoint's inFlight count, answers, exits), never sleeps.
import { afterEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CreateDomainCommand, DescribeDomainCommand, DescribeSpeakerEnrollmentJobCommand, StartSpeakerEnrollmentJobCommand } from '@aws-sdk/client-voice-id';
import { main } from '../../src/emulator/main.js';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import packageJson from '../../package.json' with { type: 'json' };
import { startLocalProcess, type LocalProcess } from '../helpers/local-process.js';
import { localClient } from '../helpers/voiceid-client.js';
import { REPO_ROOT } from '../helpers/golden.js';
import { processEnv } from '../helpers/process-env.js';
import { timeoutFor } from '../helpers/budget.js';

const run = promisify(execFile);
const SCRIPT = join(REPO_ROOT, 'bin/voiceid-local.js');
const DOMAIN = 'abcdefghij0123456789AB';
const KEYS = ['--credentials', 'AKIDEXAMPLE:secretkey'];
const JOB = {
  DomainId: DOMAIN,
  DataAccessRoleArn: 'arn:aws:iam::123456789012:role/VoiceIdRole',
  InputDataConfig: { S3Uri: 's3://voiceid-input/manifest.json' },
  OutputDataConfig: { S3Uri: 's3://voiceid-output/results' },
};
const CREATE = { Name: 'features', ServerSideEncryptionConfiguration: { KmsKeyId: 'alias/aws/voiceid' } };

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'voiceid-local-features-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function local(args: string[]): Promise<LocalProcess & { stderr: () => string }> {
  const p = await startLocalProcess(args);
  let err = '';
  p.child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  cleanups.push(() => p.child.kill('SIGKILL'));
  return { ...p, stderr: () => err };
}

async function inProcess(args: string[], lines: string[] = []): Promise<Emulator> {
  const started = await main([...KEYS, ...args], { out: () => undefined, err: (t) => lines.push(t), log: (t) => lines.push(t) });
  if (typeof started === 'number') throw new Error(`main exited ${started}`);
  cleanups.push(() => started.close());
  return started;
}

const health = async (url: string): Promise<{ ok: boolean; inFlight: number }> =>
  (await fetch(`${url}/__voiceid-local/health`)).json() as Promise<{ ok: boolean; inFlight: number }>;

/** Resolves once `count` API requests are being answered (each poll is an answer: no sleep). */
async function untilInFlight(url: string, count: number): Promise<void> {
  while ((await health(url)).inFlight < count) await new Promise((resolve) => setImmediate(resolve));
}

/** Resolves once nothing listens at `url` any more. */
async function untilRefused(url: string): Promise<void> {
  for (;;) {
    try {
      await health(url);
    } catch {
      return;
    }
  }
}

/** Sends the headers of a request whose body never comes: an API request in flight until cut. */
function unfinishedRequest(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  socket.write(`POST / HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: 100\r\n\r\n{`);
  let got = '';
  socket.on('data', (chunk: Buffer) => (got += chunk.toString()));
  return new Promise((resolve) => socket.on('close', () => resolve(got)));
}

describe('voiceid-local --version', () => {
  it('prints the package version and the API version, exit 0', async () => {
    const { stdout, stderr } = await run(process.execPath, [SCRIPT, '--version'], { env: processEnv() });
    expect(stdout).toBe(`voiceid-local ${packageJson.version} (Voice ID API 2021-09-27, final model)\n`);
    expect(stderr).toBe('');
  });
});

describe('voiceid-local --region and --account', () => {
  it('puts them in the ARNs it returns, whatever region the request was signed for', async () => {
    const emulator = await inProcess(['--region', 'eu-west-2', '--account', '111122223333']);
    const client = localClient(emulator.url);
    cleanups.push(() => client.destroy());
    const { Domain } = await client.send(new CreateDomainCommand(CREATE));
    expect(Domain?.Arn).toBe(`arn:aws:voiceid:eu-west-2:111122223333:domain/${Domain?.DomainId}`);
  });

  it('uses the signing region and 123456789012 by default', async () => {
    const emulator = await inProcess([]);
    const client = localClient(emulator.url, undefined, 'ap-southeast-2');
    cleanups.push(() => client.destroy());
    const { Domain } = await client.send(new CreateDomainCommand(CREATE));
    expect(Domain?.Arn).toBe(`arn:aws:voiceid:ap-southeast-2:123456789012:domain/${Domain?.DomainId}`);
  });

  it.each([
    [['--account', '12345'], '--account 12345: expected an AWS account id of 12 digits'],
    [['--account', '1234567890123'], '--account 1234567890123: expected an AWS account id of 12 digits'],
    [['--region', 'US-EAST-1'], '--region US-EAST-1: expected a region name such as us-east-1'],
    [['--region', 'moon'], '--region moon: expected a region name such as us-east-1'],
  ])('refuses %j with one line and the usage, exit 2', async (args, message) => {
    const err: string[] = [];
    expect(await main(args, { out: () => undefined, err: (t) => err.push(t) })).toBe(2);
    expect(err.join('')).toMatch(new RegExp(`^voiceid-local: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\nusage: voiceid-local `));
  });
});

describe('voiceid-local --log', () => {
  it('writes one line per request: time, method, operation or control path, status, error type, duration; no secret', async () => {
    const lines: string[] = [];
    const emulator = await inProcess(['--log', '--domain', DOMAIN], lines);
    const client = localClient(emulator.url);
    cleanups.push(() => client.destroy());
    await client.send(new StartSpeakerEnrollmentJobCommand({ ...JOB, JobName: 'secret-job-name' }));
    await expect(client.send(new DescribeDomainCommand({ DomainId: 'zzzzzzzzzzzzzzzzzzzzzz' }))).rejects.toThrow();
    await health(emulator.url);
    await emulator.shutdown(); // every line is out once the requests have ended
    const time = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z';
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`^${time} POST StartSpeakerEnrollmentJob 200 \\d+\\.\\dms\n$`));
    expect(lines[1]).toMatch(new RegExp(`^${time} POST DescribeDomain 400 ResourceNotFoundException \\d+\\.\\dms\n$`));
    expect(lines[2]).toMatch(new RegExp(`^${time} GET /__voiceid-local/health 200 \\d+\\.\\dms\n$`));
    expect(lines.join('')).not.toMatch(/secret|AKIDEXAMPLE|voiceid-input/);
  });

  it('writes nothing without --log', async () => {
    const lines: string[] = [];
    const emulator = await inProcess([], lines);
    await health(emulator.url);
    expect(lines).toEqual([]);
  });
});

describe('GET /__voiceid-local/state', () => {
  it('answers every record of every collection, with the seq it was read at', async () => {
    const emulator = await inProcess(['--domain', DOMAIN]);
    const client = localClient(emulator.url);
    cleanups.push(() => client.destroy());
    const { JobId } = (await client.send(new StartSpeakerEnrollmentJobCommand({ ...JOB, ClientToken: 'dump-1' }))).Job ?? {};
    const dump = (await (await fetch(`${emulator.url}/__voiceid-local/state`)).json()) as { seq: number; collections: Record<string, Record<string, unknown>> };
    expect(Object.keys(dump.collections)).toEqual(['domains', 'jobs', 'fraudsterJobs', 'speakers', 'fraudsters', 'watchlists', 'tags', 'tokens']);
    expect(Object.keys(dump.collections.domains ?? {})).toContain(DOMAIN);
    expect(dump.collections.jobs?.[JobId as string]).toMatchObject({ JobId, DomainId: DOMAIN });
    expect(dump.collections.tokens?.['StartSpeakerEnrollmentJob/dump-1']).toBe(JobId);
    expect(dump.seq).toBeGreaterThanOrEqual(2);
  });

  it('reads a consistent view while writes go on and a compaction reads its own', async () => {
    const dir = await tempDir();
    const emulator = await startEmulator({ stateFile: join(dir, 'state.json') });
    cleanups.push(() => emulator.close());
    const job = (i: number) => ({ collection: 'tokens' as const, key: `T/${i}`, value: `job-${i}` });
    for (let i = 0; i < 20_000; i += 1) emulator.state.commit([job(i)]);
    const compaction = emulator.state.compact();
    const { seq, view } = emulator.state.view();
    emulator.state.commit([{ collection: 'tokens', key: 'T/0' }, job(20_000)]);
    const tokens = [...view.records()].filter(([collection]) => collection === 'tokens');
    view.end();
    expect(seq).toBe(20_000);
    expect(tokens).toHaveLength(20_000);
    expect(tokens[0]).toEqual(['tokens', 'T/0', 'job-0']);
    await compaction;
    const dump = (await (await fetch(`${emulator.url}/__voiceid-local/state`)).json()) as { seq: number; collections: { tokens: Record<string, string> } };
    expect(dump.seq).toBe(20_001);
    expect(Object.keys(dump.collections.tokens)).toHaveLength(20_000);
    expect(dump.collections.tokens['T/0']).toBeUndefined();
  });
});

describe('graceful shutdown', () => {
  it(
    'on SIGTERM answers the request in flight, keeps its job, exits 0; the job is there after a restart',
    async () => {
      const dir = await tempDir();
      const args = ['--state', join(dir, 'state.json'), '--domain', DOMAIN, ...KEYS, '--log'];
      const first = await local([...args, '--fault', 'delay:1:600000']); // held until the shutdown lets it go
      const client = localClient(first.url);
      cleanups.push(() => client.destroy());
      const answer = client.send(new StartSpeakerEnrollmentJobCommand(JOB));
      await untilInFlight(first.url, 1);
      first.child.kill('SIGTERM');
      const jobId = (await answer).Job?.JobId as string;
      expect(jobId).toMatch(/^[a-zA-Z0-9]{22}$/);
      expect(await first.exited).toBe(0);
      expect(first.stderr()).toMatch(/ POST StartSpeakerEnrollmentJob 200 /);
      const second = await local(args);
      const again = localClient(second.url);
      cleanups.push(() => again.destroy());
      expect((await again.send(new DescribeSpeakerEnrollmentJobCommand({ DomainId: DOMAIN, JobId: jobId }))).Job?.JobId).toBe(jobId);
    },
    timeoutFor(6),
  ); // two starts, the held answer, an exit, a describe

  it(
    'stops at once on a second signal, cutting a request that would not end',
    async () => {
      const p = await local([...KEYS, '--log']);
      const cut = unfinishedRequest(p.url);
      await untilInFlight(p.url, 1);
      p.child.kill('SIGINT');
      await untilRefused(p.url); // the first signal: it no longer accepts, and waits for the request
      p.child.kill('SIGINT');
      expect(await p.exited).toBe(0);
      expect(await cut).toBe('');
      expect(p.stderr()).toMatch(/ POST - - dropped /);
    },
    timeoutFor(4),
  );

  it('refuses new connections once stopping, and close() cuts what shutdown() waits for', async () => {
    const emulator = await startEmulator({});
    const cut = unfinishedRequest(emulator.url);
    await untilInFlight(emulator.url, 1);
    let stopped = false;
    const stopping = emulator.shutdown().then(() => (stopped = true));
    await expect(health(emulator.url)).rejects.toThrow();
    expect(stopped).toBe(false);
    await emulator.close();
    await stopping;
    expect(await cut).toBe('');
  });
});
