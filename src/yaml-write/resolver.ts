// ruamel.yaml's implicit resolver at YAML 1.2 (resolver.py `implicit_resolvers`), used by the
// dumper to decide whether a scalar would read back as its own tag if written plain. Only the
// dumping side: no path resolvers, no YAML 1.1 rules. Pure.

export const TAG_STR = 'tag:yaml.org,2002:str';
export const TAG_NULL = 'tag:yaml.org,2002:null';
export const TAG_BOOL = 'tag:yaml.org,2002:bool';
export const TAG_INT = 'tag:yaml.org,2002:int';
export const TAG_FLOAT = 'tag:yaml.org,2002:float';
export const TAG_TIMESTAMP = 'tag:yaml.org,2002:timestamp';
export const TAG_BINARY = 'tag:yaml.org,2002:binary';
export const TAG_SEQ = 'tag:yaml.org,2002:seq';
export const TAG_MAP = 'tag:yaml.org,2002:map';
export const TAG_OMAP = 'tag:yaml.org,2002:omap';

interface ImplicitResolver {
  readonly tag: string;
  /** The characters a value must start with for the regexp to be tried ('' for the empty value). */
  readonly first: readonly string[];
  readonly regexp: RegExp;
}

// Python's re.match(...) with `$` also matches before one trailing newline: hence `\n?$`.
function pattern(body: string): RegExp {
  return new RegExp(`^(?:${body})\\n?$`);
}

const DIGITS = [...'0123456789'];

// In ruamel's order (the order only decides which non-str tag wins; the dumper compares tags).
const RESOLVERS: readonly ImplicitResolver[] = [
  { tag: TAG_BOOL, first: [...'tTfF'], regexp: pattern('true|True|TRUE|false|False|FALSE') },
  {
    tag: TAG_FLOAT,
    first: [...'-+0123456789.'],
    regexp: pattern(
      [
        '[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?',
        '[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)',
        '[-+]?\\.[0-9_]+(?:[eE][-+][0-9]+)?',
        '[-+]?\\.(?:inf|Inf|INF)',
        '\\.(?:nan|NaN|NAN)',
      ].join('|'),
    ),
  },
  {
    tag: TAG_INT,
    first: [...'-+0123456789'],
    regexp: pattern('[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+'),
  },
  { tag: 'tag:yaml.org,2002:merge', first: ['<'], regexp: pattern('<<') },
  { tag: TAG_NULL, first: ['~', 'n', 'N', ''], regexp: pattern('~|null|Null|NULL|') },
  {
    tag: TAG_TIMESTAMP,
    first: DIGITS,
    regexp: pattern(
      '[0-9]{4}-[0-9]{2}-[0-9]{2}' +
        '|[0-9]{4}-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9]{2}:[0-9]{2}(?:\\.[0-9]*)?' +
        '(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9]{2})?))?',
    ),
  },
  { tag: 'tag:yaml.org,2002:value', first: ['='], regexp: pattern('=') },
  { tag: 'tag:yaml.org,2002:yaml', first: [...'!&*'], regexp: pattern('!|&|\\*') },
];

/**
 * The tag a plain scalar with this text would be read back as (ruamel `resolve(ScalarNode, value, (True, False))`).
 * @example resolvePlainTag('2023-01-30') === TAG_TIMESTAMP; resolvePlainTag('yes') === TAG_STR
 */
export function resolvePlainTag(value: string): string {
  const first = value === '' ? '' : String.fromCodePoint(value.codePointAt(0) as number);
  for (const resolver of RESOLVERS) {
    if (resolver.first.includes(first) && resolver.regexp.test(value)) return resolver.tag;
  }
  return TAG_STR;
}
