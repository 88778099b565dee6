// The state on disk: a snapshot FILE and a journal FILE.journal (formats: state-format.ts).
// - A commit appends one line to the journal; the answers wait for durable(), which resolves
//   once the line is written and fdatasync'ed. Lines that arrive while a write is in flight go
//   out together in the next write (group commit), so the cost per commit is one append,
//   whatever the number of records.
// - Compaction, once the journal outgrows max(journalLimit, the snapshot): new lines start
//   going to FILE.journal.next, and the records as they are at that moment (a copy-on-write
//   view) are written a chunk at a time to a temp file, fsynced and renamed over FILE; then
//   FILE.journal.next is renamed over FILE.journal. Other clients wait at most for one chunk.
// - Open: snapshot, then the journals' change sets that follow it (FILE.journal, then
//   FILE.journal.next, left by a compaction a kill interrupted). A torn last line is dropped;
//   any other damage is a StateFileError. A version-1 file, an interrupted compaction or a new
//   state are rewritten at once in the current form.
// Every step is ordered so that a kill -9 between any two of them leaves files that open to a
// state holding every durable commit. A failed write or fsync is fatal (onFailure): after a
// failed fsync the kernel may have dropped the data, so nothing more is answered as saved.
import { closeSync, fdatasync, rename, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Collections, SnapshotView } from './collections.js';
import { entryLine, journalHeaderLine, type Entry } from './state-format.js';
import { checkFolder, fsyncFolderAsync, openJournal, probeFolder, replaceFile, settle, writeAll, writeSnapshot } from './state-io.js';
import { loadState } from './state-load.js';
import { pathsOf, reason, StatePathError, temp, type Paths } from './state-paths.js';
import { acquireLock, type LockKind, type StateLock } from './state-lock.js';

/** The points where a test may kill the process (VOICEID_LOCAL_KILL_AT). */
export const FAILPOINTS = [
  'journal:written',
  'journal:synced',
  'compaction:rotated',
  'compaction:chunk',
  'compaction:snapshot-synced',
  'compaction:snapshot-renamed',
  'compaction:journal-renamed',
] as const;
export type Failpoint = (typeof FAILPOINTS)[number];

export interface StateFileOptions {
  readonly file: string;
  readonly collections: Collections;
  /** Compact once the journal holds this many bytes and more than the snapshot (default 1 MiB). */
  readonly journalLimit?: number;
  /** Called at each failpoint (tests kill the process there). */
  readonly failpoint?: (point: Failpoint) => void;
  /** Called once when a write fails; the state then refuses every change. */
  readonly onFailure?: (error: Error) => void;
  readonly lockKind?: LockKind;
}

export interface CompactionReport {
  /** The last change set the new snapshot holds. */
  readonly seq: number;
  readonly records: number;
  readonly bytes: number;
  readonly ms: number;
}

const DEFAULT_JOURNAL_LIMIT = 1 << 20;

const fdatasyncAsync = promisify(fdatasync);
const renameAsync = promisify(rename);

interface Waiter {
  readonly seq: number;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

interface Rotation {
  readonly view: SnapshotView;
  readonly seq: number;
  readonly oldFd: number;
}

export class StateFile {
  private pending: string[] = [];
  private queuedSeq: number;
  private durableSeq: number;
  private readonly waiters: Waiter[] = [];
  private flushing: Promise<void> | undefined;
  private compaction: Promise<CompactionReport> | undefined;
  private failed: Error | undefined;
  private closed = false;

  private constructor(
    private readonly paths: Paths,
    private readonly options: StateFileOptions,
    private readonly lock: StateLock,
    private journalFd: number,
    private journalBytes: number,
    private snapshotBytes: number,
    seq: number,
  ) {
    this.queuedSeq = seq;
    this.durableSeq = seq;
  }

  /** Takes the lock, checks that the folder can be written, and loads the state into `collections`. */
  static async open(options: StateFileOptions): Promise<StateFile> {
    const paths = pathsOf(resolve(options.file));
    checkFolder(paths);
    const lock = await acquireLock(paths.file, options.lockKind);
    try {
      probeFolder(paths);
      const loaded = loadState(paths, options.collections);
      await settle(paths, options.collections, loaded).catch((error: unknown) => {
        throw error instanceof StatePathError ? error : new StatePathError(`cannot write the state file ${paths.file}: ${reason(error)}`);
      });
      const fd = openJournal(paths);
      return new StateFile(paths, options, lock, fd, statSync(paths.journal).size, statSync(paths.file).size, loaded.seq);
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  /** The last change set queued. */
  get seq(): number {
    return this.queuedSeq;
  }

  /** Queues a change set; durable() tells when it is on disk. Throws once a write has failed. */
  append(entry: Entry): void {
    if (this.failed) throw this.failed;
    if (this.closed) throw new Error('the state is closed');
    this.pending.push(entryLine(entry));
    this.queuedSeq = entry.seq;
    this.kick();
  }

  /** Resolves once every change set appended so far is on disk. */
  durable(): Promise<void> {
    return this.durableAt(this.queuedSeq);
  }

  /** Writes a new snapshot and starts an empty journal (one at a time; a second call shares the first). */
  compact(): Promise<CompactionReport> {
    if (this.failed) return Promise.reject(this.failed);
    if (this.closed) return Promise.reject(new Error('the state is closed'));
    this.compaction ??= this.runCompaction().finally(() => {
      this.compaction = undefined;
    });
    return this.compaction;
  }

  /** The compaction under way, if any. */
  get compacting(): Promise<CompactionReport> | undefined {
    return this.compaction;
  }

  /** Waits for the writes and a compaction under way, then closes the journal and frees the lock. */
  async close(): Promise<void> {
    this.closed = true;
    await this.compaction?.catch(() => undefined);
    while (this.flushing) await this.flushing;
    closeSync(this.journalFd);
    await this.lock.release();
  }

  private durableAt(seq: number): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    if (seq <= this.durableSeq) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ seq, resolve, reject }));
  }

  private kick(): void {
    if (this.flushing) return;
    this.flushing = this.flush().finally(() => {
      this.flushing = undefined;
      if (!this.failed && this.pending.length > 0) this.kick();
    });
  }

  private async flush(): Promise<void> {
    while (!this.failed && this.pending.length > 0) {
      const batch = this.pending.join('');
      this.pending = [];
      const seq = this.queuedSeq;
      // A compaction may move on to the next journal while this batch is written to this one.
      const fd = this.journalFd;
      try {
        await writeAll(fd, batch);
        this.point('journal:written');
        await fdatasyncAsync(fd);
        this.point('journal:synced');
        if (fd === this.journalFd) this.journalBytes += Buffer.byteLength(batch);
      } catch (error) {
        return this.fail(error as Error);
      }
      this.durableSeq = seq;
      while (this.waiters.length > 0 && (this.waiters[0] as Waiter).seq <= seq) this.waiters.shift()?.resolve();
    }
    const limit = this.options.journalLimit ?? DEFAULT_JOURNAL_LIMIT;
    if (!this.compaction && !this.closed && !this.failed && this.journalBytes >= Math.max(limit, this.snapshotBytes)) {
      this.compact().catch(() => undefined); // a failure is reported through fail()
    }
  }

  /**
   * Moves on to the next journal: the records now are the state after the last change set
   * queued; the lines queued and not yet taken by a write go to the next journal (those at or
   * below the snapshot's seq are skipped on open), a write under way ends in the old one. Writes
   * are one at a time, so the next journal holds a line only once the old one is complete.
   */
  private rotate(): Rotation {
    const seq = this.queuedSeq;
    const header = journalHeaderLine(seq);
    replaceFile(this.paths, this.paths.next, header);
    const oldFd = this.journalFd;
    this.journalFd = openJournal(this.paths, this.paths.next);
    this.journalBytes = Buffer.byteLength(header);
    return { view: this.options.collections.beginSnapshot(), seq, oldFd };
  }

  private async runCompaction(): Promise<CompactionReport> {
    const started = performance.now();
    let rotation: Rotation;
    try {
      rotation = this.rotate();
    } catch (error) {
      this.fail(error as Error);
      throw error;
    }
    try {
      this.point('compaction:rotated');
      const bytes = await writeSnapshot(this.paths, rotation.view, rotation.seq, () => this.point('compaction:chunk'));
      this.point('compaction:snapshot-synced');
      await this.durableAt(rotation.seq); // the old journal's last write, before it is dropped
      // In the thread pool: a rename over a large file frees its blocks, which takes a while.
      await renameAsync(temp(this.paths, 'snapshot'), this.paths.file);
      await fsyncFolderAsync(this.paths);
      this.point('compaction:snapshot-renamed');
      await renameAsync(this.paths.next, this.paths.journal);
      await fsyncFolderAsync(this.paths);
      this.point('compaction:journal-renamed');
      closeSync(rotation.oldFd);
      this.snapshotBytes = bytes;
      return { seq: rotation.seq, records: rotation.view.count, bytes, ms: performance.now() - started };
    } catch (error) {
      this.fail(error as Error);
      throw error;
    } finally {
      rotation.view.end();
    }
  }

  private fail(error: Error): void {
    if (this.failed) return;
    this.failed = new StatePathError(`cannot write the state file ${this.paths.file}: ${reason(error)}`);
    for (const waiter of this.waiters.splice(0)) waiter.reject(this.failed);
    this.options.onFailure?.(this.failed);
  }

  private point(point: Failpoint): void {
    this.options.failpoint?.(point);
  }
}
