// The local endpoint's state: domains, jobs and the client tokens that made them. Kept in
// memory, and with a state file written atomically (temp file, fsync, rename, fsync of the
// folder) after every change and before the answer goes out, so a job that was answered
// survives even `kill -9`.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

export interface DomainRecord {
  readonly DomainId: string;
  readonly Arn: string;
  readonly Name: string;
  readonly Description?: string;
  readonly DomainStatus: 'ACTIVE' | 'PENDING' | 'SUSPENDED';
  readonly ServerSideEncryptionConfiguration: { readonly KmsKeyId: string };
  /** Milliseconds since the epoch. */
  readonly CreatedAt: number;
  readonly UpdatedAt: number;
  /** The request that created it, for idempotent retries (JSON of the input without ClientToken). */
  readonly request?: string;
}

export interface JobRecord {
  readonly JobId: string;
  readonly DomainId: string;
  readonly JobName?: string;
  readonly DataAccessRoleArn: string;
  readonly InputDataConfig: { readonly S3Uri: string };
  readonly OutputDataConfig: { readonly S3Uri: string; readonly KmsKeyId?: string };
  readonly EnrollmentConfig?: unknown;
  readonly CreatedAt: number;
  readonly request: string;
}

export interface StateData {
  readonly version: 1;
  readonly domains: Record<string, DomainRecord>;
  readonly jobs: Record<string, JobRecord>;
  /** `<operation>/<ClientToken>` → the id of what that token created. */
  readonly tokens: Record<string, string>;
}

/** The state file could not be read as a state. */
export class StateFileError extends Error {}

export function emptyState(): StateData {
  return { version: 1, domains: {}, jobs: {}, tokens: {} };
}

/** Domains, jobs and tokens, saved to `file` (when given) after each change. */
export class EmulatorState {
  private constructor(
    private data: StateData,
    private readonly file: string | undefined,
  ) {}

  /** Opens the state file (a missing file is an empty state), or an in-memory state. */
  static open(file?: string): EmulatorState {
    if (!file) return new EmulatorState(emptyState(), undefined);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new EmulatorState(emptyState(), file);
      throw new StateFileError(`cannot read the state file ${file}: ${(error as Error).message}`);
    }
    return new EmulatorState(parseState(text, file), file);
  }

  get domains(): Readonly<Record<string, DomainRecord>> {
    return this.data.domains;
  }

  get jobs(): Readonly<Record<string, JobRecord>> {
    return this.data.jobs;
  }

  token(operation: string, clientToken: string): string | undefined {
    return this.data.tokens[`${operation}/${clientToken}`];
  }

  /** Applies a change and saves it before returning. */
  update(change: (draft: StateData) => void): void {
    const draft = structuredClone(this.data) as StateData;
    change(draft);
    if (this.file) writeAtomically(this.file, `${JSON.stringify(draft, null, 1)}\n`);
    this.data = draft;
  }

  /** Forgets everything (tests). */
  reset(): void {
    this.update((draft) => {
      for (const key of ['domains', 'jobs', 'tokens'] as const) for (const id of Object.keys(draft[key])) delete draft[key][id];
    });
  }
}

function parseState(text: string, file: string): StateData {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new StateFileError(`the state file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const ok =
    typeof value === 'object' &&
    value !== null &&
    (value as { version?: unknown }).version === 1 &&
    ['domains', 'jobs', 'tokens'].every((key) => typeof (value as Record<string, unknown>)[key] === 'object');
  if (!ok) throw new StateFileError(`the state file ${file} is not a voiceid-local state (version 1)`);
  return value as StateData;
}

function writeAtomically(file: string, text: string): void {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  writeFileSync(temp, text);
  const fd = openSync(temp, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  const dir = openSync(dirname(file), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}
