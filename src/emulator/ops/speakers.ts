// Speakers: DescribeSpeaker, ListSpeakers, DeleteSpeaker, OptOutSpeaker.
import type { Operation } from './common.js';

/** The operations of this module by name. */
export const SPEAKER_OPERATIONS: Readonly<Record<string, Operation>> = {};
