// EvaluateSession.
import type { Operation } from './common.js';

/** The operations of this module by name. */
export const SESSION_OPERATIONS: Readonly<Record<string, Operation>> = {};
