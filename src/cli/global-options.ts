// The AWS CLI v2 global options of each generation, as tables in awscli/data/cli.json order. That
// order matters: argparse lists the candidates of an ambiguous prefix in it (`--c could match
// --color, ...`). 2.36.7 adds `--cli-error-format` at the end and `off` to the `--output` choices.
import type { OptionSpec } from './argparse.js';
import type { Generation } from '../model/generation.js';

export type GlobalOptionDest =
  | 'debug'
  | 'endpoint_url'
  | 'verify_ssl'
  | 'paginate'
  | 'output'
  | 'query'
  | 'profile'
  | 'region'
  | 'version'
  | 'color'
  | 'sign_request'
  | 'ca_bundle'
  | 'read_timeout'
  | 'connect_timeout'
  | 'cli_binary_format'
  | 'no_cli_pager'
  | 'cli_auto_prompt'
  | 'no_cli_auto_prompt'
  | 'cli_error_format';

export interface GlobalOption extends OptionSpec {
  readonly dest: GlobalOptionDest;
}

export const OUTPUT_FORMATS = ['json', 'text', 'table', 'yaml', 'yaml-stream'] as const;
/** 2.36.7's --output choices: `off` prints nothing on success. */
export const OUTPUT_FORMATS_2_36_7 = [...OUTPUT_FORMATS, 'off'] as const;
export const COLOR_CHOICES = ['on', 'off', 'auto'] as const;
export const BINARY_FORMATS = ['base64', 'raw-in-base64-out'] as const;
/** 2.36.7's --cli-error-format choices (errorhandler.py VALID_ERROR_FORMATS). */
export const ERROR_FORMATS = ['legacy', 'json', 'yaml', 'text', 'table', 'enhanced'] as const;
export type ErrorFormat = (typeof ERROR_FORMATS)[number];

/** The global options of AWS CLI 2.9.19. */
export const GLOBAL_OPTIONS: readonly GlobalOption[] = [
  { flag: '--debug', dest: 'debug', nargs: 0 },
  { flag: '--endpoint-url', dest: 'endpoint_url', nargs: 1 },
  { flag: '--no-verify-ssl', dest: 'verify_ssl', nargs: 0 },
  { flag: '--no-paginate', dest: 'paginate', nargs: 0 },
  { flag: '--output', dest: 'output', nargs: 1, choices: OUTPUT_FORMATS },
  { flag: '--query', dest: 'query', nargs: 1 },
  { flag: '--profile', dest: 'profile', nargs: 1 },
  { flag: '--region', dest: 'region', nargs: 1 },
  { flag: '--version', dest: 'version', nargs: 0, version: true },
  { flag: '--color', dest: 'color', nargs: 1, choices: COLOR_CHOICES },
  { flag: '--no-sign-request', dest: 'sign_request', nargs: 0 },
  { flag: '--ca-bundle', dest: 'ca_bundle', nargs: 1 },
  { flag: '--cli-read-timeout', dest: 'read_timeout', nargs: 1 },
  { flag: '--cli-connect-timeout', dest: 'connect_timeout', nargs: 1 },
  { flag: '--cli-binary-format', dest: 'cli_binary_format', nargs: 1, choices: BINARY_FORMATS },
  { flag: '--no-cli-pager', dest: 'no_cli_pager', nargs: 0 },
  { flag: '--cli-auto-prompt', dest: 'cli_auto_prompt', nargs: 0 },
  { flag: '--no-cli-auto-prompt', dest: 'no_cli_auto_prompt', nargs: 0 },
];

/** The global options of AWS CLI 2.36.7. */
export const GLOBAL_OPTIONS_2_36_7: readonly GlobalOption[] = [
  ...GLOBAL_OPTIONS.map((option) => (option.dest === 'output' ? { ...option, choices: OUTPUT_FORMATS_2_36_7 } : option)),
  { flag: '--cli-error-format', dest: 'cli_error_format', nargs: 1, choices: ERROR_FORMATS },
];

const BY_GENERATION: Readonly<Record<Generation, readonly GlobalOption[]>> = {
  '2.9.19': GLOBAL_OPTIONS,
  '2.36.7': GLOBAL_OPTIONS_2_36_7,
};

/** The global options of `generation`, in its cli.json order. */
export function globalOptions(generation: Generation): readonly GlobalOption[] {
  return BY_GENERATION[generation];
}

/** The names `--output` (and `output`, AWS_DEFAULT_OUTPUT) accepts in `generation`. */
export function outputFormats(generation: Generation): readonly string[] {
  return globalOptions(generation).find((option) => option.dest === 'output')?.choices ?? OUTPUT_FORMATS;
}
