// botocore's build_profile_map over the config file's sections, and the credentials file merged
// in (Session.full_config). Pure. A `[profile NAME]` or `[sso-session NAME]` header counts when
// shlex.split gives exactly two words: `[profile "my dev"]` is the profile `my dev`, `[profiles x]`
// the profile `x` (botocore only asks that the header start with the prefix), one shlex cannot
// split is skipped. A later section of the same name replaces an earlier one whole; `[default]`
// is the default profile. The credentials file's sections are profiles by their plain names, and
// their keys win over the config file's.
import type { IniFile, IniSection, IniValue } from './ini.js';
import { ShlexError, shlexSplit } from '../values/py-shlex.js';

type Prefix = 'profile' | 'sso-session';

/** The name a section header gives under `prefix`: its second word, if it starts with the prefix and splits into two. */
function sectionName(header: string, prefix: Prefix): string | undefined {
  if (!header.startsWith(prefix)) return undefined;
  try {
    const words = shlexSplit(header);
    return words.length === 2 ? words[1] : undefined;
  } catch (error) {
    if (error instanceof ShlexError) return undefined;
    throw error;
  }
}

/** The sections whose header names one under `prefix`, by that name (a later one replaces an earlier). */
export function sectionsNamed(sections: IniFile, prefix: Prefix): Map<string, IniSection> {
  const named = new Map<string, IniSection>();
  for (const [header, values] of sections) {
    const name = sectionName(header, prefix);
    if (name !== undefined) named.set(name, values);
  }
  return named;
}

/** The profiles of the config file, with the credentials file's merged in. */
export function buildProfileMap(config: IniFile, credentials: IniFile): Map<string, IniSection> {
  const profiles = new Map<string, Map<string, IniValue>>();
  for (const [header, values] of config) {
    const name = header === 'default' ? 'default' : sectionName(header, 'profile');
    if (name !== undefined) profiles.set(name, new Map(values));
  }
  for (const [name, values] of credentials) profiles.set(name, new Map([...(profiles.get(name) ?? []), ...values]));
  return profiles;
}
