// Python's shlex.split(text) (POSIX mode, no comments), the one port of it: how awscli splits the
// output pager (AWS_PAGER, cli_pager, PAGER) and the help pager (MANPAGER, PAGER), and how
// botocore splits credential_process into argv (compat_shell_split) and [sso-session] headers
// into words. Not a POSIX shell: no `$`, backquote or newline escapes inside double quotes. Pure.
import { GeneralError } from '../errors.js';

/**
 * shlex's ValueError. Where awscli lets it through (the pagers, credential_process) the reference
 * prints it as any uncaught exception, `\n<message>\n` with exit 255; so it is a CliError as is.
 */
export class ShlexError extends GeneralError {
  constructor(message: 'No closing quotation' | 'No escaped character') {
    super('PYTHON_CRASH', message);
  }
}

// shlex.whitespace: only these four, not str.isspace() (a vertical tab or U+00A0 is a word character).
const WHITESPACE = ' \t\r\n';

/**
 * Splits as shlex.split does: quotes group, a backslash escapes the next character (inside double
 * quotes only `"` and `\`, so `"a\$b"` keeps its backslash), an empty quoted word is a word.
 * @example shlexSplit(`node -e "console.log('hi')"`) // ['node', '-e', "console.log('hi')"]
 */
export function shlexSplit(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else word += char;
    } else if (char === '\\') {
      const next = text[++i];
      if (next === undefined) throw new ShlexError('No escaped character');
      // Inside double quotes a backslash escapes only `"` and itself.
      if (quote === '"' && next !== '"' && next !== '\\') word += '\\';
      word += next;
      inWord = true;
    } else if (quote === '"') {
      if (char === '"') quote = undefined;
      else word += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
    } else if (WHITESPACE.includes(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (quote !== undefined) throw new ShlexError('No closing quotation');
  if (inWord) words.push(word);
  return words;
}
