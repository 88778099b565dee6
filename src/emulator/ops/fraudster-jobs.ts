// Fraudster registration jobs: StartFraudsterRegistrationJob, DescribeFraudsterRegistrationJob,
// ListFraudsterRegistrationJobs (job-ops.ts); the job runner (jobs/) carries them out.
import type { Operation } from './common.js';
import { jobOperations } from './job-ops.js';

const ops = jobOperations({
  kind: 'fraudster',
  collection: 'fraudsterJobs',
  start: 'StartFraudsterRegistrationJob',
  list: 'ListFraudsterRegistrationJobs',
  config: 'RegistrationConfig',
  watchlistIds: (config) => (config?.WatchlistIds as unknown[] | undefined) ?? [],
});

/** The fraudster registration job operations by name. */
export const FRAUDSTER_JOB_OPERATIONS: Readonly<Record<string, Operation>> = {
  StartFraudsterRegistrationJob: ops.start,
  DescribeFraudsterRegistrationJob: ops.describe,
  ListFraudsterRegistrationJobs: ops.list,
};
