// The Voice ID operations the local endpoint serves, over its state, one module of ops/ per kind of
// resource. Input is the request body already validated against the model; output is the response body.
import { DOMAIN_OPERATIONS } from './ops/domains.js';
import { SESSION_OPERATIONS } from './ops/evaluate-session.js';
import { FRAUDSTER_JOB_OPERATIONS } from './ops/fraudster-jobs.js';
import { FRAUDSTER_OPERATIONS } from './ops/fraudsters.js';
import { SPEAKER_JOB_OPERATIONS } from './ops/speaker-jobs.js';
import { SPEAKER_OPERATIONS } from './ops/speakers.js';
import { TAG_OPERATIONS } from './ops/tags.js';
import { WATCHLIST_OPERATIONS } from './ops/watchlists.js';
import type { Operation } from './ops/common.js';

export { ensureDefaultWatchlists, ensureDomain } from './ops/domains.js';
export type { JobTiming, Operation, OperationContext } from './ops/common.js';

/** The operations by name, as in X-Amz-Target: VoiceID.<name>. */
export const OPERATIONS: Readonly<Record<string, Operation>> = {
  ...DOMAIN_OPERATIONS,
  ...WATCHLIST_OPERATIONS,
  ...TAG_OPERATIONS,
  ...SPEAKER_OPERATIONS,
  ...FRAUDSTER_OPERATIONS,
  ...SESSION_OPERATIONS,
  ...SPEAKER_JOB_OPERATIONS,
  ...FRAUDSTER_JOB_OPERATIONS,
};
