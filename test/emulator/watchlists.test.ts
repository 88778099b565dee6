// The watchlist operations through the JS SDK against an in-process voiceid-local: create (with
// its ClientToken and the quota of 3 watchlists a domain, the default one included), describe,
// update, delete (not the default watchlist, not one with fraudsters), list with pagination.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CreateDomainCommand,
  CreateWatchlistCommand,
  DeleteWatchlistCommand,
  DescribeWatchlistCommand,
  ListDomainsCommand,
  ListWatchlistsCommand,
  UpdateWatchlistCommand,
  type VoiceIDClient,
} from '@aws-sdk/client-voice-id';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { fraudsterKey } from '../../src/emulator/records.js';
import { failure } from '../helpers/service-failure.js';
import { localClient } from '../helpers/voiceid-client.js';

const UNKNOWN = 'zzzzzzzzzzzzzzzzzzzzzz';

let clock = Date.parse('2026-11-25T17:00:00Z');
let emulator: Emulator;
let client: VoiceIDClient;

beforeAll(async () => {
  emulator = await startEmulator({ credentials: new Map([['AKIDEXAMPLE', 'secretkey']]), now: () => clock });
  client = localClient(emulator.url);
});
afterAll(async () => {
  client.destroy();
  await emulator.close();
});
beforeEach(() => {
  clock = Date.now();
});

/** A new domain and its default watchlist's id. */
async function domain(): Promise<{ DomainId: string; defaultId: string }> {
  const { Domain } = await client.send(new CreateDomainCommand({ Name: 'w', ServerSideEncryptionConfiguration: { KmsKeyId: 'k' } }));
  return { DomainId: Domain?.DomainId as string, defaultId: Domain?.WatchlistDetails?.DefaultWatchlistId as string };
}

const createWatchlist = async (DomainId: string, Name: string, extra: { Description?: string; ClientToken?: string } = {}) =>
  (await client.send(new CreateWatchlistCommand({ DomainId, Name, ...extra }))).Watchlist;

describe('CreateWatchlist and DescribeWatchlist', () => {
  it('creates a watchlist that Describe, List and the domain show', async () => {
    const { DomainId } = await domain();
    const created = await createWatchlist(DomainId, 'high-risk', { Description: 'Known callers: fraud ring 7' });
    expect(created).toEqual({
      CreatedAt: new Date(clock),
      DefaultWatchlist: false,
      Description: 'Known callers: fraud ring 7',
      DomainId,
      Name: 'high-risk',
      UpdatedAt: new Date(clock),
      WatchlistId: expect.stringMatching(/^[a-zA-Z0-9]{22}$/),
    });
    expect((await client.send(new DescribeWatchlistCommand({ DomainId, WatchlistId: created?.WatchlistId }))).Watchlist).toEqual(created);
  });

  it('is idempotent with a ClientToken: the same request answers the same watchlist, another one is a conflict', async () => {
    const { DomainId } = await domain();
    const first = await createWatchlist(DomainId, 'once', { ClientToken: 'wl-token-1' });
    expect((await createWatchlist(DomainId, 'once', { ClientToken: 'wl-token-1' }))?.WatchlistId).toBe(first?.WatchlistId);
    expect(await failure(createWatchlist(DomainId, 'other', { ClientToken: 'wl-token-1' }))).toEqual({
      name: 'ConflictException',
      message: 'The ClientToken was already used with different parameters.',
      ConflictType: 'CONCURRENT_CHANGES',
    });
    expect((await client.send(new ListWatchlistsCommand({ DomainId }))).WatchlistSummaries).toHaveLength(2);
  });

  it('allows 3 watchlists a domain, the default one included; a deletion frees a place; a retry is no new watchlist', async () => {
    const { DomainId } = await domain();
    await createWatchlist(DomainId, 'second');
    const third = await createWatchlist(DomainId, 'third', { ClientToken: 'third-1' });
    expect(await failure(createWatchlist(DomainId, 'fourth'))).toEqual({
      name: 'ServiceQuotaExceededException',
      message: `Domain ${DomainId} already has the maximum number of watchlists (3, the default watchlist included).`,
    });
    expect((await createWatchlist(DomainId, 'third', { ClientToken: 'third-1' }))?.WatchlistId).toBe(third?.WatchlistId);
    await client.send(new DeleteWatchlistCommand({ DomainId, WatchlistId: third?.WatchlistId }));
    await expect(createWatchlist(DomainId, 'fourth')).resolves.toMatchObject({ Name: 'fourth' });
  });
});

describe('UpdateWatchlist', () => {
  it('changes what the request gives and keeps the rest', async () => {
    const { DomainId } = await domain();
    const created = await createWatchlist(DomainId, 'before', { Description: 'kept' });
    clock += 1000;
    const renamed = await client.send(new UpdateWatchlistCommand({ DomainId, WatchlistId: created?.WatchlistId, Name: 'after' }));
    expect(renamed.Watchlist).toEqual({ ...created, Name: 'after', UpdatedAt: new Date(clock) });
    const described = await client.send(new DescribeWatchlistCommand({ DomainId, WatchlistId: created?.WatchlistId }));
    expect(described.Watchlist).toEqual(renamed.Watchlist);
    const redescribed = await client.send(new UpdateWatchlistCommand({ DomainId, WatchlistId: created?.WatchlistId, Description: 'new' }));
    expect(redescribed.Watchlist).toMatchObject({ Name: 'after', Description: 'new' });
  });
});

describe('DeleteWatchlist', () => {
  it('deletes a watchlist: it is no longer described or listed', async () => {
    const { DomainId, defaultId } = await domain();
    const created = await createWatchlist(DomainId, 'short-lived');
    await client.send(new DeleteWatchlistCommand({ DomainId, WatchlistId: created?.WatchlistId }));
    expect(await failure(client.send(new DescribeWatchlistCommand({ DomainId, WatchlistId: created?.WatchlistId })))).toMatchObject({
      name: 'ResourceNotFoundException',
      ResourceType: 'WATCHLIST',
    });
    expect((await client.send(new ListWatchlistsCommand({ DomainId }))).WatchlistSummaries?.map((w) => w.WatchlistId)).toEqual([defaultId]);
  });

  it('refuses a watchlist with fraudsters in it, and deletes it once they are gone', async () => {
    const { DomainId } = await domain();
    const { WatchlistId } = (await createWatchlist(DomainId, 'busy')) as { WatchlistId: string };
    const key = fraudsterKey(DomainId, 'id#fraudster123456789abcd');
    // Fraudsters are registered by jobs; here one is put into the state directly.
    emulator.state.commit([
      {
        collection: 'fraudsters',
        key,
        value: { DomainId, GeneratedFraudsterId: 'id#fraudster123456789abcd', CreatedAt: clock, WatchlistIds: [WatchlistId], voiceprint: 'v' },
      },
    ]);
    expect(await failure(client.send(new DeleteWatchlistCommand({ DomainId, WatchlistId })))).toEqual({
      name: 'ConflictException',
      message: `Watchlist ${WatchlistId} has 1 fraudster(s); delete them or disassociate them from it first.`,
      ConflictType: 'CANNOT_DELETE_NON_EMPTY_WATCHLIST',
    });
    emulator.state.commit([{ collection: 'fraudsters', key }]);
    await expect(client.send(new DeleteWatchlistCommand({ DomainId, WatchlistId }))).resolves.toBeDefined();
  });
});

describe('ListWatchlists', () => {
  it('pages with MaxResults and NextToken, the default watchlist first', async () => {
    const { DomainId, defaultId } = await domain();
    const made: string[] = [defaultId];
    for (const name of ['b', 'c']) {
      clock += 1;
      made.push((await createWatchlist(DomainId, name))?.WatchlistId as string);
    }
    const seen: string[] = [];
    let NextToken: string | undefined;
    let pages = 0;
    do {
      const out = await client.send(new ListWatchlistsCommand({ DomainId, MaxResults: 1, NextToken }));
      seen.push(...(out.WatchlistSummaries ?? []).map((w) => w.WatchlistId as string));
      NextToken = out.NextToken;
      pages += 1;
    } while (NextToken);
    expect({ seen, pages }).toEqual({ seen: made, pages: 3 });
  });
});

describe('errors', () => {
  const watchlistOf = async () => {
    const { DomainId, defaultId } = await domain();
    return { DomainId, defaultId, other: (await domain()).DomainId };
  };
  const notFound = (id: string, type: 'DOMAIN' | 'WATCHLIST') => ({
    name: 'ResourceNotFoundException',
    message: `${type === 'DOMAIN' ? 'Domain' : 'Watchlist'} with ID ${id} does not exist.`,
    ResourceType: type,
  });
  type Ids = Awaited<ReturnType<typeof watchlistOf>>;
  const cases: [string, (ids: Ids) => Promise<unknown>, (ids: Ids) => object][] = [
    ['CreateWatchlist in an unknown domain', () => createWatchlist(UNKNOWN, 'x'), () => notFound(UNKNOWN, 'DOMAIN')],
    [
      'DescribeWatchlist of an unknown watchlist',
      ({ DomainId }) => client.send(new DescribeWatchlistCommand({ DomainId, WatchlistId: UNKNOWN })),
      () => notFound(UNKNOWN, 'WATCHLIST'),
    ],
    [
      "DescribeWatchlist of another domain's watchlist",
      ({ other, defaultId }) => client.send(new DescribeWatchlistCommand({ DomainId: other, WatchlistId: defaultId })),
      ({ defaultId }) => notFound(defaultId, 'WATCHLIST'),
    ],
    [
      'UpdateWatchlist of an unknown domain',
      ({ defaultId }) => client.send(new UpdateWatchlistCommand({ DomainId: UNKNOWN, WatchlistId: defaultId })),
      () => notFound(UNKNOWN, 'DOMAIN'),
    ],
    [
      'UpdateWatchlist of the default watchlist',
      ({ DomainId, defaultId }) => client.send(new UpdateWatchlistCommand({ DomainId, WatchlistId: defaultId, Name: 'renamed' })),
      () => ({ name: 'ValidationException', message: 'The default watchlist of a domain cannot be updated.' }),
    ],
    [
      'DeleteWatchlist of the default watchlist',
      ({ DomainId, defaultId }) => client.send(new DeleteWatchlistCommand({ DomainId, WatchlistId: defaultId })),
      () => ({ name: 'ValidationException', message: 'The default watchlist of a domain cannot be deleted.' }),
    ],
    [
      'DeleteWatchlist of an unknown watchlist',
      ({ DomainId }) => client.send(new DeleteWatchlistCommand({ DomainId, WatchlistId: UNKNOWN })),
      () => notFound(UNKNOWN, 'WATCHLIST'),
    ],
    ['ListWatchlists of an unknown domain', () => client.send(new ListWatchlistsCommand({ DomainId: UNKNOWN })), () => notFound(UNKNOWN, 'DOMAIN')],
    [
      'ListWatchlists with the NextToken of another listing',
      async ({ DomainId }) => {
        const { NextToken } = await client.send(new ListDomainsCommand({ MaxResults: 1 }));
        return client.send(new ListWatchlistsCommand({ DomainId, NextToken }));
      },
      () => ({ name: 'ValidationException', message: 'Invalid NextToken provided.' }),
    ],
  ];
  it.each(cases)('%s', async (_name, call, expected) => {
    const ids = await watchlistOf();
    expect(await failure(call(ids))).toEqual(expected(ids));
  });
});
