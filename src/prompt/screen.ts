// Frames → terminal text: redraws the prompt's region in place below where it started (no
// alternate screen), leaves the cursor at the end of the input line, and erases the region at
// the end. Only the input line may wrap; the view clips the others. Pure: returns the text.
import type { Frame } from './view.js';

const ESC = '\x1b[';

/** What painting left behind: the row of the cursor, counted from the region's first row. */
export interface Painted {
  readonly text: string;
  readonly cursorRow: number;
}

/** Moves from the cursor's row to the region's first row, column 0. */
function toTop(cursorRow: number): string {
  return `${cursorRow > 0 ? `${ESC}${cursorRow}A` : ''}\r`;
}

/**
 * The text that replaces the region (the cursor now on `cursorRow` of it) with `frame`.
 * @example paintFrame(0, { lines: ['> aws-voiceid ', 'status'] }, 80).text // '\r\x1b[J> aws-voiceid \r\nstatus\x1b[1A\r\x1b[14C'
 */
export function paintFrame(cursorRow: number, frame: Frame, columns: number): Painted {
  const width = Math.max(1, columns);
  const [input = '', ...rest] = frame.lines;
  const length = [...input].length;
  // After exactly `width` characters the terminal waits to wrap; a space forces the new row
  // so that the cursor has a cell to stand on.
  const forceWrap = length > 0 && length % width === 0 ? ' \r' : '';
  const inputRows = Math.floor(length / width) + 1;
  const totalRows = inputRows + rest.length;
  const newCursorRow = Math.floor(length / width);
  const column = length % width;
  let text = `${toTop(cursorRow)}${ESC}J${input}${forceWrap}`;
  for (const line of rest) text += `\r\n${line}`;
  const up = totalRows - 1 - newCursorRow;
  text += `${up > 0 ? `${ESC}${up}A` : ''}\r${column > 0 ? `${ESC}${column}C` : ''}`;
  return { text, cursorRow: newCursorRow };
}

/** The text that erases the region and leaves the cursor where it started. */
export function eraseFrame(cursorRow: number): string {
  return `${toTop(cursorRow)}${ESC}J`;
}
