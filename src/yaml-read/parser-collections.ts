// The collection states of the YAML parser (ruamel.yaml 0.17.21 parser.py): block and flow
// sequences and mappings. Each state returns one event and sets the next state on the parser.
import { yamlError } from './errors.js';
import type { YamlEvent } from './parser.js';
import { isAfterVersion11, type Token, type TokenKind, type YamlVersion } from './tokens.js';

export type ParserState = () => YamlEvent;

/** What the collection states use of the parser. */
export interface ParserContext {
  state: ParserState | null;
  readonly states: ParserState[];
  readonly version: YamlVersion;
  check(...kinds: TokenKind[]): boolean;
  next(): Token;
  popState(): ParserState;
  parseNode(block: boolean, indentlessSequence: boolean): YamlEvent;
}

export function emptyScalar(): YamlEvent {
  return { kind: 'SCALAR', anchor: null, tag: null, plainImplicit: true, value: '' };
}

// block_sequence ::= BLOCK-SEQUENCE-START (BLOCK-ENTRY block_node?)* BLOCK-END
export function parseBlockSequenceEntry(p: ParserContext, first: boolean): YamlEvent {
  if (first) p.next();
  if (p.check('BLOCK-ENTRY')) {
    p.next();
    p.state = () => parseBlockSequenceEntry(p, false);
    if (p.check('BLOCK-ENTRY', 'BLOCK-END')) return emptyScalar();
    p.states.push(p.state);
    return p.parseNode(true, false);
  }
  if (!p.check('BLOCK-END')) throw yamlError('while parsing a block collection: expected <block end>');
  p.next();
  p.state = p.popState();
  return { kind: 'SEQUENCE-END' };
}

// indentless_sequence ::= (BLOCK-ENTRY block_node?)+
export function parseIndentlessSequenceEntry(p: ParserContext): YamlEvent {
  if (p.check('BLOCK-ENTRY')) {
    p.next();
    p.state = () => parseIndentlessSequenceEntry(p);
    if (p.check('BLOCK-ENTRY', 'KEY', 'VALUE', 'BLOCK-END')) return emptyScalar();
    p.states.push(p.state);
    return p.parseNode(true, false);
  }
  p.state = p.popState();
  return { kind: 'SEQUENCE-END' };
}

// block_mapping ::= BLOCK-MAPPING-START ((KEY node?)? (VALUE node?)?)* BLOCK-END
export function parseBlockMappingKey(p: ParserContext, first: boolean): YamlEvent {
  if (first) p.next();
  if (p.check('KEY')) {
    p.next();
    p.state = () => parseBlockMappingValue(p);
    if (p.check('KEY', 'VALUE', 'BLOCK-END')) return emptyScalar();
    p.states.push(p.state);
    return p.parseNode(true, true);
  }
  if (isAfterVersion11(p.version) && p.check('VALUE')) {
    p.state = () => parseBlockMappingValue(p);
    return emptyScalar();
  }
  if (!p.check('BLOCK-END')) throw yamlError('while parsing a block mapping: expected <block end>');
  p.next();
  p.state = p.popState();
  return { kind: 'MAPPING-END' };
}

function parseBlockMappingValue(p: ParserContext): YamlEvent {
  p.state = () => parseBlockMappingKey(p, false);
  if (!p.check('VALUE')) return emptyScalar();
  p.next();
  if (p.check('KEY', 'VALUE', 'BLOCK-END')) return emptyScalar();
  p.states.push(p.state);
  return p.parseNode(true, true);
}

// flow_sequence ::= FLOW-SEQUENCE-START (flow_sequence_entry FLOW-ENTRY)* flow_sequence_entry? FLOW-SEQUENCE-END
// flow_sequence_entry ::= flow_node | KEY flow_node? (VALUE flow_node?)?   (a one-pair mapping)
export function parseFlowSequenceEntry(p: ParserContext, first: boolean, opening = false): YamlEvent {
  if (opening) p.next();
  if (!p.check('FLOW-SEQUENCE-END')) {
    if (!first) {
      if (!p.check('FLOW-ENTRY')) throw yamlError("while parsing a flow sequence: expected ',' or ']'");
      p.next();
    }
    if (p.check('KEY')) {
      p.state = () => parseFlowSequencePairKey(p);
      return { kind: 'MAPPING-START', anchor: null, tag: null };
    }
    if (!p.check('FLOW-SEQUENCE-END')) {
      p.states.push(() => parseFlowSequenceEntry(p, false));
      return p.parseNode(false, false);
    }
  }
  p.next();
  p.state = p.popState();
  return { kind: 'SEQUENCE-END' };
}

function parseFlowSequencePairKey(p: ParserContext): YamlEvent {
  p.next();
  p.state = () => parseFlowSequencePairValue(p);
  if (p.check('VALUE', 'FLOW-ENTRY', 'FLOW-SEQUENCE-END')) return emptyScalar();
  p.states.push(p.state);
  return p.parseNode(false, false);
}

function parseFlowSequencePairValue(p: ParserContext): YamlEvent {
  p.state = () => parseFlowSequencePairEnd(p);
  if (!p.check('VALUE')) return emptyScalar();
  p.next();
  if (p.check('FLOW-ENTRY', 'FLOW-SEQUENCE-END')) return emptyScalar();
  p.states.push(p.state);
  return p.parseNode(false, false);
}

function parseFlowSequencePairEnd(p: ParserContext): YamlEvent {
  p.state = () => parseFlowSequenceEntry(p, false);
  return { kind: 'MAPPING-END' };
}

// flow_mapping ::= FLOW-MAPPING-START (flow_mapping_entry FLOW-ENTRY)* flow_mapping_entry? FLOW-MAPPING-END
// flow_mapping_entry ::= flow_node | KEY flow_node? (VALUE flow_node?)?
export function parseFlowMappingKey(p: ParserContext, first: boolean, opening = false): YamlEvent {
  if (opening) p.next();
  if (!p.check('FLOW-MAPPING-END')) {
    if (!first) {
      if (!p.check('FLOW-ENTRY')) throw yamlError("while parsing a flow mapping: expected ',' or '}'");
      p.next();
    }
    if (p.check('KEY')) {
      p.next();
      p.state = () => parseFlowMappingValue(p);
      if (p.check('VALUE', 'FLOW-ENTRY', 'FLOW-MAPPING-END')) return emptyScalar();
      p.states.push(p.state);
      return p.parseNode(false, false);
    }
    if (isAfterVersion11(p.version) && p.check('VALUE')) {
      p.state = () => parseFlowMappingValue(p);
      return emptyScalar();
    }
    if (!p.check('FLOW-MAPPING-END')) {
      // A key without ':' gets an empty value.
      p.states.push(() => {
        p.state = () => parseFlowMappingKey(p, false);
        return emptyScalar();
      });
      return p.parseNode(false, false);
    }
  }
  p.next();
  p.state = p.popState();
  return { kind: 'MAPPING-END' };
}

function parseFlowMappingValue(p: ParserContext): YamlEvent {
  p.state = () => parseFlowMappingKey(p, false);
  if (!p.check('VALUE')) return emptyScalar();
  p.next();
  if (p.check('FLOW-ENTRY', 'FLOW-MAPPING-END')) return emptyScalar();
  p.states.push(p.state);
  return p.parseNode(false, false);
}
