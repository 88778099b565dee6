// What a speaker enrollment job does with its prepared requests, over the state as it is at the
// end of the job: the output file (the documented schema: Version, Errors, SuccessfulEnrollments
// with GeneratedSpeakerId, EnrollmentStatus NEW_ENROLLMENT | OVERWRITTEN | DUPLICATE_SKIPPED and
// the FraudDetectionResult) and the speaker records to commit with the job's end. The requests are
// carried out in manifest order, each seeing those before it (a SpeakerId twice in one file is
// enrolled once, then skipped or overwritten). Pure: ids and the time are given.
import type { Change, EmulatorState } from '../state.js';
import { speakerKey, type FraudsterRecord, type JobRecord, type SpeakerRecord } from '../records.js';
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

interface Context {
  readonly job: JobRecord;
  readonly config: EnrollmentConfig;
  readonly action: 'IGNORE' | 'FAIL';
  readonly threshold: number;
  readonly fraudsters: readonly FraudsterRecord[];
  /** The domain's speakers by CustomerSpeakerId, with those enrolled so far by this job. */
  readonly speakers: Map<string, SpeakerRecord>;
  readonly nowMs: number;
}

type Result = { readonly error: object } | { readonly enrolled: object; readonly speaker?: SpeakerRecord };

export function decideEnrollment(state: EmulatorState, job: JobRecord, prepared: readonly PreparedRequest[], ids: readonly string[], nowMs: number): Outcome {
  const config = (job.EnrollmentConfig ?? {}) as EnrollmentConfig;
  const fraud = config.FraudDetectionConfig ?? {};
  const given = fraud.WatchlistIds?.[0];
  if (given !== undefined && !watchlistExists(state, job.DomainId, given)) {
    return { failure: { StatusCode: 404, Message: `The watchlist ${given} of FraudDetectionConfig does not exist.` } };
  }
  const watchlistId = given ?? defaultWatchlistId(state, job.DomainId);
  const ctx: Context = {
    job,
    config,
    action: fraud.FraudDetectionAction ?? 'FAIL',
    threshold: fraud.RiskThreshold ?? DEFAULT_RISK_THRESHOLD,
    fraudsters: domainFraudsters(state, job.DomainId).filter((f) => watchlistId !== undefined && f.WatchlistIds.includes(watchlistId)),
    speakers: speakersByCustomerId(state, job.DomainId),
    nowMs,
  };
  const errors: object[] = [];
  const enrolled: object[] = [];
  const changed = new Map<string, SpeakerRecord>();
  for (const [index, request] of prepared.entries()) {
    const result = enrollOne(ctx, request, ids[index] as string);
    if ('error' in result) {
      errors.push(result.error);
      continue;
    }
    enrolled.push(result.enrolled);
    if (result.speaker) {
      ctx.speakers.set(result.speaker.CustomerSpeakerId as string, result.speaker);
      changed.set(result.speaker.GeneratedSpeakerId, result.speaker);
    }
  }
  const changes: Change[] = [...changed.values()].map((value) => ({
    collection: 'speakers',
    key: speakerKey(value.DomainId, value.GeneratedSpeakerId),
    value,
  }));
  return { output: { Version: '1.0', Errors: errors, SuccessfulEnrollments: enrolled }, changes, errorCount: errors.length };
}

function enrollOne(ctx: Context, request: PreparedRequest, newSpeakerId: string): Result {
  const fail = (ErrorCode: number, ErrorMessage: string): Result => ({ error: { RequestId: request.RequestId, ErrorCode, ErrorMessage } });
  if (request.error || request.voiceprint === undefined || request.SpeakerId === undefined) {
    return fail(request.error?.ErrorCode ?? 400, request.error?.ErrorMessage ?? 'The request cannot be carried out.');
  }
  const existing = ctx.speakers.get(request.SpeakerId);
  if (existing?.Status === 'OPTED_OUT') return fail(409, `The speaker ${request.SpeakerId} has opted out of Voice ID and cannot be enrolled.`);
  const isEnrolled = existing?.Status === 'ENROLLED';
  if (isEnrolled && ctx.config.ExistingEnrollmentAction !== 'OVERWRITE') {
    return { enrolled: { RequestId: request.RequestId, GeneratedSpeakerId: existing.GeneratedSpeakerId, EnrollmentStatus: 'DUPLICATE_SKIPPED' } };
  }
  const match = closest(request.voiceprint, ctx.fraudsters);
  const risk = match?.score ?? 0;
  const highRisk = match !== undefined && risk >= ctx.threshold;
  if (highRisk && ctx.action === 'FAIL') {
    return fail(
      409,
      `The speaker ${request.SpeakerId} was not enrolled: the audio matches the known fraudster ${match.fraudster.GeneratedFraudsterId} with a risk score of ${risk} (RiskThreshold ${ctx.threshold}).`,
    );
  }
  const { nowMs } = ctx;
  // An EXPIRED or PENDING speaker is not enrolled: it is enrolled again under its own id.
  const speaker: SpeakerRecord = existing
    ? { ...existing, Status: 'ENROLLED', UpdatedAt: nowMs, LastAccessedAt: nowMs, voiceprint: request.voiceprint }
    : {
        DomainId: ctx.job.DomainId,
        GeneratedSpeakerId: newSpeakerId,
        CustomerSpeakerId: request.SpeakerId,
        Status: 'ENROLLED',
        CreatedAt: nowMs,
        UpdatedAt: nowMs,
        LastAccessedAt: nowMs,
        voiceprint: request.voiceprint,
      };
  const FraudDetectionResult = {
    FraudDetectionAction: ctx.action,
    FraudDetectionDecision: highRisk ? 'HIGH_RISK' : 'LOW_RISK',
    FraudDetectionReasons: highRisk ? ['KNOWN_FRAUDSTER'] : [],
    RiskDetails: { KnownFraudsterRisk: { ...(match ? { GeneratedFraudsterId: match.fraudster.GeneratedFraudsterId } : {}), RiskScore: risk } },
  };
  return {
    enrolled: {
      RequestId: request.RequestId,
      GeneratedSpeakerId: speaker.GeneratedSpeakerId,
      EnrollmentStatus: isEnrolled ? 'OVERWRITTEN' : 'NEW_ENROLLMENT',
      FraudDetectionResult,
    },
    speaker,
  };
}
