// A PromptIo for unit tests: delivers the given keystroke chunks one by one (asynchronously,
// as a terminal would), then optionally ends the input; records what was drawn and written.
import type { PromptIo } from '../../src/io.js';

export interface ScriptedPromptIo extends PromptIo {
  readonly drawn: () => string;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Whether listening was stopped (the terminal given back). */
  readonly stopped: () => boolean;
}

/** A PromptIo that types `chunks`, then closes the input when `endInput` is set. */
export function createScriptedPromptIo(chunks: readonly string[], options: { columns?: number; rows?: number; endInput?: boolean } = {}): ScriptedPromptIo {
  let drawn = '';
  let out = '';
  let err = '';
  let stopped = false;
  return {
    columns: options.columns ?? 100,
    rows: options.rows ?? 30,
    listen(onKeys, onEnd) {
      void (async () => {
        for (const chunk of chunks) {
          await Promise.resolve();
          if (stopped) return;
          onKeys(chunk);
        }
        await Promise.resolve();
        if (!stopped && options.endInput) onEnd();
      })();
      return () => {
        stopped = true;
      };
    },
    draw: (text) => {
      drawn += text;
    },
    writeStdout: (text) => {
      out += text;
    },
    writeStderr: (text) => {
      err += text;
    },
    drawn: () => drawn,
    stdout: () => out,
    stderr: () => err,
    stopped: () => stopped,
  };
}
