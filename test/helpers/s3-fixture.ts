// The two stores of the job tests, each with the same face: a folder for voiceid-local --s3-dir,
// and an S3-compatible server (s3rver, from npm, on 127.0.0.1) for --s3-endpoint-url. Each makes
// the buckets, puts objects and reads them back.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import type { S3Options } from '../../src/emulator/s3/open-store.js';

export interface S3Fixture {
  readonly options: S3Options;
  put(bucket: string, key: string, body: Buffer | string): Promise<void>;
  /** The object's text, or undefined when there is none. */
  get(bucket: string, key: string): Promise<string | undefined>;
  close(): Promise<void>;
}

export function dirFixture(buckets: readonly string[]): S3Fixture {
  const root = mkdtempSync(join(tmpdir(), 'voiceid-s3dir-'));
  for (const bucket of buckets) mkdirSync(join(root, bucket));
  return {
    options: { dir: root },
    put: async (bucket, key, body) => {
      const path = join(root, bucket, key);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, body);
    },
    get: async (bucket, key) => {
      try {
        return readFileSync(join(root, bucket, key), 'utf8');
      } catch {
        return undefined;
      }
    },
    close: async () => rmSync(root, { recursive: true, force: true }),
  };
}

const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export async function s3rverFixture(buckets: readonly string[]): Promise<S3Fixture> {
  const root = mkdtempSync(join(tmpdir(), 'voiceid-s3rver-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: root, configureBuckets: buckets.map((name) => ({ name })) });
  const { port } = (await server.run()) as { port: number };
  const endpointUrl = `http://127.0.0.1:${port}`;
  const client = new S3Client({ endpoint: endpointUrl, forcePathStyle: true, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 });
  return {
    options: { endpointUrl, region: 'us-east-1', credentials: CREDENTIALS },
    put: async (bucket, key, body) => void (await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }))),
    get: async (bucket, key) => {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return await out.Body?.transformToString();
      } catch {
        return undefined;
      }
    },
    close: async () => {
      client.destroy();
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
