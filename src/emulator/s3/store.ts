// The object store the jobs read their input from and write their output to: S3 as Voice ID
// sees it, `s3://bucket/key`. Two stores implement it: a folder (--s3-dir, dir-store.ts) and an
// S3-compatible server (--s3-endpoint-url, endpoint-store.ts). Without either, the jobs have no
// store and fail with a message that says how to give voiceid-local one (jobs/runner.ts).

export interface S3Location {
  readonly bucket: string;
  readonly key: string;
}

/** Why an object could not be read or written; `status` is the HTTP status S3 would answer. */
export type StoreErrorCode = 'NoSuchBucket' | 'NoSuchKey' | 'AccessDenied' | 'TooLarge' | 'InvalidKey' | 'Unavailable';

const STATUS: Readonly<Record<StoreErrorCode, number>> = {
  NoSuchBucket: 404,
  NoSuchKey: 404,
  AccessDenied: 403,
  TooLarge: 400,
  InvalidKey: 400,
  Unavailable: 500,
};

export class StoreError extends Error {
  readonly status: number;
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export interface ObjectStore {
  /** The object's bytes; a StoreError when it is missing, larger than maxBytes, or cannot be read. */
  get(location: S3Location, maxBytes: number): Promise<Buffer>;
  /** Writes (replaces) the object; a StoreError when it cannot. */
  put(location: S3Location, body: Buffer): Promise<void>;
  /** Stops using the store (closes connections). */
  close(): void;
}

const S3_URI = /^s3:\/\/([a-z0-9][.\-a-z0-9]{1,61}[a-z0-9])(?:\/(.*))?$/s;

/** `s3://bucket/key` → its bucket and key (the key may be empty); undefined when it is no S3 URI. */
export function parseS3Uri(uri: string): S3Location | undefined {
  const match = S3_URI.exec(uri);
  return match ? { bucket: match[1] as string, key: match[2] ?? '' } : undefined;
}

export const s3Uri = (location: S3Location): string => `s3://${location.bucket}/${location.key}`;

/** The text of an unexpected error, one line. */
export const oneLine = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
