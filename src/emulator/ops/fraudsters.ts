// Fraudsters: DescribeFraudster, ListFraudsters, DeleteFraudster, AssociateFraudster, DisassociateFraudster.
import type { Operation } from './common.js';

/** The operations of this module by name. */
export const FRAUDSTER_OPERATIONS: Readonly<Record<string, Operation>> = {};
