// runCli: one command line through run() in this process, with a memory Io whose env is built
// from scratch (fake keys, a region, no shared files unless the test gives them).
import { run } from '../../src/main.js';
import { createMemoryIo, type MemoryIoOptions } from './memory-io.js';
import { SECRETS } from './fake-voiceid.js';
import type { Env } from '../../src/io.js';

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** The env every test starts from: fake credentials and a region, nothing from the developer. */
export function baseEnv(extra: Env = {}): Env {
  const env: Record<string, string | undefined> = {
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: SECRETS.AKIDEXAMPLE,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/nonexistent/config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
    TZ: 'UTC',
  };
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export async function runCli(args: readonly string[], options: MemoryIoOptions = {}): Promise<CliResult> {
  const io = createMemoryIo({ ...options, env: options.env ?? baseEnv() });
  const exitCode = await run(args, io);
  return { exitCode, stdout: io.stdout(), stderr: io.stderr() };
}

/** The required options of the operation, with valid values. */
export const REQUIRED_ARGS = [
  '--domain-id',
  'abcdefghij0123456789AB',
  '--data-access-role-arn',
  'arn:aws:iam::123456789012:role/VoiceIdRole',
  '--input-data-config',
  'S3Uri=s3://voiceid-input/manifest.json',
  '--output-data-config',
  'S3Uri=s3://voiceid-output/results',
] as const;

export const OPERATION = ['voice-id', 'start-speaker-enrollment-job'] as const;
