// The exit-code table of AWS CLI v2 (awscli/constants.py). The only file with these numbers.

export const EXIT = {
  /** Success; help, --version and --generate-cli-skeleton too. */
  OK: 0,
  /** SIGINT (128 + 2). */
  INTERRUPTED: 130,
  /** Usage errors, bad shorthand/JSON/YAML/paramfiles, cli-input errors, client-side validation, bad --query. */
  PARAM_VALIDATION: 252,
  /** No region, no credentials, a bad cli_timestamp_format, a pager that cannot start. */
  CONFIGURATION: 253,
  /** The service answered with an error. */
  SERVICE: 254,
  /** Anything else: network failures, unknown profile, Python-level crashes the reference shows as text. */
  GENERAL: 255,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
