// Speakers: DescribeSpeaker, ListSpeakers, DeleteSpeaker, OptOutSpeaker. Speakers are made by
// speaker enrollment jobs (jobs/) and by OptOutSpeaker; a SpeakerId names one either by its
// GeneratedSpeakerId (`id#` and 22 characters) or by its CustomerSpeakerId: the model's SpeakerId
// pattern allows both, and a CustomerSpeakerId cannot hold `#`, so the form tells which it is.
import { newId, page, requireDomain, seconds, type Body, type Operation, type OperationContext } from './common.js';
import { requireActiveDomain } from './active-domain.js';
import { speakerKey, type SpeakerRecord } from '../records.js';
import { modelError, notFound } from '../service-error.js';

/** Voice ID's quota "Maximum number of speakers per domain" (Amazon Connect service quotas, Voice ID). */
const SPEAKERS_PER_DOMAIN = 100_000;

const GENERATED_ID = /^id#[a-zA-Z0-9]{22}$/;

/** The speaker a SpeakerId names in a domain, by GeneratedSpeakerId or by CustomerSpeakerId. */
export function findSpeaker(ctx: OperationContext, domainId: string, speakerId: string): SpeakerRecord | undefined {
  if (GENERATED_ID.test(speakerId)) return ctx.state.get('speakers', speakerKey(domainId, speakerId));
  for (const speaker of ctx.state.values('speakers')) {
    if (speaker.DomainId === domainId && speaker.CustomerSpeakerId === speakerId) return speaker;
  }
  return undefined;
}

function requireSpeaker(ctx: OperationContext, domainId: string, speakerId: string): SpeakerRecord {
  const speaker = findSpeaker(ctx, domainId, speakerId);
  if (!speaker) throw notFound(ctx.model, 'SPEAKER', `Speaker with ID ${speakerId} does not exist.`);
  return speaker;
}

/** A speaker as Speaker and SpeakerSummary show it (the two have the same members). */
function speakerView(speaker: SpeakerRecord): Body {
  return {
    CreatedAt: seconds(speaker.CreatedAt),
    ...(speaker.CustomerSpeakerId !== undefined ? { CustomerSpeakerId: speaker.CustomerSpeakerId } : {}),
    DomainId: speaker.DomainId,
    GeneratedSpeakerId: speaker.GeneratedSpeakerId,
    ...(speaker.LastAccessedAt !== undefined ? { LastAccessedAt: seconds(speaker.LastAccessedAt) } : {}),
    Status: speaker.Status,
    UpdatedAt: seconds(speaker.UpdatedAt),
  };
}

const describeSpeaker: Operation = (input, ctx) => {
  requireDomain(ctx, input.DomainId as string);
  return { Speaker: speakerView(requireSpeaker(ctx, input.DomainId as string, input.SpeakerId as string)) };
};

// Every speaker of the domain, whatever its status (opted-out speakers included), oldest first.
const listSpeakers: Operation = (input, ctx) => {
  requireDomain(ctx, input.DomainId as string);
  const speakers = [...ctx.state.values('speakers')]
    .filter((speaker) => speaker.DomainId === input.DomainId)
    .sort((a, b) => a.CreatedAt - b.CreatedAt || (a.GeneratedSpeakerId < b.GeneratedSpeakerId ? -1 : 1));
  const { items, nextToken } = page(ctx, 'ListSpeakers', speakers, input, 100);
  return { SpeakerSummaries: items.map(speakerView), ...(nextToken ? { NextToken: nextToken } : {}) };
};

// The speaker and its voice print are gone; its CustomerSpeakerId can be enrolled again.
const deleteSpeaker: Operation = (input, ctx) => {
  requireActiveDomain(ctx, input.DomainId as string);
  const speaker = requireSpeaker(ctx, input.DomainId as string, input.SpeakerId as string);
  ctx.state.commit([{ collection: 'speakers', key: speakerKey(speaker.DomainId, speaker.GeneratedSpeakerId) }]);
  return {};
};

// "A speaker can be opted out regardless of whether or not they already exist in Voice ID. If they
// don't yet exist, a new speaker is created in an opted out state. [...] opted out speakers have no
// voice embeddings stored" (OptOutSpeaker). Only a CustomerSpeakerId can name a speaker that does not
// exist yet: an unknown GeneratedSpeakerId names nobody, ResourceNotFoundException (the documentation
// does not say; Voice ID makes the generated ids, a client cannot choose one). Opting out a speaker
// already opted out changes nothing.
const optOutSpeaker: Operation = (input, ctx) => {
  const domainId = input.DomainId as string;
  requireActiveDomain(ctx, domainId);
  const speakerId = input.SpeakerId as string;
  const existing = GENERATED_ID.test(speakerId) ? requireSpeaker(ctx, domainId, speakerId) : findSpeaker(ctx, domainId, speakerId);
  if (existing?.Status === 'OPTED_OUT') return { Speaker: speakerView(existing) };
  if (!existing && speakersIn(ctx, domainId) >= SPEAKERS_PER_DOMAIN) {
    throw modelError(ctx.model, 'ServiceQuotaExceededException', `The domain ${domainId} already has the maximum of ${SPEAKERS_PER_DOMAIN} speakers.`);
  }
  const speaker = optedOut(existing, domainId, speakerId, ctx.nowMs);
  ctx.state.commit([{ collection: 'speakers', key: speakerKey(domainId, speaker.GeneratedSpeakerId), value: speaker }]);
  return { Speaker: speakerView(speaker) };
};

function optedOut(existing: SpeakerRecord | undefined, domainId: string, customerSpeakerId: string, nowMs: number): SpeakerRecord {
  if (!existing) {
    return {
      DomainId: domainId,
      GeneratedSpeakerId: `id#${newId()}`,
      CustomerSpeakerId: customerSpeakerId,
      Status: 'OPTED_OUT',
      CreatedAt: nowMs,
      UpdatedAt: nowMs,
    };
  }
  const { voiceprint: _dropped, ...kept } = existing;
  return { ...kept, Status: 'OPTED_OUT', UpdatedAt: nowMs };
}

function speakersIn(ctx: OperationContext, domainId: string): number {
  let count = 0;
  for (const speaker of ctx.state.values('speakers')) if (speaker.DomainId === domainId) count += 1;
  return count;
}

/** The speaker operations by name. */
export const SPEAKER_OPERATIONS: Readonly<Record<string, Operation>> = {
  DescribeSpeaker: describeSpeaker,
  ListSpeakers: listSpeakers,
  DeleteSpeaker: deleteSpeaker,
  OptOutSpeaker: optOutSpeaker,
};
