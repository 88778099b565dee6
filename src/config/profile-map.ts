// botocore's build_profile_map over the config file's sections, and the credentials file merged
// in (Session.full_config). Pure. A `[profile NAME]` or `[sso-session NAME]` header counts when
// shlex.split gives exactly two words: `[profile "my dev"]` is the profile `my dev`, `[profiles x]`
// the profile `x` (botocore only asks that the header start with the prefix), one shlex cannot
// split is skipped. A later section of the same name replaces an earlier one whole; `[default]`
// is the default profile. The credentials file's sections are profiles by their plain names, and
// their keys win over the config file's.
import type { IniFile, IniSection, IniValue } from './ini.js';
import { ShlexError, shlexSplit } from '../values/py-shlex.js';

/** The sections whose header starts with `prefix` and splits into two words, by the second. */
export function sectionsNamed(sections: IniFile, prefix: 'profile' | 'sso-session'): Map<string, IniSection> {
  const named = new Map<string, IniSection>();
  for (const [header, values] of sections) {
    if (!header.startsWith(prefix)) continue;
    let words: string[];
    try {
      words = shlexSplit(header);
    } catch (error) {
      if (error instanceof ShlexError) continue;
      throw error;
    }
    if (words.length === 2) named.set(words[1] as string, values);
  }
  return named;
}

/** The profiles of the config file, with the credentials file's merged in. */
export function buildProfileMap(config: IniFile, credentials: IniFile): Map<string, IniSection> {
  const profiles = new Map<string, Map<string, IniValue>>();
  for (const [header, values] of config) {
    // botocore tests the prefix first: `[profile]`-like headers never count as [default].
    if (header.startsWith('profile')) {
      const named = sectionsNamed(new Map([[header, values]]), 'profile');
      for (const [name, section] of named) profiles.set(name, new Map(section));
    } else if (header === 'default') profiles.set('default', new Map(values));
  }
  for (const [name, values] of credentials) profiles.set(name, new Map([...(profiles.get(name) ?? []), ...values]));
  return profiles;
}
