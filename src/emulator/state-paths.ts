// Where a state lives (FILE, FILE.journal, FILE.journal.next and temp files beside them) and
// the two ways opening it fails.
import { basename, dirname, join } from 'node:path';

/** The state files cannot be read as a state (damaged, or not a state). */
export class StateFileError extends Error {}

/** The state path cannot be written: a missing folder, no permission, a read-only file system. */
export class StatePathError extends Error {}

export interface Paths {
  /** The snapshot (the --state path, made absolute). */
  readonly file: string;
  readonly folder: string;
  readonly journal: string;
  /** The journal a compaction writes to until its snapshot is in place. */
  readonly next: string;
}

export function pathsOf(file: string): Paths {
  return { file, folder: dirname(file), journal: `${file}.journal`, next: `${file}.journal.next` };
}

/** What a temp file is for. */
type TempPurpose = 'snapshot' | 'journal' | 'probe';

/** A temp file beside the state file, named after this process. */
export function temp(paths: Paths, purpose: TempPurpose): string {
  return join(paths.folder, `.${basename(paths.file)}.tmp-${purpose}-${process.pid}`);
}

/** Whether `name` (in the state's folder) is one of this state's temp files (and no other state's). */
export function isTempOf(paths: Paths, name: string): boolean {
  const prefix = `.${basename(paths.file)}.tmp-`;
  return name.startsWith(prefix) && /^(snapshot|journal|probe)-\d+$/.test(name.slice(prefix.length));
}

/** An error of the file system in short: `EACCES: permission denied` (without the path Node appends). */
export function reason(error: unknown): string {
  return (error as Error).message.replace(/, \w+ '[^']*'( -> '[^']*')?$/, '');
}
