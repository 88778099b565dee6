// What a fraudster registration job does with its prepared requests, over the state as it is at
// the end of the job: the output file (the documented schema: Version, Errors,
// SuccessfulRegistrations with GeneratedFraudsterId, RegistrationStatus NEW_REGISTRATION |
// DUPLICATE_SKIPPED and FraudsterSimilarityScore) and the fraudster records to commit with the
// job's end. The duplicate check compares the audio with every fraudster of the domain (a
// fraudster is the domain's; watchlists only group them), those registered earlier in the same
// file included; a duplicate is skipped (DuplicateRegistrationAction SKIP, the default) and left
// as it is, or registered anyway (REGISTER_AS_NEW). New fraudsters join the watchlist of
// RegistrationConfig, else the domain's default watchlist. Pure: ids and the time are given.
import type { Change, EmulatorState } from '../state.js';
import { fraudsterKey, type FraudsterRecord, type FraudsterJobRecord } from '../records.js';
import { closest, defaultWatchlistId, domainFraudsters, watchlistExists } from './lookups.js';
import type { PreparedRequest } from './prepare.js';
import type { Failure, Outcome } from './outcome.js';

interface RegistrationConfig {
  readonly DuplicateRegistrationAction?: 'SKIP' | 'REGISTER_AS_NEW';
  readonly FraudsterSimilarityThreshold?: number;
  readonly WatchlistIds?: readonly string[];
}

/** The similarity threshold when none is given (the model documents no default). */
export const DEFAULT_SIMILARITY_THRESHOLD = 50;

export function decideRegistration(
  state: EmulatorState,
  job: FraudsterJobRecord,
  prepared: readonly PreparedRequest[],
  ids: readonly string[],
  nowMs: number,
): Outcome {
  const config = (job.RegistrationConfig ?? {}) as RegistrationConfig;
  const watchlistId = targetWatchlist(state, job.DomainId, config);
  if (typeof watchlistId !== 'string') return { failure: watchlistId };
  const threshold = config.FraudsterSimilarityThreshold ?? DEFAULT_SIMILARITY_THRESHOLD;
  const fraudsters = domainFraudsters(state, job.DomainId);
  const errors: object[] = [];
  const registered: object[] = [];
  const added: FraudsterRecord[] = [];
  for (const [index, request] of prepared.entries()) {
    if (request.error || request.voiceprint === undefined) {
      errors.push({
        RequestId: request.RequestId,
        ErrorCode: request.error?.ErrorCode ?? 400,
        ErrorMessage: request.error?.ErrorMessage ?? 'The request cannot be carried out.',
      });
      continue;
    }
    const match = closest(request.voiceprint, fraudsters);
    const score = match ? { FraudsterSimilarityScore: match.score } : {};
    if (match && match.score >= threshold && config.DuplicateRegistrationAction !== 'REGISTER_AS_NEW') {
      registered.push({
        RequestId: request.RequestId,
        GeneratedFraudsterId: match.fraudster.GeneratedFraudsterId,
        RegistrationStatus: 'DUPLICATE_SKIPPED',
        ...score,
      });
      continue;
    }
    const fraudster: FraudsterRecord = {
      DomainId: job.DomainId,
      GeneratedFraudsterId: ids[index] as string,
      CreatedAt: nowMs,
      WatchlistIds: [watchlistId],
      voiceprint: request.voiceprint,
    };
    fraudsters.push(fraudster);
    added.push(fraudster);
    registered.push({ RequestId: request.RequestId, GeneratedFraudsterId: fraudster.GeneratedFraudsterId, RegistrationStatus: 'NEW_REGISTRATION', ...score });
  }
  const changes: Change[] = added.map((value) => ({ collection: 'fraudsters', key: fraudsterKey(value.DomainId, value.GeneratedFraudsterId), value }));
  return { output: { Version: '1.0', Errors: errors, SuccessfulRegistrations: registered }, changes, errorCount: errors.length };
}

/** The watchlist new fraudsters join, or why there is none. */
function targetWatchlist(state: EmulatorState, domainId: string, config: RegistrationConfig): string | Failure {
  const given = config.WatchlistIds?.[0];
  if (given !== undefined && !watchlistExists(state, domainId, given))
    return { StatusCode: 404, Message: `The watchlist ${given} of RegistrationConfig does not exist.` };
  return (
    given ??
    defaultWatchlistId(state, domainId) ?? {
      StatusCode: 400,
      Message: `The domain ${domainId} has no default watchlist; give RegistrationConfig.WatchlistIds.`,
    }
  );
}
