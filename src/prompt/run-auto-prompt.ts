// The interactive auto-prompt (`--cli-auto-prompt`, AWS_CLI_AUTO_PROMPT=on|on-partial): starts
// from the given argv, lets the user add parameters with Tab completion, then prints the command
// line it built and returns the new argv. Wires keys → state → view → screen over a PromptIo.
import { parseKeys } from './keys.js';
import type { PromptIo } from '../io.js';
import type { CommandSet } from '../cli/completion.js';
import { commandText } from './quote.js';
import { eraseFrame, paintFrame } from './screen.js';
import { createPromptState, reducePrompt, type PromptState } from './state.js';
import { inputLine, renderPrompt } from './view.js';

export interface AutoPromptOptions {
  /** The program name in the printed command line (the reference prints `aws`). */
  readonly programName?: string;
}

export const DEFAULT_PROGRAM_NAME = 'aws-voiceid';

/**
 * Prompts for the command line, starting from `args` (the tokens after the program name), with
 * the operations, options and documentation of `commands`.
 * Resolves to the argv to run, after writing `> <program> <args>\n` to stdout; or to undefined
 * when the user cancels with Ctrl-C or Ctrl-D (or the input closes), after writing the line
 * as it stood to stderr, as the reference does before exiting with 130.
 */
export function runAutoPrompt(args: readonly string[], io: PromptIo, commands: CommandSet, options: AutoPromptOptions = {}): Promise<string[] | undefined> {
  const programName = options.programName ?? DEFAULT_PROGRAM_NAME;
  let state = createPromptState(args, commands);
  let cursorRow = 0;
  const draw = (): void => {
    const painted = paintFrame(cursorRow, renderPrompt(state, { columns: io.columns, rows: io.rows, programName }), io.columns);
    io.draw(painted.text);
    cursorRow = painted.cursorRow;
  };
  return new Promise((resolve) => {
    let stop: (() => void) | undefined;
    let finished = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      stop?.();
      io.draw(eraseFrame(cursorRow));
      resolve(report(state, io, programName));
    };
    draw();
    stop = io.listen(
      (chunk) => {
        if (finished) return;
        for (const key of parseKeys(chunk)) {
          state = reducePrompt(state, key);
          if (state.status !== 'editing') break;
        }
        if (state.status === 'editing') draw();
        else finish();
      },
      () => {
        state = { ...state, status: state.status === 'done' ? 'done' : 'cancelled' };
        finish();
      },
    );
    if (finished) stop();
  });
}

function report(state: PromptState, io: PromptIo, programName: string): string[] | undefined {
  if (state.status === 'done') {
    io.writeStdout(`> ${[programName, commandText(state.tokens)].filter(Boolean).join(' ')}\n`);
    return [...state.tokens];
  }
  // AWS CLI quirk (errorhandler.py PrompterInterruptExceptionHandler): the buffer as typed, on stderr.
  io.writeStderr(`${inputLine(state, programName).trimEnd()}\n`);
  return undefined;
}
