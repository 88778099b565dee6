// The file operations of a state (state-file.ts): checks of its folder, the snapshot written a
// chunk at a time, files replaced atomically (temp file, fsync, rename, fsync of the folder),
// and the rewrite or repair of the files right after they were loaded.
import { closeSync, fdatasync, fsync, fsyncSync, ftruncateSync, openSync, readdirSync, renameSync, statSync, unlinkSync, write, writeSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Collections, SnapshotView } from './collections.js';
import { journalHeaderLine, recordLine, snapshotHeaderLine } from './state-format.js';
import type { Loaded } from './state-load.js';
import { isTempOf, reason, StatePathError, temp, type Paths } from './state-paths.js';

/**
 * The text of a snapshot serialized between two turns of the event loop (64 KiB: about 1 ms;
 * 1 MiB chunks made starts during a compaction 10x slower), and how much of it may be written
 * before it is fdatasync'ed: a journal fdatasync on ext4 waits behind the dirty pages of other
 * files, so the snapshot's are flushed as it goes, not all at its end.
 */
const CHUNK_CHARS = 1 << 16;
const SYNC_BYTES = 1 << 22;

const writeAsync = promisify(write);
const fdatasyncAsync = promisify(fdatasync);
const fsyncAsync = promisify(fsync);

/**
 * After loading: rewrites the files in the current form when they are new, of version 1, or
 * left by an interrupted compaction (snapshot first, then the journal, then FILE.journal.next
 * removed: a kill between any two leaves files that open to the same state); or cuts off the
 * journal's torn last line, so that new lines do not follow it.
 */
export async function settle(paths: Paths, collections: Collections, loaded: Loaded): Promise<void> {
  if (loaded.rewrite) {
    const view = collections.beginSnapshot();
    try {
      await writeSnapshot(paths, view, loaded.seq);
    } finally {
      view.end();
    }
    renameSync(temp(paths, 'snapshot'), paths.file);
    fsyncFolder(paths);
    replaceFile(paths, paths.journal, journalHeaderLine(loaded.seq));
    removeIfThere(paths.next);
    fsyncFolder(paths);
  } else if (loaded.tornAt !== undefined) {
    const fd = openSync(paths.journal, 'r+');
    try {
      ftruncateSync(fd, loaded.tornAt);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}

export function checkFolder(paths: Paths): void {
  let folder: ReturnType<typeof statSync>;
  try {
    folder = statSync(paths.folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new StatePathError(`the folder of the state file ${paths.file} does not exist`);
    throw new StatePathError(`cannot use the folder of the state file ${paths.file}: ${reason(error)}`);
  }
  if (!folder.isDirectory()) throw new StatePathError(`the folder of the state file ${paths.file} is not a folder`);
}

/** Creates and removes a file in the folder (the compaction's temp files go there), and drops temp files a kill left. */
export function probeFolder(paths: Paths): void {
  const probe = temp(paths, 'probe');
  try {
    closeSync(openSync(probe, 'w'));
    unlinkSync(probe);
  } catch (error) {
    throw new StatePathError(`cannot write in the folder of the state file ${paths.file}: ${reason(error)}`);
  }
  for (const name of readdirSync(paths.folder)) {
    if (isTempOf(paths, name)) removeIfThere(join(paths.folder, name));
  }
}

export function openJournal(paths: Paths, path: string = paths.journal): number {
  try {
    return openSync(path, 'a');
  } catch (error) {
    throw new StatePathError(`cannot write the journal ${path}: ${reason(error)}`);
  }
}

export async function writeAll(fd: number, text: string): Promise<void> {
  const buffer = Buffer.from(text);
  let offset = 0;
  while (offset < buffer.length) offset += (await writeAsync(fd, buffer, offset, buffer.length - offset, null)).bytesWritten;
}

/** Writes `view` as a snapshot to its temp file and fsyncs it (the caller renames it over FILE); returns its size. */
export async function writeSnapshot(paths: Paths, view: SnapshotView, seq: number, onChunk?: () => void): Promise<number> {
  const path = temp(paths, 'snapshot');
  const fd = openSync(path, 'w');
  let bytes = 0;
  let unsynced = 0;
  const flush = async (text: string): Promise<void> => {
    await writeAll(fd, text);
    const length = Buffer.byteLength(text);
    bytes += length;
    unsynced += length;
    if (unsynced >= SYNC_BYTES) {
      await fdatasyncAsync(fd);
      unsynced = 0;
    }
  };
  try {
    let chunk = snapshotHeaderLine(seq, view.count);
    for (const [collection, key, value] of view.records()) {
      chunk += recordLine(collection, key, value);
      if (chunk.length >= CHUNK_CHARS) {
        await flush(chunk);
        onChunk?.();
        chunk = '';
      }
    }
    await flush(chunk);
    await fsyncAsync(fd);
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/** Writes `text` to `path` atomically: a temp file, fsync, rename, fsync of the folder. */
export function replaceFile(paths: Paths, path: string, text: string): void {
  const staging = temp(paths, 'journal');
  const fd = openSync(staging, 'w');
  try {
    let offset = 0;
    const buffer = Buffer.from(text);
    while (offset < buffer.length) offset += writeSync(fd, buffer, offset, buffer.length - offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(staging, path);
  fsyncFolder(paths);
}

// The fsync of a folder makes its renames durable; file systems that cannot do it (EINVAL,
// ENOTSUP: some network and FUSE ones) have nothing more to offer, and are let be.
const FOLDER_FSYNC_UNSUPPORTED = new Set(['EINVAL', 'ENOTSUP', 'EOPNOTSUPP']);

export async function fsyncFolderAsync(paths: Paths): Promise<void> {
  const fd = openSync(paths.folder, 'r');
  try {
    await fsyncAsync(fd).catch((error: NodeJS.ErrnoException) => {
      if (!FOLDER_FSYNC_UNSUPPORTED.has(error.code ?? '')) throw error;
    });
  } finally {
    closeSync(fd);
  }
}

export function fsyncFolder(paths: Paths): void {
  const fd = openSync(paths.folder, 'r');
  try {
    fsyncSync(fd);
  } catch (error) {
    if (!FOLDER_FSYNC_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    closeSync(fd);
  }
}

function removeIfThere(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
