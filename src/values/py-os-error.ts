// Python's str(OSError) for the errors Node reports by errno name: `[Errno 2] No such file or
// directory: 'x'`, with Linux's numbers and glibc's strerror texts (what the reference runs on). Pure.
import { errorField } from '../errors.js';
import { pyRepr } from './py-repr.js';

// errno.<NAME> and os.strerror() on Linux/glibc, for the errors opening, reading, executing and
// connecting can give.
const ERRNO: Readonly<Record<string, readonly [number, string]>> = {
  EPERM: [1, 'Operation not permitted'],
  ENOENT: [2, 'No such file or directory'],
  EINTR: [4, 'Interrupted system call'],
  EIO: [5, 'Input/output error'],
  ENXIO: [6, 'No such device or address'],
  E2BIG: [7, 'Argument list too long'],
  ENOEXEC: [8, 'Exec format error'],
  EBADF: [9, 'Bad file descriptor'],
  EAGAIN: [11, 'Resource temporarily unavailable'],
  ENOMEM: [12, 'Cannot allocate memory'],
  EACCES: [13, 'Permission denied'],
  EBUSY: [16, 'Device or resource busy'],
  EEXIST: [17, 'File exists'],
  ENODEV: [19, 'No such device'],
  ENOTDIR: [20, 'Not a directory'],
  EISDIR: [21, 'Is a directory'],
  EINVAL: [22, 'Invalid argument'],
  ENFILE: [23, 'Too many open files in system'],
  EMFILE: [24, 'Too many open files'],
  ETXTBSY: [26, 'Text file busy'],
  EFBIG: [27, 'File too large'],
  ENOSPC: [28, 'No space left on device'],
  EROFS: [30, 'Read-only file system'],
  EPIPE: [32, 'Broken pipe'],
  ENAMETOOLONG: [36, 'File name too long'],
  ELOOP: [40, 'Too many levels of symbolic links'],
};

/** errno.<NAME>'s number on Linux and glibc's strerror() text, for the names above. */
export function linuxErrno(code: string | undefined): readonly [number, string] | undefined {
  return code === undefined || !Object.hasOwn(ERRNO, code) ? undefined : ERRNO[code];
}

/**
 * Python `str(OSError(errno, strerror, filename))` for a Node errno name; undefined for a name
 * Python would not have raised as an OSError with these texts.
 * @example pyOsErrorText('ENOENT', '/nope') === "[Errno 2] No such file or directory: '/nope'"
 */
export function pyOsErrorText(code: string | undefined, filename?: string): string | undefined {
  const known = linuxErrno(code);
  if (!known) return undefined;
  const head = `[Errno ${known[0]}] ${known[1]}`;
  return filename === undefined ? head : `${head}: ${pyRepr(filename)}`;
}

/** str() of the OSError Python would raise for a thrown Node error; its own message otherwise. */
export function pyOsErrorMessage(error: unknown, filename?: string): string {
  return pyOsErrorText(errorField(error, 'code'), filename) ?? (error instanceof Error ? error.message : String(error));
}
