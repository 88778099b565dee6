// A Python warning as the warnings module writes it to stderr (warnings.formatwarning, then the
// default showwarning). No I/O.
import { pyStrip } from './py-str.js';

export interface PyWarning {
  /** The path of the module that called warnings.warn. */
  readonly filename: string;
  readonly lineno: number;
  /** The warning class's name. */
  readonly category: string;
  /** str() of the warning. */
  readonly message: string;
  /** The source line at `lineno`, as linecache reads it. */
  readonly sourceLine: string;
}

/** `{filename}:{lineno}: {category}: {message}\n  {source line, stripped}\n`. */
export function pyWarningText(warning: PyWarning): string {
  return `${warning.filename}:${warning.lineno}: ${warning.category}: ${warning.message}\n  ${pyStrip(warning.sourceLine)}\n`;
}
