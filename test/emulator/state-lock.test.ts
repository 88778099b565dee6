// The lock on a state file (src/emulator/state-lock.ts), in process: one holder at a time,
// whatever path names the file; free again once released; and the pid lock file of platforms
// without abstract sockets, whose stale lock (its process has ended) is taken over.
import { afterEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { acquireLock, lockName, StateInUseError, type StateLock } from '../../src/emulator/state-lock.js';
import { EmulatorState } from '../../src/emulator/state.js';

const held: StateLock[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const lock of held.splice(0)) await lock.release();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'voiceid-lock-'));
  dirs.push(dir);
  return dir;
}

async function take(...args: Parameters<typeof acquireLock>): Promise<StateLock> {
  const lock = await acquireLock(...args);
  held.push(lock);
  return lock;
}

/** The pid of a process that has ended. */
async function endedPid(): Promise<number> {
  const child = execFile(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid as number;
}

describe.skipIf(process.platform !== 'linux')('the lock (an abstract socket, Linux)', () => {
  it('has one holder, whatever path leads to the file, and is free once released', async () => {
    const dir = folder();
    const file = join(dir, 'state.json');
    const lock = await take(file);
    await expect(acquireLock(file)).rejects.toThrow(new StateInUseError(`the state file ${file} is in use by another voiceid-local (pid ${process.pid})`));
    symlinkSync(dir, join(dir, '..', `${dir.split('/').pop()}-link`));
    const alias = join(`${dir}-link`, 'state.json');
    try {
      await expect(acquireLock(alias)).rejects.toBeInstanceOf(StateInUseError);
    } finally {
      rmSync(`${dir}-link`);
    }
    await take(join(dir, 'other.json')); // another file of the folder is another lock
    await lock.release();
    held.splice(held.indexOf(lock), 1);
    await take(file);
  });

  it('outlives askers that hang up before its answer', async () => {
    const file = join(folder(), 'state.json');
    await take(file);
    const hangUps = Array.from(
      { length: 50 },
      () =>
        new Promise<void>((resolve) => {
          const socket = createConnection(lockName(file));
          socket.on('connect', () => socket.destroy());
          socket.on('close', () => resolve());
          socket.on('error', () => undefined);
        }),
    );
    await Promise.all(hangUps);
    await expect(acquireLock(file)).rejects.toThrow(`(pid ${process.pid})`);
  });

  it('keeps a second EmulatorState off the file', async () => {
    const file = join(folder(), 'state.json');
    const state = await EmulatorState.open({ file });
    try {
      await expect(EmulatorState.open({ file })).rejects.toBeInstanceOf(StateInUseError);
    } finally {
      await state.close();
    }
    await (await EmulatorState.open({ file })).close();
  });
});

describe('the pid lock file (other platforms)', () => {
  it('has one holder, and is removed when released', async () => {
    const file = join(folder(), 'state.json');
    const lock = await take(file, 'pid-file');
    expect(readFileSync(`${file}.lock`, 'utf8')).toBe(`${process.pid}\n`);
    await expect(acquireLock(file, 'pid-file')).rejects.toThrow(/is in use by another voiceid-local \(pid \d+\)$/);
    await lock.release();
    held.splice(0);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('refuses a lock whose process runs, and takes over one whose process has ended', async () => {
    const dir = folder();
    const file = join(dir, 'state.json');
    writeFileSync(`${file}.lock`, `${process.ppid}\n`);
    await expect(acquireLock(file, 'pid-file')).rejects.toThrow(`(pid ${process.ppid})`);
    writeFileSync(`${file}.lock`, `${await endedPid()}\n`);
    await take(file, 'pid-file');
    expect(readFileSync(`${file}.lock`, 'utf8')).toBe(`${process.pid}\n`);
  });

  it('takes over a lock naming this process that this process does not hold (an earlier one had its pid)', async () => {
    const file = join(folder(), 'state.json');
    writeFileSync(`${file}.lock`, `${process.pid}\n`);
    await take(file, 'pid-file');
  });
});
