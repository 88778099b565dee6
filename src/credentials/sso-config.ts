// botocore SSOProvider._load_sso_config: whether a profile uses SSO, its sso-session merged in,
// and the reference's errors for a missing session or missing keys. Synchronous, no I/O.
import type { IniFile, IniSection, IniValue } from '../config/ini.js';
import type { ClientEndpoint, SsoSource } from './credentials.js';
import { GeneralError } from '../errors.js';
import { sectionsNamed } from '../config/profile-map.js';

const PROFILE_REQUIRED = ['sso_role_name', 'sso_account_id'] as const;
const SESSION_REQUIRED = ['sso_start_url', 'sso_region'] as const;

/** The SSO source of a profile that names sso_account_id or sso_role_name; undefined otherwise. */
export function ssoSource(profileName: string, profile: IniSection, sections: IniFile, endpoint: ClientEndpoint): SsoSource | undefined {
  if (PROFILE_REQUIRED.every((key) => !profile.has(key))) return undefined;
  const sessionName = profile.has('sso_session') ? stringOf(profile.get('sso_session')) : undefined;
  const config = new Map<string, IniValue>(profile);
  const required: string[] = [...PROFILE_REQUIRED, ...SESSION_REQUIRED];
  if (profile.has('sso_session')) {
    const session = ssoSessions(sections).get(sessionName ?? '');
    if (!session) throw invalid(`The specified sso-session does not exist: "${sessionName ?? ''}"`);
    for (const [key, value] of session) {
      const own = config.get(key);
      if (own !== undefined && own !== value) {
        throw invalid(`The value for ${key} is inconsistent between profile (${stringOf(own)}) and sso-session (${stringOf(value)}).`);
      }
      config.set(key, value);
    }
    required.push('sso_session');
  }
  const missing = required.filter((key) => !config.has(key));
  if (missing.length > 0) {
    throw invalid(`The profile "${profileName}" is configured to use SSO but is missing required configuration: ${missing.join(', ')}`);
  }
  const get = (key: string): string => stringOf(config.get(key));
  return {
    kind: 'sso',
    startUrl: get('sso_start_url'),
    ssoRegion: get('sso_region'),
    accountId: get('sso_account_id'),
    roleName: get('sso_role_name'),
    sessionName,
    ...endpoint,
  };
}

/** The config file's `[sso-session NAME]` sections by name (botocore build_profile_map). */
export function ssoSessions(sections: IniFile): Map<string, IniSection> {
  return sectionsNamed(sections, 'sso-session');
}

function invalid(message: string): GeneralError {
  return new GeneralError('BAD_CONFIG_VALUE', message);
}

// Values are str in botocore; a nested sub-section would print as a dict, which no real config has.
function stringOf(value: IniValue | undefined): string {
  return typeof value === 'string' ? value : '';
}
