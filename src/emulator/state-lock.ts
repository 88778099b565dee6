// The exclusive lock on a state file, held as long as the process lives and released by the
// kernel when it dies (kill -9 included), so no stale lock can block the next start.
// On Linux: a listening socket in the abstract namespace, named after the state file's folder
// (device and inode, whatever path leads there) and file name; binding it is atomic, and a
// second process gets EADDRINUSE. The holder answers a connection with its pid, for the message.
// The abstract namespace belongs to the network namespace: two containers with their own
// networks that share the state file through a volume are not kept apart (README).
// Elsewhere: a lock file FILE.lock made with O_EXCL, holding the pid; a lock whose pid no longer
// runs is stale and taken over.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { basename, dirname } from 'node:path';
import { reason, StatePathError } from './state-paths.js';

/** The state file is locked by another voiceid-local. */
export class StateInUseError extends Error {}

export interface StateLock {
  release(): Promise<void>;
}

export type LockKind = 'abstract-socket' | 'pid-file';

export const defaultLockKind = (): LockKind => (process.platform === 'linux' ? 'abstract-socket' : 'pid-file');

/** Takes the lock on `file` (whose folder exists), or throws StateInUseError. */
export async function acquireLock(file: string, kind: LockKind = defaultLockKind()): Promise<StateLock> {
  return kind === 'abstract-socket' ? socketLock(file) : pidFileLock(file);
}

function inUse(file: string, pid: string | undefined): StateInUseError {
  return new StateInUseError(`the state file ${file} is in use by another voiceid-local${pid ? ` (pid ${pid})` : ''}`);
}

/** The abstract socket's name for `file`: the same for every path to the same folder. */
export function lockName(file: string): string {
  const folder = statSync(dirname(file));
  const hash = createHash('sha256')
    .update(`${folder.dev}:${folder.ino}:${basename(file)}`)
    .digest('hex')
    .slice(0, 40);
  return `\0voiceid-local-state-${hash}`;
}

async function socketLock(file: string): Promise<StateLock> {
  const name = lockName(file);
  // A holder that ends between our bind and our question frees the name: try again, a few times.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const server = createServer((socket) => {
      socket.on('error', () => undefined); // an asker gone before the answer must not end the holder
      socket.end(`${process.pid}\n`);
    });
    const bound = await new Promise<boolean>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' ? resolve(false) : reject(error)));
      server.listen(name, () => resolve(true));
    });
    if (bound) {
      server.on('error', () => undefined);
      server.unref();
      return { release: () => closeServer(server) };
    }
    const holder = await askHolder(name);
    if (holder !== undefined) throw inUse(file, holder);
  }
  throw inUse(file, undefined);
}

/** How long to wait for the holder's pid (a holder that is busy or stopped answers late or never). */
const ASK_MS = 2000;

/**
 * The pid the lock's holder answers with ('' when it does not say in time); undefined when no
 * one holds the name any more (the holder has just ended).
 */
function askHolder(name: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    let text = '';
    const socket = createConnection(name);
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('');
    }, ASK_MS);
    const done = (pid: string | undefined): void => {
      clearTimeout(timer);
      resolve(pid);
    };
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('end', () => done(/^\d+$/.test(text.trim()) ? text.trim() : ''));
    socket.on('error', () => done(undefined));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** The lock files this process holds (a pid file naming this process may be left by an earlier one). */
const heldHere = new Set<string>();

function pidFileLock(file: string): StateLock {
  const path = `${file}.lock`;
  if (heldHere.has(path)) throw inUse(file, String(process.pid));
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      heldHere.add(path);
      return {
        release: async () => {
          heldHere.delete(path);
          if (readPid(path) === String(process.pid)) unlinkSync(path);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new StatePathError(`cannot make the lock file ${path}: ${reason(error)}`);
    }
    const pid = readPid(path);
    if (pid !== undefined && isRunning(Number(pid))) throw inUse(file, pid);
    // Stale: its process has ended.
    try {
      unlinkSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw inUse(file, readPid(path));
}

function readPid(path: string): string | undefined {
  try {
    const text = readFileSync(path, 'utf8').trim();
    return /^\d+$/.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false; // not held here (heldHere): left by an earlier process with our pid
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
