// credential_process as botocore's ProcessProvider runs it: argv from shlex.split (no shell), the
// CLI's own environment, stdin inherited, stdout and stderr captured; then the JSON checked with
// the reference's messages. This module and credential-metadata.ts are the credential chain's
// only process and network edges besides the SDK calls in credential-sdk.ts.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import type { Credentials, ProcessSource } from './credentials.js';
import { GeneralError } from '../errors.js';
import { retrievalError } from './credential-chain.js';
import { popenProgram } from '../values/py-popen.js';
import { shlexSplit } from '../values/py-shlex.js';
import { PyJsonDecodeError, parsePyJson } from '../values/py-json-parse.js';
import { PyValueError } from '../values/py-int.js';
import { pyRepr, pyStr, pyTypePath } from '../values/py-repr.js';
import { PyDict, PyFloat, type PyValue } from '../values/py-value.js';

const METHOD = 'custom-process';

/** Python's strerror for the errors exec can give. */
const STRERROR: Readonly<Record<string, string>> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  ENOEXEC: 'Exec format error',
  ENOTDIR: 'Not a directory',
  ELOOP: 'Too many levels of symbolic links',
  ENAMETOOLONG: 'File name too long',
};

interface ProcessResult {
  readonly exitCode: number;
  readonly stdout: Uint8Array;
  readonly stderr: Uint8Array;
}

/** Runs the profile's credential_process and returns its credentials (rc 255 errors as the reference). */
export async function runCredentialProcess(source: ProcessSource): Promise<Credentials> {
  // An unclosed quote is shlex's ValueError, which the reference prints as is (exit 255).
  const argv = shlexSplit(source.command);
  // AWS CLI quirk: an empty command reaches Popen([]), which fails on args[0].
  popenProgram(argv);
  const result = await runProcess(argv, source);
  const decoder = new TextDecoder();
  if (result.exitCode !== 0) throw retrievalError(METHOD, decoder.decode(result.stderr));
  return parseProcessOutput(decoder.decode(result.stdout));
}

/**
 * The credentials in credential_process output (`{"Version": 1, "AccessKeyId": …}`), checked as
 * ProcessProvider checks them; the JSON is read as Python's json.loads reads it.
 */
export function parseProcessOutput(stdout: string): Credentials {
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
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}), source: METHOD };
}

// Python's `version != 1`: 1, 1.0 and True are all equal to 1.
function equalsPyOne(value: PyValue): boolean {
  return value === 1n || value === true || (value instanceof PyFloat && value.value === 1);
}

function runProcess(argv: readonly string[], source: ProcessSource): Promise<ProcessResult> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(source.env)) if (value !== undefined) env[key] = value;
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0] as string, argv.slice(1), { env, stdio: ['inherit', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.once('error', (error) => reject(spawnError(error, argv[0] as string)));
    child.once('close', (code) => resolve({ exitCode: code ?? -1, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr) }));
  });
}

// Python's OSError text: `[Errno 2] No such file or directory: '/bin/nope'`.
function spawnError(error: Error, program: string): GeneralError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const errno = (constants.errno as Readonly<Record<string, number>>)[code];
  const text = STRERROR[code];
  const message = errno !== undefined && text !== undefined ? `[Errno ${errno}] ${text}: ${pyRepr(program)}` : error.message;
  return new GeneralError('PYTHON_CRASH', message, { cause: error });
}
