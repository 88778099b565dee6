// Fraudster registration jobs: StartFraudsterRegistrationJob, DescribeFraudsterRegistrationJob, ListFraudsterRegistrationJobs.
import type { Operation } from './common.js';

/** The operations of this module by name. */
export const FRAUDSTER_JOB_OPERATIONS: Readonly<Record<string, Operation>> = {};
