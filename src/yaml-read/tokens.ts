// Tokens passed from the YAML scanner to the parser, and the YAML version they are read under
// (ruamel's processing_version: the last %YAML directive scanned, else 1.2). Types only.
import type { YamlMark } from './marks.js';

export type YamlVersion = readonly [major: bigint, minor: bigint];

export const DEFAULT_YAML_VERSION: YamlVersion = [1n, 2n];

export function isVersion(version: YamlVersion, major: bigint, minor: bigint): boolean {
  return version[0] === major && version[1] === minor;
}

/** Python's tuple comparison `version > (1, 1)`. */
export function isAfterVersion11(version: YamlVersion): boolean {
  return version[0] > 1n || (version[0] === 1n && version[1] > 1n);
}

export type PlainTokenKind =
  | 'STREAM-START'
  | 'STREAM-END'
  | 'DOCUMENT-START'
  | 'DOCUMENT-END'
  | 'BLOCK-SEQUENCE-START'
  | 'BLOCK-MAPPING-START'
  | 'BLOCK-END'
  | 'FLOW-SEQUENCE-START'
  | 'FLOW-MAPPING-START'
  | 'FLOW-SEQUENCE-END'
  | 'FLOW-MAPPING-END'
  | 'KEY'
  | 'VALUE'
  | 'BLOCK-ENTRY'
  | 'FLOW-ENTRY';

/** Quote or block style of a scalar token; null for plain. */
export type ScalarStyle = null | "'" | '"' | '|' | '>';

export type Token =
  | { readonly kind: PlainTokenKind }
  | { readonly kind: 'DIRECTIVE'; readonly name: string; readonly version?: YamlVersion; readonly tagHandle?: readonly [string, string] }
  | { readonly kind: 'ALIAS'; readonly value: string }
  | AnchorToken
  | { readonly kind: 'TAG'; readonly handle: string | null; readonly suffix: string; readonly mark: YamlMark }
  | { readonly kind: 'SCALAR'; readonly value: string; readonly plain: boolean; readonly style: ScalarStyle; readonly mark: YamlMark };

export type TokenKind = Token['kind'];

/**
 * `&name`, with the mark of its `&`. Anchors, tags and scalars carry their start mark: a node's
 * start mark (which ruamel's warnings print) is that of its first property, else its scalar's.
 */
export interface AnchorToken {
  readonly kind: 'ANCHOR';
  readonly value: string;
  readonly mark: YamlMark;
}

/** Python's `ch in chars` for one code point. */
export function isOneOf(ch: string, chars: string): boolean {
  return chars.includes(ch);
}

export const THE_END = '\n\0\r\x85\u2028\u2029';
export const THE_END_SPACE_TAB = ' \n\0\t\r\x85\u2028\u2029';
export const LINE_BREAKS = '\r\n\x85\u2028\u2029';
