// --s3-dir DIR: s3://bucket/key is the file DIR/bucket/key. Keys are S3's, folders are made as
// needed, and an object is written whole or not at all (a temporary file, then a rename). A key
// that would leave its bucket's folder or is no plain relative path (a `..` or `.` segment, an
// empty segment as in `a//b` or a leading `/`, a NUL) is refused, as is a key naming a folder.
// Symbolic links inside DIR are followed: DIR is the user's own folder.
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { StoreError, s3Uri, type ObjectStore, type S3Location } from './store.js';

export class DirStore implements ObjectStore {
  private readonly root: string;

  constructor(dir: string) {
    this.root = resolve(dir);
  }

  /** The file of an object; a StoreError for a key that is no plain relative path. */
  pathOf(location: S3Location): string {
    const { bucket, key } = location;
    const segments = key.split('/');
    if (key === '' || key.includes('\0') || segments.some((s) => s === '' || s === '.' || s === '..')) {
      throw new StoreError('InvalidKey', `${s3Uri(location)}: voiceid-local --s3-dir maps only plain keys (no empty, "." or ".." segments) to files`);
    }
    const path = join(this.root, bucket, ...segments);
    if (!path.startsWith(join(this.root, bucket) + sep)) throw new StoreError('InvalidKey', `${s3Uri(location)}: the key leaves its bucket`);
    return path;
  }

  async get(location: S3Location, maxBytes: number): Promise<Buffer> {
    const path = this.pathOf(location);
    await this.requireBucket(location);
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      throw fileError(error, location);
    }
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw new StoreError('NoSuchKey', `${s3Uri(location)}: no such object`);
      if (info.size > maxBytes) throw new StoreError('TooLarge', `${s3Uri(location)} is ${info.size} bytes, more than ${maxBytes}`);
      return await handle.readFile();
    } catch (error) {
      throw fileError(error, location);
    } finally {
      await handle.close();
    }
  }

  async put(location: S3Location, body: Buffer): Promise<void> {
    const path = this.pathOf(location);
    await this.requireBucket(location);
    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await mkdir(join(path, '..'), { recursive: true });
      const handle = await open(temporary, 'wx');
      try {
        await handle.writeFile(body);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw fileError(error, location);
    }
  }

  close(): void {}

  /** A bucket is a folder of DIR; S3 does not make buckets on a write either. */
  private async requireBucket(location: S3Location): Promise<void> {
    const folder = join(this.root, location.bucket);
    const info = await stat(folder).catch(() => undefined);
    if (!info?.isDirectory()) throw new StoreError('NoSuchBucket', `${s3Uri(location)}: no bucket ${location.bucket} (no folder ${folder})`);
  }
}

function fileError(error: unknown, location: S3Location): StoreError {
  if (error instanceof StoreError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return new StoreError('NoSuchKey', `${s3Uri(location)}: no such object`);
  if (code === 'EACCES' || code === 'EPERM') return new StoreError('AccessDenied', `${s3Uri(location)}: access denied`);
  return new StoreError('Unavailable', `${s3Uri(location)}: ${(error as Error).message}`);
}
