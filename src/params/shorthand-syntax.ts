// What differs between the generations' shorthand parsers (awscli/shorthand.py of 2.9.19 and of
// 2.36.7), as data the parser reads, and how 2.36.7's `key@=value` reaches a file: through a
// reader the caller gives, so the parser stays pure. No I/O here.
import type { Generation } from '../model/generation.js';
import type { PyBytes } from '../values/py-value.js';

export interface ShorthandSyntax {
  /** The Python frames below ShorthandParser.parse() when the CLI calls it (for the recursion limit). */
  readonly parseDepth: number;
  /** 2.9.19's quoted-value regexes take `\\` as one escape (`'(?:\\\\|\\'|[^'])*'`); 2.36.7's do not (`'(?:\\'|[^'])*'`). */
  readonly escapedBackslash: boolean;
  /** 2.36.7: `key@=value` (also in a hash) reads its values through get_paramfile. */
  readonly paramfileKeys: boolean;
  /** What goes before a syntax error's location (ShorthandParseSyntaxError): 2.36.7 writes a space. */
  readonly locationIndent: string;
}

export const SHORTHAND_SYNTAX: Readonly<Record<Generation, ShorthandSyntax>> = {
  // awscli 2.9.19 calls parse() 21 frames deep; 2.36.7 4 frames deeper (fixtures/shorthand/recursion*.json).
  '2.9.19': { parseDepth: 22, escapedBackslash: true, paramfileKeys: false, locationIndent: '' },
  '2.36.7': { parseDepth: 26, escapedBackslash: false, paramfileKeys: true, locationIndent: ' ' },
};

/** awscli's get_paramfile(value, LOCAL_PREFIX_MAP) as the parser sees it: which values it reads, and what they hold. */
export interface ShorthandParamfiles {
  /** Whether get_paramfile reads `value` (a file:// or fileb:// prefix). */
  isParamfile(value: string): boolean;
  /** The file's text (file://) or bytes (fileb://); throws where awscli raises ResourceLoadingError. */
  read(value: string): string | PyBytes;
}

/** No value is a paramfile: for generations without `@=`, and parses that read nothing. */
export const NO_PARAMFILES: ShorthandParamfiles = {
  isParamfile: () => false,
  read: (value) => value,
};
