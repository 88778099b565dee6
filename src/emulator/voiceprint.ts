// Stand-in voice prints. Voice ID derives a voice print from a speaker's audio with a model of
// voices; voiceid-local derives it from the audio itself: the SHA-256 of the PCM samples of each
// file in order (each length-prefixed), so the same audio always gives the same print, and every
// decision built on prints (enrollment, fraud checks, EvaluateSession) is the same from run to run.
// Pure.
import { createHash } from 'node:crypto';

/** The voice print of a speaker's audio: the PCM sample data of each of its files, in order. */
export function voiceprintOf(samples: readonly Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const data of samples) {
    const length = Buffer.alloc(8);
    length.writeBigUInt64BE(BigInt(data.length));
    hash.update(length).update(data);
  }
  return hash.digest('base64url');
}

/**
 * How alike two voice prints are, 0 to 100: 100 for the same print (the same audio), otherwise a low
 * score below 30 derived from both, symmetric and the same from run to run.
 * @example similarity(p, p) === 100
 */
export function similarity(a: string, b: string): number {
  if (a === b) return 100;
  const [first, second] = a < b ? [a, b] : [b, a];
  const digest = createHash('sha256').update(first).update('\n').update(second).digest();
  return (digest[0] ?? 0) % 30;
}
