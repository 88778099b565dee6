// Port of ruamel.yaml 0.17.21 SafeConstructor (constructor.py): nodes → Python values as PyValues.
// Collections are built as ruamel's generators are: the empty container is returned at once and
// filled later (state_generators), except while a mapping key is built (deep); merge keys (<<)
// are flattened first; duplicate keys compare by Python equality.
import { markNonStrKey, PyDict, PyFloat, type PyValue } from '../values/py-value.js';
import type { MappingNode, NodePair, YamlNode } from './composer.js';
import { pythonCrash, yamlError } from './errors.js';
import type { PythonStack } from '../values/py-recursion.js';
import { PyObjectKinds } from './keys.js';
import { TAG } from './resolve.js';
import { mantissaNoDotWarning } from './mantissa-warning.js';
import { constructYamlBinary, constructYamlBool, constructYamlFloat, constructYamlInt } from './scalars.js';
import { constructYamlTimestamp } from './timestamp.js';
import type { YamlVersion } from './tokens.js';

type Fill = () => void;

/** A Python dict being built: entries by key identity, each keeping its first key object. */
class KeyedEntries {
  readonly entries = new Map<string, { key: PyValue; value: PyValue }>();

  set(id: string, key: PyValue, value: PyValue): void {
    const entry = this.entries.get(id);
    if (entry === undefined) this.entries.set(id, { key, value });
    else entry.value = value;
  }

  update(other: KeyedEntries): void {
    for (const [id, { key, value }] of other.entries) this.set(id, key, value);
  }
}

export class SafeConstructor {
  private readonly constructed = new Map<YamlNode, PyValue>();
  private readonly recursive = new Set<YamlNode>();
  private deepConstruct = false;
  private stateGenerators: Fill[] = [];
  private readonly kinds = new PyObjectKinds();
  /** SafeConstructor.nan_value: every `.nan` is this one object. */
  private readonly nanValue = new PyFloat(NaN);

  /** `stack` counts the frames of nested (deep) construction and of merge flattening. */
  constructor(
    private readonly version: () => YamlVersion,
    private readonly stack: PythonStack,
    /** Receives the text of each Python warning construction emits (MantissaNoDotYAML1_1Warning). */
    private readonly warn: (text: string) => void = () => {},
  ) {}

  constructDocument(node: YamlNode): PyValue {
    const data = this.constructObject(node, false);
    while (this.stateGenerators.length > 0) {
      const generators = this.stateGenerators;
      this.stateGenerators = [];
      for (const fill of generators) fill();
    }
    return data;
  }

  private constructObject(node: YamlNode, deep: boolean): PyValue {
    if (this.constructed.has(node)) return this.constructed.get(node) ?? null;
    const oldDeep = this.deepConstruct;
    if (deep) this.deepConstruct = true;
    // ruamel quirk: a node met again while it is being built deeply is None (and the deep flag leaks).
    if (this.recursive.has(node)) return null;
    this.recursive.add(node);
    // construct_object, construct_non_recursive_object, the constructor and its helpers.
    this.stack.enter(5);
    const data = this.constructNonRecursive(node);
    this.stack.leave(5);
    this.constructed.set(node, data);
    this.recursive.delete(node);
    if (deep) this.deepConstruct = oldDeep;
    return data;
  }

  private constructNonRecursive(node: YamlNode): PyValue {
    switch (node.tag) {
      case TAG.null:
        this.constructScalar(node);
        return null;
      case TAG.bool:
        return constructYamlBool(this.constructScalar(node));
      case TAG.int:
        return constructYamlInt(this.constructScalar(node), this.version());
      case TAG.float: {
        const text = this.constructScalar(node);
        const mark = node.kind === 'scalar' ? node.startMark : undefined;
        return constructYamlFloat(text, this.version(), this.nanValue, () => this.warn(mantissaNoDotWarning(text, mark)));
      }
      case TAG.binary:
        return constructYamlBinary(this.constructScalar(node));
      case TAG.timestamp:
        if (node.kind !== 'scalar') throw yamlError('failed to construct timestamp');
        return constructYamlTimestamp(node.value);
      case TAG.str:
        return this.constructScalar(node);
      case TAG.seq:
        return this.generate<PyValue[]>([], (data) => data.push(...this.constructSequence(node)));
      case TAG.map:
        return this.generate(new PyDict(), (data) => this.fillDict(data, this.constructMapping(node)));
      case TAG.set:
        return this.generate(this.newSet(), (data) => this.fillSet(data, node));
      case TAG.omap:
        return this.generate(new PyDict(undefined, true), (data) => this.fillOmap(data, node));
      case TAG.pairs:
        return this.generate<PyValue[]>([], (data) => this.fillPairs(data, node));
      default:
        throw yamlError(`could not determine a constructor for the tag ${JSON.stringify(node.tag)}`);
    }
  }

  /** A generator constructor: the container now, its content now (deep) or at the end. */
  private generate<T extends PyValue>(data: T, fill: (data: T) => void): T {
    const run = (): void => fill(data);
    if (this.deepConstruct) run();
    else this.stateGenerators.push(run);
    return data;
  }

  private newSet(): PyDict {
    const set = new PyDict();
    this.kinds.sets.add(set);
    return set;
  }

  // SafeConstructor.construct_scalar: a mapping stands for the value of its `=` key.
  private constructScalar(node: YamlNode): string {
    if (node.kind === 'mapping') {
      for (const [key, value] of node.value) if (key.tag === TAG.value) return this.constructScalar(value);
    }
    if (node.kind !== 'scalar') throw yamlError(`expected a scalar node, but found ${node.kind}`);
    return node.value;
  }

  private constructSequence(node: YamlNode): PyValue[] {
    if (node.kind !== 'sequence') throw yamlError(`expected a sequence node, but found ${node.kind}`);
    return node.value.map((child) => this.constructObject(child, false));
  }

  private constructMapping(node: YamlNode, deep = false): KeyedEntries {
    if (node.kind !== 'mapping') throw yamlError(`expected a mapping node, but found ${node.kind}`);
    this.flattenMapping(node);
    const total = new KeyedEntries();
    // Once anything was merged, duplicate keys are no longer checked (ruamel quirk).
    const todo: [readonly NodePair[], boolean][] =
      node.merge !== undefined
        ? [
            [node.merge, false],
            [node.value, false],
          ]
        : [[node.value, true]];
    for (const [pairs, check] of todo) {
      const mapping = new KeyedEntries();
      for (const [keyNode, valueNode] of pairs) {
        let key = this.constructObject(keyNode, true);
        if (Array.isArray(key) && !this.kinds.tuples.has(key)) key = this.kinds.tuple(key);
        if (!this.kinds.isHashable(key)) throw yamlError('while constructing a mapping: found unhashable key');
        const value = this.constructObject(valueNode, deep);
        const id = this.kinds.keyId(key);
        if (check && mapping.entries.has(id)) throw yamlError(`while constructing a mapping: found duplicate key ${JSON.stringify(id)}`);
        mapping.set(id, key, value);
      }
      total.update(mapping);
    }
    return total;
  }

  // flatten_mapping: `<<: map` or `<<: [maps]` puts the merged pairs before the node's own (the
  // first map listed wins); a second `<<` is a duplicate key only if the first merged anything.
  private flattenMapping(node: MappingNode): void {
    const merge: NodePair[] = [];
    let index = 0;
    while (index < node.value.length) {
      const [keyNode, valueNode] = node.value[index] as NodePair;
      if (keyNode.tag === TAG.merge) {
        if (merge.length > 0) throw yamlError('while constructing a mapping: found duplicate key "<<"');
        node.value.splice(index, 1);
        if (valueNode.kind === 'mapping') {
          this.flattenNested(valueNode);
          merge.push(...valueNode.value);
        } else if (valueNode.kind === 'sequence') {
          const submerge: NodePair[][] = [];
          for (const subnode of valueNode.value) {
            if (subnode.kind !== 'mapping') throw yamlError(`expected a mapping for merging, but found ${subnode.kind}`);
            this.flattenNested(subnode);
            submerge.push(subnode.value);
          }
          for (const pairs of submerge.reverse()) merge.push(...pairs);
        } else {
          throw yamlError(`expected a mapping or list of mappings for merging, but found ${valueNode.kind}`);
        }
      } else {
        if (keyNode.tag === TAG.value) keyNode.tag = TAG.str;
        index++;
      }
    }
    if (merge.length > 0) {
      node.merge = merge;
      node.value = [...merge, ...node.value];
    }
  }

  private flattenNested(node: MappingNode): void {
    this.stack.enter(1);
    this.flattenMapping(node);
    this.stack.leave(1);
  }

  private fillDict(data: PyDict, entries: KeyedEntries): void {
    for (const { key, value } of entries.entries.values()) this.setKey(data, key, value);
  }

  private fillSet(data: PyDict, node: YamlNode): void {
    for (const { key } of this.constructMapping(node).entries.values()) this.setKey(data, key, null);
  }

  /** data[key] = value, under str(key) for a key that is no str (and `data` marked so). */
  private setKey(data: PyDict, key: PyValue, value: PyValue): void {
    if (typeof key !== 'string') markNonStrKey(data);
    data.set(this.kinds.keyText(key), value);
  }

  // construct_yaml_omap / construct_yaml_pairs: a sequence of one-pair mappings.
  private pairItems(node: YamlNode, what: string): YamlNode[] {
    if (node.kind !== 'sequence') throw yamlError(`while constructing ${what}: expected a sequence, but found ${node.kind}`);
    return node.value;
  }

  private onePair(subnode: YamlNode, what: string): NodePair {
    if (subnode.kind !== 'mapping') throw yamlError(`while constructing ${what}: expected a mapping of length 1, but found ${subnode.kind}`);
    const [pair] = subnode.value;
    if (pair === undefined || subnode.value.length !== 1) throw yamlError(`while constructing ${what}: expected a single mapping item`);
    return pair;
  }

  private fillOmap(data: PyDict, node: YamlNode): void {
    const seen = new Set<string>();
    for (const subnode of this.pairItems(node, 'an ordered map')) {
      const [keyNode, valueNode] = this.onePair(subnode, 'an ordered map');
      const key = this.constructObject(keyNode, false);
      const id = this.kinds.keyId(key);
      // `assert key not in omap`: an AssertionError, whose str() is empty.
      if (seen.has(id)) throw pythonCrash('');
      seen.add(id);
      this.setKey(data, key, this.constructObject(valueNode, false));
    }
  }

  private fillPairs(data: PyValue[], node: YamlNode): void {
    for (const subnode of this.pairItems(node, 'pairs')) {
      const [keyNode, valueNode] = this.onePair(subnode, 'pairs');
      const key = this.constructObject(keyNode, false);
      const value = this.constructObject(valueNode, false);
      data.push(this.kinds.tuple([key, value]));
    }
  }
}
