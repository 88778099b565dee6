// The end-to-end table of voiceid-local (fixtures/emulator/e2e-operations.json): one row per
// request, run through any client. A row names the operation, the request (`input`, with
// placeholders such as {domain}), what it needs made first (`needs`), the exit code the AWS CLI
// gives (0, or 254 with the service error `error`) and a few checks of the answer. The fixtures
// a row needs are made through the AWS SDK, a fresh domain for each row; a row whose operation,
// or whose fixture's, voiceid-local does not serve yet (UnknownOperationException) is skipped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as sdk from '@aws-sdk/client-voice-id';
import { REPO_ROOT } from './golden.js';

export type Need = 'domain' | 'job' | 'fraudsterJob' | 'watchlist' | 'defaultWatchlist' | 'speaker';

export interface Check {
  readonly path: string;
  readonly equals?: unknown;
  readonly contains?: unknown;
  readonly present?: boolean;
  readonly length?: number;
}

export interface E2eRow {
  readonly name: string;
  readonly operation: string;
  readonly needs: readonly Need[];
  readonly input: Record<string, unknown>;
  readonly exit: 0 | 254;
  readonly error?: string;
  readonly checks: readonly Check[];
}

export const E2E_ROWS: readonly E2eRow[] = JSON.parse(readFileSync(join(REPO_ROOT, 'fixtures/emulator/e2e-operations.json'), 'utf8'));

/** Thrown when a row cannot run yet: the reason names the operation not served. */
export class NotServed extends Error {}

const NOT_SERVED = 'UnknownOperationException';

/** Sends `operation` through the SDK: the output, or the error's name. */
export async function sdkSend(
  client: sdk.VoiceIDClient,
  operation: string,
  input: Record<string, unknown>,
): Promise<{ output?: Record<string, unknown>; error?: string }> {
  const Command = (sdk as unknown as Record<string, new (input: unknown) => sdk.ListDomainsCommand>)[`${operation}Command`];
  if (!Command) throw new Error(`the SDK has no ${operation}Command`);
  try {
    const { $metadata: _meta, ...output } = (await client.send(new Command(input))) as unknown as Record<string, unknown>;
    return { output };
  } catch (error) {
    const name = (error as Error).name;
    // A client-side failure (a timeout, a reset connection) is not an answer of the service.
    if (!(error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode) throw error;
    return { error: name };
  }
}

async function make(client: sdk.VoiceIDClient, operation: string, input: Record<string, unknown>, need: Need): Promise<Record<string, unknown>> {
  const { output, error } = await sdkSend(client, operation, input);
  if (error === NOT_SERVED) throw new NotServed(`needs ${need}, made by ${operation}, which voiceid-local does not serve yet`);
  if (!output) throw new Error(`making ${need}: ${operation} failed with ${error}`);
  return output;
}

const JOB = {
  DataAccessRoleArn: 'arn:aws:iam::123456789012:role/VoiceIdRole',
  InputDataConfig: { S3Uri: 's3://voiceid-input/e2e-fixture/manifest.json' },
  OutputDataConfig: { S3Uri: 's3://voiceid-output/e2e-fixture' },
};

/** Makes what a row needs; returns the placeholders' values. */
export async function makeFixtures(client: sdk.VoiceIDClient, needs: readonly Need[]): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  if (needs.length === 0) return values;
  const created = await make(
    client,
    'CreateDomain',
    { Name: 'e2e-domain', ServerSideEncryptionConfiguration: { KmsKeyId: 'alias/aws/voiceid' }, Tags: [{ Key: 'origin', Value: 'e2e' }] },
    'domain',
  );
  const domain = created.Domain as { DomainId: string; Arn: string };
  Object.assign(values, { domain: domain.DomainId, domainArn: domain.Arn });
  const DomainId = domain.DomainId;
  for (const need of new Set(needs)) {
    if (need === 'job') values.job = ((await make(client, 'StartSpeakerEnrollmentJob', { DomainId, ...JOB }, need)).Job as { JobId: string }).JobId;
    if (need === 'fraudsterJob')
      values.fraudsterJob = ((await make(client, 'StartFraudsterRegistrationJob', { DomainId, ...JOB }, need)).Job as { JobId: string }).JobId;
    if (need === 'watchlist')
      values.watchlist = ((await make(client, 'CreateWatchlist', { DomainId, Name: 'e2e-watchlist' }, need)).Watchlist as { WatchlistId: string }).WatchlistId;
    if (need === 'speaker') {
      await make(client, 'OptOutSpeaker', { DomainId, SpeakerId: 'e2e-customer-1' }, need);
      values.speaker = 'e2e-customer-1';
    }
    if (need === 'defaultWatchlist') {
      const shown = (await make(client, 'DescribeDomain', { DomainId }, need)).Domain as { WatchlistDetails?: { DefaultWatchlistId?: string } };
      const id = shown.WatchlistDetails?.DefaultWatchlistId;
      if (!id) throw new NotServed('needs the default watchlist, which DescribeDomain does not show yet (WatchlistDetails)');
      values.defaultWatchlist = id;
    }
  }
  return values;
}

/** The value with every `{name}` in its strings replaced. */
export function fill<T>(value: T, values: Readonly<Record<string, string>>): T {
  if (typeof value === 'string') return value.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole) as T;
  if (Array.isArray(value)) return value.map((v) => fill(v, values)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, values)])) as T;
  return value;
}

/** The value at a path such as `Domain.Arn` or `JobSummaries[].JobId` (`[]` maps over a list). */
export function pick(value: unknown, path: string): unknown {
  let current: unknown = value;
  let mapped = false;
  for (const segment of path.split('.')) {
    const list = segment.endsWith('[]');
    const key = list ? segment.slice(0, -2) : segment;
    const at = (v: unknown): unknown => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined);
    current = mapped ? (current as unknown[]).map(at) : at(current);
    if (list) {
      if (!Array.isArray(current)) return undefined;
      current = mapped ? (current as unknown[][]).flat() : current;
      mapped = true;
    }
  }
  return current;
}

/** What fails of the row's checks on `output`: one line each. */
export function failedChecks(checks: readonly Check[], output: unknown): string[] {
  return checks.flatMap((check) => {
    const value = pick(output, check.path);
    const shown = `${check.path} = ${JSON.stringify(value)}`;
    if ('equals' in check && JSON.stringify(value) !== JSON.stringify(check.equals)) return [`${shown}, expected ${JSON.stringify(check.equals)}`];
    if ('contains' in check && !(Array.isArray(value) && value.some((v) => JSON.stringify(v) === JSON.stringify(check.contains))))
      return [`${shown}, expected it to contain ${JSON.stringify(check.contains)}`];
    if (check.present && (value === undefined || (Array.isArray(value) && value.length === 0))) return [`${shown}, expected a value`];
    if (check.length !== undefined && !(Array.isArray(value) && value.length === check.length)) return [`${shown}, expected ${check.length} items`];
    return [];
  });
}

export { NOT_SERVED };
