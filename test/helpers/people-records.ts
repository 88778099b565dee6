// Speakers, fraudsters and watchlists committed straight into an emulator's state, as enrollment
// and registration jobs and CreateWatchlist leave them (records.ts), for the tests of the speaker,
// fraudster and session operations.
import { createHash } from 'node:crypto';
import type { EmulatorState } from '../../src/emulator/state.js';
import { fraudsterKey, speakerKey, watchlistKey, type FraudsterRecord, type SpeakerRecord, type WatchlistRecord } from '../../src/emulator/records.js';
import { voiceprintOf } from '../../src/emulator/voiceprint.js';

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A 22-character id derived from a label, so tests can name their records. */
export function idFor(label: string): string {
  const digest = createHash('sha256').update(label).digest();
  return [...digest.subarray(0, 22)].map((b) => ID_CHARS[b % ID_CHARS.length]).join('');
}

/** The stand-in voice print of a person's "audio" (one file whose samples are the label's bytes). */
export const printOf = (label: string): string => voiceprintOf([Buffer.from(`audio of ${label}`)]);

export function addSpeaker(state: EmulatorState, domainId: string, customerSpeakerId: string, fields: Partial<SpeakerRecord> = {}): SpeakerRecord {
  const speaker: SpeakerRecord = {
    DomainId: domainId,
    GeneratedSpeakerId: `id#${idFor(`speaker/${domainId}/${customerSpeakerId}`)}`,
    CustomerSpeakerId: customerSpeakerId,
    Status: 'ENROLLED',
    CreatedAt: 1_700_000_000_000,
    UpdatedAt: 1_700_000_000_000,
    voiceprint: printOf(customerSpeakerId),
    ...fields,
  };
  state.commit([{ collection: 'speakers', key: speakerKey(domainId, speaker.GeneratedSpeakerId), value: speaker }]);
  return speaker;
}

export function addWatchlist(state: EmulatorState, domainId: string, name: string, fields: Partial<WatchlistRecord> = {}): WatchlistRecord {
  const watchlist: WatchlistRecord = {
    DomainId: domainId,
    WatchlistId: idFor(`watchlist/${domainId}/${name}`),
    Name: name,
    DefaultWatchlist: false,
    CreatedAt: 1_700_000_000_000,
    UpdatedAt: 1_700_000_000_000,
    ...fields,
  };
  state.commit([{ collection: 'watchlists', key: watchlistKey(domainId, watchlist.WatchlistId), value: watchlist }]);
  return watchlist;
}

/** The domain's default watchlist: the one the domain has, else one made now and set on the domain. */
export function defaultWatchlistId(state: EmulatorState, domainId: string): string {
  const domain = state.get('domains', domainId);
  if (!domain) throw new Error(`no domain ${domainId}`);
  if (domain.DefaultWatchlistId !== undefined) return domain.DefaultWatchlistId;
  const watchlist = addWatchlist(state, domainId, 'Default Watchlist', { DefaultWatchlist: true });
  state.commit([{ collection: 'domains', key: domainId, value: { ...domain, DefaultWatchlistId: watchlist.WatchlistId } }]);
  return watchlist.WatchlistId;
}

/** A fraudster registered with the audio of `label`. */
export function addFraudster(
  state: EmulatorState,
  domainId: string,
  label: string,
  watchlistIds: readonly string[],
  createdAt = 1_700_000_000_000,
): FraudsterRecord {
  const fraudster: FraudsterRecord = {
    DomainId: domainId,
    GeneratedFraudsterId: `id#${idFor(`fraudster/${domainId}/${label}`)}`,
    CreatedAt: createdAt,
    WatchlistIds: watchlistIds,
    voiceprint: printOf(label),
  };
  state.commit([{ collection: 'fraudsters', key: fraudsterKey(domainId, fraudster.GeneratedFraudsterId), value: fraudster }]);
  return fraudster;
}

/** Sets a domain's status to SUSPENDED, as the service would. */
export function suspendDomain(state: EmulatorState, domainId: string): void {
  const domain = state.get('domains', domainId);
  if (!domain) throw new Error(`no domain ${domainId}`);
  state.commit([{ collection: 'domains', key: domainId, value: { ...domain, DomainStatus: 'SUSPENDED' } }]);
}
