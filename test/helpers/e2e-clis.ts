// The two command lines of the end-to-end comparison (test/emulator/e2e-cli.test.ts): AWS CLI
// v2.36.7, the oracle of the final model (../shared/oracle, or VOICEID_ORACLE_2_36_7), and the
// built clone (bin/aws-voiceid.js with AWS_VOICEID_COMPAT=2.36.7), each run with the same scratch
// HOME, voiceid-local's local key pair, no instance metadata, no pager and an explicit loopback
// endpoint; and the masking of what must differ between two runs that each made their own records.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { LOCAL_CREDENTIALS } from '../../src/emulator/server.js';
import { optionName } from '../../src/model/names.js';
import { REPO_ROOT } from './golden.js';

const run = promisify(execFile);

export const ORACLE = process.env.VOICEID_ORACLE_2_36_7 || resolve(REPO_ROOT, '../shared/oracle/awscli-2.36.7/bin/aws-2.36.7');

/** Whether the oracle can run here: it, python3 and Debian's awscli (whose modules it runs on). */
export const HAS_ORACLE = existsSync(ORACLE) && existsSync('/usr/bin/python3') && existsSync('/usr/lib/python3/dist-packages/awscli');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export type Cli = 'oracle' | 'clone';

/** Runs `aws --endpoint-url URL voice-id ARGS` with `cli`; never throws for a non-zero exit. */
export async function runCli(cli: Cli, home: string, endpoint: string, args: readonly string[]): Promise<CliResult> {
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_PAGER: '',
    AWS_VOICEID_COMPAT: '2.36.7',
    TZ: 'UTC',
  };
  const argv = ['--endpoint-url', endpoint, 'voice-id', ...args];
  const [file, fileArgs] = cli === 'oracle' ? [ORACLE, argv] : [process.execPath, [join(REPO_ROOT, 'bin/aws-voiceid.js'), ...argv]];
  try {
    const { stdout, stderr } = await run(file, fileArgs, { env, cwd: home, encoding: 'utf8' });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: unknown; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw error; // it did not run at all
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** The CLI's options for a request: each top-level member as its option, a structure or list as JSON. */
export function cliArguments(input: Record<string, unknown>): string[] {
  return Object.entries(input).flatMap(([member, value]) => [optionName(member), typeof value === 'string' ? value : JSON.stringify(value)]);
}

/** Whether a row only reads: both CLIs can then run against the very same records. */
export function readsOnly(operation: string): boolean {
  return /^(Describe|List|Get|Evaluate)/.test(operation);
}

/** Whether a row reads what every row may change (the account's domains): it runs alone, after the others. */
export function readsAccount(operation: string): boolean {
  return operation === 'ListDomains';
}

// voiceid-local's generated ids (ops/common.ts newId): 22 letters and digits.
const GENERATED_ID = /(?<![A-Za-z0-9])[A-Za-z0-9]{22}(?![A-Za-z0-9])/g;

/**
 * A result with the ids of its own fixtures named ({domain}, {job}, ...) and every other
 * generated id (of what the command itself created) as <generated id>. Timestamps need no mask:
 * the emulator's clock stands still for the whole file.
 */
export function masked(result: CliResult, values: Readonly<Record<string, string>>): CliResult {
  const byLength = Object.entries(values).sort(([, a], [, b]) => b.length - a.length);
  const mask = (text: string): string =>
    byLength.reduce((masked, [name, value]) => masked.replaceAll(value, `{${name}}`), text).replace(GENERATED_ID, '<generated id>');
  return { code: result.code, stdout: mask(result.stdout), stderr: mask(result.stderr) };
}
