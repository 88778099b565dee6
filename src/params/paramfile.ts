// file:// and fileb:// values (awscli paramfile.py): the text or bytes of a file, with the
// reference's messages for files that cannot be read. Files are read through io.readFile only.
import { expandUser, type Io } from '../io.js';
import { PyBytes } from '../values/py-value.js';
import { pyOsErrorMessage } from '../values/py-os-error.js';

export const FILE_PREFIX = 'file://';
export const FILEB_PREFIX = 'fileb://';
/** Overrides the locale's encoding for file:// (AWS CLI v2). */
export const ENV_FILE_ENCODING = 'AWS_CLI_FILE_ENCODING';

/** ResourceLoadingError: the message follows "Error parsing parameter '--x': ". */
export class ParamfileError extends Error {}

/** Whether awscli's get_paramfile reads `value` (a prefix of LOCAL_PREFIX_MAP). */
export function isParamfile(value: string): boolean {
  return value.startsWith(FILE_PREFIX) || value.startsWith(FILEB_PREFIX);
}

/** The value with a paramfile prefix loaded: string for file://, PyBytes for fileb://, else unchanged. */
export async function loadParamfile(value: string, io: Io): Promise<string | PyBytes> {
  if (!isParamfile(value)) return value;
  const binary = value.startsWith(FILEB_PREFIX);
  const path = expandVars(expandUser(value.slice(binary ? FILEB_PREFIX.length : FILE_PREFIX.length), io), io);
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(resolvePath(path, io));
  } catch (error) {
    throw new ParamfileError(`Unable to load paramfile ${value}: ${pyOsErrorMessage(error, path)}`, { cause: error });
  }
  if (binary) return new PyBytes(bytes);
  let text: string;
  try {
    text = decodeText(bytes, io.env[ENV_FILE_ENCODING]);
  } catch (error) {
    if (error instanceof ParamfileError) throw error;
    throw new ParamfileError(
      `Unable to load paramfile (${path}), text contents could not be decoded.  If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.`,
      { cause: error },
    );
  }
  // Python text mode: universal newlines; a BOM is kept (the locale codec is utf-8, not utf-8-sig).
  return text.replace(/\r\n?/g, '\n');
}

// Python's codecs for the names people use; a BOM is kept, as Python's utf-8 (not utf-8-sig) keeps it.
function decodeText(bytes: Uint8Array, encoding: string | undefined): string {
  const name = (encoding ?? 'utf-8').toLowerCase().replace(/_/g, '-');
  if (['latin-1', 'latin1', 'iso-8859-1', 'iso8859-1', 'l1'].includes(name)) return String.fromCharCode(...bytes);
  if (name === 'ascii' || name === 'us-ascii') {
    if (bytes.some((b) => b > 0x7f)) throw new Error('ascii cannot decode');
    return String.fromCharCode(...bytes);
  }
  const label = name === 'utf8' ? 'utf-8' : name === 'cp1252' ? 'windows-1252' : name;
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true });
  } catch {
    throw new ParamfileError(`unknown encoding: ${encoding}`);
  }
  return decoder.decode(bytes);
}

function resolvePath(path: string, io: Io): string {
  if (path === '') return path;
  return path.startsWith('/') ? path : `${io.cwd}/${path}`;
}

// os.path.expandvars: $NAME and ${NAME} for set variables; unset ones stay as written.
function expandVars(path: string, io: Io): string {
  return path.replace(/\$(\w+|\{[^}]*\})/g, (whole, name: string) => {
    const key = name.startsWith('{') ? name.slice(1, -1) : name;
    const value = io.env[key];
    return value === undefined ? whole : value;
  });
}
