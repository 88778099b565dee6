// The domain a change (or a session evaluation) works in: it must exist and be ACTIVE. Voice ID's
// documentation does not say which operations a domain that is not active refuses; voiceid-local
// refuses every change to its speakers and fraudsters, and EvaluateSession, with the model's
// ConflictType DOMAIN_NOT_ACTIVE (its ConflictException documentation: "The domain is not active"),
// as StartSpeakerEnrollmentJob does. Reads (Describe/List) work in any status.
import { requireDomain, type OperationContext } from './common.js';
import type { DomainRecord } from '../records.js';
import { conflict } from '../service-error.js';

export function requireActiveDomain(ctx: OperationContext, domainId: string): DomainRecord {
  const domain = requireDomain(ctx, domainId);
  if (domain.DomainStatus !== 'ACTIVE') throw conflict(ctx.model, 'DOMAIN_NOT_ACTIVE', `Domain ${domain.DomainId} is not active.`);
  return domain;
}
