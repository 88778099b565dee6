// The local endpoint's state: named collections of records (domains, jobs, the client tokens
// that made them), kept in memory as plain Maps and, with a state file, made durable by a
// journal (state-file.ts): each commit is one journal line, on disk before the answer goes out
// (the server awaits durable()), so an answered change survives even `kill -9`.
// A new kind of record is a new entry of Records and COLLECTIONS (records.ts); nothing else changes.
import { Collections, type SnapshotView } from './collections.js';
import { StateFile, type CompactionReport, type Failpoint } from './state-file.js';
import type { Op } from './state-format.js';
import type { LockKind } from './state-lock.js';
import { COLLECTIONS, watchlistKey, type CollectionName, type Records } from './records.js';

/** A put (with a value) or a delete (without) of one record. */
export type Change = { readonly [C in CollectionName]: { readonly collection: C; readonly key: string; readonly value?: Records[C] } }[CollectionName];

/** The key of a client token in `tokens`. */
export const tokenKey = (operation: string, clientToken: string): string => `${operation}/${clientToken}`;

export interface StateOptions {
  /** The state file; without one the state lives in memory. */
  readonly file?: string;
  readonly journalLimit?: number;
  readonly failpoint?: (point: Failpoint) => void;
  /** Called once when the state file can no longer be written. */
  readonly onFailure?: (error: Error) => void;
  readonly lockKind?: LockKind;
}

export class EmulatorState {
  private seq: number;

  private constructor(
    private readonly collections: Collections,
    private readonly file: StateFile | undefined,
    seq: number,
  ) {
    this.seq = seq;
  }

  /** Opens (and locks) the state file, or an in-memory state. */
  static async open(options: StateOptions = {}): Promise<EmulatorState> {
    const collections = new Collections(COLLECTIONS);
    if (options.file === undefined) return new EmulatorState(collections, undefined, 0);
    const file = await StateFile.open({ ...options, file: options.file, collections });
    return new EmulatorState(collections, file, file.seq);
  }

  get<C extends CollectionName>(collection: C, key: string): Records[C] | undefined {
    return this.collections.get(collection, key) as Records[C] | undefined;
  }

  values<C extends CollectionName>(collection: C): IterableIterator<Records[C]> {
    return this.collections.values(collection) as IterableIterator<Records[C]>;
  }

  /** The keys and records of a collection (a key is what a deletion names). */
  entries<C extends CollectionName>(collection: C): IterableIterator<[string, Records[C]]> {
    return this.collections.entries(collection) as IterableIterator<[string, Records[C]]>;
  }

  count(collection: CollectionName): number {
    return this.collections.size(collection);
  }

  token(operation: string, clientToken: string): string | undefined {
    return this.get('tokens', tokenKey(operation, clientToken));
  }

  /** Applies the changes, all or none, and queues them for the journal; await durable() before answering. */
  commit(changes: readonly Change[]): void {
    this.apply(changes.map((c): Op => (c.value === undefined ? [c.collection, c.key] : [c.collection, c.key, c.value])));
  }

  /** Forgets every record but the domains in `keepDomains` and their default watchlists (POST /__voiceid-local/reset). */
  reset(keepDomains: Iterable<string>): void {
    const kept = [...keepDomains].flatMap((id): Op[] => {
      const domain = this.get('domains', id);
      if (!domain) return [];
      const key = domain.DefaultWatchlistId !== undefined ? watchlistKey(id, domain.DefaultWatchlistId) : undefined;
      const watchlist = key !== undefined ? this.get('watchlists', key) : undefined;
      return [['domains', id, domain], ...(key !== undefined && watchlist ? [['watchlists', key, watchlist] as Op] : [])];
    });
    this.apply([...COLLECTIONS.map((collection): Op => [collection]), ...kept]);
  }

  /** A consistent view of every record as it is now (writes go on); end() it when read (GET /__voiceid-local/state). */
  view(): { readonly seq: number; readonly view: SnapshotView } {
    return { seq: this.seq, view: this.collections.beginSnapshot() };
  }

  /** Resolves once every change committed so far is on disk (at once without a state file); rejects if it cannot be. */
  durable(): Promise<void> {
    return this.file ? this.file.durable() : Promise.resolve();
  }

  /** Writes a new snapshot and empties the journal (also done by itself as the journal grows). */
  compact(): Promise<CompactionReport | undefined> {
    return this.file ? this.file.compact() : Promise.resolve(undefined);
  }

  /** The compaction under way, if any. */
  get compacting(): Promise<CompactionReport | undefined> | undefined {
    return this.file?.compacting;
  }

  /** Waits for pending writes, then releases the state file. */
  async close(): Promise<void> {
    await this.file?.close();
  }

  private apply(ops: readonly Op[]): void {
    const seq = this.seq + 1;
    // Encoded first (a record JSON cannot hold throws here), then queued, then applied.
    this.file?.append({ seq, ops });
    this.collections.apply(ops);
    this.seq = seq;
  }
}
