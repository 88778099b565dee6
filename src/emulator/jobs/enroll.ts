// What a speaker enrollment job does with its prepared requests, over the state as it is at the
// end of the job: the output file (the documented schema: Version, Errors, SuccessfulEnrollments
// with GeneratedSpeakerId, EnrollmentStatus NEW_ENROLLMENT | OVERWRITTEN | DUPLICATE_SKIPPED and
// the FraudDetectionResult) and the speaker records to commit with the job's end. The requests are
// carried out in manifest order, each seeing those before it (a SpeakerId twice in one file is
// enrolled once, then skipped or overwritten). Pure: ids and the time are given.
import type { Change, EmulatorState } from '../state.js';
import { speakerKey, type JobRecord, type SpeakerRecord } from '../records.js';
import { closest, defaultWatchlistId, domainFraudsters, speakersByCustomerId, watchlistExists } from './lookups.js';
import type { PreparedRequest } from './prepare.js';
import type { Outcome } from './outcome.js';

interface EnrollmentConfig {
  readonly ExistingEnrollmentAction?: 'SKIP' | 'OVERWRITE';
  readonly FraudDetectionConfig?: {
    readonly FraudDetectionAction?: 'IGNORE' | 'FAIL';
    readonly RiskThreshold?: number;
    readonly WatchlistIds?: readonly string[];
  };
}

/** The risk threshold when none is given: the model documents none; Voice ID's console suggests 50. */
export const DEFAULT_RISK_THRESHOLD = 50;

export function decideEnrollment(state: EmulatorState, job: JobRecord, prepared: readonly PreparedRequest[], ids: readonly string[], nowMs: number): Outcome {
  const config = (job.EnrollmentConfig ?? {}) as EnrollmentConfig;
  const fraud = config.FraudDetectionConfig ?? {};
  const action = fraud.FraudDetectionAction ?? 'FAIL';
  const threshold = fraud.RiskThreshold ?? DEFAULT_RISK_THRESHOLD;
  const watchlistId = fraud.WatchlistIds?.[0] ?? defaultWatchlistId(state, job.DomainId);
  if (fraud.WatchlistIds?.[0] !== undefined && !watchlistExists(state, job.DomainId, fraud.WatchlistIds[0])) {
    return { failure: { StatusCode: 404, Message: `The watchlist ${fraud.WatchlistIds[0]} of FraudDetectionConfig does not exist.` } };
  }
  const fraudsters = domainFraudsters(state, job.DomainId).filter((f) => watchlistId !== undefined && f.WatchlistIds.includes(watchlistId));
  const speakers = speakersByCustomerId(state, job.DomainId);
  const errors: object[] = [];
  const enrolled: object[] = [];
  const changed = new Map<string, SpeakerRecord>();
  for (const [index, request] of prepared.entries()) {
    const fail = (ErrorCode: number, ErrorMessage: string): void => void errors.push({ RequestId: request.RequestId, ErrorCode, ErrorMessage });
    if (request.error || request.voiceprint === undefined || request.SpeakerId === undefined) {
      fail(request.error?.ErrorCode ?? 400, request.error?.ErrorMessage ?? 'The request cannot be carried out.');
      continue;
    }
    const existing = speakers.get(request.SpeakerId);
    if (existing?.Status === 'OPTED_OUT') {
      fail(409, `The speaker ${request.SpeakerId} has opted out of Voice ID and cannot be enrolled.`);
      continue;
    }
    const isEnrolled = existing?.Status === 'ENROLLED';
    if (isEnrolled && config.ExistingEnrollmentAction !== 'OVERWRITE') {
      enrolled.push({ RequestId: request.RequestId, GeneratedSpeakerId: existing.GeneratedSpeakerId, EnrollmentStatus: 'DUPLICATE_SKIPPED' });
      continue;
    }
    const match = closest(request.voiceprint, fraudsters);
    const risk = match?.score ?? 0;
    const highRisk = match !== undefined && risk >= threshold;
    if (highRisk && action === 'FAIL') {
      fail(
        409,
        `The speaker ${request.SpeakerId} was not enrolled: the audio matches the known fraudster ${match?.fraudster.GeneratedFraudsterId} with a risk score of ${risk} (RiskThreshold ${threshold}).`,
      );
      continue;
    }
    // An EXPIRED or PENDING speaker is not enrolled: it is enrolled again under its own id.
    const speaker: SpeakerRecord = existing
      ? { ...existing, Status: 'ENROLLED', UpdatedAt: nowMs, LastAccessedAt: nowMs, voiceprint: request.voiceprint }
      : {
          DomainId: job.DomainId,
          GeneratedSpeakerId: ids[index] as string,
          CustomerSpeakerId: request.SpeakerId,
          Status: 'ENROLLED',
          CreatedAt: nowMs,
          UpdatedAt: nowMs,
          LastAccessedAt: nowMs,
          voiceprint: request.voiceprint,
        };
    speakers.set(request.SpeakerId, speaker);
    changed.set(speaker.GeneratedSpeakerId, speaker);
    enrolled.push({
      RequestId: request.RequestId,
      GeneratedSpeakerId: speaker.GeneratedSpeakerId,
      EnrollmentStatus: isEnrolled ? 'OVERWRITTEN' : 'NEW_ENROLLMENT',
      FraudDetectionResult: {
        FraudDetectionAction: action,
        FraudDetectionDecision: highRisk ? 'HIGH_RISK' : 'LOW_RISK',
        FraudDetectionReasons: highRisk ? ['KNOWN_FRAUDSTER'] : [],
        RiskDetails: { KnownFraudsterRisk: { ...(match ? { GeneratedFraudsterId: match.fraudster.GeneratedFraudsterId } : {}), RiskScore: risk } },
      },
    });
  }
  const changes: Change[] = [...changed.values()].map((value) => ({
    collection: 'speakers',
    key: speakerKey(value.DomainId, value.GeneratedSpeakerId),
    value,
  }));
  return { output: { Version: '1.0', Errors: errors, SuccessfulEnrollments: enrolled }, changes, errorCount: errors.length };
}
