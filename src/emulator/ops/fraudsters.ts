// Fraudsters: DescribeFraudster, ListFraudsters, DeleteFraudster, AssociateFraudster,
// DisassociateFraudster. Fraudsters are made by fraudster registration jobs (jobs/), each in at
// least one watchlist of its domain; watchlists are made by CreateWatchlist and with each domain
// (its default watchlist).
import { page, requireDomain, seconds, type Body, type Operation, type OperationContext } from './common.js';
import { requireActiveDomain } from './active-domain.js';
import { fraudsterKey, watchlistKey, type FraudsterRecord, type WatchlistRecord } from '../records.js';
import { conflict, modelError, notFound, validationError } from '../service-error.js';

/** Voice ID's quota "Maximum number of fraudsters per watchlist" (Amazon Connect service quotas, Voice ID). */
export const FRAUDSTERS_PER_WATCHLIST = 500;

function requireFraudster(ctx: OperationContext, domainId: string, fraudsterId: string): FraudsterRecord {
  const fraudster = ctx.state.get('fraudsters', fraudsterKey(domainId, fraudsterId));
  if (!fraudster) throw notFound(ctx.model, 'FRAUDSTER', `Fraudster with ID ${fraudsterId} does not exist.`);
  return fraudster;
}

/** The watchlist of a domain, or ResourceNotFoundException with the model's ResourceType WATCHLIST. */
export function requireWatchlist(ctx: OperationContext, domainId: string, watchlistId: string): WatchlistRecord {
  const watchlist = ctx.state.get('watchlists', watchlistKey(domainId, watchlistId));
  if (!watchlist) throw notFound(ctx.model, 'WATCHLIST', `Watchlist with ID ${watchlistId} does not exist.`);
  return watchlist;
}

/** A fraudster as Fraudster and FraudsterSummary show it (the two have the same members). */
function fraudsterView(fraudster: FraudsterRecord): Body {
  return {
    CreatedAt: seconds(fraudster.CreatedAt),
    DomainId: fraudster.DomainId,
    GeneratedFraudsterId: fraudster.GeneratedFraudsterId,
    WatchlistIds: [...fraudster.WatchlistIds],
  };
}

const describeFraudster: Operation = (input, ctx) => {
  requireDomain(ctx, input.DomainId as string);
  return { Fraudster: fraudsterView(requireFraudster(ctx, input.DomainId as string, input.FraudsterId as string)) };
};

// "If provided, all fraudsters in the watchlist are listed. If not provided, all fraudsters in the
// domain are listed." Oldest first.
const listFraudsters: Operation = (input, ctx) => {
  const domainId = input.DomainId as string;
  requireDomain(ctx, domainId);
  const watchlistId = input.WatchlistId as string | undefined;
  if (watchlistId !== undefined) requireWatchlist(ctx, domainId, watchlistId);
  const fraudsters = [...ctx.state.values('fraudsters')]
    .filter((fraudster) => fraudster.DomainId === domainId && (watchlistId === undefined || fraudster.WatchlistIds.includes(watchlistId)))
    .sort((a, b) => a.CreatedAt - b.CreatedAt || (a.GeneratedFraudsterId < b.GeneratedFraudsterId ? -1 : 1));
  const { items, nextToken } = page(ctx, 'ListFraudsters', fraudsters, input, 100);
  return { FraudsterSummaries: items.map(fraudsterView), ...(nextToken ? { NextToken: nextToken } : {}) };
};

// "This action disassociates the fraudster from any watchlists it is a part of": the record goes.
const deleteFraudster: Operation = (input, ctx) => {
  requireActiveDomain(ctx, input.DomainId as string);
  const fraudster = requireFraudster(ctx, input.DomainId as string, input.FraudsterId as string);
  ctx.state.commit([{ collection: 'fraudsters', key: fraudsterKey(fraudster.DomainId, fraudster.GeneratedFraudsterId) }]);
  return {};
};

function membersOf(ctx: OperationContext, domainId: string, watchlistId: string): number {
  let count = 0;
  for (const fraudster of ctx.state.values('fraudsters')) if (fraudster.DomainId === domainId && fraudster.WatchlistIds.includes(watchlistId)) count += 1;
  return count;
}

// Associating a fraudster with a watchlist it is already in changes nothing and answers the
// fraudster (the documentation is silent; an association is a set membership). A watchlist holds
// at most FRAUDSTERS_PER_WATCHLIST fraudsters: the operation's ServiceQuotaExceededException.
const associateFraudster: Operation = (input, ctx) => {
  const domainId = input.DomainId as string;
  requireActiveDomain(ctx, domainId);
  const fraudster = requireFraudster(ctx, domainId, input.FraudsterId as string);
  const watchlist = requireWatchlist(ctx, domainId, input.WatchlistId as string);
  if (fraudster.WatchlistIds.includes(watchlist.WatchlistId)) return { Fraudster: fraudsterView(fraudster) };
  if (membersOf(ctx, domainId, watchlist.WatchlistId) >= FRAUDSTERS_PER_WATCHLIST) {
    throw modelError(
      ctx.model,
      'ServiceQuotaExceededException',
      `The watchlist ${watchlist.WatchlistId} already has the maximum of ${FRAUDSTERS_PER_WATCHLIST} fraudsters.`,
    );
  }
  const associated: FraudsterRecord = { ...fraudster, WatchlistIds: [...fraudster.WatchlistIds, watchlist.WatchlistId] };
  ctx.state.commit([{ collection: 'fraudsters', key: fraudsterKey(domainId, fraudster.GeneratedFraudsterId), value: associated }]);
  return { Fraudster: fraudsterView(associated) };
};

// "Voice ID always expects a fraudster to be a part of at least one watchlist. If you try to
// disassociate a fraudster from its only watchlist, a ValidationException is thrown"
// (DisassociateFraudster). The final model also has the ConflictType
// FRAUDSTER_MUST_BELONG_TO_AT_LEAST_ONE_WATCHLIST, added with watchlists for exactly this case;
// voiceid-local answers the ConflictException the model defines for it (the model is the data
// the service was built from; the sentence of the documentation predates that ConflictType).
// A watchlist the fraudster is not in: ValidationException (the documentation is silent).
const disassociateFraudster: Operation = (input, ctx) => {
  const domainId = input.DomainId as string;
  requireActiveDomain(ctx, domainId);
  const fraudster = requireFraudster(ctx, domainId, input.FraudsterId as string);
  const watchlist = requireWatchlist(ctx, domainId, input.WatchlistId as string);
  const id = fraudster.GeneratedFraudsterId;
  if (!fraudster.WatchlistIds.includes(watchlist.WatchlistId)) {
    throw validationError(ctx.model, `Fraudster ${id} is not a part of watchlist ${watchlist.WatchlistId}.`);
  }
  if (fraudster.WatchlistIds.length === 1) {
    throw conflict(ctx.model, 'FRAUDSTER_MUST_BELONG_TO_AT_LEAST_ONE_WATCHLIST', `Fraudster ${id} must belong to at least one watchlist.`);
  }
  const remaining: FraudsterRecord = { ...fraudster, WatchlistIds: fraudster.WatchlistIds.filter((w) => w !== watchlist.WatchlistId) };
  ctx.state.commit([{ collection: 'fraudsters', key: fraudsterKey(domainId, id), value: remaining }]);
  return { Fraudster: fraudsterView(remaining) };
};

/** The fraudster operations by name. */
export const FRAUDSTER_OPERATIONS: Readonly<Record<string, Operation>> = {
  DescribeFraudster: describeFraudster,
  ListFraudsters: listFraudsters,
  DeleteFraudster: deleteFraudster,
  AssociateFraudster: associateFraudster,
  DisassociateFraudster: disassociateFraudster,
};
