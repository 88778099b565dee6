// Python's shlex.split(text) (POSIX mode, no comments): how botocore splits credential_process
// into argv (compat_shell_split) and sso-session headers into words. Pure.

/** shlex's ValueError: "No closing quotation" or "No escaped character". */
export class ShlexError extends Error {}

const WHITESPACE = ' \t\r\n';

/**
 * Splits like a POSIX shell: quotes group, a backslash escapes (inside double quotes only `"` and `\`).
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
