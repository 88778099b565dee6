// Speaker enrollment jobs: StartSpeakerEnrollmentJob, DescribeSpeakerEnrollmentJob,
// ListSpeakerEnrollmentJobs. Jobs move through SUBMITTED → IN_PROGRESS → an end state as time
// passes, computed on read from CreatedAt, so the progress needs no timers and survives restarts.
import { newId, page, requireDomain, seconds, withoutToken, type Body, type Operation, type OperationContext } from './common.js';
import type { JobRecord } from '../records.js';
import { conflict, notFound } from '../service-error.js';
import { tokenKey } from '../state.js';

type JobStatus = 'SUBMITTED' | 'IN_PROGRESS' | 'COMPLETED' | 'COMPLETED_WITH_ERRORS' | 'FAILED';

/** The end state a job reaches, from its input location: `fail` → FAILED, `partial` → with errors. */
function outcome(job: JobRecord): JobStatus {
  const uri = job.InputDataConfig.S3Uri.toLowerCase();
  if (uri.includes('fail')) return 'FAILED';
  if (uri.includes('partial')) return 'COMPLETED_WITH_ERRORS';
  return 'COMPLETED';
}

function progress(job: JobRecord, ctx: OperationContext): { status: JobStatus; percent: number; endedAt?: number } {
  const elapsed = ctx.nowMs - job.CreatedAt;
  const { submittedMs, durationMs } = ctx.timing;
  if (elapsed >= durationMs) return { status: outcome(job), percent: 100, endedAt: job.CreatedAt + durationMs };
  if (elapsed < submittedMs) return { status: 'SUBMITTED', percent: 0 };
  const fraction = (elapsed - submittedMs) / Math.max(1, durationMs - submittedMs);
  return { status: 'IN_PROGRESS', percent: Math.min(99, Math.floor(fraction * 100)) };
}

function jobView(job: JobRecord, ctx: OperationContext, summary = false): Body {
  const { status, percent, endedAt } = progress(job, ctx);
  const failure =
    status === 'FAILED'
      ? { FailureDetails: { Message: `The input manifest file ${job.InputDataConfig.S3Uri} could not be read.`, StatusCode: 400 } }
      : status === 'COMPLETED_WITH_ERRORS'
        ? { FailureDetails: { Message: 'Some enrollment requests of the input manifest failed; see the output file.', StatusCode: 400 } }
        : {};
  const common = {
    CreatedAt: seconds(job.CreatedAt),
    DomainId: job.DomainId,
    ...(endedAt !== undefined ? { EndedAt: seconds(endedAt) } : {}),
    ...failure,
    JobId: job.JobId,
    ...(job.JobName !== undefined ? { JobName: job.JobName } : {}),
    JobProgress: { PercentComplete: percent },
    JobStatus: status,
  };
  if (summary) return common;
  return {
    ...common,
    DataAccessRoleArn: job.DataAccessRoleArn,
    ...(job.EnrollmentConfig !== undefined ? { EnrollmentConfig: job.EnrollmentConfig } : {}),
    InputDataConfig: job.InputDataConfig,
    OutputDataConfig: job.OutputDataConfig,
  };
}

const startSpeakerEnrollmentJob: Operation = (input, ctx) => {
  const domain = requireDomain(ctx, input.DomainId as string);
  if (domain.DomainStatus !== 'ACTIVE') throw conflict(ctx.model, 'DOMAIN_NOT_ACTIVE', `Domain ${domain.DomainId} is not active.`);
  const request = withoutToken(input);
  // The SDKs always send a token; a raw request without one gets a token of its own.
  const token = typeof input.ClientToken === 'string' ? input.ClientToken : newId();
  const existing = ctx.state.token('StartSpeakerEnrollmentJob', token);
  if (existing) {
    const job = ctx.state.get('jobs', existing);
    if (job && job.request === request) return { Job: jobView(job, ctx) };
    throw conflict(ctx.model, 'CONCURRENT_CHANGES', 'The ClientToken was already used with different parameters.');
  }
  const job: JobRecord = {
    JobId: newId(),
    DomainId: domain.DomainId,
    ...(typeof input.JobName === 'string' ? { JobName: input.JobName } : {}),
    DataAccessRoleArn: input.DataAccessRoleArn as string,
    InputDataConfig: input.InputDataConfig as JobRecord['InputDataConfig'],
    OutputDataConfig: input.OutputDataConfig as JobRecord['OutputDataConfig'],
    ...(input.EnrollmentConfig !== undefined ? { EnrollmentConfig: input.EnrollmentConfig } : {}),
    CreatedAt: ctx.nowMs,
    request,
  };
  ctx.state.commit([
    { collection: 'jobs', key: job.JobId, value: job },
    { collection: 'tokens', key: tokenKey('StartSpeakerEnrollmentJob', token), value: job.JobId },
  ]);
  return { Job: jobView(job, ctx) };
};

const describeSpeakerEnrollmentJob: Operation = (input, ctx) => {
  requireDomain(ctx, input.DomainId as string);
  const job = ctx.state.get('jobs', input.JobId as string);
  if (!job || job.DomainId !== input.DomainId) throw notFound(ctx.model, 'BATCH_JOB', `Job with ID ${String(input.JobId)} does not exist.`);
  return { Job: jobView(job, ctx) };
};

const listSpeakerEnrollmentJobs: Operation = (input, ctx) => {
  requireDomain(ctx, input.DomainId as string);
  const jobs = [...ctx.state.values('jobs')]
    .filter((job) => job.DomainId === input.DomainId)
    .filter((job) => input.JobStatus === undefined || progress(job, ctx).status === input.JobStatus)
    .sort((a, b) => a.CreatedAt - b.CreatedAt || (a.JobId < b.JobId ? -1 : 1));
  const { items, nextToken } = page(ctx, 'ListSpeakerEnrollmentJobs', jobs, input, 100);
  return { JobSummaries: items.map((job) => jobView(job, ctx, true)), ...(nextToken ? { NextToken: nextToken } : {}) };
};

/** The speaker enrollment job operations by name. */
export const SPEAKER_JOB_OPERATIONS: Readonly<Record<string, Operation>> = {
  StartSpeakerEnrollmentJob: startSpeakerEnrollmentJob,
  DescribeSpeakerEnrollmentJob: describeSpeakerEnrollmentJob,
  ListSpeakerEnrollmentJobs: listSpeakerEnrollmentJobs,
};
