// Domains: CreateDomain, DescribeDomain, UpdateDomain, DeleteDomain, ListDomains (and the domains
// voiceid-local --domain makes). Every domain has its default watchlist (watchlists.ts).
import { domainRemoval } from './cascade.js';
import { newId, page, requireDomain, seconds, withoutToken, type Body, type Operation, type OperationContext } from './common.js';
import { checkTags, tagsChange } from './tags.js';
import { defaultWatchlist } from './watchlists.js';
import { watchlistKey, type DomainRecord, type TagsRecord } from '../records.js';
import { conflict } from '../service-error.js';
import { tokenKey, type Change } from '../state.js';

function encryptionUpdateView(details: NonNullable<DomainRecord['ServerSideEncryptionUpdateDetails']>): Body {
  return {
    ...(details.Message !== undefined ? { Message: details.Message } : {}),
    ...(details.OldKmsKeyId !== undefined ? { OldKmsKeyId: details.OldKmsKeyId } : {}),
    ...(details.UpdateStatus !== undefined ? { UpdateStatus: details.UpdateStatus } : {}),
  };
}

function domainView(domain: DomainRecord): Body {
  const update = domain.ServerSideEncryptionUpdateDetails;
  return {
    Arn: domain.Arn,
    CreatedAt: seconds(domain.CreatedAt),
    ...(domain.Description !== undefined ? { Description: domain.Description } : {}),
    DomainId: domain.DomainId,
    DomainStatus: domain.DomainStatus,
    Name: domain.Name,
    ServerSideEncryptionConfiguration: domain.ServerSideEncryptionConfiguration,
    ...(update ? { ServerSideEncryptionUpdateDetails: encryptionUpdateView(update) } : {}),
    UpdatedAt: seconds(domain.UpdatedAt),
    ...(domain.DefaultWatchlistId !== undefined ? { WatchlistDetails: { DefaultWatchlistId: domain.DefaultWatchlistId } } : {}),
  };
}

/** A new domain and its default watchlist, as the changes that store them. */
function newDomain(ctx: OperationContext, fields: Omit<DomainRecord, 'Arn' | 'DomainStatus' | 'CreatedAt' | 'UpdatedAt'>): [DomainRecord, Change[]] {
  const watchlist = defaultWatchlist(fields.DomainId, ctx.nowMs);
  const domain: DomainRecord = {
    ...fields,
    Arn: `arn:aws:voiceid:${ctx.region}:${ctx.accountId}:domain/${fields.DomainId}`,
    DomainStatus: 'ACTIVE',
    DefaultWatchlistId: watchlist.WatchlistId,
    CreatedAt: ctx.nowMs,
    UpdatedAt: ctx.nowMs,
  };
  return [
    domain,
    [
      { collection: 'domains', key: domain.DomainId, value: domain },
      { collection: 'watchlists', key: watchlistKey(domain.DomainId, watchlist.WatchlistId), value: watchlist },
    ],
  ];
}

/** Gives a domain its default watchlist if it has none (a domain of a state file older than watchlists). */
function withDefaultWatchlist(ctx: OperationContext, domain: DomainRecord): void {
  const id = domain.DefaultWatchlistId;
  if (id !== undefined && ctx.state.get('watchlists', watchlistKey(domain.DomainId, id))) return;
  const watchlist = defaultWatchlist(domain.DomainId, ctx.nowMs);
  ctx.state.commit([
    { collection: 'domains', key: domain.DomainId, value: { ...domain, DefaultWatchlistId: watchlist.WatchlistId } },
    { collection: 'watchlists', key: watchlistKey(domain.DomainId, watchlist.WatchlistId), value: watchlist },
  ]);
}

/** Adds an active domain with a given id (voiceid-local --domain). */
export function ensureDomain(ctx: OperationContext, domainId: string): void {
  const existing = ctx.state.get('domains', domainId);
  if (existing) return withDefaultWatchlist(ctx, existing);
  const [, changes] = newDomain(ctx, { DomainId: domainId, Name: `local-${domainId}`, ServerSideEncryptionConfiguration: { KmsKeyId: 'alias/aws/voiceid' } });
  ctx.state.commit(changes);
}

/** Gives every domain of the state its default watchlist (once, as the endpoint starts). */
export function ensureDefaultWatchlists(ctx: OperationContext): void {
  for (const domain of [...ctx.state.values('domains')]) withDefaultWatchlist(ctx, domain);
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
  const tags = (input.Tags ?? []) as TagsRecord['Tags'];
  checkTags(ctx, tags);
  const [domain, changes] = newDomain(ctx, {
    DomainId: newId(),
    Name: input.Name as string,
    ...(typeof input.Description === 'string' ? { Description: input.Description } : {}),
    ServerSideEncryptionConfiguration: { KmsKeyId: (input.ServerSideEncryptionConfiguration as Body).KmsKeyId as string },
    request,
  });
  ctx.state.commit([
    ...changes,
    ...(tags.length > 0 ? [tagsChange(domain.Arn, tags)] : []),
    ...(token ? [{ collection: 'tokens', key: tokenKey('CreateDomain', token), value: domain.DomainId } as const] : []),
  ]);
  return { Domain: domainView(domain) };
};

const describeDomain: Operation = (input, ctx) => ({ Domain: domainView(requireDomain(ctx, input.DomainId as string)) });

// "Clobber behavior": Name, Description and the encryption settings are replaced, an absent
// Description removed. A new KMS key starts the re-encryption the documentation describes as
// asynchronous; locally there is nothing to re-encrypt, so it is COMPLETED at once (and never
// IN_PROGRESS, so DOMAIN_LOCKED_FROM_ENCRYPTION_UPDATES never arises). The same key again leaves
// the details of the last change as they were.
const updateDomain: Operation = (input, ctx) => {
  const domain = requireDomain(ctx, input.DomainId as string);
  const kmsKeyId = (input.ServerSideEncryptionConfiguration as Body).KmsKeyId as string;
  const oldKmsKeyId = domain.ServerSideEncryptionConfiguration.KmsKeyId;
  const { Description: _description, ServerSideEncryptionUpdateDetails: details, ...kept } = domain;
  const updated: DomainRecord = {
    ...kept,
    Name: input.Name as string,
    ...(typeof input.Description === 'string' ? { Description: input.Description } : {}),
    ServerSideEncryptionConfiguration: { KmsKeyId: kmsKeyId },
    ...(kmsKeyId !== oldKmsKeyId
      ? { ServerSideEncryptionUpdateDetails: { OldKmsKeyId: oldKmsKeyId, UpdateStatus: 'COMPLETED' as const } }
      : details
        ? { ServerSideEncryptionUpdateDetails: details }
        : {}),
    UpdatedAt: ctx.nowMs,
  };
  ctx.state.commit([{ collection: 'domains', key: domain.DomainId, value: updated }]);
  return { Domain: domainView(updated) };
};

// The domain and everything in it go at once (one commit). The documentation does not say what
// becomes of a job still running: it goes with its domain. A second DeleteDomain finds no domain.
const deleteDomain: Operation = (input, ctx) => {
  const domain = requireDomain(ctx, input.DomainId as string);
  ctx.state.commit(domainRemoval(ctx, domain));
  return {};
};

const listDomains: Operation = (input, ctx) => {
  const all = [...ctx.state.values('domains')].sort((a, b) => a.CreatedAt - b.CreatedAt || (a.DomainId < b.DomainId ? -1 : 1));
  const { items, nextToken } = page(ctx, 'ListDomains', all, input, 10);
  return { DomainSummaries: items.map(domainView), ...(nextToken ? { NextToken: nextToken } : {}) };
};

/** The domain operations by name. */
export const DOMAIN_OPERATIONS: Readonly<Record<string, Operation>> = {
  CreateDomain: createDomain,
  DescribeDomain: describeDomain,
  UpdateDomain: updateDomain,
  DeleteDomain: deleteDomain,
  ListDomains: listDomains,
};
