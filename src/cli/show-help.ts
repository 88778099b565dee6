// `help`: the manual through the help pager, as AWS CLI v2 shows it: MANPAGER > PAGER >
// `less -R`, used even when stdout is not a terminal; when the pager cannot start, the rendered
// bytes and a newline go to stdout.
import type { Io } from '../io.js';
import { shlexSplit } from '../output/pager.js';

export const ENV_MANPAGER = 'MANPAGER';

/** Shows `manual` (groff ascii, with overstrike) the reference's way. */
export async function showHelp(io: Io, manual: string): Promise<void> {
  const command = io.env[ENV_MANPAGER] ?? io.env.PAGER ?? 'less -R';
  const argv = shlexSplit(command);
  if (argv.length === 0) return io.writeStdout(`${manual}\n`);
  try {
    await io.runPager(argv, { ...io.env }, manual);
  } catch {
    io.writeStdout(`${manual}\n`);
  }
}
