// The version line (--version) and the user agent, in the reference's format but naming this
// project first, then the AWS CLI release it emulates.
import packageJson from '../package.json' with { type: 'json' };
import type { Io } from './io.js';
import type { Generation } from './model/generation.js';

export const PROJECT = 'aws-voiceid';
export const VERSION: string = packageJson.version;

export const ENV_EXECUTION_ENV = 'AWS_EXECUTION_ENV';

/**
 * `aws-voiceid/0.1.0 aws-cli/2.9.19 Node/20.20.2 Linux/6.1.0 [exec-env/X ]source/x86_64 prompt/off`:
 * the reference's format, with this project's token first and the emulated release's after it
 * (so that a script looking for `aws-cli/2` still finds it).
 */
export function versionLine(io: Io, generation: Generation): string {
  const { system, release, machine } = io.platform;
  const execEnv = io.env[ENV_EXECUTION_ENV] ? ` exec-env/${io.env[ENV_EXECUTION_ENV]}` : '';
  return `${PROJECT}/${VERSION} aws-cli/${generation} Node/${io.nodeVersion} ${system}/${release}${execEnv} source/${machine} prompt/off`;
}

export function userAgent(): string {
  return `${PROJECT}/${VERSION}`;
}
