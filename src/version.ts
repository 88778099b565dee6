// The version line (--version) and the user agent, in the reference's format but naming this project.
import packageJson from '../package.json' with { type: 'json' };
import type { Io } from './io.js';

export const PROJECT = 'aws-voiceid';
export const VERSION: string = packageJson.version;

/** `aws-voiceid/0.1.0 Node/20.20.2 Linux/6.1.0 source/x86_64 prompt/off` */
export function versionLine(io: Io): string {
  const { system, release, machine } = io.platform;
  return `${PROJECT}/${VERSION} Node/${io.nodeVersion} ${system}/${release} source/${machine} prompt/off`;
}

export function userAgent(): string {
  return `${PROJECT}/${VERSION}`;
}
