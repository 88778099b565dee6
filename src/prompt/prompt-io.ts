// The terminal as the interactive prompt needs it: raw keystrokes in, drawing out, its size, and
// the two streams for the line that stays once the prompt is erased. nodePromptIo() is the real one.

export interface PromptIo {
  /** Terminal width and height, read at each redraw. */
  readonly columns: number;
  readonly rows: number;
  /**
   * Delivers raw keystroke chunks (the terminal in raw mode) until the returned function is
   * called; `onEnd` when the input closes.
   */
  listen(onKeys: (chunk: string) => void, onEnd: () => void): () => void;
  /** Writes the prompt's own drawing to the terminal. */
  draw(text: string): void;
  /** The command line that ran goes to stdout; a cancelled one to stderr (as the reference). */
  writeStdout(text: string): void;
  writeStderr(text: string): void;
}
