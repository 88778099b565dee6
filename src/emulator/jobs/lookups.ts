// What the jobs look up in the state: a domain's default watchlist, a watchlist's fraudsters, the
// speakers of a domain by CustomerSpeakerId. Pure over the state.
import type { EmulatorState } from '../state.js';
import { watchlistKey, type FraudsterRecord, type SpeakerRecord } from '../records.js';
import { similarity } from '../voiceprint.js';

/** The id of the watchlist the domain was created with (DomainRecord.DefaultWatchlistId, else the record marked DefaultWatchlist). */
export function defaultWatchlistId(state: EmulatorState, domainId: string): string | undefined {
  const domain = state.get('domains', domainId);
  if (domain?.DefaultWatchlistId !== undefined) return domain.DefaultWatchlistId;
  for (const watchlist of state.values('watchlists')) if (watchlist.DomainId === domainId && watchlist.DefaultWatchlist) return watchlist.WatchlistId;
  return undefined;
}

export const watchlistExists = (state: EmulatorState, domainId: string, watchlistId: string): boolean =>
  state.get('watchlists', watchlistKey(domainId, watchlistId)) !== undefined;

export function domainFraudsters(state: EmulatorState, domainId: string): FraudsterRecord[] {
  // In a fixed order (not the state's insertion order, which a snapshot may change): ties resolve the same way.
  return [...state.values('fraudsters')]
    .filter((f) => f.DomainId === domainId)
    .sort((a, b) => a.CreatedAt - b.CreatedAt || (a.GeneratedFraudsterId < b.GeneratedFraudsterId ? -1 : 1));
}

export function speakersByCustomerId(state: EmulatorState, domainId: string): Map<string, SpeakerRecord> {
  const out = new Map<string, SpeakerRecord>();
  for (const speaker of state.values('speakers')) {
    if (speaker.DomainId === domainId && speaker.CustomerSpeakerId !== undefined) out.set(speaker.CustomerSpeakerId, speaker);
  }
  return out;
}

/** The fraudster most like a voice print (the first in `fraudsters` order on a tie), and the score. */
export function closest(voiceprint: string, fraudsters: readonly FraudsterRecord[]): { fraudster: FraudsterRecord; score: number } | undefined {
  let best: { fraudster: FraudsterRecord; score: number } | undefined;
  for (const fraudster of fraudsters) {
    const score = similarity(voiceprint, fraudster.voiceprint);
    if (!best || score > best.score) best = { fraudster, score };
  }
  return best;
}
