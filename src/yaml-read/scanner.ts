// Port of ruamel.yaml 0.17.21 scanner.py (the base Scanner that YAML(typ='safe', pure=True)
// uses): characters → tokens, with PyYAML's simple-key and indentation bookkeeping. The scalar,
// directive, anchor and tag scanners live in yaml-scan-scalars.ts and yaml-scan-props.ts.
import { yamlError } from './errors.js';
import { scanLineBreak, type YamlReader } from './reader.js';
import { scanAnchor, scanDirective, scanTag } from './scan-props.js';
import { scanBlockScalar, scanFlowScalar, scanPlain } from './scan-scalars.js';
import { PossibleSimpleKeys } from './simple-keys.js';
import {
  DEFAULT_YAML_VERSION,
  isOneOf,
  isVersion,
  THE_END,
  THE_END_SPACE_TAB,
  type PlainTokenKind,
  type Token,
  type TokenKind,
  type YamlVersion,
} from './tokens.js';

const NOT_PLAIN_START = '\0 \t\r\n\x85\u2028\u2029-?:,[]{}#&*!|>\'"%@`';

export class YamlScanner {
  private done = false;
  private readonly flowContext: string[] = [];
  private readonly tokens: Token[] = [{ kind: 'STREAM-START' }];
  private tokensTaken = 0;
  indent = -1;
  private readonly indents: number[] = [];
  allowSimpleKey = true;
  private readonly simpleKeys = new PossibleSimpleKeys();
  /** The last %YAML directive scanned (Scanner.yaml_version); it is never reset. */
  private yamlVersion: YamlVersion | null = null;

  constructor(readonly reader: YamlReader) {}

  get flowLevel(): number {
    return this.flowContext.length;
  }

  /** ruamel's processing_version: the scanned %YAML version, else 1.2. */
  get version(): YamlVersion {
    return this.yamlVersion ?? DEFAULT_YAML_VERSION;
  }

  checkToken(...kinds: TokenKind[]): boolean {
    const token = this.peekToken();
    return token !== undefined && kinds.includes(token.kind);
  }

  peekToken(): Token | undefined {
    while (this.needMoreTokens()) this.fetchMoreTokens();
    return this.tokens[0];
  }

  getToken(): Token | undefined {
    while (this.needMoreTokens()) this.fetchMoreTokens();
    const token = this.tokens.shift();
    if (token !== undefined) this.tokensTaken++;
    return token;
  }

  private needMoreTokens(): boolean {
    if (this.done) return false;
    if (this.tokens.length === 0) return true;
    // The current token may be a possible simple key, so we need to look further.
    this.simpleKeys.dropStale(this.reader);
    return this.simpleKeys.nearest() === this.tokensTaken;
  }

  private fetchMoreTokens(): void {
    this.scanToNextToken();
    this.simpleKeys.dropStale(this.reader);
    this.unwindIndent(this.reader.column);
    const ch = this.reader.peek();
    if (ch === '\0') return this.fetchStreamEnd();
    if (ch === '%' && this.reader.column === 0) return this.fetchDirective();
    if (ch === '-' && this.checkDocumentStart()) return this.fetchDocumentIndicator('DOCUMENT-START');
    if (ch === '.' && this.checkDocumentEnd()) return this.fetchDocumentIndicator('DOCUMENT-END');
    if (ch === '[') return this.fetchFlowCollectionStart('FLOW-SEQUENCE-START', '[');
    if (ch === '{') return this.fetchFlowCollectionStart('FLOW-MAPPING-START', '{');
    if (ch === ']') return this.fetchFlowCollectionEnd('FLOW-SEQUENCE-END');
    if (ch === '}') return this.fetchFlowCollectionEnd('FLOW-MAPPING-END');
    if (ch === ',') return this.fetchFlowEntry();
    if (ch === '-' && isOneOf(this.reader.peek(1), THE_END_SPACE_TAB)) return this.fetchBlockEntry();
    if (ch === '?' && this.checkKey()) return this.fetchKey();
    if (ch === ':' && this.checkValue()) return this.fetchValue();
    if (ch === '*' || ch === '&') return this.fetchAnchorOrAlias(ch === '*' ? 'ALIAS' : 'ANCHOR');
    if (ch === '!') return this.fetchProperty(() => scanTag(this.reader, this.version));
    if ((ch === '|' || ch === '>') && this.flowLevel === 0) return this.fetchBlockScalar(ch);
    if (ch === "'" || ch === '"') return this.fetchProperty(() => scanFlowScalar(this.reader, ch));
    if (this.checkPlain()) return this.fetchProperty(() => scanPlain(this));
    throw yamlError(`found character ${JSON.stringify(ch)} that cannot start any token`);
  }

  // Simple keys: a key not introduced by '?' may start at a token saved here.

  private saveSimpleKey(): void {
    const required = this.flowLevel === 0 && this.indent === this.reader.column;
    if (!this.allowSimpleKey) return;
    this.removeSimpleKey();
    const { index, line, column } = this.reader;
    this.simpleKeys.set(this.flowLevel, { tokenNumber: this.tokensTaken + this.tokens.length, required, index, line, column });
  }

  private removeSimpleKey(): void {
    this.simpleKeys.remove(this.flowLevel);
  }

  // Indentation: in block context a smaller column closes collections (BLOCK-END tokens).

  private unwindIndent(column: number): void {
    if (this.flowLevel > 0) return;
    while (this.indent > column) {
      this.indent = this.indents.pop() ?? -1;
      this.tokens.push({ kind: 'BLOCK-END' });
    }
  }

  private addIndent(column: number): boolean {
    if (this.indent >= column) return false;
    this.indents.push(this.indent);
    this.indent = column;
    return true;
  }

  // Fetchers.

  private push(kind: PlainTokenKind, length = 1): void {
    this.reader.forward(length);
    this.tokens.push({ kind });
  }

  private fetchStreamEnd(): void {
    this.unwindIndent(-1);
    this.removeSimpleKey();
    this.allowSimpleKey = false;
    this.simpleKeys.clear();
    this.tokens.push({ kind: 'STREAM-END' });
    this.done = true;
  }

  private fetchDirective(): void {
    this.unwindIndent(-1);
    this.removeSimpleKey();
    this.allowSimpleKey = false;
    const token = scanDirective(this.reader, this.version, (version) => {
      this.yamlVersion = version;
    });
    this.tokens.push(token);
  }

  private fetchDocumentIndicator(kind: 'DOCUMENT-START' | 'DOCUMENT-END'): void {
    this.unwindIndent(-1);
    this.removeSimpleKey();
    this.allowSimpleKey = false;
    this.push(kind, 3);
  }

  private fetchFlowCollectionStart(kind: 'FLOW-SEQUENCE-START' | 'FLOW-MAPPING-START', bracket: string): void {
    this.saveSimpleKey();
    this.flowContext.push(bracket);
    this.allowSimpleKey = true;
    this.push(kind);
  }

  private fetchFlowCollectionEnd(kind: 'FLOW-SEQUENCE-END' | 'FLOW-MAPPING-END'): void {
    this.removeSimpleKey();
    // An unmatched bracket is left for the parser to report.
    this.flowContext.pop();
    this.allowSimpleKey = false;
    this.push(kind);
  }

  private fetchFlowEntry(): void {
    this.allowSimpleKey = true;
    this.removeSimpleKey();
    this.push('FLOW-ENTRY');
  }

  private fetchBlockEntry(): void {
    if (this.flowLevel === 0) {
      if (!this.allowSimpleKey) throw yamlError('sequence entries are not allowed here');
      if (this.addIndent(this.reader.column)) this.tokens.push({ kind: 'BLOCK-SEQUENCE-START' });
    }
    this.allowSimpleKey = true;
    this.removeSimpleKey();
    this.push('BLOCK-ENTRY');
  }

  private fetchKey(): void {
    if (this.flowLevel === 0) {
      if (!this.allowSimpleKey) throw yamlError('mapping keys are not allowed here');
      if (this.addIndent(this.reader.column)) this.tokens.push({ kind: 'BLOCK-MAPPING-START' });
    }
    this.allowSimpleKey = this.flowLevel === 0;
    this.removeSimpleKey();
    this.push('KEY');
  }

  private fetchValue(): void {
    const key = this.simpleKeys.get(this.flowLevel);
    if (key !== undefined) {
      // The saved simple key turns out to be a key: insert KEY (and BLOCK-MAPPING-START) before it.
      this.simpleKeys.delete(this.flowLevel);
      const at = key.tokenNumber - this.tokensTaken;
      this.tokens.splice(at, 0, { kind: 'KEY' });
      if (this.flowLevel === 0 && this.addIndent(key.column)) this.tokens.splice(at, 0, { kind: 'BLOCK-MAPPING-START' });
      this.allowSimpleKey = false;
    } else {
      if (this.flowLevel === 0) {
        if (!this.allowSimpleKey) throw yamlError('mapping values are not allowed here');
        if (this.addIndent(this.reader.column)) this.tokens.push({ kind: 'BLOCK-MAPPING-START' });
      }
      this.allowSimpleKey = this.flowLevel === 0;
      this.removeSimpleKey();
    }
    this.push('VALUE');
  }

  private fetchAnchorOrAlias(kind: 'ALIAS' | 'ANCHOR'): void {
    this.fetchProperty(() => scanAnchor(this.reader, kind));
  }

  /** Tags, anchors, aliases and flow/plain scalars may start a simple key. */
  private fetchProperty(scan: () => Token): void {
    this.saveSimpleKey();
    // scanPlain may turn allowSimpleKey back on when it stops at the start of a line.
    this.allowSimpleKey = false;
    this.tokens.push(scan());
  }

  private fetchBlockScalar(style: '|' | '>'): void {
    this.allowSimpleKey = true;
    this.removeSimpleKey();
    this.tokens.push(scanBlockScalar(this, style));
  }

  // Checkers.

  checkDocumentStart(): boolean {
    return this.reader.column === 0 && this.reader.prefix(3) === '---' && isOneOf(this.reader.peek(3), THE_END_SPACE_TAB);
  }

  checkDocumentEnd(): boolean {
    return this.reader.column === 0 && this.reader.prefix(3) === '...' && isOneOf(this.reader.peek(3), THE_END_SPACE_TAB);
  }

  private checkKey(): boolean {
    return this.flowLevel > 0 || isOneOf(this.reader.peek(1), THE_END_SPACE_TAB);
  }

  // ruamel quirk: under YAML 1.2 a ':' in a flow sequence, or right after a flow mapping's ':',
  // needs a space after it to be an indicator (so {"a":1} works but [a:1] is one scalar).
  private checkValue(): boolean {
    if (this.flowLevel > 0) {
      if (isVersion(this.version, 1n, 1n)) return true;
      const next = this.reader.peek(1);
      if (this.flowContext[this.flowContext.length - 1] === '[') return isOneOf(next, THE_END_SPACE_TAB);
      if (this.tokens[this.tokens.length - 1]?.kind === 'VALUE') return isOneOf(next, THE_END_SPACE_TAB);
      return true;
    }
    return isOneOf(this.reader.peek(1), THE_END_SPACE_TAB);
  }

  private checkPlain(): boolean {
    const ch = this.reader.peek();
    if (!isOneOf(ch, NOT_PLAIN_START)) return true;
    const next = this.reader.peek(1);
    if (isVersion(this.version, 1n, 1n)) {
      return !isOneOf(next, THE_END_SPACE_TAB) && (ch === '-' || (this.flowLevel === 0 && (ch === '?' || ch === ':')));
    }
    if (ch === '-' && !isOneOf(next, THE_END_SPACE_TAB)) return true;
    if (ch === ':' && this.flowLevel > 0 && !isOneOf(next, ' \t')) return true;
    return !isOneOf(next, THE_END_SPACE_TAB) && (ch === '-' || (this.flowLevel === 0 && (ch === '?' || ch === ':')));
  }

  /** Skips spaces (not tabs), comments and line breaks; a break in block context allows a simple key. */
  scanToNextToken(): void {
    const reader = this.reader;
    if (reader.index === 0 && reader.peek() === '\ufeff') reader.forward();
    for (;;) {
      while (reader.peek() === ' ') reader.forward();
      if (reader.peek() === '#') while (!isOneOf(reader.peek(), THE_END)) reader.forward();
      if (scanLineBreak(reader) === '') return;
      if (this.flowLevel === 0) this.allowSimpleKey = true;
    }
  }
}
