// Watchlists: CreateWatchlist, DescribeWatchlist, UpdateWatchlist, DeleteWatchlist, ListWatchlists.
import type { Operation } from './common.js';

/** The operations of this module by name. */
export const WATCHLIST_OPERATIONS: Readonly<Record<string, Operation>> = {};
