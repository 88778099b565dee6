// parseIni: the shared config/credentials file format as botocore reads it (Python's
// RawConfigParser, strict): lower-cased keys, `=` or `:`, full-line `#`/`;` comments, indented
// continuation lines, and nested sub-sections for values that start on the next line. Pure.

export type IniValue = string | ReadonlyMap<string, string>;
export type IniSection = ReadonlyMap<string, IniValue>;
export type IniFile = ReadonlyMap<string, IniSection>;

/** Python configparser rejected the text (botocore: ConfigParseError). */
export class IniParseError extends Error {}

const SECTION = /^\[(?<name>.+)\]/;
const OPTION = /^(?<key>.*?)\s*(?<delim>[=:])\s*(?<value>.*)$/;

/** Parses the text of a config or credentials file. */
export function parseIni(text: string): IniFile {
  const raw = new Map<string, Map<string, string[]>>();
  let section: Map<string, string[]> | undefined;
  let current: string[] | undefined;
  let currentIndent = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const stripped = line.trim();
    const indent = line.length - line.trimStart().length;
    if (stripped === '' || stripped.startsWith('#') || stripped.startsWith(';')) {
      // configparser keeps blank lines inside a value only when more indented text follows.
      if (stripped === '' && current) current.push('');
      continue;
    }
    if (current && indent > currentIndent) {
      current.push(stripped);
      continue;
    }
    current = undefined;
    const header = SECTION.exec(line);
    if (header?.groups && indent === 0) {
      const name = header.groups.name as string;
      if (raw.has(name)) throw new IniParseError(`duplicate section ${name}`);
      section = new Map();
      raw.set(name, section);
      continue;
    }
    if (!section) throw new IniParseError('file contains no section headers');
    const option = OPTION.exec(stripped);
    if (!option?.groups || option.groups.key === '') throw new IniParseError(`cannot parse line ${line}`);
    const key = (option.groups.key as string).toLowerCase();
    if (section.has(key)) throw new IniParseError(`duplicate option ${key}`);
    current = [option.groups.value as string];
    currentIndent = indent;
    section.set(key, current);
  }
  const out = new Map<string, IniSection>();
  for (const [name, options] of raw) {
    const parsed = new Map<string, IniValue>();
    for (const [key, lines] of options) {
      while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
      const value = lines.join('\n');
      parsed.set(key, value.startsWith('\n') ? parseNested(value) : value);
    }
    out.set(name, parsed);
  }
  return out;
}

// botocore _parse_nested: "\n  key = value\n  key2 = value2" → a map.
function parseNested(value: string): ReadonlyMap<string, string> {
  const nested = new Map<string, string>();
  for (const line of value.split('\n')) {
    if (!line.trim()) continue;
    const eq = line.indexOf('=');
    if (eq < 0) throw new IniParseError(`cannot parse nested line ${line}`);
    nested.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return nested;
}
