// Writes reST the way AWS CLI's bcdoc does (awscli/bcdoc/restdoc.py ReSTDocument and style.py
// ReSTStyle): a stack of writes, two-space indentation levels, paragraphs as blank lines, inline
// markup that is closed with a trailing space. html-doc.ts feeds model documentation through it.
// The result is parsed by rst-parse.ts. No I/O.

/** bcdoc's ReSTDocument + ReSTStyle, limited to what CLI help pages use. */
export class RstWriter {
  private readonly writes: string[] = [];
  private indentation = 0;
  private listDepth = 0;
  /** ReSTStyle.do_p: <p> writes paragraph breaks except inside list items. */
  doP = true;
  /** ReSTDocument.keep_data: false inside <examples> and <fullname>. */
  keepData = true;
  /** ReSTStyle.a_href: the target of the <a> being written. */
  linkHref: string | undefined;

  /** The text written so far. */
  value(): string {
    return this.writes.join('');
  }

  write(text: string): void {
    if (this.keepData) this.writes.push(text);
  }

  /** The current indentation, then `text` and a newline. */
  writeln(text: string): void {
    this.write(`${this.spaces()}${text}\n`);
  }

  popWrite(): string {
    return this.writes.pop() ?? '';
  }

  pushWrite(text: string): void {
    this.writes.push(text);
  }

  spaces(): string {
    return ' '.repeat(this.indentation * 2);
  }

  indent(): void {
    this.indentation += 1;
  }

  dedent(): void {
    if (this.indentation > 0) this.indentation -= 1;
  }

  newParagraph(): void {
    this.write(`\n\n${this.spaces()}`);
  }

  newLine(): void {
    this.write(`\n${this.spaces()}`);
  }

  startInline(markup: string): void {
    this.write(markup);
  }

  // bcdoc quirk (ReSTStyle._end_inline): the content's trailing spaces move out of the markup,
  // an empty markup is dropped, and a space always follows the closing markup.
  endInline(markup: string): void {
    const last = this.popWrite().replace(/ +$/, '');
    if (last === markup) return;
    this.pushWrite(last);
    this.write(`${markup} `);
  }

  h2(title: string): void {
    this.newParagraph();
    this.write(`${'='.repeat(title.length)}\n${title}\n${'='.repeat(title.length)}`);
    this.newParagraph();
  }

  startCodeblock(): void {
    this.write('::');
    this.indent();
    this.newParagraph();
  }

  endCodeblock(): void {
    this.dedent();
    this.newParagraph();
  }

  codeblock(code: string): void {
    this.startCodeblock();
    this.writeln(code);
    this.endCodeblock();
  }

  startUl(): void {
    if (this.listDepth !== 0) this.indent();
    this.listDepth += 1;
    this.newParagraph();
  }

  endUl(): void {
    this.listDepth -= 1;
    if (this.listDepth !== 0) this.dedent();
    this.newParagraph();
  }

  startLi(): void {
    this.newLine();
    this.doP = false;
    this.write('* ');
  }

  endLi(): void {
    this.doP = true;
    this.newLine();
  }

  /** A whole list item (ReSTStyle.li): note the item text is written after the indentation. */
  li(text: string): void {
    if (!text) return;
    this.startLi();
    this.writeln(text);
    this.endLi();
  }
}
