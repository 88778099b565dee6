// Positions in a --cli-input-yaml document and how ruamel.yaml 0.17.21 prints them (error.py's
// StringMark): `  in "<unicode string>", line L, column C:` and a snippet of the line with a caret.
// Indexes and columns count code points, as Python indexes a str. No I/O.

/** Reader.get_mark for str input: `index` (also the buffer pointer), 0-based `line` and `column`. */
export interface YamlMark {
  readonly index: number;
  readonly line: number;
  readonly column: number;
}

// The name ruamel's reader gives a str stream; awscli loads the text, so file:// input has it too.
const STREAM_NAME = '<unicode string>';

// What ends the snippet's line: the '\0' after the text and every YAML line break (NEL, LS and PS
// too, though the reader starts no new line at them).
const SNIPPET_ENDS = '\0\r\n\x85\u2028\u2029';

/** StringMark.__str__: where the mark is, then its snippet. `buffer`: the text's code points and '\0'. */
export function markText(mark: YamlMark, buffer: readonly string[]): string {
  return `  in "${STREAM_NAME}", line ${mark.line + 1}, column ${mark.column + 1}:\n${snippet(mark, buffer)}`;
}

/**
 * StringMark.get_snippet(indent=4, max_length=75): the mark's line, cut to ' ... ' more than 36
 * code points before or after the mark, and a caret under the mark. Tabs stay tabs, and a BOM (which
 * has no column) still takes a place, so the caret may stand right of the column printed.
 */
function snippet(mark: YamlMark, buffer: readonly string[], indent = 4, maxLength = 75): string {
  const pointer = mark.index;
  let head = '';
  let start = pointer;
  while (start > 0 && !isSnippetEnd(buffer[start - 1])) {
    start--;
    if (pointer - start > maxLength / 2 - 1) {
      head = ' ... ';
      start += 5;
      break;
    }
  }
  let tail = '';
  let end = pointer;
  while (end < buffer.length && !isSnippetEnd(buffer[end])) {
    end++;
    if (end - pointer > maxLength / 2 - 1) {
      tail = ' ... ';
      end -= 5;
      break;
    }
  }
  const line = buffer.slice(start, end).join('');
  return `${' '.repeat(indent)}${head}${line}${tail}\n${' '.repeat(indent + pointer - start + head.length)}^ (line: ${mark.line + 1})`;
}

function isSnippetEnd(ch: string | undefined): boolean {
  return ch !== undefined && SNIPPET_ENDS.includes(ch);
}
