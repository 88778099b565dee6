// The fraudster operations of voiceid-local through the JS SDK: DescribeFraudster, ListFraudsters
// (by domain or watchlist, paged), DeleteFraudster, AssociateFraudster, DisassociateFraudster, and
// their errors (unknown fraudster or watchlist, the fraudsters-per-watchlist quota, a fraudster's
// last watchlist).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection } from '../helpers/service-failure.js';
import {
  AssociateFraudsterCommand,
  ConflictException,
  DeleteFraudsterCommand,
  DescribeFraudsterCommand,
  DisassociateFraudsterCommand,
  ListFraudstersCommand,
  paginateListFraudsters,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ValidationException,
  type VoiceIDClient,
} from '@aws-sdk/client-voice-id';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { FRAUDSTERS_PER_WATCHLIST } from '../../src/emulator/ops/fraudsters.js';
import { fraudsterKey, type FraudsterRecord } from '../../src/emulator/records.js';
import { localClient } from '../helpers/voiceid-client.js';
import { addFraudster, addWatchlist, defaultWatchlistId, idFor, suspendDomain } from '../helpers/people-records.js';

const DOMAIN = idFor('fraudsters-domain');
const LISTED = idFor('fraudsters-list-domain');
const SUSPENDED = idFor('fraudsters-suspended-domain');
const MISSING = 'zzzzzzzzzzzzzzzzzzzzzz';

let emulator: Emulator;
let client: VoiceIDClient;
let defaultId: string;
let second: string;

beforeAll(async () => {
  emulator = await startEmulator({ domains: [DOMAIN, LISTED, SUSPENDED] });
  client = localClient(emulator.url, { accessKeyId: 'AKIDLOCALVOICEID', secretAccessKey: 'voiceid-local-secret' });
  defaultId = defaultWatchlistId(emulator.state, DOMAIN);
  second = addWatchlist(emulator.state, DOMAIN, 'second').WatchlistId;
  suspendDomain(emulator.state, SUSPENDED);
});
afterAll(async () => {
  client.destroy();
  await emulator.close();
});

const stored = (fraudster: FraudsterRecord): FraudsterRecord | undefined =>
  emulator.state.get('fraudsters', fraudsterKey(fraudster.DomainId, fraudster.GeneratedFraudsterId));

describe('DescribeFraudster', () => {
  it('describes a registered fraudster', async () => {
    const fraudster = addFraudster(emulator.state, DOMAIN, 'described', [defaultId, second]);
    const { Fraudster } = await client.send(new DescribeFraudsterCommand({ DomainId: DOMAIN, FraudsterId: fraudster.GeneratedFraudsterId }));
    expect(Fraudster).toEqual({
      CreatedAt: new Date(fraudster.CreatedAt),
      DomainId: DOMAIN,
      GeneratedFraudsterId: fraudster.GeneratedFraudsterId,
      WatchlistIds: [defaultId, second],
    });
  });

  it.each([
    ['an unknown fraudster', DOMAIN, `id#${MISSING}`, 'FRAUDSTER'],
    ['an unknown domain', MISSING, `id#${MISSING}`, 'DOMAIN'],
  ])('refuses %s: ResourceNotFoundException', async (_what, domainId, fraudsterId, resourceType) => {
    const error = await rejection(client.send(new DescribeFraudsterCommand({ DomainId: domainId, FraudsterId: fraudsterId })));
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error).toMatchObject({ ResourceType: resourceType });
  });

  it('refuses a FraudsterId outside the model pattern: ValidationException', async () => {
    expect(await rejection(client.send(new DescribeFraudsterCommand({ DomainId: DOMAIN, FraudsterId: 'not-an-id' })))).toBeInstanceOf(ValidationException);
  });
});

describe('ListFraudsters', () => {
  let listedDefault: string;
  let listedOther: string;
  let all: FraudsterRecord[];
  beforeAll(() => {
    listedDefault = defaultWatchlistId(emulator.state, LISTED);
    listedOther = addWatchlist(emulator.state, LISTED, 'other').WatchlistId;
    all = Array.from({ length: 5 }, (_, i) =>
      addFraudster(emulator.state, LISTED, `listed-${i}`, i % 2 === 0 ? [listedDefault] : [listedDefault, listedOther], 1_700_000_000_000 + i),
    );
  });

  it.each([
    ['the whole domain without WatchlistId', undefined, [0, 1, 2, 3, 4]],
    ['the fraudsters of a watchlist with WatchlistId', 'other', [1, 3]],
  ])('lists %s, oldest first', async (_what, watchlist, expected) => {
    const WatchlistId = watchlist === undefined ? undefined : listedOther;
    const { FraudsterSummaries, NextToken } = await client.send(new ListFraudstersCommand({ DomainId: LISTED, WatchlistId }));
    expect(NextToken).toBeUndefined();
    expect(FraudsterSummaries?.map((f) => f.GeneratedFraudsterId)).toEqual(expected.map((i) => all[i]!.GeneratedFraudsterId));
    expect(FraudsterSummaries?.[0]).toEqual({
      CreatedAt: new Date(all[expected[0]!]!.CreatedAt),
      DomainId: LISTED,
      GeneratedFraudsterId: all[expected[0]!]!.GeneratedFraudsterId,
      WatchlistIds: [...all[expected[0]!]!.WatchlistIds],
    });
  });

  it('pages with MaxResults and NextToken (the SDK paginator)', async () => {
    const pages: number[] = [];
    const ids: string[] = [];
    for await (const page of paginateListFraudsters({ client, pageSize: 2 }, { DomainId: LISTED })) {
      pages.push(page.FraudsterSummaries?.length ?? 0);
      ids.push(...(page.FraudsterSummaries ?? []).map((f) => f.GeneratedFraudsterId as string));
    }
    expect(pages).toEqual([2, 2, 1]);
    expect(ids).toEqual(all.map((f) => f.GeneratedFraudsterId));
  });

  it('refuses a NextToken of the domain listing for a watchlist listing', async () => {
    const { NextToken } = await client.send(new ListFraudstersCommand({ DomainId: LISTED, MaxResults: 1 }));
    const error = await rejection(client.send(new ListFraudstersCommand({ DomainId: LISTED, WatchlistId: listedOther, NextToken })));
    expect(error).toBeInstanceOf(ValidationException);
  });

  it.each([
    ['an unknown watchlist', LISTED, MISSING, 'WATCHLIST'],
    ['a watchlist of another domain', DOMAIN, 'other', 'WATCHLIST'],
    ['an unknown domain', MISSING, undefined, 'DOMAIN'],
  ])('refuses %s: ResourceNotFoundException', async (_what, domainId, watchlist, resourceType) => {
    const WatchlistId = watchlist === 'other' ? listedOther : watchlist;
    const error = await rejection(client.send(new ListFraudstersCommand({ DomainId: domainId, WatchlistId })));
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error).toMatchObject({ ResourceType: resourceType });
  });
});

describe('DeleteFraudster', () => {
  it('deletes a fraudster and so takes it out of every watchlist', async () => {
    const fraudster = addFraudster(emulator.state, DOMAIN, 'deleted', [defaultId, second]);
    await client.send(new DeleteFraudsterCommand({ DomainId: DOMAIN, FraudsterId: fraudster.GeneratedFraudsterId }));
    expect(stored(fraudster)).toBeUndefined();
    const { FraudsterSummaries } = await client.send(new ListFraudstersCommand({ DomainId: DOMAIN, WatchlistId: second }));
    expect(FraudsterSummaries?.map((f) => f.GeneratedFraudsterId)).not.toContain(fraudster.GeneratedFraudsterId);
  });

  it('refuses an unknown fraudster', async () => {
    const error = await rejection(client.send(new DeleteFraudsterCommand({ DomainId: DOMAIN, FraudsterId: `id#${MISSING}` })));
    expect(error).toMatchObject({ ResourceType: 'FRAUDSTER', message: `Fraudster with ID id#${MISSING} does not exist.` });
  });
});

describe('AssociateFraudster and DisassociateFraudster', () => {
  it('associates a fraudster with a second watchlist, then disassociates it', async () => {
    const fraudster = addFraudster(emulator.state, DOMAIN, 'moved', [defaultId]);
    const FraudsterId = fraudster.GeneratedFraudsterId;
    const associated = await client.send(new AssociateFraudsterCommand({ DomainId: DOMAIN, FraudsterId, WatchlistId: second }));
    expect(associated.Fraudster).toMatchObject({ GeneratedFraudsterId: FraudsterId, WatchlistIds: [defaultId, second] });
    expect(stored(fraudster)?.WatchlistIds).toEqual([defaultId, second]);
    const again = await client.send(new AssociateFraudsterCommand({ DomainId: DOMAIN, FraudsterId, WatchlistId: second }));
    expect(again.Fraudster?.WatchlistIds).toEqual([defaultId, second]);
    const disassociated = await client.send(new DisassociateFraudsterCommand({ DomainId: DOMAIN, FraudsterId, WatchlistId: defaultId }));
    expect(disassociated.Fraudster?.WatchlistIds).toEqual([second]);
    expect(stored(fraudster)?.WatchlistIds).toEqual([second]);
  });

  it('keeps a fraudster in at least one watchlist: ConflictException FRAUDSTER_MUST_BELONG_TO_AT_LEAST_ONE_WATCHLIST', async () => {
    const fraudster = addFraudster(emulator.state, DOMAIN, 'only-one', [second]);
    const error = await rejection(
      client.send(new DisassociateFraudsterCommand({ DomainId: DOMAIN, FraudsterId: fraudster.GeneratedFraudsterId, WatchlistId: second })),
    );
    expect(error).toBeInstanceOf(ConflictException);
    expect(error).toMatchObject({ ConflictType: 'FRAUDSTER_MUST_BELONG_TO_AT_LEAST_ONE_WATCHLIST' });
    expect(stored(fraudster)?.WatchlistIds).toEqual([second]);
  });

  it('refuses to disassociate a fraudster from a watchlist it is not in: ValidationException', async () => {
    const fraudster = addFraudster(emulator.state, DOMAIN, 'elsewhere', [defaultId]);
    const error = await rejection(
      client.send(new DisassociateFraudsterCommand({ DomainId: DOMAIN, FraudsterId: fraudster.GeneratedFraudsterId, WatchlistId: second })),
    );
    expect(error).toBeInstanceOf(ValidationException);
  });

  it.each([
    ['Associate', 'an unknown fraudster', 'missing', 'second', 'FRAUDSTER'],
    ['Associate', 'an unknown watchlist', 'known', 'missing', 'WATCHLIST'],
    ['Disassociate', 'an unknown fraudster', 'missing', 'second', 'FRAUDSTER'],
    ['Disassociate', 'an unknown watchlist', 'known', 'missing', 'WATCHLIST'],
  ])('%sFraudster refuses %s: ResourceNotFoundException', async (operation, _what, who, list, resourceType) => {
    const known = addFraudster(emulator.state, DOMAIN, 'known', [defaultId, second]);
    const input = {
      DomainId: DOMAIN,
      FraudsterId: who === 'known' ? known.GeneratedFraudsterId : `id#${MISSING}`,
      WatchlistId: list === 'second' ? second : MISSING,
    };
    const command = operation === 'Associate' ? new AssociateFraudsterCommand(input) : new DisassociateFraudsterCommand(input);
    const error = await rejection(client.send(command as AssociateFraudsterCommand));
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error).toMatchObject({ ResourceType: resourceType });
  });

  it(`refuses a watchlist's fraudster number ${FRAUDSTERS_PER_WATCHLIST + 1}: ServiceQuotaExceededException`, async () => {
    const full = addWatchlist(emulator.state, DOMAIN, 'full').WatchlistId;
    for (let i = 0; i < FRAUDSTERS_PER_WATCHLIST; i += 1) addFraudster(emulator.state, DOMAIN, `member-${i}`, [full]);
    const outsider = addFraudster(emulator.state, DOMAIN, 'outsider', [defaultId]);
    const error = await rejection(
      client.send(new AssociateFraudsterCommand({ DomainId: DOMAIN, FraudsterId: outsider.GeneratedFraudsterId, WatchlistId: full })),
    );
    expect(error).toBeInstanceOf(ServiceQuotaExceededException);
    expect(stored(outsider)?.WatchlistIds).toEqual([defaultId]);
  });
});

describe('a domain that is not active', () => {
  it.each([
    ['DeleteFraudster', (FraudsterId: string, _w: string) => new DeleteFraudsterCommand({ DomainId: SUSPENDED, FraudsterId })],
    ['AssociateFraudster', (FraudsterId: string, WatchlistId: string) => new AssociateFraudsterCommand({ DomainId: SUSPENDED, FraudsterId, WatchlistId })],
    [
      'DisassociateFraudster',
      (FraudsterId: string, WatchlistId: string) => new DisassociateFraudsterCommand({ DomainId: SUSPENDED, FraudsterId, WatchlistId }),
    ],
  ])('refuses %s: ConflictException DOMAIN_NOT_ACTIVE', async (_name, command) => {
    const watchlist = addWatchlist(emulator.state, SUSPENDED, 'suspended').WatchlistId;
    const fraudster = addFraudster(emulator.state, SUSPENDED, 'suspended', [watchlist]);
    const error = await rejection(client.send(command(fraudster.GeneratedFraudsterId, watchlist) as DeleteFraudsterCommand));
    expect(error).toBeInstanceOf(ConflictException);
    expect(error).toMatchObject({ ConflictType: 'DOMAIN_NOT_ACTIVE' });
  });
});
