// Inputs that make a naive parser backtrack, rescan or recurse without end. The unit tests
// check what each one gives (a value or the right error, never a hang: the test's timeout
// stops a run that does not end); scripts/bench-inputs.ts checks how fast each one is, which
// depends on the machine and so has no place in a unit test.

/** Shorthand (`--input-data-config A=b,...`): each gives a PyDict or a ShorthandParseError. */
export const SHORTHAND_INPUTS: readonly (readonly [name: string, input: string])[] = [
  ['an unclosed single quote and 100 backslashes', `A='${'\\'.repeat(100)}`],
  ['an unclosed double quote and 101 backslashes', `A="${'\\'.repeat(101)}`],
  ['an unclosed quote, backslashes and escaped quotes', `A='${"\\\\\\'".repeat(2000)}`],
  ['many unclosed quotes in a list', `A=[${"'\\',".repeat(2000)}]`],
  ['10,000 commas', ','.repeat(10_000)],
  ['10,000 commas after a value', `A=a${','.repeat(10_000)}`],
  ['10,000 empty list items', `A=[${','.repeat(10_000)}]`],
  ['a 10,000-item csv list, then a key', `A=${'a,'.repeat(10_000)}B=c`],
  ['10,000 escaped commas', `A=${'\\,'.repeat(10_000)}`],
  ['10,000 keys', Array.from({ length: 10_000 }, (_, i) => `K${i}=v`).join(',')],
  ['100,000 spaces inside a value', `A=a${' '.repeat(100_000)}b`],
  ['100,000 spaces at the start', `${' '.repeat(100_000)}A=b`],
];

/** Shorthand nested past Python's recursion limit: each is awscli's RecursionError (`message`). */
export const SHORTHAND_RECURSION_INPUTS: readonly (readonly [name: string, input: string, message: string])[] = [
  ['2,000 nested brackets', `A=${'['.repeat(2000)}${']'.repeat(2000)}`, 'maximum recursion depth exceeded'],
  ['2,000 unclosed brackets', `A=${'['.repeat(2000)}`, 'maximum recursion depth exceeded'],
  ['2,000 nested hashes', `A=${'{a='.repeat(2000)}x${'}'.repeat(2000)}`, 'maximum recursion depth exceeded'],
];

/** YAML (`--cli-input-yaml`): each gives a value or a YamlInputError. */
export const YAML_INPUTS: readonly (readonly [name: string, input: string])[] = [
  ['20000 nested flow sequences', '['.repeat(20_000)],
  ['20000 nested block sequences', '- '.repeat(20_000)],
  ['a key 20000 mappings deep', `? ${'{a: '.repeat(20_000)}`],
  ['an unclosed quote and 100000 backslashes', `"${'\\'.repeat(100_000)}`],
  ['50000 plain words', `a: ${'word '.repeat(50_000)}`],
];

/** JSON: an unterminated string followed by 50,000 escaped backslashes. */
export const JSON_UNTERMINATED_BACKSLASHES = `["${'\\\\'.repeat(50_000)}`;

/** JSON: 20,000 small objects in a list. */
export const JSON_LARGE_DOCUMENT_ITEMS = 20_000;
export function largeJsonDocument(): string {
  return JSON.stringify(Array.from({ length: JSON_LARGE_DOCUMENT_ITEMS }, (_, i) => ({ k: i, s: 'x\u00e9\\n', f: 1.5 })));
}

/** JMESPath (`--query`): the lexer's and the parser's worst cases. */
export const JMESPATH_INPUTS = {
  unclosedString: `"${'\\'.repeat(100)}`,
  unclosedLiteral: `\`${'\\'.repeat(101)}`,
  openBrackets: '['.repeat(200),
  nestedParens: `${'('.repeat(200)}@${')'.repeat(200)}`,
  longPath: Array(2000).fill('a').join('.'),
} as const;

/** voiceid-local's request validation: a long value that fails every pattern of the model near its end. */
export const SERVICE_EVIL_VALUE = `${'a'.repeat(5000)}\u0000`;
export const SERVICE_EVIL_TOKEN = `${'a'.repeat(8192)}é`;
