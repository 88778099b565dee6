// The domain operations through the JS SDK against an in-process voiceid-local: the default
// watchlist every domain has (WatchlistDetails), Tags on CreateDomain, UpdateDomain's clobbering
// and its ServerSideEncryptionUpdateDetails, DeleteDomain taking everything of the domain with it,
// and the default watchlist given to the domains of an older state file.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateDomainCommand,
  CreateWatchlistCommand,
  DeleteDomainCommand,
  DescribeDomainCommand,
  DescribeWatchlistCommand,
  ListDomainsCommand,
  ListTagsForResourceCommand,
  ListWatchlistsCommand,
  StartSpeakerEnrollmentJobCommand,
  UpdateDomainCommand,
  type CreateDomainCommandInput,
  type VoiceIDClient,
} from '@aws-sdk/client-voice-id';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { fraudsterKey, speakerKey, type CollectionName } from '../../src/emulator/records.js';
import { failure } from '../helpers/service-failure.js';
import { localClient } from '../helpers/voiceid-client.js';

const LOCAL = 'abcdefghij0123456789AB';
const SSE = { KmsKeyId: 'alias/aws/voiceid' };

let clock = Date.parse('2026-11-25T17:00:00Z');
let emulator: Emulator;
let client: VoiceIDClient;

beforeAll(async () => {
  emulator = await startEmulator({ credentials: new Map([['AKIDEXAMPLE', 'secretkey']]), domains: [LOCAL], now: () => clock });
  client = localClient(emulator.url);
});
afterAll(async () => {
  client.destroy();
  await emulator.close();
});
beforeEach(() => {
  clock = Date.now();
});

const create = async (input: Partial<CreateDomainCommandInput> = {}) =>
  (await client.send(new CreateDomainCommand({ Name: 'd', ServerSideEncryptionConfiguration: SSE, ...input }))).Domain;

describe('the default watchlist', () => {
  it.each([
    ['CreateDomain', async () => (await create({ Name: 'with-default' }))?.DomainId as string],
    ['--domain', async () => LOCAL],
  ])('every domain has one (%s), named in WatchlistDetails and listed first', async (_how, domainOf) => {
    const domainId = await domainOf();
    const { Domain } = await client.send(new DescribeDomainCommand({ DomainId: domainId }));
    const defaultId = Domain?.WatchlistDetails?.DefaultWatchlistId as string;
    expect(defaultId).toMatch(/^[a-zA-Z0-9]{22}$/);
    const { Watchlist } = await client.send(new DescribeWatchlistCommand({ DomainId: domainId, WatchlistId: defaultId }));
    expect(Watchlist).toMatchObject({ DomainId: domainId, WatchlistId: defaultId, DefaultWatchlist: true, Name: 'Default' });
    const listed = await client.send(new ListWatchlistsCommand({ DomainId: domainId }));
    expect(listed.WatchlistSummaries?.[0]?.WatchlistId).toBe(defaultId);
    const summaries = (await client.send(new ListDomainsCommand({}))).DomainSummaries ?? [];
    expect(summaries.find((d) => d.DomainId === domainId)?.WatchlistDetails).toEqual({ DefaultWatchlistId: defaultId });
  });

  it('stays with the --domain domains across POST /__voiceid-local/reset', async () => {
    const before = (await client.send(new DescribeDomainCommand({ DomainId: LOCAL }))).Domain;
    expect((await fetch(`${emulator.url}/__voiceid-local/reset`, { method: 'POST' })).status).toBe(200);
    expect((await client.send(new DescribeDomainCommand({ DomainId: LOCAL }))).Domain).toEqual(before);
    const listed = await client.send(new ListWatchlistsCommand({ DomainId: LOCAL }));
    expect(listed.WatchlistSummaries?.map((w) => w.WatchlistId)).toEqual([before?.WatchlistDetails?.DefaultWatchlistId]);
  });
});

describe('CreateDomain with Tags', () => {
  it('stores the tags under the domain ARN, in order', async () => {
    const Tags = [
      { Key: 'team', Value: 'fraud' },
      { Key: 'Env', Value: '' },
    ];
    const domain = await create({ Tags });
    expect((await client.send(new ListTagsForResourceCommand({ ResourceArn: domain?.Arn }))).Tags).toEqual(Tags);
    expect((await client.send(new ListTagsForResourceCommand({ ResourceArn: (await create())?.Arn }))).Tags).toEqual([]);
  });

  it.each([
    [
      'a key given twice',
      [
        { Key: 'k', Value: '1' },
        { Key: 'k', Value: '2' },
      ],
      'Duplicate tag key: k. Each tag key may appear only once.',
    ],
    ['a reserved aws: key', [{ Key: 'AWS:owner', Value: 'x' }], 'Tag key AWS:owner is invalid: the aws: prefix is reserved for AWS use.'],
  ])('refuses %s with ValidationException and creates nothing', async (_name, Tags, message) => {
    const before = emulator.state.count('domains');
    expect(await failure(create({ Tags }))).toEqual({ name: 'ValidationException', message });
    expect(emulator.state.count('domains')).toBe(before);
  });
});

describe('UpdateDomain', () => {
  it('replaces name and description (an absent description is removed) and records a KMS key change as completed', async () => {
    const created = await create({ Name: 'before', Description: 'first', ServerSideEncryptionConfiguration: { KmsKeyId: 'key-1' } });
    const DomainId = created?.DomainId as string;
    clock += 5000;
    const renamed = await client.send(new UpdateDomainCommand({ DomainId, Name: 'after', ServerSideEncryptionConfiguration: { KmsKeyId: 'key-1' } }));
    expect(renamed.Domain).toMatchObject({ Name: 'after', ServerSideEncryptionConfiguration: { KmsKeyId: 'key-1' } });
    expect(renamed.Domain?.Description).toBeUndefined();
    expect(renamed.Domain?.ServerSideEncryptionUpdateDetails).toBeUndefined();
    expect(renamed.Domain?.UpdatedAt?.getTime()).toBe(clock);
    expect(renamed.Domain?.CreatedAt).toEqual(created?.CreatedAt);
    expect(renamed.Domain?.WatchlistDetails).toEqual(created?.WatchlistDetails);

    const rekeyed = await client.send(
      new UpdateDomainCommand({ DomainId, Name: 'after', Description: 'second', ServerSideEncryptionConfiguration: { KmsKeyId: 'key-2' } }),
    );
    expect(rekeyed.Domain).toMatchObject({
      Description: 'second',
      ServerSideEncryptionConfiguration: { KmsKeyId: 'key-2' },
      ServerSideEncryptionUpdateDetails: { OldKmsKeyId: 'key-1', UpdateStatus: 'COMPLETED' },
    });
    // The same key again keeps the details of the last change; DescribeDomain shows what UpdateDomain answered.
    const again = await client.send(new UpdateDomainCommand({ DomainId, Name: 'after', ServerSideEncryptionConfiguration: { KmsKeyId: 'key-2' } }));
    expect(again.Domain?.ServerSideEncryptionUpdateDetails).toEqual({ OldKmsKeyId: 'key-1', UpdateStatus: 'COMPLETED' });
    expect((await client.send(new DescribeDomainCommand({ DomainId }))).Domain).toEqual(again.Domain);
  });

  it('refuses an unknown domain with ResourceNotFoundException', async () => {
    const update = new UpdateDomainCommand({ DomainId: 'zzzzzzzzzzzzzzzzzzzzzz', Name: 'n', ServerSideEncryptionConfiguration: SSE });
    expect(await failure(client.send(update))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'Domain with ID zzzzzzzzzzzzzzzzzzzzzz does not exist.',
      ResourceType: 'DOMAIN',
    });
  });
});

const ofDomain = (collection: CollectionName, domainId: string): number =>
  [...emulator.state.values(collection)].filter((r) => (r as { DomainId?: string }).DomainId === domainId).length;

describe('DeleteDomain', () => {
  it('removes the domain and everything in it, and nothing of other domains', async () => {
    const input = { Name: 'doomed', ServerSideEncryptionConfiguration: SSE, ClientToken: 'doomed-1', Tags: [{ Key: 'k', Value: 'v' }] };
    const domain = (await client.send(new CreateDomainCommand(input))).Domain;
    const DomainId = domain?.DomainId as string;
    const kept = (await create({ Name: 'kept', Tags: [{ Key: 'k', Value: 'v' }] }))?.DomainId as string;
    for (const id of [DomainId, kept]) {
      await client.send(new CreateWatchlistCommand({ DomainId: id, Name: 'extra', ClientToken: `wl-${id}` }));
      await client.send(
        new StartSpeakerEnrollmentJobCommand({
          DomainId: id,
          ClientToken: `job-${id}`,
          DataAccessRoleArn: 'arn:aws:iam::123456789012:role/VoiceIdRole',
          InputDataConfig: { S3Uri: 's3://voiceid-input/manifest.json' },
          OutputDataConfig: { S3Uri: 's3://voiceid-output/' },
        }),
      );
      // Speakers and fraudsters are made by jobs; here they are put into the state directly.
      const now = Date.now();
      emulator.state.commit([
        {
          collection: 'speakers',
          key: speakerKey(id, 'id#speaker0123456789abcdef'),
          value: { DomainId: id, GeneratedSpeakerId: 'id#speaker0123456789abcdef', Status: 'ENROLLED', CreatedAt: now, UpdatedAt: now },
        },
        {
          collection: 'fraudsters',
          key: fraudsterKey(id, 'id#fraudster123456789abcd'),
          value: { DomainId: id, GeneratedFraudsterId: 'id#fraudster123456789abcd', CreatedAt: now, WatchlistIds: [], voiceprint: 'v' },
        },
      ]);
    }
    const tokens = emulator.state.count('tokens');
    const collections: CollectionName[] = ['domains', 'watchlists', 'jobs', 'speakers', 'fraudsters'];
    expect(collections.map((c) => ofDomain(c, DomainId))).toEqual([1, 2, 1, 1, 1]);

    expect(await client.send(new DeleteDomainCommand({ DomainId }))).toMatchObject({ $metadata: { httpStatusCode: 200 } });
    expect(collections.map((c) => ofDomain(c, DomainId))).toEqual([0, 0, 0, 0, 0]);
    expect(collections.map((c) => ofDomain(c, kept))).toEqual([1, 2, 1, 1, 1]);
    expect(emulator.state.get('tags', domain?.Arn as string)).toBeUndefined();
    // Its three tokens (CreateDomain, CreateWatchlist, StartSpeakerEnrollmentJob) went with it.
    expect(emulator.state.count('tokens')).toBe(tokens - 3);
    const gone = { name: 'ResourceNotFoundException', message: `Domain with ID ${DomainId} does not exist.`, ResourceType: 'DOMAIN' };
    expect(await failure(client.send(new DescribeDomainCommand({ DomainId })))).toEqual(gone);
    expect(await failure(client.send(new DeleteDomainCommand({ DomainId })))).toEqual(gone);
    expect(await failure(client.send(new ListTagsForResourceCommand({ ResourceArn: domain?.Arn })))).toMatchObject({ name: 'ResourceNotFoundException' });
    // The token is free again: the same request makes a new domain.
    expect((await client.send(new CreateDomainCommand(input))).Domain?.DomainId).not.toBe(DomainId);
  });
});

describe('with a state file', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'voiceid-domains-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps a deletion across a restart, and gives a domain of an older state its default watchlist', async () => {
    const stateFile = join(dir, 'state.json');
    const first = await startEmulator({ credentials: new Map([['AKIDEXAMPLE', 'secretkey']]), stateFile });
    const firstClient = localClient(first.url);
    const deleted = (await firstClient.send(new CreateDomainCommand({ Name: 'gone', ServerSideEncryptionConfiguration: SSE }))).Domain?.DomainId as string;
    await firstClient.send(new DeleteDomainCommand({ DomainId: deleted }));
    // A domain as a state file written before watchlists holds it.
    const old = 'OLDdomain0123456789abc';
    first.state.commit([
      {
        collection: 'domains',
        key: old,
        value: {
          DomainId: old,
          Arn: `arn:aws:voiceid:us-east-1:123456789012:domain/${old}`,
          Name: 'old',
          DomainStatus: 'ACTIVE',
          ServerSideEncryptionConfiguration: SSE,
          CreatedAt: 1,
          UpdatedAt: 1,
        },
      },
    ]);
    await first.state.durable();
    firstClient.destroy();
    await first.close();

    const second = await startEmulator({ credentials: new Map([['AKIDEXAMPLE', 'secretkey']]), stateFile });
    const secondClient = localClient(second.url);
    try {
      expect((await secondClient.send(new ListDomainsCommand({}))).DomainSummaries?.map((d) => d.DomainId)).toEqual([old]);
      const { Domain } = await secondClient.send(new DescribeDomainCommand({ DomainId: old }));
      const defaultId = Domain?.WatchlistDetails?.DefaultWatchlistId as string;
      expect((await secondClient.send(new DescribeWatchlistCommand({ DomainId: old, WatchlistId: defaultId }))).Watchlist?.DefaultWatchlist).toBe(true);
    } finally {
      secondClient.destroy();
      await second.close();
    }
  });
});
