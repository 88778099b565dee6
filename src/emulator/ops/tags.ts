// Tags: TagResource, UntagResource, ListTagsForResource.
import type { Operation } from './common.js';

/** The operations of this module by name. */
export const TAG_OPERATIONS: Readonly<Record<string, Operation>> = {};
