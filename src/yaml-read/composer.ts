// Port of ruamel.yaml 0.17.21 composer.py: events → a node graph in which an alias is the very
// node its anchor named (so graphs may be cyclic), with each tag resolved as the node is built.
// An anchor defined again is reported (ruamel's ReusedAnchorWarning) and names the new node from then on.
import { yamlError } from './errors.js';
import type { YamlMark } from './marks.js';
import type { PythonStack } from '../values/py-recursion.js';
import type { YamlEvent, YamlParser } from './parser.js';
import { resolveScalarTag, TAG } from './resolve.js';
import type { AnchorToken, YamlVersion } from './tokens.js';

// `tag` is mutable: flatten_mapping turns the value tag of a `=` key into str.
export interface ScalarNode {
  readonly kind: 'scalar';
  tag: string;
  readonly value: string;
  /** ruamel's node.start_mark (the event's); an empty scalar's is not kept. */
  readonly startMark?: YamlMark;
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

/** Told when a node's anchor was already defined: the name, the latest earlier node's mark, the new one's. */
export type ReusedAnchorListener = (anchor: string, first: YamlMark, second: YamlMark) => void;

// Composer.anchors: the node each anchor names, with its start mark (ruamel's node.start_mark).
interface Anchored {
  readonly node: YamlNode;
  readonly mark: YamlMark;
}

export class YamlComposer {
  private anchors = new Map<string, Anchored>();

  constructor(
    private readonly parser: YamlParser,
    private readonly version: () => YamlVersion,
    private readonly stack: PythonStack,
    private readonly onReusedAnchor: ReusedAnchorListener,
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
      const anchored = this.anchors.get(event.anchor);
      if (anchored === undefined) throw yamlError(`found undefined alias ${JSON.stringify(event.anchor)}`);
      return anchored.node;
    }
    // Checked before the node is composed: its items may reuse the anchor again.
    if (event !== null && 'anchor' in event && event.anchor !== null) {
      const earlier = this.anchors.get(event.anchor.value);
      if (earlier !== undefined) this.onReusedAnchor(event.anchor.value, earlier.mark, event.anchor.mark);
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
    const node: ScalarNode = { kind: 'scalar', tag, value: event.value, startMark: event.startMark };
    this.register(event.anchor, node);
    return node;
  }

  private composeSequence(): SequenceNode {
    const start = this.next();
    if (start.kind !== 'SEQUENCE-START') throw yamlError('expected a sequence start event');
    const tag = start.tag === null || start.tag === '!' ? TAG.seq : start.tag;
    const node: SequenceNode = { kind: 'sequence', tag, value: [] };
    // Registered before the items, so an item may alias the sequence itself.
    this.register(start.anchor, node);
    while (!this.parser.checkEvent('SEQUENCE-END')) node.value.push(this.composeNode());
    this.next();
    return node;
  }

  private composeMapping(): MappingNode {
    const start = this.next();
    if (start.kind !== 'MAPPING-START') throw yamlError('expected a mapping start event');
    const tag = start.tag === null || start.tag === '!' ? TAG.map : start.tag;
    const node: MappingNode = { kind: 'mapping', tag, value: [] };
    this.register(start.anchor, node);
    while (!this.parser.checkEvent('MAPPING-END')) {
      const key = this.composeNode();
      const value = this.composeNode();
      node.value.push([key, value]);
    }
    this.next();
    return node;
  }

  private register(anchor: AnchorToken | null, node: YamlNode): void {
    if (anchor !== null) this.anchors.set(anchor.value, { node, mark: anchor.mark });
  }
}
