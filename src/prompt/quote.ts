// Command-line text the way the reference shows it: each argument through Python's shlex.quote.
// Pure.

// Python: re.compile(r'[^\w@%+=:,./-]', re.ASCII)
const UNSAFE = /[^A-Za-z0-9_@%+=:,./-]/;

/**
 * Python's shlex.quote.
 * @example shlexQuote("it's") // `'it'"'"'s'`
 */
export function shlexQuote(word: string): string {
  if (word === '') return "''";
  if (!UNSAFE.test(word)) return word;
  return `'${word.replaceAll("'", `'"'"'`)}'`;
}

/** argv as one line of shell text. */
export function commandText(argv: readonly string[]): string {
  return argv.map(shlexQuote).join(' ');
}
