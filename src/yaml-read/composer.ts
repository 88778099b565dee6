// Port of ruamel.yaml 0.17.21 composer.py: events → a node graph in which an alias is the very
// node its anchor named (so graphs may be cyclic), with each tag resolved as the node is built.
import { yamlError } from './errors.js';
import type { PythonStack } from '../values/py-recursion.js';
import type { YamlEvent, YamlParser } from './parser.js';
import { resolveScalarTag, TAG } from './resolve.js';
import type { YamlVersion } from './tokens.js';

// `tag` is mutable: flatten_mapping turns the value tag of a `=` key into str.
export interface ScalarNode {
  readonly kind: 'scalar';
  tag: string;
  readonly value: string;
}

export interface SequenceNode {
  readonly kind: 'sequence';
  tag: string;
  readonly value: YamlNode[];
}

export type NodePair = readonly [key: YamlNode, value: YamlNode];

export interface MappingNode {
  readonly kind: 'mapping';
  tag: string;
  /** Mutable: flatten_mapping removes merge keys and prepends the merged pairs. */
  value: NodePair[];
  merge?: NodePair[];
}

export type YamlNode = ScalarNode | SequenceNode | MappingNode;

export class YamlComposer {
  private anchors = new Map<string, YamlNode>();

  constructor(
    private readonly parser: YamlParser,
    private readonly version: () => YamlVersion,
    private readonly stack: PythonStack,
  ) {}

  /** Composer.get_single_node: the root node of the only document, or null for an empty stream. */
  getSingleNode(): YamlNode | null {
    this.parser.getEvent();
    let document: YamlNode | null = null;
    if (!this.parser.checkEvent('STREAM-END')) document = this.composeDocument();
    if (!this.parser.checkEvent('STREAM-END')) {
      this.parser.getEvent();
      throw yamlError('expected a single document in the stream, but found another document');
    }
    this.parser.getEvent();
    return document;
  }

  private composeDocument(): YamlNode {
    this.parser.getEvent();
    const node = this.composeNode();
    this.parser.getEvent();
    this.anchors = new Map();
    return node;
  }

  private next(): YamlEvent {
    const event = this.parser.getEvent();
    if (event === null) throw yamlError('unexpected end of the event stream');
    return event;
  }

  private composeNode(): YamlNode {
    const event = this.parser.peekEvent();
    if (event?.kind === 'ALIAS') {
      this.next();
      const node = this.anchors.get(event.anchor);
      if (node === undefined) throw yamlError(`found undefined alias ${JSON.stringify(event.anchor)}`);
      return node;
    }
    if (event?.kind === 'SCALAR') return this.composeScalar();
    if (event?.kind !== 'SEQUENCE-START' && event?.kind !== 'MAPPING-START') throw yamlError('expected a node event');
    // compose_node and compose_*_node: two Python frames per level of nesting.
    this.stack.enter(2);
    const node = event.kind === 'SEQUENCE-START' ? this.composeSequence() : this.composeMapping();
    this.stack.leave(2);
    return node;
  }

  private composeScalar(): ScalarNode {
    const event = this.next();
    if (event.kind !== 'SCALAR') throw yamlError('expected a scalar event');
    const tag = event.tag === null || event.tag === '!' ? resolveScalarTag(event.value, event.plainImplicit, this.version()) : event.tag;
    const node: ScalarNode = { kind: 'scalar', tag, value: event.value };
    if (event.anchor !== null) this.anchors.set(event.anchor, node);
    return node;
  }

  private composeSequence(): SequenceNode {
    const start = this.next();
    if (start.kind !== 'SEQUENCE-START') throw yamlError('expected a sequence start event');
    const tag = start.tag === null || start.tag === '!' ? TAG.seq : start.tag;
    const node: SequenceNode = { kind: 'sequence', tag, value: [] };
    // Registered before the items, so an item may alias the sequence itself.
    if (start.anchor !== null) this.anchors.set(start.anchor, node);
    while (!this.parser.checkEvent('SEQUENCE-END')) node.value.push(this.composeNode());
    this.next();
    return node;
  }

  private composeMapping(): MappingNode {
    const start = this.next();
    if (start.kind !== 'MAPPING-START') throw yamlError('expected a mapping start event');
    const tag = start.tag === null || start.tag === '!' ? TAG.map : start.tag;
    const node: MappingNode = { kind: 'mapping', tag, value: [] };
    if (start.anchor !== null) this.anchors.set(start.anchor, node);
    while (!this.parser.checkEvent('MAPPING-END')) {
      const key = this.composeNode();
      const value = this.composeNode();
      node.value.push([key, value]);
    }
    this.next();
    return node;
  }
}
