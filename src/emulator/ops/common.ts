// What every operation of the local endpoint shares: the context it runs in, ids, idempotency
// (the request a ClientToken was first used with), the domain lookup, and NextToken pagination.
// Pure but for newId's randomness; the state is passed in.
import { createHash, randomBytes } from 'node:crypto';
import type { DomainRecord } from '../records.js';
import type { EmulatorState } from '../state.js';
import { notFound, validationError } from '../service-error.js';
import type { ServiceModel } from '../../model/service-model.js';

export interface JobTiming {
  /** How long a job stays SUBMITTED, in ms. */
  readonly submittedMs: number;
  /** How long from creation until it ends, in ms. */
  readonly durationMs: number;
}

/** Where the job operations hand over the jobs they start (the job runner, jobs/runner.ts). */
export interface JobQueue {
  submitted(kind: 'speaker' | 'fraudster', jobId: string): void;
}

export interface OperationContext {
  /** The model served (its error shapes). */
  readonly model: ServiceModel;
  readonly state: EmulatorState;
  readonly nowMs: number;
  readonly region: string;
  readonly accountId: string;
  readonly timing: JobTiming;
  /** The job runner; absent where no jobs are carried out. */
  readonly jobs?: JobQueue;
}

export type Body = Record<string, unknown>;
export type Operation = (input: Body, ctx: OperationContext) => Body;

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A 22-character id as Voice ID makes them. */
export function newId(): string {
  return [...randomBytes(22)].map((b) => ID_CHARS[b % ID_CHARS.length]).join('');
}

/** Milliseconds since the epoch as the seconds a JSON timestamp carries. */
export const seconds = (ms: number): number => ms / 1000;

/** The request as stored for idempotent retries: the input without ClientToken, keys sorted. */
export function withoutToken(input: Body): string {
  const { ClientToken: _token, ...rest } = input;
  return JSON.stringify(sortKeys(rest));
}

export function sortKeys(value: unknown): unknown {
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

export function requireDomain(ctx: OperationContext, domainId: string): DomainRecord {
  const domain = ctx.state.get('domains', domainId);
  if (!domain) throw notFound(ctx.model, 'DOMAIN', `Domain with ID ${domainId} does not exist.`);
  return domain;
}

// NextToken: opaque to clients, it holds the offset of the next page and a digest of the listing
// it belongs to (the operation and its parameters but NextToken and MaxResults), so a token is
// only good for the listing that gave it: another operation, domain or JobStatus filter refuses
// it. MaxResults arrives an integer in range: validated by the model, a fraction truncated.
export function page<T>(ctx: OperationContext, operation: string, all: readonly T[], input: Body, defaultMax: number): { items: T[]; nextToken?: string } {
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
