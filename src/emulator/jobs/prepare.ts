// The audio of each request of a manifest, read from the store and checked (wav.ts), turned into
// the request's stand-in voice print (voiceprint.ts: the samples of the chosen channel of each
// file, in order), or the error the output file reports for it: ErrorCode is the HTTP status of
// the problem (400 a bad request or audio file, 403/404 an audio file that cannot be read).
import { voiceprintOf } from '../voiceprint.js';
import { StoreError, oneLine, type ObjectStore } from '../s3/store.js';
import type { ManifestRequest } from './manifest.js';
import { MAX_AUDIO_BYTES, wavChannel } from './wav.js';

export interface RequestError {
  readonly ErrorCode: number;
  readonly ErrorMessage: string;
}

export interface PreparedRequest {
  readonly RequestId: string;
  readonly SpeakerId?: string;
  /** The voice print of its audio, when the request can be carried out. */
  readonly voiceprint?: string;
  readonly error?: RequestError;
}

/** Each request prepared in order; `onProgress(done)` after each. */
export async function prepareRequests(
  store: ObjectStore,
  requests: readonly ManifestRequest[],
  onProgress: (done: number) => void,
  stopped: () => boolean,
): Promise<PreparedRequest[]> {
  const out: PreparedRequest[] = [];
  for (const request of requests) {
    if (stopped()) break;
    out.push(await prepareOne(store, request));
    onProgress(out.length);
  }
  return out;
}

async function prepareOne(store: ObjectStore, request: ManifestRequest): Promise<PreparedRequest> {
  const base = { RequestId: request.RequestId, ...(request.SpeakerId !== undefined ? { SpeakerId: request.SpeakerId } : {}) };
  if (request.problem) return { ...base, error: { ErrorCode: 400, ErrorMessage: request.problem } };
  const samples: Buffer[] = [];
  for (const spec of request.audio) {
    let file: Buffer;
    try {
      file = await store.get(spec.location, MAX_AUDIO_BYTES);
    } catch (error) {
      if (error instanceof StoreError && error.code === 'TooLarge') {
        return { ...base, error: { ErrorCode: 400, ErrorMessage: `The audio file ${spec.S3Uri} is larger than 20 MB.` } };
      }
      const status = error instanceof StoreError ? error.status : 500;
      return { ...base, error: { ErrorCode: status, ErrorMessage: `The audio file ${spec.S3Uri} could not be read: ${oneLine(error)}` } };
    }
    const wav = wavChannel(file, spec.ChannelId);
    if (!wav.ok)
      return { ...base, error: { ErrorCode: 400, ErrorMessage: `The audio file ${spec.S3Uri} ${wav.reason}; Voice ID takes 8 kHz PCM-16 WAV audio.` } };
    if (wav.samples.length === 0) return { ...base, error: { ErrorCode: 400, ErrorMessage: `The audio file ${spec.S3Uri} holds no audio.` } };
    samples.push(wav.samples);
  }
  return { ...base, voiceprint: voiceprintOf(samples) };
}
