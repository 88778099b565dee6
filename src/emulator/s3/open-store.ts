// The store voiceid-local was given: --s3-dir or --s3-endpoint-url (at most one), or none.
import { statSync } from 'node:fs';
import { DirStore } from './dir-store.js';
import { EndpointStore, type EndpointStoreOptions } from './endpoint-store.js';
import type { ObjectStore } from './store.js';

export type S3Options = { readonly dir: string } | EndpointStoreOptions;

/** The store of the options; throws an Error with a one-line message when the folder is missing. */
export function openStore(options: S3Options | undefined): ObjectStore | undefined {
  if (options === undefined) return undefined;
  if ('dir' in options) {
    if (!statSync(options.dir, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`--s3-dir ${options.dir}: no such directory`);
    return new DirStore(options.dir);
  }
  return new EndpointStore(options);
}
