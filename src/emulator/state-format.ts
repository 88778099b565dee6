// The text of voiceid-local's state files (pure: strings in, values out). Two files, both JSON
// Lines, generic over named collections of records (domains, jobs, tokens, ...):
//   FILE          the snapshot: a header line, then one line per record `[collection, key, value]`.
//   FILE.journal  a header line, then one line per committed change set, `{"seq", "ops"}`, where an
//                 op is `[collection, key, value]` (put), `[collection, key]` (delete) or
//                 `[collection]` (delete every record of the collection).
// The snapshot holds the state after change set `seq`; the journal's change sets follow it.
// A state file of version 1 (one JSON object {version: 1, domains, jobs, tokens}) is read too.

export const SNAPSHOT_FORMAT = 'voiceid-local-state';
export const JOURNAL_FORMAT = 'voiceid-local-journal';
export const STATE_VERSION = 2;

/** A put `[c, k, v]`, a delete `[c, k]`, or a clear `[c]`. */
export type Op = readonly [collection: string, key: string, value: unknown] | readonly [collection: string, key: string] | readonly [collection: string];

/** One record of a snapshot. */
export type RecordLine = readonly [collection: string, key: string, value: unknown];

export interface SnapshotHeader {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly version: typeof STATE_VERSION;
  /** The last change set the snapshot holds. */
  readonly seq: number;
  /** How many record lines follow. */
  readonly records: number;
}

export interface JournalHeader {
  readonly format: typeof JOURNAL_FORMAT;
  readonly version: typeof STATE_VERSION;
  /** The seq of the snapshot the journal was started after (for people reading it). */
  readonly after: number;
}

export interface Entry {
  readonly seq: number;
  readonly ops: readonly Op[];
}

export const snapshotHeaderLine = (seq: number, records: number): string =>
  `${JSON.stringify({ format: SNAPSHOT_FORMAT, version: STATE_VERSION, seq, records } satisfies SnapshotHeader)}\n`;

export const journalHeaderLine = (after: number): string =>
  `${JSON.stringify({ format: JOURNAL_FORMAT, version: STATE_VERSION, after } satisfies JournalHeader)}\n`;

export const entryLine = (entry: Entry): string => `${JSON.stringify(entry)}\n`;

export const recordLine = (collection: string, key: string, value: unknown): string => `${JSON.stringify([collection, key, value])}\n`;

/** Whether a file's first line is a snapshot header of this version (the older format is one JSON object). */
export function isSnapshotHeader(line: string): boolean {
  return line.startsWith(`{"format":"${SNAPSHOT_FORMAT}"`);
}

export function parseSnapshotHeader(line: string): SnapshotHeader | string {
  const value = parseJson(line);
  if (!isObject(value) || value.format !== SNAPSHOT_FORMAT) return 'its first line is not a voiceid-local state header';
  if (value.version !== STATE_VERSION) return `it is of version ${String(value.version)}; this voiceid-local reads versions 1 and ${STATE_VERSION}`;
  if (!isCount(value.seq) || !isCount(value.records)) return 'its header has no valid seq and records';
  return value as unknown as SnapshotHeader;
}

export function parseJournalHeader(line: string): JournalHeader | string {
  const value = parseJson(line);
  if (!isObject(value) || value.format !== JOURNAL_FORMAT) return 'its first line is not a voiceid-local journal header';
  if (value.version !== STATE_VERSION) return `it is of version ${String(value.version)}; this voiceid-local reads version ${STATE_VERSION}`;
  if (!isCount(value.after)) return 'its header has no valid after';
  return value as unknown as JournalHeader;
}

/** A record line of a snapshot, or what is wrong with it. */
export function parseRecordLine(line: string, collections: ReadonlySet<string>): RecordLine | string {
  const value = parseJson(line);
  if (!Array.isArray(value) || value.length !== 3) return 'not a record [collection, key, value]';
  return checkOp(value, collections) ?? (value as unknown as RecordLine);
}

/** Whether a line can be what a write cut short: not JSON at all (a line that parses but is wrong is damage). */
export function couldBeTorn(line: string): boolean {
  return parseJson(line) === INVALID;
}

/** A journal line, or what is wrong with it. */
export function parseEntryLine(line: string, collections: ReadonlySet<string>): Entry | string {
  const value = parseJson(line);
  if (!isObject(value) || !isCount(value.seq) || !Array.isArray(value.ops)) return 'not a change set {"seq", "ops"}';
  for (const op of value.ops) {
    const problem = Array.isArray(op) && op.length >= 1 && op.length <= 3 ? checkOp(op, collections) : 'an op is not [collection, key, value]';
    if (problem) return problem;
  }
  return value as unknown as Entry;
}

function checkOp(op: readonly unknown[], collections: ReadonlySet<string>): string | undefined {
  const [collection, key, value] = op;
  if (typeof collection !== 'string' || !collections.has(collection)) return `unknown collection ${JSON.stringify(collection)}`;
  if (op.length >= 2 && typeof key !== 'string') return 'a key is not a string';
  if (op.length === 3 && (value === null || value === undefined)) return 'a record is null';
  return undefined;
}

/**
 * The records of a version-1 state file (one JSON object with a map per collection), or what
 * is wrong with it. Collections it does not name are empty.
 */
export function parseVersion1(text: string, collections: readonly string[]): RecordLine[] | string {
  const value = parseJson(text);
  if (value === INVALID) return 'it is not valid JSON';
  if (!isObject(value) || value.version !== 1) return 'it is not a voiceid-local state (version 1 or 2)';
  const records: RecordLine[] = [];
  for (const collection of collections) {
    const map = value[collection];
    if (map === undefined) continue;
    if (!isObject(map)) return `its ${collection} is not an object`;
    for (const [key, record] of Object.entries(map)) {
      if (record === null) return `its ${collection} ${key} is null`;
      records.push([collection, key, record]);
    }
  }
  return records;
}

const INVALID = Symbol('invalid JSON');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return INVALID;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
