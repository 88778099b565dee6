// voiceid-local's exit codes, one table (README, "The local Voice ID endpoint"). The CLI's own
// table is src/exit-codes.ts; the emulator imports nothing of the CLI.
export const EXIT_CODES = {
  /** Stopped by SIGINT or SIGTERM; --help. */
  ok: 0,
  /** It could not start: a damaged state file, a port in use, ... */
  startFailure: 1,
  /** A bad command line (an unknown option, a bad value). */
  usage: 2,
  /** Another voiceid-local holds the state file. */
  stateInUse: 3,
  /** The state file cannot be written: at start (a missing or read-only folder), or while running (a write failed; it stops). */
  stateNotWritable: 4,
} as const;
