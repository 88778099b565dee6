// The Voice ID operations the local endpoint serves, over its state. Input is the request body
// already validated against the model; output is the response body. Jobs move through
// SUBMITTED → IN_PROGRESS → an end state as time passes, computed on read from CreatedAt, so the
// progress needs no timers and survives restarts.
import { createHash, randomBytes } from 'node:crypto';
import { tokenKey, type DomainRecord, type EmulatorState, type JobRecord } from './state.js';
import { conflict, notFound, validationError } from './service-error.js';
import type { ServiceModel } from '../model/service-model.js';

export interface JobTiming {
  /** How long a job stays SUBMITTED, in ms. */
  readonly submittedMs: number;
  /** How long from creation until it ends, in ms. */
  readonly durationMs: number;
}

export interface OperationContext {
  /** The model served (its error shapes). */
  readonly model: ServiceModel;
  readonly state: EmulatorState;
  readonly nowMs: number;
  readonly region: string;
  readonly accountId: string;
  readonly timing: JobTiming;
}

type Body = Record<string, unknown>;
export type Operation = (input: Body, ctx: OperationContext) => Body;

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A 22-character id as Voice ID makes them. */
export function newId(): string {
  return [...randomBytes(22)].map((b) => ID_CHARS[b % ID_CHARS.length]).join('');
}

const seconds = (ms: number): number => ms / 1000;

function withoutToken(input: Body): string {
  const { ClientToken: _token, ...rest } = input;
  return JSON.stringify(sortKeys(rest));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Body)[k])]),
    );
  }
  return value;
}

function requireDomain(ctx: OperationContext, domainId: string): DomainRecord {
  const domain = ctx.state.get('domains', domainId);
  if (!domain) throw notFound(ctx.model, 'DOMAIN', `Domain with ID ${domainId} does not exist.`);
  return domain;
}

// ---- domains

function domainView(domain: DomainRecord): Body {
  return {
    Arn: domain.Arn,
    CreatedAt: seconds(domain.CreatedAt),
    ...(domain.Description !== undefined ? { Description: domain.Description } : {}),
    DomainId: domain.DomainId,
    DomainStatus: domain.DomainStatus,
    Name: domain.Name,
    ServerSideEncryptionConfiguration: domain.ServerSideEncryptionConfiguration,
    UpdatedAt: seconds(domain.UpdatedAt),
  };
}

/** Adds an active domain with a given id (voiceid-local --domain). */
export function ensureDomain(ctx: OperationContext, domainId: string): void {
  if (ctx.state.get('domains', domainId)) return;
  const domain: DomainRecord = {
    DomainId: domainId,
    Arn: `arn:aws:voiceid:${ctx.region}:${ctx.accountId}:domain/${domainId}`,
    Name: `local-${domainId}`,
    DomainStatus: 'ACTIVE',
    ServerSideEncryptionConfiguration: { KmsKeyId: 'alias/aws/voiceid' },
    CreatedAt: ctx.nowMs,
    UpdatedAt: ctx.nowMs,
  };
  ctx.state.commit([{ collection: 'domains', key: domainId, value: domain }]);
}

const createDomain: Operation = (input, ctx) => {
  const request = withoutToken(input);
  const token = typeof input.ClientToken === 'string' ? input.ClientToken : undefined;
  const existing = token ? ctx.state.token('CreateDomain', token) : undefined;
  if (existing) {
    const domain = ctx.state.get('domains', existing);
    if (domain && domain.request === request) return { Domain: domainView(domain) };
    throw conflict(ctx.model, 'CONCURRENT_CHANGES', 'The ClientToken was already used with different parameters.');
  }
  const domainId = newId();
  const domain: DomainRecord = {
    DomainId: domainId,
    Arn: `arn:aws:voiceid:${ctx.region}:${ctx.accountId}:domain/${domainId}`,
    Name: input.Name as string,
    ...(typeof input.Description === 'string' ? { Description: input.Description } : {}),
    DomainStatus: 'ACTIVE',
    ServerSideEncryptionConfiguration: { KmsKeyId: (input.ServerSideEncryptionConfiguration as Body).KmsKeyId as string },
    CreatedAt: ctx.nowMs,
    UpdatedAt: ctx.nowMs,
    request,
  };
  ctx.state.commit([
    { collection: 'domains', key: domainId, value: domain },
    ...(token ? [{ collection: 'tokens', key: tokenKey('CreateDomain', token), value: domainId } as const] : []),
  ]);
  return { Domain: domainView(domain) };
};

const describeDomain: Operation = (input, ctx) => ({ Domain: domainView(requireDomain(ctx, input.DomainId as string)) });

const listDomains: Operation = (input, ctx) => {
  const all = [...ctx.state.values('domains')].sort((a, b) => a.CreatedAt - b.CreatedAt || (a.DomainId < b.DomainId ? -1 : 1));
  const { items, nextToken } = page(ctx, 'ListDomains', all, input, 10);
  return { DomainSummaries: items.map(domainView), ...(nextToken ? { NextToken: nextToken } : {}) };
};

// ---- jobs

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

// NextToken: opaque to clients, it holds the offset of the next page and a digest of the listing
// it belongs to (the operation and its parameters but NextToken and MaxResults), so a token is
// only good for the listing that gave it: another operation, domain or JobStatus filter refuses
// it. MaxResults arrives an integer in range: validated by the model, a fraction truncated.
function page<T>(ctx: OperationContext, operation: string, all: readonly T[], input: Body, defaultMax: number): { items: T[]; nextToken?: string } {
  const max = typeof input.MaxResults === 'number' ? input.MaxResults : defaultMax;
  const { NextToken: given, MaxResults: _max, ...parameters } = input;
  const listing = createHash('sha256')
    .update(JSON.stringify([operation, sortKeys(parameters)]))
    .digest('base64url')
    .slice(0, 22);
  const offset = typeof given === 'string' && given !== '' ? tokenOffset(ctx, given, listing) : 0;
  const items = all.slice(offset, offset + max);
  const next = offset + max < all.length ? Buffer.from(JSON.stringify({ listing, offset: offset + max })).toString('base64') : undefined;
  return { items, ...(next ? { nextToken: next } : {}) };
}

function tokenOffset(ctx: OperationContext, token: string, listing: string): number {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const { listing: from, offset } = (typeof decoded === 'object' && decoded !== null ? decoded : {}) as Record<string, unknown>;
  if (from !== listing || typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0)
    throw validationError(ctx.model, 'Invalid NextToken provided.');
  return offset;
}

/** The operations by name, as in X-Amz-Target: VoiceID.<name>. */
export const OPERATIONS: Readonly<Record<string, Operation>> = {
  CreateDomain: createDomain,
  DescribeDomain: describeDomain,
  ListDomains: listDomains,
  StartSpeakerEnrollmentJob: startSpeakerEnrollmentJob,
  DescribeSpeakerEnrollmentJob: describeSpeakerEnrollmentJob,
  ListSpeakerEnrollmentJobs: listSpeakerEnrollmentJobs,
};
