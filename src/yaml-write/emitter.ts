// A YAML node graph → text, as ruamel.yaml's CEmitter writes one document: the serializer's
// anchors (`&id001`/`*id001` for nodes met twice) and implicit-tag flags, then libyaml's block
// emitter (emitter.c) walked as a recursion instead of an event queue: indentless sequences
// under mapping keys, `- - ` nesting, `? ` keys past 128 bytes or spanning lines, `[]`/`{}`
// for empty collections. Only what a default-flow-style-False safe dump produces. Pure.
import { resolvePlainTag, TAG_MAP, TAG_SEQ, TAG_STR } from './resolver.js';
import type { YamlMappingNode, YamlNode, YamlScalarNode, YamlSequenceNode } from './represent.js';
import { analyzeScalar, selectScalarStyle, type ScalarAnalysis } from './scalar.js';
import { writeDoubleQuoted, writeLiteral, writePlain, writeSingleQuoted } from './scalar-writers.js';
import { YamlWriter } from './writer.js';

/** libyaml's emit_node flags: where the node sits. */
interface NodeContext {
  readonly root: boolean;
  readonly mapping: boolean;
  readonly simpleKey: boolean;
}

const ROOT: NodeContext = { root: true, mapping: false, simpleKey: false };
const IN_SEQUENCE: NodeContext = { root: false, mapping: false, simpleKey: false };
const IN_MAPPING: NodeContext = { root: false, mapping: true, simpleKey: false };
const SIMPLE_KEY: NodeContext = { root: false, mapping: true, simpleKey: true };

/** Longest simple key libyaml writes (anchor + tag + UTF-8 bytes), else it uses `? `. */
const MAX_SIMPLE_KEY = 128;

interface TagData {
  readonly handle: string;
  readonly suffix: string;
}

interface ScalarEvent {
  readonly analysis: ScalarAnalysis;
  readonly plainImplicit: boolean;
  readonly quotedImplicit: boolean;
  readonly tag: TagData | undefined;
}

interface EmitState {
  readonly w: YamlWriter;
  readonly anchors: ReadonlyMap<YamlNode, string>;
  readonly serialized: Set<YamlNode>;
}

/**
 * One implicit document (no `---`), as `YAML(typ='safe').dump` writes it through the C emitter.
 * @example emitYamlDocument(representYaml(new PyDict([['a', [1n]]]))) === 'a:\n- 1\n'
 */
export function emitYamlDocument(root: YamlNode): string {
  const state: EmitState = { w: new YamlWriter(), anchors: assignAnchors(root), serialized: new Set() };
  emitNode(state, root, ROOT);
  state.w.writeIndent();
  if (state.w.openEnded) {
    state.w.writeIndicator('...', true, false, false);
    state.w.writeIndent();
  }
  return state.w.text();
}

// The serializer's _anchor_node: a node reached a second time gets the next `id%03d`.
function assignAnchors(root: YamlNode): Map<YamlNode, string> {
  const seen = new Set<YamlNode>();
  const anchors = new Map<YamlNode, string>();
  const visit = (node: YamlNode): void => {
    if (seen.has(node)) {
      if (!anchors.has(node)) anchors.set(node, `id${String(anchors.size + 1).padStart(3, '0')}`);
      return;
    }
    seen.add(node);
    if (node.kind === 'sequence') node.items.forEach(visit);
    if (node.kind === 'mapping') {
      for (const [key, value] of node.pairs) {
        visit(key);
        visit(value);
      }
    }
  };
  visit(root);
  return anchors;
}

function emitNode(state: EmitState, node: YamlNode, context: NodeContext): void {
  const anchor = state.anchors.get(node);
  if (state.serialized.has(node) && anchor !== undefined) {
    state.w.writeIndicator('*', true, false, false);
    state.w.writeName(anchor, false);
    if (context.simpleKey) state.w.put(0x20);
    return;
  }
  state.serialized.add(node);
  if (node.kind === 'scalar') emitScalar(state, node, anchor, context);
  else if (node.kind === 'sequence') emitSequence(state, node, anchor, context);
  else emitMapping(state, node, anchor);
}

function scalarEvent(node: YamlScalarNode): ScalarEvent {
  const plainImplicit = resolvePlainTag(node.value) === node.tag;
  const quotedImplicit = node.tag === TAG_STR;
  const tag = plainImplicit || quotedImplicit ? undefined : splitTag(node.tag);
  return { analysis: analyzeScalar(node.value), plainImplicit, quotedImplicit, tag };
}

// yaml_emitter_analyze_tag against the default directives `!` and `!!`.
function splitTag(tag: string): TagData {
  const prefix = 'tag:yaml.org,2002:';
  if (tag.startsWith(prefix) && tag.length > prefix.length) return { handle: '!!', suffix: tag.slice(prefix.length) };
  return { handle: '!', suffix: tag.startsWith('!') ? tag.slice(1) : tag };
}

function emitScalar(state: EmitState, node: YamlScalarNode, anchor: string | undefined, context: NodeContext): void {
  const event = scalarEvent(node);
  const style = selectScalarStyle({
    analysis: event.analysis,
    literal: node.style === 'literal',
    simpleKey: context.simpleKey,
    noTag: event.tag === undefined,
    plainImplicit: event.plainImplicit,
    quotedImplicit: event.quotedImplicit,
  });
  // A non-string that cannot be written plain gets the non-specific tag `!`.
  const tag = event.tag ?? (!event.quotedImplicit && style !== 'plain' ? { handle: '!', suffix: '' } : undefined);
  const { w } = state;
  writeAnchor(w, anchor);
  writeTag(w, tag);
  w.increaseIndent(true, false);
  const { chars } = event.analysis;
  if (style === 'plain') writePlain(w, chars, !context.simpleKey, context.root);
  else if (style === 'single') writeSingleQuoted(w, chars, !context.simpleKey);
  else if (style === 'double') writeDoubleQuoted(w, chars, !context.simpleKey);
  else writeLiteral(w, chars);
  w.popIndent();
}

function emitSequence(state: EmitState, node: YamlSequenceNode, anchor: string | undefined, context: NodeContext): void {
  const { w } = state;
  writeAnchor(w, anchor);
  writeTag(w, node.tag === TAG_SEQ ? undefined : splitTag(node.tag));
  if (node.items.length === 0) {
    w.writeIndicator('[', true, true, false);
    w.writeIndicator(']', false, false, false);
    return;
  }
  // A sequence that is a mapping value starts at the key's own indentation.
  w.increaseIndent(false, context.mapping && !w.indention);
  for (const item of node.items) {
    w.writeIndent();
    w.writeIndicator('-', true, false, true);
    emitNode(state, item, IN_SEQUENCE);
  }
  w.popIndent();
}

function emitMapping(state: EmitState, node: YamlMappingNode, anchor: string | undefined): void {
  const { w } = state;
  writeAnchor(w, anchor);
  writeTag(w, node.tag === TAG_MAP ? undefined : splitTag(node.tag));
  if (node.pairs.length === 0) {
    w.writeIndicator('{', true, true, false);
    w.writeIndicator('}', false, false, false);
    return;
  }
  w.increaseIndent(false, false);
  for (const [key, value] of node.pairs) {
    w.writeIndent();
    if (isSimpleKey(key)) {
      emitNode(state, key, SIMPLE_KEY);
      w.writeIndicator(':', false, false, false);
    } else {
      w.writeIndicator('?', true, false, true);
      emitNode(state, key, IN_MAPPING);
      w.writeIndent();
      w.writeIndicator(':', true, false, true);
    }
    emitNode(state, value, IN_MAPPING);
  }
  w.popIndent();
}

// yaml_emitter_check_simple_key, for the string keys a represented dict has (never anchored).
function isSimpleKey(key: YamlScalarNode): boolean {
  const event = scalarEvent(key);
  const tagLength = event.tag ? event.tag.handle.length + event.tag.suffix.length : 0;
  return !event.analysis.multiline && tagLength + event.analysis.length <= MAX_SIMPLE_KEY;
}

function writeAnchor(w: YamlWriter, anchor: string | undefined): void {
  if (anchor === undefined) return;
  w.writeIndicator('&', true, false, false);
  w.writeName(anchor, false);
}

// yaml_emitter_process_tag with a handle: write_tag_handle, then write_tag_content.
function writeTag(w: YamlWriter, tag: TagData | undefined): void {
  if (tag === undefined) return;
  w.writeName(tag.handle, true);
  if (tag.suffix !== '') w.writeName(tag.suffix, false);
}
