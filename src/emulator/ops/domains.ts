// Domains: CreateDomain, DescribeDomain, ListDomains (and the domains voiceid-local --domain makes).
import { newId, page, requireDomain, seconds, withoutToken, type Body, type Operation, type OperationContext } from './common.js';
import type { DomainRecord } from '../records.js';
import { conflict } from '../service-error.js';
import { tokenKey } from '../state.js';

function domainView(domain: DomainRecord): Body {
  return {
    Arn: domain.Arn,
    CreatedAt: seconds(domain.CreatedAt),
    ...(domain.Description !== undefined ? { Description: domain.Description } : {}),
    DomainId: domain.DomainId,
    DomainStatus: domain.DomainStatus,
    Name: domain.Name,
    ServerSideEncryptionConfiguration: domain.ServerSideEncryptionConfiguration,
    UpdatedAt: seconds(domain.UpdatedAt),
  };
}

/** Adds an active domain with a given id (voiceid-local --domain). */
export function ensureDomain(ctx: OperationContext, domainId: string): void {
  if (ctx.state.get('domains', domainId)) return;
  const domain: DomainRecord = {
    DomainId: domainId,
    Arn: `arn:aws:voiceid:${ctx.region}:${ctx.accountId}:domain/${domainId}`,
    Name: `local-${domainId}`,
    DomainStatus: 'ACTIVE',
    ServerSideEncryptionConfiguration: { KmsKeyId: 'alias/aws/voiceid' },
    CreatedAt: ctx.nowMs,
    UpdatedAt: ctx.nowMs,
  };
  ctx.state.commit([{ collection: 'domains', key: domainId, value: domain }]);
}

const createDomain: Operation = (input, ctx) => {
  const request = withoutToken(input);
  const token = typeof input.ClientToken === 'string' ? input.ClientToken : undefined;
  const existing = token ? ctx.state.token('CreateDomain', token) : undefined;
  if (existing) {
    const domain = ctx.state.get('domains', existing);
    if (domain && domain.request === request) return { Domain: domainView(domain) };
    throw conflict(ctx.model, 'CONCURRENT_CHANGES', 'The ClientToken was already used with different parameters.');
  }
  const domainId = newId();
  const domain: DomainRecord = {
    DomainId: domainId,
    Arn: `arn:aws:voiceid:${ctx.region}:${ctx.accountId}:domain/${domainId}`,
    Name: input.Name as string,
    ...(typeof input.Description === 'string' ? { Description: input.Description } : {}),
    DomainStatus: 'ACTIVE',
    ServerSideEncryptionConfiguration: { KmsKeyId: (input.ServerSideEncryptionConfiguration as Body).KmsKeyId as string },
    CreatedAt: ctx.nowMs,
    UpdatedAt: ctx.nowMs,
    request,
  };
  ctx.state.commit([
    { collection: 'domains', key: domainId, value: domain },
    ...(token ? [{ collection: 'tokens', key: tokenKey('CreateDomain', token), value: domainId } as const] : []),
  ]);
  return { Domain: domainView(domain) };
};

const describeDomain: Operation = (input, ctx) => ({ Domain: domainView(requireDomain(ctx, input.DomainId as string)) });

const listDomains: Operation = (input, ctx) => {
  const all = [...ctx.state.values('domains')].sort((a, b) => a.CreatedAt - b.CreatedAt || (a.DomainId < b.DomainId ? -1 : 1));
  const { items, nextToken } = page(ctx, 'ListDomains', all, input, 10);
  return { DomainSummaries: items.map(domainView), ...(nextToken ? { NextToken: nextToken } : {}) };
};

/** The domain operations by name. */
export const DOMAIN_OPERATIONS: Readonly<Record<string, Operation>> = {
  CreateDomain: createDomain,
  DescribeDomain: describeDomain,
  ListDomains: listDomains,
};
