import { describe, expect, it } from 'vitest';
import { renderOverstrike, stripOverstrike } from '../../../src/help/grotty.js';
import { BULLET, SPACE_CELL, toCells } from '../../../src/help/roff.js';

describe(renderOverstrike.name, () => {
  it('writes bold as X\\bX and italic as _\\bX, spaces plain, trailing spaces dropped', () => {
    const line = [...toCells('GLOBAL OPTIONS', 'B'), SPACE_CELL, ...toCells('a b', 'I'), SPACE_CELL, SPACE_CELL];
    expect(renderOverstrike([line, []])).toBe('G\bGL\bLO\bOB\bBA\bAL\bL O\bOP\bPT\bTI\bIO\bON\bNS\bS _\ba _\bb\n\n');
  });

  it('writes the bullet as o struck over +', () => {
    expect(renderOverstrike([[SPACE_CELL, BULLET]])).toBe(' +\bo\n');
  });
});

describe(stripOverstrike.name, () => {
  it('keeps the second character of each overstruck pair', () => {
    expect(stripOverstrike('N\bNA\bAM\bME\bE _\bx +\bo\n')).toBe('NAME x o\n');
  });
});

describe(toCells.name, () => {
  it('drops what groff -T ascii cannot print and keeps U+00A0 as an unpaddable space', () => {
    expect(
      toCells('domain’s\u00a0x', 'R')
        .map((cell) => cell.ch)
        .join(''),
    ).toBe('domains\u00a0x');
  });
});
