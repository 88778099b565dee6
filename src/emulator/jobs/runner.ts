// The job runner: carries out the speaker enrollment and fraudster registration jobs in the
// background of the server. A job stays SUBMITTED for timing.submittedMs, then is IN_PROGRESS
// while its manifest and audio are read from the store (PercentComplete: the share of requests
// prepared), and ends no sooner than timing.durationMs after it was created (--job-duration: so
// that a poll loop sees it SUBMITTED and IN_PROGRESS), with the real result: the output file is
// written to <OutputDataConfig.S3Uri>/<JobId>/<input file name>.out, then the job's end state is
// committed in one commit with the speakers or fraudsters it made, so a restart never finds half
// a job. A job found SUBMITTED or IN_PROGRESS at start is done (again) from the beginning; its
// output is the same but for the generated ids. The requests are decided over the state as it is
// at the end of the job, one job at a time, and decided again after the output is written: if
// the state changed in between (a speaker deleted meanwhile), the output is written again.
import type { Change, EmulatorState } from '../state.js';
import type { FraudsterJobRecord, JobProgressRecord, JobRecord } from '../records.js';
import { newId, type JobQueue, type JobTiming } from '../ops/common.js';
import { StoreError, oneLine, parseS3Uri, type ObjectStore, type S3Location } from '../s3/store.js';
import { MAX_MANIFEST_BYTES, parseManifest, type JobKind } from './manifest.js';
import { prepareRequests, type PreparedRequest } from './prepare.js';
import { decideEnrollment } from './enroll.js';
import { decideRegistration } from './register.js';
import type { Failure, Outcome } from './outcome.js';

export type { JobKind } from './manifest.js';
type AnyJob = JobRecord | FraudsterJobRecord;

export interface JobRunnerOptions {
  readonly state: EmulatorState;
  readonly store: ObjectStore | undefined;
  readonly now: () => number;
  readonly timing: JobTiming;
  /** The longest a waiting job sleeps before it looks at the clock again (an injected clock may jump). */
  readonly pollMs?: number;
}

const COLLECTION = { speaker: 'jobs', fraudster: 'fraudsterJobs' } as const;
const ACTIVE = new Set(['SUBMITTED', 'IN_PROGRESS']);
const MAX_PREPARING = 4;
const MAX_DECISIONS = 5;

type Prepared = { readonly prepared: readonly PreparedRequest[]; readonly output: S3Location } | { readonly failure: Failure };

/** Why a job could not read its input: voiceid-local was started without an S3. */
export const noStoreMessage = (uri: string): string =>
  `voiceid-local has no S3 to read ${uri} from: start it with --s3-dir DIR (s3://bucket/key is the file DIR/bucket/key) or --s3-endpoint-url URL (an S3-compatible server).`;

class Stopped extends Error {}

export class JobRunner implements JobQueue {
  private readonly running = new Map<string, Promise<void>>();
  private readonly timers = new Map<NodeJS.Timeout, () => void>();
  private finishing: Promise<unknown> = Promise.resolve();
  private preparing = 0;
  private readonly waiting: (() => void)[] = [];
  private stopped = false;

  constructor(private readonly options: JobRunnerOptions) {}

  /** Takes up every job not yet ended (those of an earlier run included). */
  start(): void {
    for (const kind of ['speaker', 'fraudster'] as const) {
      for (const job of this.options.state.values(COLLECTION[kind])) if (isActive(job)) this.submitted(kind, job.JobId);
    }
  }

  submitted(kind: JobKind, jobId: string): void {
    const key = `${kind}/${jobId}`;
    if (this.stopped || this.running.has(key)) return;
    const run = this.run(kind, jobId)
      .catch((error: unknown) => {
        if (!(error instanceof Stopped)) this.end(kind, jobId, failed({ StatusCode: 500, Message: `Internal error: ${oneLine(error)}` }));
      })
      .finally(() => this.running.delete(key));
    this.running.set(key, run);
  }

  /** Stops taking jobs and waits for those under way to stop (nothing more is committed). */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const [timer, wake] of this.timers) {
      clearTimeout(timer);
      wake();
    }
    for (const wake of this.waiting.splice(0)) wake();
    await Promise.all(this.running.values());
    this.options.store?.close();
  }

  private async run(kind: JobKind, jobId: string): Promise<void> {
    const { timing } = this.options;
    const first = this.current(kind, jobId);
    if (!first) return;
    await this.waitUntil(first.CreatedAt + timing.submittedMs);
    if (!this.progress(kind, jobId, { JobStatus: 'IN_PROGRESS', PercentComplete: 0 })) return;
    const prepared = await this.slot(() => this.prepare(kind, first));
    await this.waitUntil(first.CreatedAt + timing.durationMs);
    const finish = this.finishing.then(() => this.finish(kind, jobId, prepared));
    this.finishing = finish.catch(() => undefined);
    await finish;
  }

  private async prepare(kind: JobKind, job: AnyJob): Promise<Prepared> {
    const { store } = this.options;
    const uri = job.InputDataConfig.S3Uri;
    if (!store) return { failure: { StatusCode: 400, Message: noStoreMessage(uri) } };
    const input = parseS3Uri(uri);
    const output = parseS3Uri(job.OutputDataConfig.S3Uri);
    if (!input || input.key === '' || input.key.endsWith('/'))
      return { failure: { StatusCode: 400, Message: `The input manifest ${uri} is no S3 URI of a file.` } };
    if (!output) return { failure: { StatusCode: 400, Message: `The output location ${job.OutputDataConfig.S3Uri} is no S3 URI.` } };
    let bytes: Buffer;
    try {
      bytes = await store.get(input, MAX_MANIFEST_BYTES);
    } catch (error) {
      const status = error instanceof StoreError ? error.status : 500;
      return { failure: { StatusCode: status, Message: `The input manifest file ${uri} could not be read: ${oneLine(error)}` } };
    }
    const manifest = parseManifest(kind, bytes, uri);
    if (!manifest.ok) return { failure: { StatusCode: 400, Message: manifest.message } };
    const total = manifest.requests.length;
    let shown = 0;
    const onProgress = (done: number): void => {
      const percent = Math.min(99, Math.floor((done * 100) / total));
      if (percent - shown < 10) return;
      shown = percent;
      this.progress(kind, job.JobId, { JobStatus: 'IN_PROGRESS', PercentComplete: percent });
    };
    const prepared = await prepareRequests(store, manifest.requests, onProgress, () => this.stopped);
    if (this.stopped) throw new Stopped();
    const name = input.key.slice(input.key.lastIndexOf('/') + 1);
    const prefix = output.key.replace(/\/+$/, '');
    return { prepared, output: { bucket: output.bucket, key: [prefix, job.JobId, `${name}.out`].filter((s) => s !== '').join('/') } };
  }

  private async finish(kind: JobKind, jobId: string, prepared: Prepared): Promise<void> {
    if ('failure' in prepared) return this.end(kind, jobId, failed(prepared.failure));
    const store = this.options.store as ObjectStore;
    const ids = prepared.prepared.map(() => newId());
    const nowMs = this.options.now();
    const decide = (): Outcome | undefined => {
      const job = this.current(kind, jobId);
      if (!job || this.stopped) return undefined;
      return kind === 'speaker'
        ? decideEnrollment(this.options.state, job as JobRecord, prepared.prepared, ids, nowMs)
        : decideRegistration(this.options.state, job as FraudsterJobRecord, prepared.prepared, ids, nowMs);
    };
    let outcome = decide();
    for (let attempt = 0; outcome && attempt < MAX_DECISIONS; attempt++) {
      if (outcome.failure) return this.end(kind, jobId, failed(outcome.failure));
      const body = JSON.stringify(outcome.output);
      try {
        await store.put(prepared.output, Buffer.from(body));
      } catch (error) {
        const status = error instanceof StoreError ? error.status : 500;
        return this.end(kind, jobId, failed({ StatusCode: status, Message: `The output file could not be written: ${oneLine(error)}` }));
      }
      const again = decide();
      if (!again || again.failure) return again ? this.end(kind, jobId, failed(again.failure)) : undefined;
      if (JSON.stringify([again.output, again.changes]) === JSON.stringify([outcome.output, outcome.changes])) {
        const status = again.errorCount > 0 ? 'COMPLETED_WITH_ERRORS' : 'COMPLETED';
        return this.end(kind, jobId, { JobStatus: status, PercentComplete: 100 }, again.changes);
      }
      outcome = again;
    }
    if (outcome) this.end(kind, jobId, failed({ StatusCode: 500, Message: 'The job could not be completed: the domain kept changing while it ended.' }));
  }

  /** The job, while it has not ended (a reset or a deleted domain removes it). */
  private current(kind: JobKind, jobId: string): AnyJob | undefined {
    const job = this.options.state.get(COLLECTION[kind], jobId);
    return job && isActive(job) ? job : undefined;
  }

  /** Records the progress of a job under way; false once it is no longer (or the runner stops). */
  private progress(kind: JobKind, jobId: string, progress: JobProgressRecord): boolean {
    const job = this.current(kind, jobId);
    if (!job || this.stopped) return false;
    this.commit([jobChange(kind, { ...job, progress })]);
    return true;
  }

  private end(kind: JobKind, jobId: string, progress: JobProgressRecord, changes: readonly Change[] = []): void {
    const job = this.current(kind, jobId);
    if (!job || this.stopped) return;
    this.commit([...changes, jobChange(kind, { ...job, progress: { ...progress, EndedAt: this.options.now() } })]);
  }

  private commit(changes: readonly Change[]): void {
    const { state } = this.options;
    try {
      state.commit(changes);
      // Nothing waits for it; a state file that cannot be written is the state's onFailure's to report.
      state.durable().catch(() => undefined);
    } catch {
      // The same: the state said so; the job stays as it was.
    }
  }

  private async waitUntil(deadline: number): Promise<void> {
    const pollMs = this.options.pollMs ?? 100;
    for (;;) {
      if (this.stopped) throw new Stopped();
      const left = deadline - this.options.now();
      if (left <= 0) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(
          () => {
            this.timers.delete(timer);
            resolve();
          },
          Math.min(left, pollMs),
        );
        this.timers.set(timer, resolve);
      });
    }
  }

  /** Runs `task` with at most MAX_PREPARING others (the store's reads). */
  private async slot<T>(task: () => Promise<T>): Promise<T> {
    while (this.preparing >= MAX_PREPARING) {
      if (this.stopped) throw new Stopped();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    if (this.stopped) throw new Stopped();
    this.preparing += 1;
    try {
      return await task();
    } finally {
      this.preparing -= 1;
      this.waiting.shift()?.();
    }
  }
}

const isActive = (job: AnyJob): boolean => ACTIVE.has(job.progress?.JobStatus ?? 'SUBMITTED');

const failed = (failure: Failure): JobProgressRecord => ({ JobStatus: 'FAILED', PercentComplete: 100, FailureDetails: failure });

function jobChange(kind: JobKind, job: AnyJob): Change {
  return kind === 'speaker'
    ? { collection: 'jobs', key: job.JobId, value: job as JobRecord }
    : { collection: 'fraudsterJobs', key: job.JobId, value: job as FraudsterJobRecord };
}
