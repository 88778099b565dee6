// Port of ruamel.yaml 0.17.21 reader.py for str input: the printable check, then a cursor over
// code points (as Python indexes a str) with line and column, and '\0' appended at the end.
import { pythonCrash, yamlError } from './errors.js';
import type { YamlMark } from './marks.js';

// Reader.NON_PRINTABLE: tab, LF, CR, printable ASCII, NEL and the BMP/astral ranges; lone
// surrogates and everything else is refused before scanning starts.
const NON_PRINTABLE = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

export class YamlReader {
  private readonly chars: string[];
  private pointer = 0;
  line = 0;
  column = 0;

  constructor(text: string) {
    const bad = NON_PRINTABLE.exec(text);
    if (bad !== null) {
      const code = bad[0].codePointAt(0) ?? 0;
      throw yamlError(`unacceptable character #x${code.toString(16).padStart(4, '0')}: special characters are not allowed`);
    }
    this.chars = Array.from(text);
    this.chars.push('\0');
  }

  /** Code points read so far (Python's `index`). */
  get index(): number {
    return this.pointer;
  }

  /** The text's code points and the '\0' after them (Python's `buffer`). */
  get buffer(): readonly string[] {
    return this.chars;
  }

  /** Reader.get_mark: where the reader stands. */
  mark(): YamlMark {
    return { index: this.pointer, line: this.line, column: this.column };
  }

  /** The code point `offset` ahead; past the end Python's str indexing raises IndexError. */
  peek(offset = 0): string {
    const ch = this.chars[this.pointer + offset];
    if (ch === undefined) throw pythonCrash('string index out of range');
    return ch;
  }

  prefix(length = 1): string {
    if (length > 4) return this.chars.slice(this.pointer, this.pointer + length).join('');
    let text = '';
    for (let i = this.pointer; i < this.pointer + length && i < this.chars.length; i++) text += this.chars[i];
    return text;
  }

  // Only '\n' and a lone '\r' end a line here (NEL, LS and PS do not), and a BOM has no width.
  forward(length = 1): void {
    const chars = this.chars;
    for (let left = length; left > 0; left--) {
      const ch = chars[this.pointer++];
      if (ch === undefined) throw pythonCrash('string index out of range');
      if (ch === '\n' || (ch === '\r' && chars[this.pointer] !== '\n')) {
        this.line++;
        this.column = 0;
      } else if (ch !== '\ufeff') {
        this.column++;
      }
    }
  }
}

/** Reads one line break: CRLF, CR, LF and NEL become '\n'; LS and PS stay; '' if none. */
export function scanLineBreak(reader: YamlReader): string {
  const ch = reader.peek();
  if (ch === '\r' || ch === '\n' || ch === '\x85') {
    reader.forward(reader.prefix(2) === '\r\n' ? 2 : 1);
    return '\n';
  }
  if (ch === '\u2028' || ch === '\u2029') {
    reader.forward();
    return ch;
  }
  return '';
}
