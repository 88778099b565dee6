// The speaker operations of voiceid-local through the JS SDK: DescribeSpeaker, ListSpeakers (and
// its paging), DeleteSpeaker, OptOutSpeaker, with a SpeakerId that is either id, and their errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection } from '../helpers/service-failure.js';
import {
  ConflictException,
  DeleteSpeakerCommand,
  DescribeSpeakerCommand,
  ListSpeakersCommand,
  OptOutSpeakerCommand,
  paginateListSpeakers,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ValidationException,
  type VoiceIDClient,
} from '@aws-sdk/client-voice-id';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { speakerKey, type SpeakerRecord } from '../../src/emulator/records.js';
import { localClient } from '../helpers/voiceid-client.js';
import { addSpeaker, idFor, suspendDomain } from '../helpers/people-records.js';

const DOMAIN = idFor('speakers-domain');
const OTHER = idFor('speakers-other-domain');
const SUSPENDED = idFor('speakers-suspended-domain');
const FULL = idFor('speakers-full-domain');
const MISSING = 'zzzzzzzzzzzzzzzzzzzzzz';
// A fixed clock near the real one (SigV4 checks the request time against it).
const NOW = Math.floor(Date.now() / 1000) * 1000;

let emulator: Emulator;
let client: VoiceIDClient;

beforeAll(async () => {
  emulator = await startEmulator({ domains: [DOMAIN, OTHER, SUSPENDED, FULL], now: () => NOW });
  client = localClient(emulator.url, { accessKeyId: 'AKIDLOCALVOICEID', secretAccessKey: 'voiceid-local-secret' });
  suspendDomain(emulator.state, SUSPENDED);
});
afterAll(async () => {
  client.destroy();
  await emulator.close();
});

const stored = (speaker: SpeakerRecord): SpeakerRecord | undefined => emulator.state.get('speakers', speakerKey(speaker.DomainId, speaker.GeneratedSpeakerId));

describe('DescribeSpeaker', () => {
  it.each(['CustomerSpeakerId', 'GeneratedSpeakerId'] as const)('finds a speaker by its %s', async (which) => {
    const speaker = addSpeaker(emulator.state, DOMAIN, `describe-${which}`, { LastAccessedAt: 1_750_000_000_000 });
    const { Speaker } = await client.send(new DescribeSpeakerCommand({ DomainId: DOMAIN, SpeakerId: speaker[which] }));
    expect(Speaker).toEqual({
      CreatedAt: new Date(speaker.CreatedAt),
      CustomerSpeakerId: speaker.CustomerSpeakerId,
      DomainId: DOMAIN,
      GeneratedSpeakerId: speaker.GeneratedSpeakerId,
      LastAccessedAt: new Date(1_750_000_000_000),
      Status: 'ENROLLED',
      UpdatedAt: new Date(speaker.UpdatedAt),
    });
  });

  it.each([
    ['an unknown CustomerSpeakerId', DOMAIN, 'nobody', 'SPEAKER'],
    ['an unknown GeneratedSpeakerId', DOMAIN, `id#${MISSING}`, 'SPEAKER'],
    ['a speaker of another domain', OTHER, 'describe-CustomerSpeakerId', 'SPEAKER'],
    ['an unknown domain', MISSING, 'anyone', 'DOMAIN'],
  ])('refuses %s: ResourceNotFoundException', async (_what, domainId, speakerId, resourceType) => {
    const error = await rejection(client.send(new DescribeSpeakerCommand({ DomainId: domainId, SpeakerId: speakerId })));
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error).toMatchObject({ ResourceType: resourceType });
  });

  it('refuses a SpeakerId outside the model pattern: ValidationException', async () => {
    const error = await rejection(client.send(new DescribeSpeakerCommand({ DomainId: DOMAIN, SpeakerId: 'id#short' })));
    expect(error).toBeInstanceOf(ValidationException);
  });
});

describe('ListSpeakers', () => {
  const LISTED = idFor('speakers-list-domain');
  let all: SpeakerRecord[];
  beforeAll(async () => {
    await startEmulatorDomain(LISTED);
    all = Array.from({ length: 7 }, (_, i) => addSpeaker(emulator.state, LISTED, `listed-${i}`, { CreatedAt: 1_700_000_000_000 + i * 1000 }));
    addSpeaker(emulator.state, OTHER, 'not-listed');
  });

  it('lists every speaker of the domain, oldest first, 100 a page by default', async () => {
    const { SpeakerSummaries, NextToken } = await client.send(new ListSpeakersCommand({ DomainId: LISTED }));
    expect(NextToken).toBeUndefined();
    expect(SpeakerSummaries?.map((s) => s.CustomerSpeakerId)).toEqual(all.map((s) => s.CustomerSpeakerId));
    expect(SpeakerSummaries?.[0]).toEqual({
      CreatedAt: new Date(all[0]!.CreatedAt),
      CustomerSpeakerId: 'listed-0',
      DomainId: LISTED,
      GeneratedSpeakerId: all[0]!.GeneratedSpeakerId,
      Status: 'ENROLLED',
      UpdatedAt: new Date(all[0]!.UpdatedAt),
    });
  });

  it('pages with MaxResults and NextToken (the SDK paginator)', async () => {
    const pages: string[][] = [];
    for await (const page of paginateListSpeakers({ client, pageSize: 3 }, { DomainId: LISTED })) {
      pages.push((page.SpeakerSummaries ?? []).map((s) => s.CustomerSpeakerId as string));
    }
    expect(pages).toEqual([['listed-0', 'listed-1', 'listed-2'], ['listed-3', 'listed-4', 'listed-5'], ['listed-6']]);
  });

  it('refuses a NextToken of another domain', async () => {
    const { NextToken } = await client.send(new ListSpeakersCommand({ DomainId: LISTED, MaxResults: 2 }));
    const error = await rejection(client.send(new ListSpeakersCommand({ DomainId: OTHER, NextToken })));
    expect(error).toBeInstanceOf(ValidationException);
  });

  it('refuses an unknown domain', async () => {
    expect(await rejection(client.send(new ListSpeakersCommand({ DomainId: MISSING })))).toMatchObject({ ResourceType: 'DOMAIN' });
  });
});

async function startEmulatorDomain(domainId: string): Promise<void> {
  const template = emulator.state.get('domains', DOMAIN)!;
  emulator.state.commit([{ collection: 'domains', key: domainId, value: { ...template, DomainId: domainId } }]);
  await emulator.state.durable();
}

describe('DeleteSpeaker', () => {
  it.each(['CustomerSpeakerId', 'GeneratedSpeakerId'] as const)('deletes a speaker named by its %s', async (which) => {
    const speaker = addSpeaker(emulator.state, DOMAIN, `delete-${which}`);
    expect(await client.send(new DeleteSpeakerCommand({ DomainId: DOMAIN, SpeakerId: speaker[which] }))).not.toHaveProperty('Speaker');
    expect(stored(speaker)).toBeUndefined();
    const error = await rejection(client.send(new DescribeSpeakerCommand({ DomainId: DOMAIN, SpeakerId: speaker[which] })));
    expect(error).toMatchObject({ ResourceType: 'SPEAKER' });
  });

  it('refuses an unknown speaker', async () => {
    const error = await rejection(client.send(new DeleteSpeakerCommand({ DomainId: DOMAIN, SpeakerId: 'never-enrolled' })));
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error).toMatchObject({ ResourceType: 'SPEAKER', message: 'Speaker with ID never-enrolled does not exist.' });
  });
});

describe('OptOutSpeaker', () => {
  it.each(['CustomerSpeakerId', 'GeneratedSpeakerId'] as const)('opts out an enrolled speaker named by its %s and drops its voice print', async (which) => {
    const speaker = addSpeaker(emulator.state, DOMAIN, `opt-out-${which}`);
    const { Speaker } = await client.send(new OptOutSpeakerCommand({ DomainId: DOMAIN, SpeakerId: speaker[which] }));
    expect(Speaker).toMatchObject({
      GeneratedSpeakerId: speaker.GeneratedSpeakerId,
      Status: 'OPTED_OUT',
      CreatedAt: new Date(speaker.CreatedAt),
      UpdatedAt: new Date(NOW),
    });
    expect(stored(speaker)).toMatchObject({ Status: 'OPTED_OUT', UpdatedAt: NOW });
    expect(stored(speaker)).not.toHaveProperty('voiceprint');
  });

  it('creates an opted-out speaker for a CustomerSpeakerId that does not exist yet', async () => {
    const { Speaker } = await client.send(new OptOutSpeakerCommand({ DomainId: DOMAIN, SpeakerId: 'opted-out-first' }));
    expect(Speaker).toMatchObject({
      CustomerSpeakerId: 'opted-out-first',
      DomainId: DOMAIN,
      Status: 'OPTED_OUT',
      CreatedAt: new Date(NOW),
      UpdatedAt: new Date(NOW),
    });
    expect(Speaker?.GeneratedSpeakerId).toMatch(/^id#[a-zA-Z0-9]{22}$/);
    const { Speaker: described } = await client.send(new DescribeSpeakerCommand({ DomainId: DOMAIN, SpeakerId: Speaker?.GeneratedSpeakerId }));
    expect(described).toEqual(Speaker);
  });

  it('changes nothing for a speaker already opted out', async () => {
    const speaker = addSpeaker(emulator.state, DOMAIN, 'opted-out-before', { Status: 'OPTED_OUT', voiceprint: undefined });
    const { Speaker } = await client.send(new OptOutSpeakerCommand({ DomainId: DOMAIN, SpeakerId: 'opted-out-before' }));
    expect(Speaker).toMatchObject({ GeneratedSpeakerId: speaker.GeneratedSpeakerId, UpdatedAt: new Date(speaker.UpdatedAt) });
  });

  it('refuses an unknown GeneratedSpeakerId: no speaker can be made with an id of the client', async () => {
    const error = await rejection(client.send(new OptOutSpeakerCommand({ DomainId: DOMAIN, SpeakerId: `id#${MISSING}` })));
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error).toMatchObject({ ResourceType: 'SPEAKER' });
  });

  it('refuses a new speaker in a domain at its quota of 100,000 speakers', async () => {
    const speakers = Array.from({ length: 100_000 }, (_, i) => ({
      DomainId: FULL,
      GeneratedSpeakerId: `id#${i.toString().padStart(22, '0')}`,
      CustomerSpeakerId: `full-${i}`,
      Status: 'ENROLLED' as const,
      CreatedAt: 1,
      UpdatedAt: 1,
    }));
    emulator.state.commit(speakers.map((value) => ({ collection: 'speakers' as const, key: speakerKey(FULL, value.GeneratedSpeakerId), value })));
    const error = await rejection(client.send(new OptOutSpeakerCommand({ DomainId: FULL, SpeakerId: 'one-too-many' })));
    expect(error).toBeInstanceOf(ServiceQuotaExceededException);
    // An existing speaker can still be opted out.
    const { Speaker } = await client.send(new OptOutSpeakerCommand({ DomainId: FULL, SpeakerId: 'full-7' }));
    expect(Speaker?.Status).toBe('OPTED_OUT');
  });
});

describe('a domain that is not active', () => {
  it.each([
    ['DeleteSpeaker', () => new DeleteSpeakerCommand({ DomainId: SUSPENDED, SpeakerId: 'someone' })],
    ['OptOutSpeaker', () => new OptOutSpeakerCommand({ DomainId: SUSPENDED, SpeakerId: 'someone' })],
  ])('refuses %s: ConflictException DOMAIN_NOT_ACTIVE', async (_name, command) => {
    addSpeaker(emulator.state, SUSPENDED, 'someone');
    const error = await rejection(client.send(command() as DeleteSpeakerCommand));
    expect(error).toBeInstanceOf(ConflictException);
    expect(error).toMatchObject({ ConflictType: 'DOMAIN_NOT_ACTIVE' });
  });

  it('still describes its speakers', async () => {
    addSpeaker(emulator.state, SUSPENDED, 'readable');
    const { Speaker } = await client.send(new DescribeSpeakerCommand({ DomainId: SUSPENDED, SpeakerId: 'readable' }));
    expect(Speaker?.Status).toBe('ENROLLED');
  });
});
