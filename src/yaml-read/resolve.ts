// ruamel.yaml 0.17.21's implicit resolvers (resolver.py `implicit_resolvers`, VersionedResolver):
// which tag a plain scalar gets under YAML 1.2 or 1.1. The regexes are the re.X patterns with the
// whitespace taken out; Python's `$` also matches before a final '\n', hence `\n?$`.
import { pythonCrash } from './errors.js';
import { isVersion, type YamlVersion } from './tokens.js';

export const TAG = {
  null: 'tag:yaml.org,2002:null',
  bool: 'tag:yaml.org,2002:bool',
  int: 'tag:yaml.org,2002:int',
  float: 'tag:yaml.org,2002:float',
  binary: 'tag:yaml.org,2002:binary',
  timestamp: 'tag:yaml.org,2002:timestamp',
  omap: 'tag:yaml.org,2002:omap',
  pairs: 'tag:yaml.org,2002:pairs',
  set: 'tag:yaml.org,2002:set',
  str: 'tag:yaml.org,2002:str',
  seq: 'tag:yaml.org,2002:seq',
  map: 'tag:yaml.org,2002:map',
  merge: 'tag:yaml.org,2002:merge',
  value: 'tag:yaml.org,2002:value',
  yaml: 'tag:yaml.org,2002:yaml',
} as const;

interface ImplicitResolver {
  readonly versions: readonly ('1.1' | '1.2')[];
  readonly tag: string;
  readonly regexp: RegExp;
  /** First characters that select this resolver; '' stands for the empty scalar. */
  readonly first: string;
  readonly matchesEmpty?: boolean;
}

const DIGITS = '0123456789';

// In list order: for one first character, the earlier resolver wins.
const IMPLICIT_RESOLVERS: readonly ImplicitResolver[] = [
  { versions: ['1.2'], tag: TAG.bool, regexp: /^(?:true|True|TRUE|false|False|FALSE)\n?$/, first: 'tTfF' },
  {
    versions: ['1.1'],
    tag: TAG.bool,
    regexp: /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)\n?$/,
    first: 'yYnNtTfFoO',
  },
  {
    versions: ['1.2'],
    tag: TAG.float,
    regexp:
      /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\n?$/,
    first: '-+0123456789.',
  },
  {
    versions: ['1.1'],
    tag: TAG.float,
    regexp:
      /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\n?$/,
    first: '-+0123456789.',
  },
  {
    versions: ['1.2'],
    tag: TAG.int,
    regexp: /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)\n?$/,
    first: '-+0123456789',
  },
  {
    versions: ['1.1'],
    tag: TAG.int,
    regexp: /^(?:[-+]?0b[0-1_]+|[-+]?0?[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)\n?$/,
    first: '-+0123456789',
  },
  { versions: ['1.2', '1.1'], tag: TAG.merge, regexp: /^(?:<<)\n?$/, first: '<' },
  { versions: ['1.2', '1.1'], tag: TAG.null, regexp: /^(?:~|null|Null|NULL|)\n?$/, first: '~nN', matchesEmpty: true },
  {
    versions: ['1.2', '1.1'],
    tag: TAG.timestamp,
    regexp:
      /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)\n?$/,
    first: DIGITS,
  },
  { versions: ['1.2', '1.1'], tag: TAG.value, regexp: /^(?:=)\n?$/, first: '=' },
  // Documentation only in ruamel: a plain scalar cannot be '!', '&' or '*', but `! "*"` can.
  { versions: ['1.2', '1.1'], tag: TAG.yaml, regexp: /^(?:!|&|\*)\n?$/, first: '!&*' },
];

function versionKey(version: YamlVersion): '1.1' | '1.2' {
  if (isVersion(version, 1n, 1n)) return '1.1';
  if (isVersion(version, 1n, 2n)) return '1.2';
  // AWS CLI quirk (VersionedResolver): any other %YAML 1.x has no resolvers, a KeyError.
  throw pythonCrash(`(${version[0]}, ${version[1]})`);
}

/**
 * The tag of a scalar: resolved from its text when `plainImplicit` (plain without a tag, or `!`),
 * else str.
 * @example resolveScalarTag('0o17', true, [1n, 2n]) === 'tag:yaml.org,2002:int'
 */
export function resolveScalarTag(value: string, plainImplicit: boolean, version: YamlVersion): string {
  if (!plainImplicit) return TAG.str;
  const key = versionKey(version);
  const first = value === '' ? '' : String.fromCodePoint(value.codePointAt(0) ?? 0);
  for (const resolver of IMPLICIT_RESOLVERS) {
    if (!resolver.versions.includes(key)) continue;
    const selected = first === '' ? resolver.matchesEmpty === true : resolver.first.includes(first);
    if (selected && resolver.regexp.test(value)) return resolver.tag;
  }
  return TAG.str;
}
