// file:// and fileb:// values (awscli paramfile.py): the text or bytes of a file, with the
// reference's messages for files that cannot be read. Files are read through io.readFile only.
import { expandUser, type Io } from '../io.js';
import { GeneralError } from '../errors.js';
import { strictUtf8Text } from '../values/py-decode.js';
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
  // Python text mode: universal newlines.
  return (await decodeText(bytes, io.env[ENV_FILE_ENCODING], path)).replace(/\r\n?/g, '\n');
}

/**
 * The file's text as compat_open decodes it: AWS_CLI_FILE_ENCODING's codec if the variable is set
 * (even to ''), else the locale's, UTF-8 (which keeps a BOM, as utf-8-sig would not). Undecodable bytes are the reference's ParamfileError;
 * the codec's other errors (LookupError for an unknown name, a UnicodeError) escape get_file
 * uncaught and print as they are (exit 255).
 */
async function decodeText(bytes: Uint8Array, encoding: string | undefined, path: string): Promise<string> {
  if (encoding === undefined) {
    try {
      return strictUtf8Text(bytes);
    } catch (error) {
      throw undecodable(path, error);
    }
  }
  const { pyTextDecode, PyCodecError } = await import('../values/py-codecs.js');
  try {
    return await pyTextDecode(bytes, encoding);
  } catch (error) {
    if (!(error instanceof PyCodecError)) throw error;
    if (error.kind === 'UnicodeDecodeError') throw undecodable(path, error);
    throw new GeneralError('PYTHON_CRASH', error.message, { cause: error });
  }
}

function undecodable(path: string, cause: unknown): ParamfileError {
  return new ParamfileError(
    `Unable to load paramfile (${path}), text contents could not be decoded.  If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.`,
    { cause },
  );
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
