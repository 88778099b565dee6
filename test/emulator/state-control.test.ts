// voiceid-local's control path over its state, in process: POST /__voiceid-local/reset forgets
// jobs, tokens and created domains but keeps the --domain domains (also across a restart), and
// POST /__voiceid-local/compact writes a snapshot while the API goes on answering.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateDomainCommand, DescribeDomainCommand, ListDomainsCommand, StartSpeakerEnrollmentJobCommand, type VoiceIDClient } from '@aws-sdk/client-voice-id';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { localClient } from '../helpers/voiceid-client.js';

const DOMAIN = 'abcdefghij0123456789AB';
const OTHER = 'ZYXWVUTSRQponmlkjihg98';
const JOB = {
  DomainId: DOMAIN,
  DataAccessRoleArn: 'arn:aws:iam::123456789012:role/VoiceIdRole',
  InputDataConfig: { S3Uri: 's3://voiceid-input/manifest.json' },
  OutputDataConfig: { S3Uri: 's3://voiceid-output/results' },
};

const running: { emulator: Emulator; client: VoiceIDClient }[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const { emulator, client } of running.splice(0)) {
    client.destroy();
    await emulator.close();
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function start(stateFile?: string): Promise<{ emulator: Emulator; client: VoiceIDClient }> {
  const emulator = await startEmulator({
    credentials: new Map([['AKIDEXAMPLE', 'secretkey']]),
    domains: [DOMAIN, OTHER],
    ...(stateFile ? { stateFile } : {}),
  });
  const started = { emulator, client: localClient(emulator.url) };
  running.push(started);
  return started;
}

async function stop(started: { emulator: Emulator; client: VoiceIDClient }): Promise<void> {
  running.splice(running.indexOf(started), 1);
  started.client.destroy();
  await started.emulator.close();
}

const post = async (emulator: Emulator, path: string): Promise<Record<string, unknown>> =>
  (await fetch(`${emulator.url}/__voiceid-local/${path}`, { method: 'POST' })).json() as Promise<Record<string, unknown>>;

const domainIds = async (client: VoiceIDClient): Promise<string[]> =>
  ((await client.send(new ListDomainsCommand({}))).DomainSummaries ?? []).map((d) => d.DomainId as string).sort();

describe('POST /__voiceid-local/reset', () => {
  it.each([
    ['in memory', false],
    ['with a state file, across a restart', true],
  ])('keeps the --domain domains and forgets the rest (%s)', async (_name, persistent) => {
    let stateFile: string | undefined;
    if (persistent) {
      const dir = mkdtempSync(join(tmpdir(), 'voiceid-reset-'));
      dirs.push(dir);
      stateFile = join(dir, 'state.json');
    }
    let started = await start(stateFile);
    const before = await started.client.send(new DescribeDomainCommand({ DomainId: DOMAIN }));
    const created = await started.client.send(
      new CreateDomainCommand({ Name: 'made', ServerSideEncryptionConfiguration: { KmsKeyId: 'alias/aws/voiceid' }, ClientToken: 'made-1' }),
    );
    await started.client.send(new StartSpeakerEnrollmentJobCommand({ ...JOB, ClientToken: 'before-reset' }));
    expect(started.emulator.state.count('jobs')).toBe(1);

    expect(await post(started.emulator, 'reset')).toEqual({ ok: true });
    expect(await domainIds(started.client)).toEqual([DOMAIN, OTHER].sort());
    expect((await started.client.send(new DescribeDomainCommand({ DomainId: DOMAIN }))).Domain).toEqual(before.Domain);
    expect(started.emulator.state.count('jobs')).toBe(0);
    expect(started.emulator.state.count('tokens')).toBe(0);
    // The token is forgotten too: the same token makes a new domain.
    const again = await started.client.send(
      new CreateDomainCommand({ Name: 'made', ServerSideEncryptionConfiguration: { KmsKeyId: 'alias/aws/voiceid' }, ClientToken: 'made-1' }),
    );
    expect(again.Domain?.DomainId).not.toBe(created.Domain?.DomainId);

    if (stateFile) {
      await stop(started);
      started = await start(stateFile);
      expect(await domainIds(started.client)).toEqual([DOMAIN, OTHER, again.Domain?.DomainId as string].sort());
      expect(started.emulator.state.count('jobs')).toBe(0);
    }
  });
});

describe('POST /__voiceid-local/compact', () => {
  it('writes a snapshot of every record while starts go on, and says what it wrote', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'voiceid-compact-'));
    dirs.push(dir);
    const stateFile = join(dir, 'state.json');
    let started = await start(stateFile);
    for (let i = 0; i < 20; i += 1) await started.client.send(new StartSpeakerEnrollmentJobCommand({ ...JOB, ClientToken: `c-${i}` }));
    const [report] = await Promise.all([
      post(started.emulator, 'compact'),
      ...Array.from({ length: 20 }, (_, i) => started.client.send(new StartSpeakerEnrollmentJobCommand({ ...JOB, ClientToken: `during-${i}` }))),
    ]);
    expect(report).toMatchObject({ ok: true, records: expect.any(Number), seq: expect.any(Number), bytes: expect.any(Number) });
    expect(report.records as number).toBeGreaterThanOrEqual(2 + 20 * 2);
    await stop(started);
    started = await start(stateFile);
    expect(started.emulator.state.count('jobs')).toBe(40);
  });

  it('answers without a state file too', async () => {
    const started = await start();
    expect(await post(started.emulator, 'compact')).toEqual({ ok: true });
  });
});
