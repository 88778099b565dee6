// --s3-endpoint-url URL: the objects are on an S3-compatible server (MinIO, LocalStack, moto,
// s3rver), read and written with the AWS SDK's S3 client, path-style (http://host/bucket/key).
// Credentials: those given, else the SDK's default chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY,
// a profile, ...); the region: the one given, else AWS_REGION, else us-east-1.
import { GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { StoreError, oneLine, s3Uri, type ObjectStore, type S3Location, type StoreErrorCode } from './store.js';

export interface EndpointStoreOptions {
  readonly endpointUrl: string;
  readonly region?: string;
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

export class EndpointStore implements ObjectStore {
  private readonly client: S3Client;

  constructor(options: EndpointStoreOptions) {
    this.client = new S3Client({
      endpoint: options.endpointUrl,
      forcePathStyle: true,
      region: options.region ?? process.env.AWS_REGION ?? 'us-east-1',
      maxAttempts: 2,
      ...(options.credentials ? { credentials: options.credentials } : {}),
    });
  }

  async get(location: S3Location, maxBytes: number): Promise<Buffer> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: location.bucket, Key: location.key }));
      if (out.ContentLength !== undefined && out.ContentLength > maxBytes) {
        await out.Body?.transformToByteArray().catch(() => undefined);
        throw new StoreError('TooLarge', `${s3Uri(location)} is ${out.ContentLength} bytes, more than ${maxBytes}`);
      }
      const body = Buffer.from((await out.Body?.transformToByteArray()) ?? []);
      if (body.length > maxBytes) throw new StoreError('TooLarge', `${s3Uri(location)} is more than ${maxBytes} bytes`);
      return body;
    } catch (error) {
      throw s3Error(error, location);
    }
  }

  async put(location: S3Location, body: Buffer): Promise<void> {
    try {
      await this.client.send(new PutObjectCommand({ Bucket: location.bucket, Key: location.key, Body: body, ContentType: 'application/json' }));
    } catch (error) {
      throw s3Error(error, location);
    }
  }

  close(): void {
    this.client.destroy();
  }
}

const CODES: Readonly<Record<string, StoreErrorCode>> = {
  NoSuchKey: 'NoSuchKey',
  NotFound: 'NoSuchKey',
  NoSuchBucket: 'NoSuchBucket',
  AccessDenied: 'AccessDenied',
};

function s3Error(error: unknown, location: S3Location): StoreError {
  if (error instanceof StoreError) return error;
  if (error instanceof S3ServiceException) {
    const code = CODES[error.name] ?? (error.$metadata.httpStatusCode === 403 ? 'AccessDenied' : 'Unavailable');
    return new StoreError(code, `${s3Uri(location)}: ${error.name}${error.message && error.message !== error.name ? `: ${oneLine(error)}` : ''}`);
  }
  return new StoreError('Unavailable', `${s3Uri(location)}: ${oneLine(error)}`);
}
