// Speaker enrollment jobs: StartSpeakerEnrollmentJob, DescribeSpeakerEnrollmentJob,
// ListSpeakerEnrollmentJobs (job-ops.ts); the job runner (jobs/) carries them out.
import type { Body, Operation } from './common.js';
import { jobOperations } from './job-ops.js';

const ops = jobOperations({
  kind: 'speaker',
  collection: 'jobs',
  start: 'StartSpeakerEnrollmentJob',
  list: 'ListSpeakerEnrollmentJobs',
  config: 'EnrollmentConfig',
  watchlistIds: (config) => ((config?.FraudDetectionConfig as Body | undefined)?.WatchlistIds as unknown[] | undefined) ?? [],
});

/** The speaker enrollment job operations by name. */
export const SPEAKER_JOB_OPERATIONS: Readonly<Record<string, Operation>> = {
  StartSpeakerEnrollmentJob: ops.start,
  DescribeSpeakerEnrollmentJob: ops.describe,
  ListSpeakerEnrollmentJobs: ops.list,
};
