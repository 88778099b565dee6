// The input manifest of a job, in the schema of the Voice ID documentation ("Input and output file
// schema for the Speaker Enrollment Job" / "... for Fraudster Registration Job"):
//   {"Version": "1.0", "SpeakerEnrollmentRequests": [{"RequestId", "SpeakerId", "AudioSpecifications": [{"S3Uri", "ChannelId"}]}]}
//   {"Version": "1.0", "FraudsterRegistrationRequests": [{"RequestId", "AudioSpecifications": [{"S3Uri", "ChannelId"}]}]}
// "All the fields in the schema are required." A file that is no such document (not JSON, another
// Version, no request list, a request without a RequestId to report it under) fails the whole job;
// a request that breaks a rule of its own (SpeakerId, the audio list, a duplicate RequestId) is an
// error of that request in the output file. Pure.
import { parseS3Uri, type S3Location } from '../s3/store.js';

export type JobKind = 'speaker' | 'fraudster';

/** The most bytes of a manifest (the documentation names no limit; a careful one). */
export const MAX_MANIFEST_BYTES = 10 * 1024 * 1024;
/** At most this many audio files a request (documented). */
export const MAX_AUDIO_FILES = 10;

export const REQUESTS_KEY: Readonly<Record<JobKind, string>> = {
  speaker: 'SpeakerEnrollmentRequests',
  fraudster: 'FraudsterRegistrationRequests',
};

export interface AudioSpec {
  readonly S3Uri: string;
  readonly location: S3Location;
  readonly ChannelId: number;
}

export interface ManifestRequest {
  readonly RequestId: string;
  /** The CustomerSpeakerId to enroll (speaker jobs). */
  readonly SpeakerId?: string;
  readonly audio: readonly AudioSpec[];
  /** Why the request cannot be carried out, if it cannot. */
  readonly problem?: string;
}

export type ManifestResult = { readonly ok: true; readonly requests: readonly ManifestRequest[] } | { readonly ok: false; readonly message: string };

const CUSTOMER_SPEAKER_ID = /^[a-zA-Z0-9][a-zA-Z0-9_-]*$/;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export function parseManifest(kind: JobKind, bytes: Buffer, uri: string): ManifestResult {
  const failed = (why: string): ManifestResult => ({ ok: false, message: `The input manifest file ${uri} ${why}.` });
  let document: unknown;
  try {
    document = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return failed('is not a JSON document');
  }
  const key = REQUESTS_KEY[kind];
  if (!isObject(document)) return failed('is not a JSON object');
  if (document.Version !== '1.0') return failed(`has Version ${JSON.stringify(document.Version ?? null)}; the schema version is "1.0"`);
  const list = document[key];
  if (!Array.isArray(list)) return failed(`has no ${key} list`);
  const requests: ManifestRequest[] = [];
  for (const [index, entry] of list.entries()) {
    if (!isObject(entry) || typeof entry.RequestId !== 'string' || entry.RequestId === '') return failed(`has no RequestId in ${key}[${index}]`);
    requests.push(readRequest(kind, entry));
  }
  const seen = new Map<string, number>();
  for (const request of requests) seen.set(request.RequestId, (seen.get(request.RequestId) ?? 0) + 1);
  return {
    ok: true,
    requests: requests.map((r) => ((seen.get(r.RequestId) ?? 0) > 1 ? { ...r, problem: `RequestId ${r.RequestId} is not unique within the input file.` } : r)),
  };
}

function readRequest(kind: JobKind, entry: Json): ManifestRequest {
  const RequestId = entry.RequestId as string;
  const speaker = kind === 'speaker' ? speakerProblem(entry.SpeakerId) : undefined;
  const audio = readAudio(entry.AudioSpecifications);
  const base = { RequestId, ...(kind === 'speaker' && typeof entry.SpeakerId === 'string' ? { SpeakerId: entry.SpeakerId } : {}) };
  const problem = speaker ?? (typeof audio === 'string' ? audio : undefined);
  return { ...base, audio: typeof audio === 'string' ? [] : audio, ...(problem ? { problem } : {}) };
}

function speakerProblem(id: unknown): string | undefined {
  if (typeof id !== 'string') return 'SpeakerId is required: the CustomerSpeakerId of the speaker to enroll.';
  if (id.length < 1 || id.length > 256 || !CUSTOMER_SPEAKER_ID.test(id)) {
    return 'SpeakerId must be 1 to 256 letters, digits, "_" and "-", starting with a letter or digit.';
  }
  return undefined;
}

function readAudio(specs: unknown): AudioSpec[] | string {
  if (!Array.isArray(specs) || specs.length === 0) return 'AudioSpecifications is required: a list of 1 to 10 audio files.';
  if (specs.length > MAX_AUDIO_FILES) return `AudioSpecifications lists ${specs.length} audio files; at most ${MAX_AUDIO_FILES} are allowed.`;
  const out: AudioSpec[] = [];
  for (const [index, spec] of specs.entries()) {
    const where = `AudioSpecifications[${index}]`;
    if (!isObject(spec)) return `${where} must be an object with S3Uri and ChannelId.`;
    const location = typeof spec.S3Uri === 'string' ? parseS3Uri(spec.S3Uri) : undefined;
    if (!location || location.key === '') return `${where}.S3Uri must be the S3 URI of a .wav file (s3://bucket/key).`;
    if (spec.ChannelId !== 0 && spec.ChannelId !== 1) return `${where}.ChannelId must be 0 or 1.`;
    out.push({ S3Uri: spec.S3Uri as string, location, ChannelId: spec.ChannelId });
  }
  return out;
}
