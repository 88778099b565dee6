// Watchlists: CreateWatchlist, DescribeWatchlist, UpdateWatchlist, DeleteWatchlist, ListWatchlists,
// and the default watchlist every domain is created with (CreateDomain, ensureDomain).
import { forgetTokens } from './cascade.js';
import { newId, page, requireDomain, seconds, withoutToken, type Body, type Operation, type OperationContext } from './common.js';
import { watchlistKey, type WatchlistRecord } from '../records.js';
import { conflict, modelError, notFound, validationError } from '../service-error.js';
import { tokenKey } from '../state.js';

/**
 * Voice ID quotas (Amazon Connect administrator guide, "Voice ID quotas"): "Maximum number of
 * watchlists per domain: 3, including the default watchlist of a domain".
 */
const MAX_WATCHLISTS_PER_DOMAIN = 3;

/**
 * The watchlist a domain is created with. The documentation names neither its name nor its
 * description; these are ours (both valid for the model's WatchlistName/WatchlistDescription).
 */
export function defaultWatchlist(domainId: string, nowMs: number): WatchlistRecord {
  return {
    DomainId: domainId,
    WatchlistId: newId(),
    Name: 'Default',
    Description: 'The default watchlist of the domain.',
    DefaultWatchlist: true,
    CreatedAt: nowMs,
    UpdatedAt: nowMs,
  };
}

function watchlistView(watchlist: WatchlistRecord): Body {
  return {
    CreatedAt: seconds(watchlist.CreatedAt),
    DefaultWatchlist: watchlist.DefaultWatchlist,
    ...(watchlist.Description !== undefined ? { Description: watchlist.Description } : {}),
    DomainId: watchlist.DomainId,
    Name: watchlist.Name,
    UpdatedAt: seconds(watchlist.UpdatedAt),
    WatchlistId: watchlist.WatchlistId,
  };
}

function requireWatchlist(ctx: OperationContext, input: Body): WatchlistRecord {
  requireDomain(ctx, input.DomainId as string);
  const watchlist = ctx.state.get('watchlists', watchlistKey(input.DomainId as string, input.WatchlistId as string));
  if (!watchlist) throw notFound(ctx.model, 'WATCHLIST', `Watchlist with ID ${String(input.WatchlistId)} does not exist.`);
  return watchlist;
}

const watchlistsOf = (ctx: OperationContext, domainId: string): WatchlistRecord[] => [...ctx.state.values('watchlists')].filter((w) => w.DomainId === domainId);

// The token maps to the watchlist's key; a retry with the same request answers the watchlist as it
// is now, a retry with another request is a conflict. The documentation does not say whether
// names must be unique within a domain; as for domains, they need not be.
const createWatchlist: Operation = (input, ctx) => {
  const domain = requireDomain(ctx, input.DomainId as string);
  const request = withoutToken(input);
  const token = typeof input.ClientToken === 'string' ? input.ClientToken : undefined;
  const existing = token ? ctx.state.token('CreateWatchlist', token) : undefined;
  if (existing) {
    const watchlist = ctx.state.get('watchlists', existing);
    if (watchlist && watchlist.request === request) return { Watchlist: watchlistView(watchlist) };
    throw conflict(ctx.model, 'CONCURRENT_CHANGES', 'The ClientToken was already used with different parameters.');
  }
  if (watchlistsOf(ctx, domain.DomainId).length >= MAX_WATCHLISTS_PER_DOMAIN)
    throw modelError(
      ctx.model,
      'ServiceQuotaExceededException',
      `Domain ${domain.DomainId} already has the maximum number of watchlists (${MAX_WATCHLISTS_PER_DOMAIN}, the default watchlist included).`,
    );
  const watchlist: WatchlistRecord = {
    DomainId: domain.DomainId,
    WatchlistId: newId(),
    Name: input.Name as string,
    ...(typeof input.Description === 'string' ? { Description: input.Description } : {}),
    DefaultWatchlist: false,
    CreatedAt: ctx.nowMs,
    UpdatedAt: ctx.nowMs,
    request,
  };
  const key = watchlistKey(domain.DomainId, watchlist.WatchlistId);
  ctx.state.commit([
    { collection: 'watchlists', key, value: watchlist },
    ...(token ? [{ collection: 'tokens', key: tokenKey('CreateWatchlist', token), value: key } as const] : []),
  ]);
  return { Watchlist: watchlistView(watchlist) };
};

const describeWatchlist: Operation = (input, ctx) => ({ Watchlist: watchlistView(requireWatchlist(ctx, input)) });

// "Every domain has a default watchlist which cannot be updated" (UpdateWatchlist); the error is
// not named: a ValidationException, as no ConflictType fits. Name is optional here (unlike
// UpdateDomain, which clobbers): what the request leaves out stays as it was.
const updateWatchlist: Operation = (input, ctx) => {
  const watchlist = requireWatchlist(ctx, input);
  if (watchlist.DefaultWatchlist) throw validationError(ctx.model, 'The default watchlist of a domain cannot be updated.');
  const updated: WatchlistRecord = {
    ...watchlist,
    ...(typeof input.Name === 'string' ? { Name: input.Name } : {}),
    ...(typeof input.Description === 'string' ? { Description: input.Description } : {}),
    UpdatedAt: ctx.nowMs,
  };
  ctx.state.commit([{ collection: 'watchlists', key: watchlistKey(watchlist.DomainId, watchlist.WatchlistId), value: updated }]);
  return { Watchlist: watchlistView(updated) };
};

// The default watchlist cannot be deleted (a ValidationException, as for its update), and one with
// fraudsters in it neither: ConflictType CANNOT_DELETE_NON_EMPTY_WATCHLIST, the model's enum for it.
const deleteWatchlist: Operation = (input, ctx) => {
  const watchlist = requireWatchlist(ctx, input);
  if (watchlist.DefaultWatchlist) throw validationError(ctx.model, 'The default watchlist of a domain cannot be deleted.');
  const { DomainId, WatchlistId } = watchlist;
  const members = [...ctx.state.values('fraudsters')].filter((f) => f.DomainId === DomainId && f.WatchlistIds.includes(WatchlistId)).length;
  if (members > 0)
    throw conflict(
      ctx.model,
      'CANNOT_DELETE_NON_EMPTY_WATCHLIST',
      `Watchlist ${WatchlistId} has ${members} fraudster(s); delete them or disassociate them from it first.`,
    );
  const key = watchlistKey(DomainId, WatchlistId);
  ctx.state.commit([{ collection: 'watchlists', key }, ...forgetTokens(ctx, new Set([key]))]);
  return {};
};

const listWatchlists: Operation = (input, ctx) => {
  requireDomain(ctx, input.DomainId as string);
  // The default watchlist first, then in the order they were made.
  const all = watchlistsOf(ctx, input.DomainId as string).sort(
    (a, b) => Number(b.DefaultWatchlist) - Number(a.DefaultWatchlist) || a.CreatedAt - b.CreatedAt || (a.WatchlistId < b.WatchlistId ? -1 : 1),
  );
  const { items, nextToken } = page(ctx, 'ListWatchlists', all, input, 100);
  return { WatchlistSummaries: items.map(watchlistView), ...(nextToken ? { NextToken: nextToken } : {}) };
};

/** The operations of this module by name. */
export const WATCHLIST_OPERATIONS: Readonly<Record<string, Operation>> = {
  CreateWatchlist: createWatchlist,
  DescribeWatchlist: describeWatchlist,
  UpdateWatchlist: updateWatchlist,
  DeleteWatchlist: deleteWatchlist,
  ListWatchlists: listWatchlists,
};
