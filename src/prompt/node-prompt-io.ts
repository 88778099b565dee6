// The real terminal for the prompt: stdin in raw mode, drawing on stdout when it is a TTY (else
// on stderr, as prompt_toolkit falls back), the size from that stream. The only prompt file that
// touches the process.
import type { PromptIo } from '../io.js';

const DEFAULT_COLUMNS = 80;
const DEFAULT_ROWS = 24;

/** A PromptIo over process.stdin, process.stdout and process.stderr. */
export function nodePromptIo(): PromptIo {
  const terminal = process.stdout.isTTY || !process.stderr.isTTY ? process.stdout : process.stderr;
  return {
    get columns() {
      return terminal.columns || DEFAULT_COLUMNS;
    },
    get rows() {
      return terminal.rows || DEFAULT_ROWS;
    },
    listen(onKeys, onEnd) {
      const stdin = process.stdin;
      const wasRaw = stdin.isTTY ? stdin.isRaw : false;
      if (stdin.isTTY) stdin.setRawMode(true);
      stdin.setEncoding('utf8');
      const onData = (chunk: string): void => onKeys(chunk);
      stdin.on('data', onData);
      stdin.once('end', onEnd);
      stdin.resume();
      return () => {
        stdin.off('data', onData);
        stdin.off('end', onEnd);
        if (stdin.isTTY) stdin.setRawMode(wasRaw);
        stdin.pause();
      };
    },
    draw: (text) => {
      terminal.write(text);
    },
    writeStdout: (text) => {
      process.stdout.write(text);
    },
    writeStderr: (text) => {
      process.stderr.write(text);
    },
  };
}
