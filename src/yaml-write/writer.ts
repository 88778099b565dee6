// The output side of a port of libyaml's emitter (emitter.c, as bundled in ruamel.yaml.clib):
// the column/whitespace/indention bookkeeping and the PUT, WRITE, write_indent and
// write_indicator primitives every writer is built on. Columns count code points, as libyaml
// counts characters. Knows nothing about events or scalar styles.

/** libyaml's defaults, which ruamel keeps: best_indent 2, best_width 80. */
export const BEST_INDENT = 2;
export const BEST_WIDTH = 80;

export const LF = 0x0a;
export const SPACE = 0x20;

/** Mutable emitter output state; one instance per document. */
export class YamlWriter {
  private readonly parts: string[] = [];
  column = 0;
  /** The last thing written was whitespace (or nothing yet). */
  whitespace = true;
  /** Only indentation (and indicators that count as indentation) so far on this line. */
  indention = true;
  /** Current indentation; -1 before the root node. */
  indent = -1;
  private readonly indents: number[] = [];
  /** A plain scalar ended the root node: the stream ends with `...` (libyaml 0.2.2). */
  openEnded = false;

  text(): string {
    return this.parts.join('');
  }

  /** PUT / WRITE: one character on the current line. */
  put(codePoint: number): void {
    this.parts.push(String.fromCodePoint(codePoint));
    this.column++;
  }

  putString(text: string): void {
    for (const ch of text) this.put(ch.codePointAt(0) as number);
  }

  /** PUT_BREAK: the configured line break (LF). */
  putBreak(): void {
    this.parts.push('\n');
    this.column = 0;
  }

  /** WRITE_BREAK: a line feed as a line break, other break characters copied as they are. */
  writeBreak(codePoint: number): void {
    if (codePoint === LF) {
      this.putBreak();
      return;
    }
    this.parts.push(String.fromCodePoint(codePoint));
    this.column = 0;
  }

  /** yaml_emitter_increase_indent */
  increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  popIndent(): void {
    this.indent = this.indents.pop() ?? -1;
  }

  /** yaml_emitter_write_indent: a new line unless only indentation is on this one, then pad. */
  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) {
      this.putBreak();
    }
    while (this.column < indent) this.put(SPACE);
    this.whitespace = true;
    this.indention = true;
  }

  /** yaml_emitter_write_indicator */
  writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(SPACE);
    this.putString(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  /** yaml_emitter_write_anchor / write_tag_handle / write_tag_content (ASCII names only). */
  writeName(text: string, needWhitespace: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(SPACE);
    this.putString(text);
    this.whitespace = false;
    this.indention = false;
  }
}
