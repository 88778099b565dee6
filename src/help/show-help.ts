// `help`: the manual through the help pager, as AWS CLI v2 shows it: MANPAGER > PAGER >
// `less -R`, split by Python's shlex (an unclosed quote is exit 255, as is a pager of blanks,
// whose `cmdline[0]` help.py reads); when the pager cannot start, the rendered bytes and a newline
// go to stdout. One difference: with no pager set and stdout not a terminal, the reference pipes
// the overstruck groff text through `less` anyway; this clone prints it as plain text, for
// `| grep` and files.
import type { Io } from '../io.js';
import { stripOverstrike } from './grotty.js';
import { popenProgram } from '../values/py-popen.js';
import { shlexSplit } from '../values/py-shlex.js';

export const ENV_MANPAGER = 'MANPAGER';

/** Shows `manual` (groff ascii, with overstrike) the reference's way. */
export async function showHelp(io: Io, manual: string): Promise<void> {
  const chosen = io.env[ENV_MANPAGER] ?? io.env.PAGER;
  if (chosen === undefined && !io.stdoutIsTTY) return io.writeStdout(stripOverstrike(manual));
  const argv = shlexSplit(chosen ?? 'less -R');
  popenProgram(argv);
  try {
    await io.runPager(argv, { ...io.env }, manual);
  } catch {
    io.writeStdout(`${manual}\n`);
  }
}
