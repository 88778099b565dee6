// The auto-prompt mode as AWS CLI v2 resolves it before parsing (clidriver/autoprompt): a
// `help` or `--version` token turns it off, then the flags, then AWS_CLI_AUTO_PROMPT, then the
// profile's cli_auto_prompt. Unknown values are off. Pure.
import type { Env } from '../io.js';

export type AutoPromptMode = 'off' | 'on' | 'on-partial';

export const ENV_AUTO_PROMPT = 'AWS_CLI_AUTO_PROMPT';

/** The mode; `profileValue` (the profile's cli_auto_prompt) counts only when needsProfile(). */
export function resolveAutoPromptMode(argv: readonly string[], env: Env, profileValue?: string): AutoPromptMode {
  if (argv.includes('help') || argv.includes('--version')) return 'off';
  if (argv.includes('--no-cli-auto-prompt')) return 'off';
  if (argv.includes('--cli-auto-prompt')) return 'on';
  const value = (env[ENV_AUTO_PROMPT] ?? profileValue ?? 'off').toLowerCase();
  return value === 'on' || value === 'on-partial' ? value : 'off';
}

/** Whether the profile decides the mode (so the config file must be read). */
export function needsProfile(argv: readonly string[], env: Env): boolean {
  const decidedByTokens = ['help', '--version', '--no-cli-auto-prompt', '--cli-auto-prompt'].some((t) => argv.includes(t));
  return !decidedByTokens && env[ENV_AUTO_PROMPT] === undefined;
}

/** prompt_toolkit's warning for a stdin that is not a terminal, then the CLI's empty error line. */
export const NOT_A_TERMINAL_STDERR = 'Warning: Input is not a terminal (fd=0).\n\n\n';
