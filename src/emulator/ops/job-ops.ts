// The operations of both kinds of batch job, made from one description per kind: Start (idempotent
// with ClientToken), Describe and List (JobStatus filter, NextToken pages, at most 100 a page as
// the model says). What a job shows of its progress is what the job runner (jobs/runner.ts)
// recorded: a job it has not yet taken up is SUBMITTED at 0 %.
import { newId, page, requireDomain, seconds, withoutToken, type Body, type Operation, type OperationContext } from './common.js';
import type { FraudsterJobRecord, JobRecord } from '../records.js';
import { conflict, notFound } from '../service-error.js';
import { tokenKey } from '../state.js';
import { watchlistKey } from '../records.js';

type AnyJob = JobRecord | FraudsterJobRecord;

export interface JobKindSpec {
  readonly kind: 'speaker' | 'fraudster';
  readonly collection: 'jobs' | 'fraudsterJobs';
  /** StartSpeakerEnrollmentJob / StartFraudsterRegistrationJob, ... */
  readonly start: string;
  readonly list: string;
  /** EnrollmentConfig / RegistrationConfig. */
  readonly config: 'EnrollmentConfig' | 'RegistrationConfig';
  /** The watchlists a job's configuration names. */
  readonly watchlistIds: (config: Body | undefined) => readonly unknown[];
}

/** The progress a job shows. */
function progressOf(job: AnyJob) {
  return job.progress ?? { JobStatus: 'SUBMITTED' as const, PercentComplete: 0 };
}

function jobView(spec: JobKindSpec, job: AnyJob, summary: boolean): Body {
  const progress = progressOf(job);
  const common = {
    CreatedAt: seconds(job.CreatedAt),
    DomainId: job.DomainId,
    ...(progress.EndedAt !== undefined ? { EndedAt: seconds(progress.EndedAt) } : {}),
    ...(progress.FailureDetails !== undefined ? { FailureDetails: progress.FailureDetails } : {}),
    JobId: job.JobId,
    ...(job.JobName !== undefined ? { JobName: job.JobName } : {}),
    JobProgress: { PercentComplete: progress.PercentComplete },
    JobStatus: progress.JobStatus,
  };
  if (summary) return common;
  const config = (job as unknown as Body)[spec.config];
  return {
    ...common,
    DataAccessRoleArn: job.DataAccessRoleArn,
    ...(config !== undefined ? { [spec.config]: config } : {}),
    InputDataConfig: job.InputDataConfig,
    OutputDataConfig: job.OutputDataConfig,
  };
}

function findJob(spec: JobKindSpec, input: Body, ctx: OperationContext): AnyJob {
  requireDomain(ctx, input.DomainId as string);
  const job = ctx.state.get(spec.collection, input.JobId as string);
  if (!job || job.DomainId !== input.DomainId) throw notFound(ctx.model, 'BATCH_JOB', `Job with ID ${String(input.JobId)} does not exist.`);
  return job;
}

function startJob(spec: JobKindSpec): Operation {
  return (input, ctx) => {
    const domain = requireDomain(ctx, input.DomainId as string);
    if (domain.DomainStatus !== 'ACTIVE') throw conflict(ctx.model, 'DOMAIN_NOT_ACTIVE', `Domain ${domain.DomainId} is not active.`);
    const request = withoutToken(input);
    // The SDKs always send a token; a raw request without one gets a token of its own.
    const token = typeof input.ClientToken === 'string' ? input.ClientToken : newId();
    const existing = ctx.state.token(spec.start, token);
    if (existing) {
      const job = ctx.state.get(spec.collection, existing);
      if (job && job.request === request) return { Job: jobView(spec, job, false) };
      throw conflict(ctx.model, 'CONCURRENT_CHANGES', 'The ClientToken was already used with different parameters.');
    }
    for (const watchlistId of spec.watchlistIds(input[spec.config] as Body | undefined)) {
      if (!ctx.state.get('watchlists', watchlistKey(domain.DomainId, watchlistId as string))) {
        throw notFound(ctx.model, 'WATCHLIST', `Watchlist with ID ${String(watchlistId)} does not exist.`);
      }
    }
    const job = {
      JobId: newId(),
      DomainId: domain.DomainId,
      ...(typeof input.JobName === 'string' ? { JobName: input.JobName } : {}),
      DataAccessRoleArn: input.DataAccessRoleArn as string,
      InputDataConfig: input.InputDataConfig as AnyJob['InputDataConfig'],
      OutputDataConfig: input.OutputDataConfig as AnyJob['OutputDataConfig'],
      ...(input[spec.config] !== undefined ? { [spec.config]: input[spec.config] } : {}),
      CreatedAt: ctx.nowMs,
      request,
    } as AnyJob;
    ctx.state.commit([
      spec.collection === 'jobs'
        ? { collection: 'jobs', key: job.JobId, value: job as JobRecord }
        : { collection: 'fraudsterJobs', key: job.JobId, value: job },
      { collection: 'tokens', key: tokenKey(spec.start, token), value: job.JobId },
    ]);
    ctx.jobs?.submitted(spec.kind, job.JobId);
    return { Job: jobView(spec, job, false) };
  };
}

function listJobs(spec: JobKindSpec): Operation {
  return (input, ctx) => {
    requireDomain(ctx, input.DomainId as string);
    const jobs = [...ctx.state.values(spec.collection)]
      .filter((job) => job.DomainId === input.DomainId)
      .filter((job) => input.JobStatus === undefined || progressOf(job).JobStatus === input.JobStatus)
      .sort((a, b) => a.CreatedAt - b.CreatedAt || (a.JobId < b.JobId ? -1 : 1));
    const { items, nextToken } = page(ctx, spec.list, jobs, input, 100);
    return { JobSummaries: items.map((job) => jobView(spec, job, true)), ...(nextToken ? { NextToken: nextToken } : {}) };
  };
}

/** Start, Describe and List of one kind of job. */
export function jobOperations(spec: JobKindSpec): { start: Operation; describe: Operation; list: Operation } {
  return {
    start: startJob(spec),
    describe: (input, ctx) => ({ Job: jobView(spec, findJob(spec, input, ctx), false) }),
    list: listJobs(spec),
  };
}
