// The state in memory: one Map per named collection, changed only by applying ops (no copies
// per change). A snapshot view reads the collections as they were when it began while changes
// go on: each record changed after that keeps its earlier value in the view (copy on write, per
// record), so a snapshot can be written a chunk at a time without stopping the writers. Several
// views may be open at once (a compaction and a state dump).
import type { Op, RecordLine } from './state-format.js';

export class Collections {
  private readonly maps = new Map<string, Map<string, unknown>>();
  private readonly views = new Set<SnapshotView>();

  constructor(readonly names: readonly string[]) {
    for (const name of names) this.maps.set(name, new Map());
  }

  get(collection: string, key: string): unknown {
    return this.map(collection).get(key);
  }

  values(collection: string): IterableIterator<unknown> {
    return this.map(collection).values();
  }

  entries(collection: string): IterableIterator<[string, unknown]> {
    return this.map(collection).entries();
  }

  size(collection: string): number {
    return this.map(collection).size;
  }

  /** The number of records of every collection. */
  get records(): number {
    let count = 0;
    for (const map of this.maps.values()) count += map.size;
    return count;
  }

  apply(ops: readonly Op[]): void {
    for (const op of ops) {
      const [collection, key] = op;
      if (op.length === 1) {
        // A fresh Map: a view still reading the old one keeps it whole.
        this.maps.set(collection, new Map());
        continue;
      }
      const map = this.map(collection);
      for (const view of this.views) view.preserve(collection, map, key as string);
      if (op.length === 3) map.set(key as string, op[2]);
      else map.delete(key as string);
    }
  }

  /** Starts reading the collections as they are now; call end() on the view when done. */
  beginSnapshot(): SnapshotView {
    const view = new SnapshotView(this.maps, () => this.views.delete(view));
    this.views.add(view);
    return view;
  }

  private map(collection: string): Map<string, unknown> {
    const map = this.maps.get(collection);
    if (!map) throw new Error(`unknown collection ${collection}`);
    return map;
  }
}

/** The collections as they were when the view began. */
export class SnapshotView {
  /** Each collection's Map and its keys, as the view began. */
  private readonly frozen: { readonly collection: string; readonly map: Map<string, unknown>; readonly keys: readonly string[] }[];
  /** Earlier values of the records changed since: collection → key → value. */
  private readonly before = new Map<string, Map<string, unknown>>();
  /** How many records the view holds. */
  readonly count: number;

  constructor(
    maps: ReadonlyMap<string, Map<string, unknown>>,
    private readonly onEnd: () => void,
  ) {
    this.frozen = [...maps].map(([collection, map]) => ({ collection, map, keys: [...map.keys()] }));
    this.count = this.frozen.reduce((sum, f) => sum + f.keys.length, 0);
  }

  /** Called before a record of `map` changes: keeps its value as the view began. */
  preserve(collection: string, map: Map<string, unknown>, key: string): void {
    if (!this.frozen.some((f) => f.map === map)) return; // a Map made since (by a clear): not in the view
    const saved = this.before.get(collection) ?? new Map<string, unknown>();
    this.before.set(collection, saved);
    if (!saved.has(key) && map.has(key)) saved.set(key, map.get(key));
  }

  /** The records as the view began, in collection order. */
  *records(): Generator<RecordLine> {
    for (const { collection, map, keys } of this.frozen) {
      const saved = this.before.get(collection);
      for (const key of keys) {
        const value = saved?.has(key) ? saved.get(key) : map.get(key);
        yield [collection, key, value];
      }
    }
  }

  end(): void {
    this.before.clear();
    this.onEnd();
  }
}
