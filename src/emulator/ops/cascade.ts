// What goes with a deleted resource: every record of a deleted domain (DeleteDomain), and the
// client tokens that made what is deleted, so that a token names nothing that is gone.
import type { OperationContext } from './common.js';
import { COLLECTIONS, type CollectionName, type DomainRecord } from '../records.js';
import type { Change } from '../state.js';

/** The collections whose records belong to a domain (each record carries its DomainId). */
const DOMAIN_COLLECTIONS: readonly CollectionName[] = COLLECTIONS.filter((c) => c !== 'tags' && c !== 'tokens');

/**
 * Deletes the tokens whose value is one of `keys`. A token's value is the key of what it made in
 * its collection (a DomainId, a JobId, a watchlist's `<DomainId>/<WatchlistId>`).
 */
export function forgetTokens(ctx: OperationContext, keys: ReadonlySet<string>): Change[] {
  const changes: Change[] = [];
  for (const [key, value] of ctx.state.entries('tokens')) if (keys.has(value)) changes.push({ collection: 'tokens', key });
  return changes;
}

/** The deletions that remove a domain and everything in it: its records of every kind, its tags, its tokens. */
export function domainRemoval(ctx: OperationContext, domain: DomainRecord): Change[] {
  const changes: Change[] = [];
  const keys = new Set<string>();
  for (const collection of DOMAIN_COLLECTIONS) {
    for (const [key, record] of ctx.state.entries(collection)) {
      if ((record as { readonly DomainId?: unknown }).DomainId !== domain.DomainId) continue;
      changes.push({ collection, key } as Change);
      keys.add(key);
    }
  }
  if (ctx.state.get('tags', domain.Arn)) changes.push({ collection: 'tags', key: domain.Arn });
  return [...changes, ...forgetTokens(ctx, keys)];
}
