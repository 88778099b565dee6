// EvaluateSession. Voice ID evaluates the audio Amazon Connect streams for a call; voiceid-local
// has no calls, so a session is what its name says (session-names.ts):
//
//   <CustomerSpeakerId>              the speaker calls, in their own voice (their voice print)
//   impostor-<CustomerSpeakerId>     someone else claims to be the speaker
//   spoof-<CustomerSpeakerId>        a synthetic copy of the speaker's voice (voice spoofing)
//   silent-<CustomerSpeakerId>       the call ended without enough speech
//   ongoing-<CustomerSpeakerId>      the call is still streaming, not enough speech yet
//   pending-<CustomerSpeakerId>      streaming not configured yet: no results at all
//   fraudster-<22 characters>        the fraudster id#<22 characters> calls, no speaker set
//   anonymous-<anything>             someone calls, no speaker set
//   missing-<anything>               no such session: ResourceNotFoundException (SESSION)
//
// A keyword at the start wins over a bare CustomerSpeakerId. The SessionId each answer carries names
// the same session again for sessions about a known speaker or fraudster. Session names are at most
// 36 characters (the model), so a CustomerSpeakerId used this way is short enough to fit.
//
// The caller's voice print: the claimed speaker's own (bare name and spoof-) or the fraudster's
// (fraudster-), else a stand-in print of the session name. Then, deterministically:
// - Authentication (AcceptanceThreshold 90, the default of Amazon Connect's Check Voice ID):
//   SPEAKER_ID_NOT_PROVIDED without a claimed speaker; SPEAKER_NOT_ENROLLED for an unknown or PENDING
//   speaker, SPEAKER_OPTED_OUT, SPEAKER_EXPIRED by its Status; NOT_ENOUGH_SPEECH for silent-/ongoing-;
//   else Score = similarity(caller, speaker) (voiceprint.ts: 100 for the speaker's own voice, below 30
//   for another), ACCEPT at or above the threshold, else REJECT. An ACCEPT is an access of the speaker
//   (LastAccessedAt, which the documentation keeps "accurate to one hour").
// - Fraud detection (RiskThreshold 50; against the domain's default watchlist): NOT_ENOUGH_SPEECH for
//   silent-/ongoing-; else KnownFraudsterRisk is the best similarity of the caller to the watchlist's
//   fraudsters (with that fraudster's id when above 0) and VoiceSpoofingRisk is 100 for spoof-, else 0;
//   HIGH_RISK with its Reasons when a risk meets the threshold ("meets or exceeds", Check Voice ID),
//   else LOW_RISK. An enrolled speaker who is also a registered fraudster (the same audio) is HIGH_RISK.
// Result ids are digests of the results, so the same state gives the same ids (Voice ID's "cached"
// result); the audio aggregation window is the 10 seconds before the request.
import { requireActiveDomain } from './active-domain.js';
import { seconds, type Body, type Operation, type OperationContext } from './common.js';
import { findSpeaker } from './speakers.js';
import { digestId, nameOf, parseSessionName, sessionId, sessionIdCandidates, type SessionName } from './session-names.js';
import { fraudsterKey, speakerKey, type DomainRecord, type FraudsterRecord, type SpeakerRecord } from '../records.js';
import { notFound } from '../service-error.js';
import { similarity, voiceprintOf } from '../voiceprint.js';

const ACCEPTANCE_THRESHOLD = 90;
const RISK_THRESHOLD = 50;
const AGGREGATION_MS = 10_000;
const HOUR_MS = 3_600_000;

interface Session {
  readonly name: SessionName;
  readonly speaker?: SpeakerRecord;
  readonly fraudster?: FraudsterRecord;
  /** The voice print of whoever speaks. */
  readonly caller: string;
}

const speakerPrint = (speaker: SpeakerRecord): string => speaker.voiceprint ?? voiceprintOf([Buffer.from(`speaker/${speaker.GeneratedSpeakerId}`)]);

function readSession(ctx: OperationContext, domainId: string, nameOrId: string): Session {
  const name = parseSessionName(nameOrId.startsWith('id#') ? resolveSessionId(ctx, domainId, nameOrId) : nameOrId);
  if (name.kind === 'missing') throw notFound(ctx.model, 'SESSION', `Session with name ${name.name} does not exist.`);
  const speaker = name.claimsSpeaker ? findSpeaker(ctx, domainId, name.subject) : undefined;
  const fraudster = name.kind === 'fraudster' ? ctx.state.get('fraudsters', fraudsterKey(domainId, `id#${name.subject}`)) : undefined;
  const ownVoice = speaker?.voiceprint !== undefined && (name.kind === 'speaker' || name.kind === 'spoof');
  const caller = ownVoice && speaker ? speakerPrint(speaker) : (fraudster?.voiceprint ?? voiceprintOf([Buffer.from(`session/${domainId}/${name.name}`)]));
  return { name, ...(speaker ? { speaker } : {}), ...(fraudster ? { fraudster } : {}), caller };
}

/** The session name a SessionId stands for, or ResourceNotFoundException (SESSION). */
function resolveSessionId(ctx: OperationContext, domainId: string, id: string): string {
  for (const candidate of sessionIdCandidates(id)) {
    if (candidate.subject === 'fraudster') {
      if (ctx.state.get('fraudsters', fraudsterKey(domainId, `id#${candidate.record}`))) return nameOf(candidate.keyword, candidate.record);
    } else {
      const customerId = ctx.state.get('speakers', speakerKey(domainId, `id#${candidate.record}`))?.CustomerSpeakerId;
      if (customerId !== undefined) return nameOf(candidate.keyword, customerId);
    }
  }
  throw notFound(ctx.model, 'SESSION', `Session with ID ${id} does not exist.`);
}

const hasSpeech = (session: Session): boolean => !['silent', 'ongoing', 'pending'].includes(session.name.kind);

function authenticationDecision(session: Session): { Decision: string; Score?: number } {
  const { name, speaker } = session;
  if (!name.claimsSpeaker) return { Decision: 'SPEAKER_ID_NOT_PROVIDED' };
  if (!speaker || speaker.Status === 'PENDING') return { Decision: 'SPEAKER_NOT_ENROLLED' };
  if (speaker.Status === 'OPTED_OUT') return { Decision: 'SPEAKER_OPTED_OUT' };
  if (speaker.Status === 'EXPIRED') return { Decision: 'SPEAKER_EXPIRED' };
  if (!hasSpeech(session)) return { Decision: 'NOT_ENOUGH_SPEECH' };
  const score = similarity(session.caller, speakerPrint(speaker));
  return { Decision: score >= ACCEPTANCE_THRESHOLD ? 'ACCEPT' : 'REJECT', Score: score };
}

function authenticationResult(session: Session, id: string): Body {
  const result = {
    Configuration: { AcceptanceThreshold: ACCEPTANCE_THRESHOLD },
    ...(session.name.claimsSpeaker ? { CustomerSpeakerId: session.speaker?.CustomerSpeakerId ?? session.name.subject } : {}),
    ...authenticationDecision(session),
    ...(session.speaker ? { GeneratedSpeakerId: session.speaker.GeneratedSpeakerId } : {}),
  };
  return { AuthenticationResultId: digestId('authentication', id, JSON.stringify(result)), ...result };
}

/** The domain's default watchlist: the domain's DefaultWatchlistId, else its watchlist marked default. */
function defaultWatchlist(ctx: OperationContext, domain: DomainRecord): string | undefined {
  if (domain.DefaultWatchlistId !== undefined) return domain.DefaultWatchlistId;
  for (const watchlist of ctx.state.values('watchlists'))
    if (watchlist.DomainId === domain.DomainId && watchlist.DefaultWatchlist) return watchlist.WatchlistId;
  return undefined;
}

/** The closest fraudster of the watchlist (of the domain when it has none), ties to the smaller id. */
function knownFraudsterRisk(ctx: OperationContext, domainId: string, watchlistId: string | undefined, caller: string): Body {
  let best: { id: string; score: number } | undefined;
  for (const fraudster of ctx.state.values('fraudsters')) {
    if (fraudster.DomainId !== domainId || (watchlistId !== undefined && !fraudster.WatchlistIds.includes(watchlistId))) continue;
    const score = similarity(caller, fraudster.voiceprint);
    if (!best || score > best.score || (score === best.score && fraudster.GeneratedFraudsterId < best.id)) best = { id: fraudster.GeneratedFraudsterId, score };
  }
  return best && best.score > 0 ? { GeneratedFraudsterId: best.id, RiskScore: best.score } : { RiskScore: 0 };
}

function fraudDetectionResult(ctx: OperationContext, domain: DomainRecord, session: Session, id: string): Body {
  const watchlistId = defaultWatchlist(ctx, domain);
  const configuration = { RiskThreshold: RISK_THRESHOLD, ...(watchlistId !== undefined ? { WatchlistId: watchlistId } : {}) };
  let result: Body = { Configuration: configuration, Decision: 'NOT_ENOUGH_SPEECH' };
  if (hasSpeech(session)) {
    const known = knownFraudsterRisk(ctx, domain.DomainId, watchlistId, session.caller);
    const spoofing = session.name.kind === 'spoof' ? 100 : 0;
    const reasons = [...((known.RiskScore as number) >= RISK_THRESHOLD ? ['KNOWN_FRAUDSTER'] : []), ...(spoofing >= RISK_THRESHOLD ? ['VOICE_SPOOFING'] : [])];
    result = {
      Configuration: configuration,
      Decision: reasons.length > 0 ? 'HIGH_RISK' : 'LOW_RISK',
      ...(reasons.length > 0 ? { Reasons: reasons } : {}),
      RiskDetails: { KnownFraudsterRisk: known, VoiceSpoofingRisk: { RiskScore: spoofing } },
    };
  }
  return { FraudDetectionResultId: digestId('fraud-detection', id, JSON.stringify(result)), ...result };
}

/** An ACCEPT is an access of the speaker: LastAccessedAt moves, at most once an hour. */
function accessed(ctx: OperationContext, speaker: SpeakerRecord): void {
  if (speaker.LastAccessedAt !== undefined && ctx.nowMs - speaker.LastAccessedAt < HOUR_MS) return;
  const value: SpeakerRecord = { ...speaker, LastAccessedAt: ctx.nowMs };
  ctx.state.commit([{ collection: 'speakers', key: speakerKey(speaker.DomainId, speaker.GeneratedSpeakerId), value }]);
}

const evaluateSession: Operation = (input, ctx) => {
  const domain = requireActiveDomain(ctx, input.DomainId as string);
  const session = readSession(ctx, domain.DomainId, input.SessionNameOrId as string);
  const record = session.speaker?.GeneratedSpeakerId ?? session.fraudster?.GeneratedFraudsterId;
  const id = sessionId(domain.DomainId, session.name, record?.slice(3));
  const head = { DomainId: domain.DomainId, SessionId: id, SessionName: session.name.name };
  if (session.name.kind === 'pending') return { ...head, StreamingStatus: 'PENDING_CONFIGURATION' };
  const window = { AudioAggregationEndedAt: seconds(ctx.nowMs), AudioAggregationStartedAt: seconds(ctx.nowMs - AGGREGATION_MS) };
  const authentication = authenticationResult(session, id);
  if (authentication.Decision === 'ACCEPT' && session.speaker) accessed(ctx, session.speaker);
  return {
    AuthenticationResult: { ...window, ...authentication },
    ...head,
    FraudDetectionResult: { ...window, ...fraudDetectionResult(ctx, domain, session, id) },
    StreamingStatus: session.name.kind === 'ongoing' ? 'ONGOING' : 'ENDED',
  };
};

/** The operations of this module by name. */
export const SESSION_OPERATIONS: Readonly<Record<string, Operation>> = { EvaluateSession: evaluateSession };
