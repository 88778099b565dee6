// credential_process as botocore's ProcessProvider runs it: argv from shlex.split (no shell), the
// CLI's own environment, stdin inherited, stdout and stderr captured (through io.runProcess);
// then the JSON checked with the reference's messages. An Expiration that is not null makes the
// credentials refreshable: the process runs again when they near it (refreshable.ts).
import type { Io } from '../io.js';
import type { ProcessSource, RefreshableSource, StaticSource } from './credentials.js';
import { type CredentialMetadata, expiryClockOf, RefreshableCredentials } from './refreshable.js';
import { GeneralError } from '../errors.js';
import { pyOsErrorMessage } from '../values/py-os-error.js';
import { retrievalError } from './chain.js';
import { popenProgram } from '../values/py-popen.js';
import { shlexSplit } from '../values/py-shlex.js';
import { utf8Text } from '../values/py-decode.js';
import { PyJsonDecodeError, parsePyJson } from '../values/py-json-parse.js';
import { PyValueError } from '../values/py-int.js';
import { pyRepr, pyStr, pyTypePath } from '../values/py-repr.js';
import { PyDict, PyFloat, type PyValue } from '../values/py-value.js';

const METHOD = 'custom-process';

/**
 * ProcessProvider.load: runs the profile's credential_process; static credentials, or refreshable
 * ones (which run it again) when it gave an Expiration, parsed now (rc 255 errors as the reference).
 */
export async function loadProcessCredentials(source: ProcessSource, io: Io): Promise<StaticSource | RefreshableSource> {
  const metadata = await runCredentialProcess(source, io);
  if (metadata.expiryTime === null) return { kind: 'static', credentials: metadata.credentials };
  const refresh = (): Promise<CredentialMetadata> => runCredentialProcess(source, io);
  return { kind: 'refreshable', credentials: RefreshableCredentials.fromMetadata(metadata, refresh, expiryClockOf(io)) };
}

// _retrieve_credentials_using: one run of the process, its output checked.
async function runCredentialProcess(source: ProcessSource, io: Io): Promise<CredentialMetadata> {
  // An unclosed quote is shlex's ValueError, which the reference prints as is (exit 255).
  const argv = shlexSplit(source.command);
  // AWS CLI quirk: an empty command reaches Popen([]), which fails on args[0].
  const program = popenProgram(argv);
  const result = await io.runProcess(argv, source.env).catch((error: unknown) => {
    throw new GeneralError('PYTHON_CRASH', pyOsErrorMessage(error, program), { cause: error });
  });
  if (result.exitCode !== 0) throw retrievalError(METHOD, utf8Text(result.stderr));
  return parseProcessOutput(utf8Text(result.stdout));
}

/**
 * The credentials in credential_process output (`{"Version": 1, "AccessKeyId": …}`) and its
 * Expiration (null when absent), checked as ProcessProvider checks them; the JSON is read as
 * Python's json.loads reads it.
 */
export function parseProcessOutput(stdout: string): CredentialMetadata {
  let parsed: PyValue;
  try {
    parsed = parsePyJson(stdout);
  } catch (error) {
    if (error instanceof PyJsonDecodeError || error instanceof PyValueError) {
      throw new GeneralError('PYTHON_CRASH', error.message, { cause: error });
    }
    throw error;
  }
  if (!(parsed instanceof PyDict)) {
    const type = pyTypePath(parsed);
    throw new GeneralError('PYTHON_CRASH', `'${type}' object has no attribute 'get'`);
  }
  const version = parsed.has('Version') ? (parsed.get('Version') as PyValue) : '<Version key not provided>';
  if (!equalsPyOne(version)) {
    throw retrievalError(METHOD, `Unsupported version '${pyStr(version)}' for credential process provider, supported versions: 1`);
  }
  const required = (key: string): string => {
    const value = parsed.get(key);
    if (value === undefined) throw retrievalError(METHOD, `Missing required key in response: ${pyRepr(key)}`);
    return typeof value === 'string' ? value : pyStr(value);
  };
  const accessKeyId = required('AccessKeyId');
  const secretAccessKey = required('SecretAccessKey');
  const token = parsed.get('SessionToken');
  const sessionToken = token === undefined || token === null ? undefined : pyStr(token);
  return {
    credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}), source: METHOD },
    expiryTime: parsed.get('Expiration') ?? null,
  };
}

// Python's `version != 1`: 1, 1.0 and True are all equal to 1.
function equalsPyOne(value: PyValue): boolean {
  return value === 1n || value === true || (value instanceof PyFloat && value.value === 1);
}
