// Reading a state from its files at open (synchronous: nothing is served yet): the snapshot
// (or a version-1 file), then the change sets of FILE.journal and FILE.journal.next that follow
// it, in order. The last line of a journal may be torn by a kill in the middle of a write and is
// dropped; any other damage, a gap in the change sets or a journal without its snapshot is a
// StateFileError that names the file and the line.
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import type { Collections } from './collections.js';
import { couldBeTorn, isSnapshotHeader, parseEntryLine, parseJournalHeader, parseRecordLine, parseSnapshotHeader, parseVersion1 } from './state-format.js';
import { reason, StateFileError, StatePathError, type Paths } from './state-paths.js';

export interface Loaded {
  /** The last change set the state holds. */
  readonly seq: number;
  /** The files are to be rewritten in the current form now: a new or version-1 state, or an interrupted compaction. */
  readonly rewrite: boolean;
  /** Where FILE.journal's torn last line starts, when it has one. */
  readonly tornAt?: number;
}

interface Line {
  readonly text: string;
  /** The byte offset of its first byte. */
  readonly start: number;
  /** Whether a newline ends it (the last line of a torn write has none). */
  readonly terminated: boolean;
}

interface Replayed {
  readonly after: number;
  readonly tornAt?: number;
}

export function loadState(paths: Paths, collections: Collections): Loaded {
  const names = new Set(collections.names);
  const snapshot = readSnapshot(paths.file, collections, names);
  const hasJournal = existsSync(paths.journal);
  const hasNext = existsSync(paths.next);
  if (snapshot.kind === 'none' && (hasJournal || hasNext)) {
    throw new StateFileError(`the journal ${hasJournal ? paths.journal : paths.next} exists without its state file ${paths.file}; move it away to start empty`);
  }
  const seq = { value: snapshot.seq };
  const journal = hasJournal ? replay(paths.journal, collections, names, seq) : undefined;
  if (hasNext) replay(paths.next, collections, names, seq);
  const rewrite = snapshot.kind !== 'current' || !journal || hasNext || journal.after < snapshot.seq;
  return { seq: seq.value, rewrite, ...(journal?.tornAt !== undefined ? { tornAt: journal.tornAt } : {}) };
}

function readSnapshot(file: string, collections: Collections, names: ReadonlySet<string>): { kind: 'none' | 'version1' | 'current'; seq: number } {
  let fd: number;
  try {
    if (statSync(file).isDirectory()) throw new StatePathError(`the state file ${file} is a folder`);
    fd = openSync(file, 'r');
  } catch (error) {
    if (error instanceof StatePathError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none', seq: 0 };
    throw new StateFileError(`cannot read the state file ${file}: ${reason(error)}`);
  }
  try {
    const prefix = Buffer.alloc(64);
    const length = readSync(fd, prefix, 0, prefix.length, 0);
    if (length === 0) return { kind: 'none', seq: 0 }; // an empty file: a new state
    if (!isSnapshotHeader(prefix.toString('utf8', 0, length))) return { kind: 'version1', seq: readVersion1(file, collections) };
    const lines = readLines(fd);
    const first = lines.next();
    if (first.done || !first.value.terminated) throw corrupt('state file', file, 1, 'it has no header line');
    const header = parseSnapshotHeader(first.value.text);
    if (typeof header === 'string') throw corrupt('state file', file, 1, header);
    let count = 0;
    for (const line of lines) {
      const record = parseRecordLine(line.text, names);
      if (typeof record === 'string' || !line.terminated)
        throw corrupt('state file', file, count + 2, typeof record === 'string' ? record : 'the file ends in the middle of a line');
      collections.apply([record]);
      count += 1;
    }
    if (count !== header.records) throw corrupt('state file', file, count + 1, `it holds ${count} records, its header says ${header.records}`);
    return { kind: 'current', seq: header.seq };
  } finally {
    closeSync(fd);
  }
}

function readVersion1(file: string, collections: Collections): number {
  const records = parseVersion1(readFileSync(file, 'utf8'), collections.names);
  if (typeof records === 'string') throw new StateFileError(`the state file ${file} is not a voiceid-local state: ${records}`);
  collections.apply(records);
  return 0;
}

/** Applies the change sets of a journal that follow `seq` (and advances it). */
function replay(path: string, collections: Collections, names: ReadonlySet<string>, seq: { value: number }): Replayed {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new StateFileError(`cannot read the journal ${path}: ${reason(error)}`);
  }
  try {
    const lines = readLines(fd);
    const first = lines.next();
    const header = first.done || !first.value.terminated ? 'it has no header line' : parseJournalHeader(first.value.text);
    if (typeof header === 'string') throw corrupt('journal', path, 1, header);
    let number = 1;
    let last = -1;
    let bad: { number: number; problem: string; start: number } | undefined;
    for (const line of lines) {
      number += 1;
      if (bad) throw corrupt('journal', path, bad.number, bad.problem); // only the last line may be torn
      const entry = parseEntryLine(line.text, names);
      if (typeof entry === 'string') {
        if (line.terminated && !couldBeTorn(line.text)) throw corrupt('journal', path, number, entry);
        bad = { number, problem: entry, start: line.start };
        continue;
      }
      if (entry.seq <= last) throw corrupt('journal', path, number, `change set ${entry.seq} follows ${last}`);
      last = entry.seq;
      if (entry.seq <= seq.value) continue; // the snapshot holds it
      if (entry.seq !== seq.value + 1) throw corrupt('journal', path, number, missing(seq.value + 1, entry.seq - 1));
      collections.apply(entry.ops);
      seq.value = entry.seq;
    }
    return { after: header.after, ...(bad ? { tornAt: bad.start } : {}) };
  } finally {
    closeSync(fd);
  }
}

function missing(from: number, to: number): string {
  return from === to ? `change set ${from} is missing` : `change sets ${from} to ${to} are missing`;
}

function corrupt(what: 'state file' | 'journal', path: string, line: number, problem: string): StateFileError {
  return new StateFileError(`the ${what} ${path} is damaged at line ${line}: ${problem} (move the state files away to start empty)`);
}

/** The lines of a file, read 1 MiB at a time (a line longer than that is gathered from its pieces once). */
function* readLines(fd: number): Generator<Line> {
  let pieces: Buffer[] = [];
  let lineStart = 0;
  let position = 0;
  for (;;) {
    const buffer = Buffer.allocUnsafe(1 << 20);
    const read = readSync(fd, buffer, 0, buffer.length, position);
    if (read === 0) break;
    const data = buffer.subarray(0, read);
    let start = 0;
    for (let newline = data.indexOf(10); newline !== -1; newline = data.indexOf(10, start)) {
      const piece = data.subarray(start, newline);
      const text = pieces.length > 0 ? Buffer.concat([...pieces, piece]).toString('utf8') : piece.toString('utf8');
      yield { text, start: lineStart, terminated: true };
      pieces = [];
      start = newline + 1;
      lineStart = position + start;
    }
    if (start < read) pieces.push(data.subarray(start));
    position += read;
  }
  if (pieces.length > 0) yield { text: Buffer.concat(pieces).toString('utf8'), start: lineStart, terminated: false };
}
