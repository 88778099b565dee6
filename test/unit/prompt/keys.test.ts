import { describe, expect, it } from 'vitest';
import { parseKeys, type Key } from '../../../src/prompt/keys.js';

const ROWS: { name: string; input: string; expected: Key[] }[] = [
  { name: 'printable runs come as one text key', input: 'ab c', expected: [{ kind: 'text', text: 'ab c' }] },
  { name: 'non-ASCII text', input: 'é日', expected: [{ kind: 'text', text: 'é日' }] },
  { name: 'Enter as CR, LF or CR LF', input: '\n\r\r\n', expected: [{ kind: 'enter' }, { kind: 'enter' }, { kind: 'enter' }] },
  { name: 'Tab between text', input: 'a\tb', expected: [{ kind: 'text', text: 'a' }, { kind: 'tab' }, { kind: 'text', text: 'b' }] },
  { name: 'DEL and BS are Backspace', input: '\x7f\b', expected: [{ kind: 'backspace' }, { kind: 'backspace' }] },
  {
    name: 'Ctrl-C, Ctrl-D, Ctrl-U, Ctrl-W',
    input: '\x03\x04\x15\x17',
    expected: [{ kind: 'interrupt' }, { kind: 'eof' }, { kind: 'clear-line' }, { kind: 'delete-word' }],
  },
  { name: 'arrow keys (CSI) are ignored', input: '\x1b[A\x1b[1;5D', expected: [{ kind: 'ignored' }, { kind: 'ignored' }] },
  { name: 'F1 (SS3) and Alt+x are ignored', input: '\x1bOP\x1bx', expected: [{ kind: 'ignored' }, { kind: 'ignored' }] },
  {
    name: 'bracketed paste markers are ignored, the text is kept',
    input: '\x1b[200~ab\x1b[201~',
    expected: [{ kind: 'ignored' }, { kind: 'text', text: 'ab' }, { kind: 'ignored' }],
  },
  { name: 'a lone ESC is Escape', input: '\x1b', expected: [{ kind: 'escape' }] },
  { name: 'other control characters are ignored', input: '\x01x', expected: [{ kind: 'ignored' }, { kind: 'text', text: 'x' }] },
];

describe(parseKeys.name, () => {
  it.each(ROWS)('$name', ({ input, expected }) => {
    expect(parseKeys(input)).toEqual(expected);
  });
});
