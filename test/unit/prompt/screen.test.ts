import { describe, expect, it } from 'vitest';
import { eraseFrame, paintFrame } from '../../../src/prompt/screen.js';

describe(paintFrame.name, () => {
  it('draws from the top of the region and leaves the cursor at the end of the input line', () => {
    const painted = paintFrame(0, { lines: ['> aws-voiceid ', 'status', 'legend'] }, 80);
    expect(painted).toEqual({ text: '\r\x1b[J> aws-voiceid \r\nstatus\r\nlegend\x1b[2A\r\x1b[14C', cursorRow: 0 });
  });

  it('goes back up to the region first when the cursor is below its top', () => {
    expect(paintFrame(2, { lines: ['> x'] }, 80).text).toBe('\x1b[2A\r\x1b[J> x\r\x1b[3C');
  });

  it('counts the rows of a wrapped input line', () => {
    const painted = paintFrame(0, { lines: ['x'.repeat(25), 'status'] }, 10);
    expect(painted).toEqual({ text: `\r\x1b[J${'x'.repeat(25)}\r\nstatus\x1b[1A\r\x1b[5C`, cursorRow: 2 });
  });

  it('when the input line fills its last row exactly then it forces the wrap so the cursor has a cell', () => {
    const painted = paintFrame(0, { lines: ['x'.repeat(20), 'status'] }, 10);
    expect(painted).toEqual({ text: `\r\x1b[J${'x'.repeat(20)} \r\r\nstatus\x1b[1A\r`, cursorRow: 2 });
  });
});

describe(eraseFrame.name, () => {
  it('clears from the top of the region down', () => {
    expect(eraseFrame(0)).toBe('\r\x1b[J');
    expect(eraseFrame(3)).toBe('\x1b[3A\r\x1b[J');
  });
});
