// Port of ruamel.yaml 0.17.21 parser.py (the base Parser, comment handling left out since it never
// changes a value): tokens → events, as PyYAML's LL(1) state machine with its own stack of states.
// This file holds the stream, document and node states; collections are in yaml-parser-collections.ts.
import { yamlError } from './errors.js';
import {
  emptyScalar,
  parseBlockMappingKey,
  parseBlockSequenceEntry,
  parseFlowMappingKey,
  parseFlowSequenceEntry,
  parseIndentlessSequenceEntry,
  type ParserContext,
  type ParserState,
} from './parser-collections.js';
import type { YamlMark } from './marks.js';
import type { YamlScanner } from './scanner.js';
import { isVersion, type AnchorToken, type Token, type TokenKind, type YamlVersion } from './tokens.js';

// A node event's `anchor` is its anchor token, whose mark is the node's start mark.
export type YamlEvent =
  | { readonly kind: 'STREAM-START' | 'STREAM-END' | 'DOCUMENT-START' | 'DOCUMENT-END' | 'SEQUENCE-END' | 'MAPPING-END' }
  | { readonly kind: 'ALIAS'; readonly anchor: string }
  | {
      readonly kind: 'SCALAR';
      readonly anchor: AnchorToken | null;
      readonly tag: string | null;
      /** implicit[0]: resolve the tag from the value (plain without a tag, or the `!` tag). */
      readonly plainImplicit: boolean;
      readonly value: string;
      /** Its anchor's, else its tag's, else its scalar token's (an empty scalar's is not kept). */
      readonly startMark?: YamlMark;
    }
  | { readonly kind: 'SEQUENCE-START' | 'MAPPING-START'; readonly anchor: AnchorToken | null; readonly tag: string | null };

const DEFAULT_TAGS: ReadonlyMap<string, string> = new Map([
  ['!', '!'],
  ['!!', 'tag:yaml.org,2002:'],
]);

export class YamlParser implements ParserContext {
  private currentEvent: YamlEvent | null = null;
  private tagHandles: ReadonlyMap<string, string> = new Map();
  readonly states: ParserState[] = [];
  state: ParserState | null = () => this.parseStreamStart();

  constructor(private readonly scanner: YamlScanner) {}

  get version(): YamlVersion {
    return this.scanner.version;
  }

  checkEvent(...kinds: YamlEvent['kind'][]): boolean {
    const event = this.peekEvent();
    return event !== null && kinds.includes(event.kind);
  }

  peekEvent(): YamlEvent | null {
    if (this.currentEvent === null && this.state !== null) this.currentEvent = this.state();
    return this.currentEvent;
  }

  getEvent(): YamlEvent | null {
    const event = this.peekEvent();
    this.currentEvent = null;
    return event;
  }

  check(...kinds: TokenKind[]): boolean {
    return this.scanner.checkToken(...kinds);
  }

  next(): Token {
    const token = this.scanner.getToken();
    if (token === undefined) throw yamlError('unexpected end of the token stream');
    return token;
  }

  popState(): ParserState {
    const state = this.states.pop();
    if (state === undefined) throw yamlError('parser state stack underflow');
    return state;
  }

  // stream ::= STREAM-START implicit_document? explicit_document* STREAM-END

  private parseStreamStart(): YamlEvent {
    this.next();
    this.state = () => this.parseImplicitDocumentStart();
    return { kind: 'STREAM-START' };
  }

  // implicit_document ::= block_node DOCUMENT-END*
  private parseImplicitDocumentStart(): YamlEvent {
    if (this.check('DIRECTIVE', 'DOCUMENT-START', 'STREAM-END')) return this.parseDocumentStart();
    this.tagHandles = DEFAULT_TAGS;
    this.states.push(() => this.parseDocumentEnd());
    this.state = () => this.parseBlockNode();
    return { kind: 'DOCUMENT-START' };
  }

  // explicit_document ::= DIRECTIVE* DOCUMENT-START block_node? DOCUMENT-END*
  private parseDocumentStart(): YamlEvent {
    while (this.check('DOCUMENT-END')) this.next();
    if (this.check('STREAM-END')) {
      this.next();
      this.state = null;
      return { kind: 'STREAM-END' };
    }
    this.processDirectives();
    if (!this.check('DOCUMENT-START')) throw yamlError("expected '<document start>'");
    this.next();
    this.states.push(() => this.parseDocumentEnd());
    this.state = () => this.parseDocumentContent();
    return { kind: 'DOCUMENT-START' };
  }

  private parseDocumentEnd(): YamlEvent {
    if (this.check('DOCUMENT-END')) this.next();
    // Under 1.1 a second document must start with '---' (or directives).
    this.state = isVersion(this.version, 1n, 1n) ? () => this.parseDocumentStart() : () => this.parseImplicitDocumentStart();
    return { kind: 'DOCUMENT-END' };
  }

  private parseDocumentContent(): YamlEvent {
    if (this.check('DIRECTIVE', 'DOCUMENT-START', 'DOCUMENT-END', 'STREAM-END')) {
      this.state = this.popState();
      return emptyScalar();
    }
    return this.parseBlockNode();
  }

  private processDirectives(): void {
    let yamlVersionSeen = false;
    const handles = new Map<string, string>();
    while (this.check('DIRECTIVE')) {
      const token = this.next();
      if (token.kind !== 'DIRECTIVE') continue;
      if (token.version !== undefined) {
        if (yamlVersionSeen) throw yamlError('found duplicate YAML directive');
        if (token.version[0] !== 1n) throw yamlError('found incompatible YAML document (version 1.* is required)');
        yamlVersionSeen = true;
      } else if (token.tagHandle !== undefined) {
        const [handle, prefix] = token.tagHandle;
        if (handles.has(handle)) throw yamlError('duplicate tag handle');
        handles.set(handle, prefix);
      }
    }
    for (const [handle, prefix] of DEFAULT_TAGS) if (!handles.has(handle)) handles.set(handle, prefix);
    this.tagHandles = handles;
  }

  // block_node ::= ALIAS | properties block_content? | block_content
  // flow_node ::= ALIAS | properties flow_content? | flow_content
  // properties ::= TAG ANCHOR? | ANCHOR TAG?

  private parseBlockNode(): YamlEvent {
    return this.parseNode(true, false);
  }

  parseNode(block: boolean, indentlessSequence: boolean): YamlEvent {
    const first = this.scanner.peekToken();
    if (first?.kind === 'ALIAS') {
      this.next();
      this.state = this.popState();
      return { kind: 'ALIAS', anchor: first.value };
    }
    const { anchor, tag, startMark } = this.parseProperties();
    if (indentlessSequence && this.check('BLOCK-ENTRY')) {
      this.state = () => parseIndentlessSequenceEntry(this);
      return { kind: 'SEQUENCE-START', anchor, tag };
    }
    const token = this.scanner.peekToken();
    if (token?.kind === 'SCALAR') {
      this.next();
      this.state = this.popState();
      // ruamel quirk: the non-specific tag `!` resolves like a plain scalar, quoted or not.
      const plainImplicit = (token.plain && tag === null) || tag === '!';
      return { kind: 'SCALAR', anchor, tag, plainImplicit, value: token.value, startMark: startMark ?? token.mark };
    }
    if (token?.kind === 'FLOW-SEQUENCE-START') {
      this.state = () => parseFlowSequenceEntry(this, true, true);
      return { kind: 'SEQUENCE-START', anchor, tag };
    }
    if (token?.kind === 'FLOW-MAPPING-START') {
      this.state = () => parseFlowMappingKey(this, true, true);
      return { kind: 'MAPPING-START', anchor, tag };
    }
    if (block && token?.kind === 'BLOCK-SEQUENCE-START') {
      this.state = () => parseBlockSequenceEntry(this, true);
      return { kind: 'SEQUENCE-START', anchor, tag };
    }
    if (block && token?.kind === 'BLOCK-MAPPING-START') {
      this.state = () => parseBlockMappingKey(this, true);
      return { kind: 'MAPPING-START', anchor, tag };
    }
    if (anchor !== null || tag !== null) {
      // Empty scalars are allowed even if a tag or an anchor is specified.
      this.state = this.popState();
      return { kind: 'SCALAR', anchor, tag, plainImplicit: tag === null || tag === '!', value: '' };
    }
    throw yamlError(`while parsing a ${block ? 'block' : 'flow'} node: expected the node content, but found ${token?.kind ?? 'nothing'}`);
  }

  /**
   * The node's properties, and the node's start mark: ruamel's parse_node takes the anchor's,
   * before or after a tag, else the tag's (undefined without properties).
   */
  private parseProperties(): { anchor: AnchorToken | null; tag: string | null; startMark: YamlMark | undefined } {
    let anchor: AnchorToken | null = null;
    let rawTag: { handle: string | null; suffix: string } | null = null;
    let startMark: YamlMark | undefined;
    const take = (kind: 'ANCHOR' | 'TAG'): void => {
      const token = this.scanner.peekToken();
      if (token?.kind !== kind) return;
      this.next();
      if (token.kind === 'ANCHOR' || startMark === undefined) startMark = token.mark;
      if (token.kind === 'ANCHOR') anchor = token;
      else if (token.kind === 'TAG') rawTag = { handle: token.handle, suffix: token.suffix };
    };
    if (this.check('ANCHOR')) {
      take('ANCHOR');
      take('TAG');
    } else if (this.check('TAG')) {
      take('TAG');
      take('ANCHOR');
    }
    return { anchor, tag: this.transformTag(rawTag), startMark };
  }

  private transformTag(raw: { handle: string | null; suffix: string } | null): string | null {
    if (raw === null) return null;
    if (raw.handle === null) return raw.suffix;
    const prefix = this.tagHandles.get(raw.handle);
    if (prefix === undefined) throw yamlError(`found undefined tag handle ${JSON.stringify(raw.handle)}`);
    return prefix + raw.suffix;
  }
}
