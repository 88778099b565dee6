// Python's CJK codecs (placeholder while the tables are generated).
import type { Decoder } from './py-codec-error.js';

export function cjkDecoder(_module: string): Decoder | undefined {
  return undefined;
}
