// file:// and fileb:// values (awscli paramfile.py): the text or bytes of a file, with the
// reference's messages for files that cannot be read. Files are read through io.readFile only.
import type { Io } from '../io.js';
import { PyBytes } from '../values/py-value.js';
import { pyRepr } from '../values/py-repr.js';

export const FILE_PREFIX = 'file://';
export const FILEB_PREFIX = 'fileb://';

/** ResourceLoadingError: the message follows "Error parsing parameter '--x': ". */
export class ParamfileError extends Error {}

const ERRNO: Readonly<Record<string, [number, string]>> = {
  ENOENT: [2, 'No such file or directory'],
  EACCES: [13, 'Permission denied'],
  ENOTDIR: [20, 'Not a directory'],
  EISDIR: [21, 'Is a directory'],
  ENAMETOOLONG: [36, 'File name too long'],
  ELOOP: [40, 'Too many levels of symbolic links'],
};

/** The value with a paramfile prefix loaded: string for file://, PyBytes for fileb://, else unchanged. */
export async function loadParamfile(value: string, io: Io): Promise<string | PyBytes> {
  const binary = value.startsWith(FILEB_PREFIX);
  if (!binary && !value.startsWith(FILE_PREFIX)) return value;
  const path = expandVars(expandUser(value.slice(binary ? FILEB_PREFIX.length : FILE_PREFIX.length), io), io);
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(resolvePath(path, io));
  } catch (error) {
    throw new ParamfileError(`Unable to load paramfile ${value}: ${osErrorText(error, path)}`, { cause: error });
  }
  if (binary) return new PyBytes(bytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new ParamfileError(
      `Unable to load paramfile (${path}), text contents could not be decoded.  If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.`,
      { cause: error },
    );
  }
  // Python text mode: universal newlines; a BOM is kept (the locale codec is utf-8, not utf-8-sig).
  return text.replace(/\r\n?/g, '\n');
}

function resolvePath(path: string, io: Io): string {
  if (path === '') return path;
  return path.startsWith('/') ? path : `${io.cwd}/${path}`;
}

// Python's str(OSError): "[Errno 2] No such file or directory: 'x'".
function osErrorText(error: unknown, path: string): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const known = ERRNO[code];
  if (known) return `[Errno ${known[0]}] ${known[1]}: ${pyRepr(path)}`;
  return error instanceof Error ? error.message : String(error);
}

// os.path.expanduser: ~ and ~/... (other users' homes are left alone).
function expandUser(path: string, io: Io): string {
  return path === '~' || path.startsWith('~/') ? io.homedir() + path.slice(1) : path;
}

// os.path.expandvars: $NAME and ${NAME} for set variables; unset ones stay as written.
function expandVars(path: string, io: Io): string {
  return path.replace(/\$(\w+|\{[^}]*\})/g, (whole, name: string) => {
    const key = name.startsWith('{') ? name.slice(1, -1) : name;
    const value = io.env[key];
    return value === undefined ? whole : value;
  });
}
