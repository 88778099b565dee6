// The output pager as AWS CLI v2 uses it: only when stdout is a terminal and a pager is set
// (AWS_PAGER > cli_pager > PAGER > less), split like a shell would and run without one, with
// LESS=FRX unless LESS is set; never for empty output. Decides; io.runPager does the spawning.
import type { Env, Io } from '../io.js';
import { ConfigError } from '../errors.js';
import { pyOsErrorMessage } from '../values/py-os-error.js';

export const ENV_AWS_PAGER = 'AWS_PAGER';
export const ENV_PAGER = 'PAGER';
const DEFAULT_PAGER = 'less';

/** The pager command to use, or undefined for plain stdout. */
export function resolvePager(env: Env, profilePager: string | undefined, stdoutIsTTY: boolean, disabled: boolean): string[] | undefined {
  if (!stdoutIsTTY || disabled) return undefined;
  const command = env[ENV_AWS_PAGER] ?? profilePager ?? env[ENV_PAGER] ?? DEFAULT_PAGER;
  const argv = shlexSplit(command);
  return argv.length > 0 ? argv : undefined;
}

/** Writes `text` through the pager (or stdout); the pager failing to start is exit 253. */
export async function page(io: Io, pager: string[] | undefined, text: string): Promise<void> {
  if (text === '') return;
  if (!pager) return io.writeStdout(text);
  const env = { ...io.env, ...(io.env.LESS === undefined ? { LESS: 'FRX' } : {}) };
  try {
    await io.runPager(pager, env, text);
  } catch (error) {
    const reason = pyOsErrorMessage(error, pager[0]);
    throw new ConfigError(
      'PAGER',
      `Unable to redirect output to pager. Received the following error when opening pager:\n${reason}\n\nLearn more about configuring the output pager by running "aws help config-vars".`,
      { cause: error },
    );
  }
}

/** Python shlex.split (POSIX mode): quotes, backslashes, whitespace. */
export function shlexSplit(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else word = `${word ?? ''}${ch}`;
    } else if (quote === '"') {
      if (ch === '"') quote = undefined;
      else if (ch === '\\' && i + 1 < text.length && '\\"$`\n'.includes(text[i + 1] as string)) word = `${word ?? ''}${text[++i] ?? ''}`;
      else word = `${word ?? ''}${ch}`;
    } else if (/\s/.test(ch)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      word ??= '';
    } else if (ch === '\\' && i + 1 < text.length) {
      word = `${word ?? ''}${text[++i] ?? ''}`;
    } else {
      word = (word ?? '') + ch;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}
