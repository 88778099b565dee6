// Raw terminal input (what a TTY in raw mode sends) → the keys the prompt understands. Escape
// sequences (arrows, function keys, bracketed-paste markers) are recognised and ignored. Pure.

export type KeyKind = 'enter' | 'tab' | 'backspace' | 'interrupt' | 'eof' | 'clear-line' | 'delete-word' | 'escape' | 'ignored';

export type Key = { readonly kind: 'text'; readonly text: string } | { readonly kind: KeyKind };

const CONTROL_KEYS: Readonly<Record<string, KeyKind>> = {
  '\r': 'enter',
  '\n': 'enter',
  '\t': 'tab',
  '\x7f': 'backspace',
  '\b': 'backspace',
  '\x03': 'interrupt',
  '\x04': 'eof',
  '\x15': 'clear-line',
  '\x17': 'delete-word',
};

/**
 * The keys in one chunk of raw input; runs of printable characters come as one `text` key.
 * @example parseKeys('ab\t\r') // [{ kind: 'text', text: 'ab' }, { kind: 'tab' }, { kind: 'enter' }]
 */
export function parseKeys(chunk: string): Key[] {
  const keys: Key[] = [];
  let text = '';
  const flush = (): void => {
    if (text) keys.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < chunk.length; i++) {
    const char = chunk[i] as string;
    if (char === '\x1b') {
      flush();
      const end = escapeSequenceEnd(chunk, i);
      keys.push({ kind: end === i ? 'escape' : 'ignored' });
      i = end;
      continue;
    }
    const control = CONTROL_KEYS[char];
    if (control) {
      flush();
      keys.push({ kind: control });
      if (char === '\r' && chunk[i + 1] === '\n') i++;
    } else if (char < ' ') {
      flush();
      keys.push({ kind: 'ignored' });
    } else text += char;
  }
  flush();
  return keys;
}

/** The index of the last character of the escape sequence starting at `start` (ESC alone: `start`). */
function escapeSequenceEnd(chunk: string, start: number): number {
  const next = chunk[start + 1];
  if (next === '[') {
    // CSI: parameters and intermediates, then one final byte in @..~.
    for (let i = start + 2; i < chunk.length; i++) {
      const code = chunk.charCodeAt(i);
      if (code >= 0x40 && code <= 0x7e) return i;
    }
    return chunk.length - 1;
  }
  if (next === 'O' && start + 2 < chunk.length) return start + 2; // SS3: F1-F4, keypad arrows
  if (next !== undefined && next >= ' ' && next !== '\x7f') return start + 1; // Alt+key
  return start;
}
