// Resolves what one invocation runs with, from the global options, the environment and the
// shared config/credentials files, with the reference's precedence (flag > env > profile >
// default). Pure: the files come in already read (loadSharedFiles is the only I/O here).
import { parseIni, IniParseError, type IniFile, type IniSection, type IniValue } from './ini.js';
import type { GlobalValues } from '../cli/parse-command-line.js';
import type { GlobalOptionDest } from '../cli/global-options.js';
import { expandUser, type Env, type Io } from '../io.js';
import { ConfigError, GeneralError } from '../errors.js';
import { buildProfileMap } from './profile-map.js';
import { strictUtf8Text } from '../values/py-decode.js';

export const ENV_PROFILE = 'AWS_PROFILE';
export const ENV_DEFAULT_PROFILE = 'AWS_DEFAULT_PROFILE';
export const ENV_CONFIG_FILE = 'AWS_CONFIG_FILE';
export const ENV_CREDENTIALS_FILE = 'AWS_SHARED_CREDENTIALS_FILE';
export const ENV_REGION = 'AWS_REGION';
export const ENV_DEFAULT_REGION = 'AWS_DEFAULT_REGION';
export const ENV_DEFAULT_OUTPUT = 'AWS_DEFAULT_OUTPUT';

export interface SharedFiles {
  /** Profile name → its settings: the config file's section, overlaid with the credentials file's. */
  readonly profiles: ReadonlyMap<string, IniSection>;
  /** The config file's profiles alone ([default], [profile NAME]). */
  readonly configProfiles: ReadonlyMap<string, IniSection>;
  /** The credentials file's profiles alone. */
  readonly credentialsProfiles: ReadonlyMap<string, IniSection>;
  /** The config file's other sections: [services NAME], [sso-session NAME]. */
  readonly sections: IniFile;
  /** The paths the files were read from (expanded). */
  readonly configPath: string;
  readonly credentialsPath: string;
}

export interface Settings {
  readonly profileName: string;
  /** Where the profile name came from; `--profile` drops the env credentials, AWS_PROFILE does not. */
  readonly profileSource: 'flag' | 'env' | 'default';
  /** The profile's settings; undefined when the profile does not exist. */
  readonly profile: IniSection | undefined;
  readonly output: string;
  readonly endpointUrl: string | undefined;
  readonly signRequest: boolean;
  readonly debug: boolean;
  /** --color: on, off or auto (the default). */
  readonly color: string;
  /** --no-cli-pager. */
  readonly noCliPager: boolean;
  /** botocore's client-side validation; the profile's parameter_validation (ensure_boolean) turns it off. */
  readonly parameterValidation: boolean;
}

/** Shared files made of profiles alone (tests, and code that has no files). */
export function sharedFilesOf(profiles: ReadonlyMap<string, IniSection>): SharedFiles {
  return { profiles, configProfiles: profiles, credentialsProfiles: new Map(), sections: new Map(), configPath: '', credentialsPath: '' };
}

/** Reads and parses the config and credentials files (missing files are empty). */
export async function loadSharedFiles(io: Io): Promise<SharedFiles> {
  const configPath = expandUser(io.env[ENV_CONFIG_FILE] ?? '~/.aws/config', io);
  const credentialsPath = expandUser(io.env[ENV_CREDENTIALS_FILE] ?? '~/.aws/credentials', io);
  const config = await readIni(configPath, io);
  const credentials = await readIni(credentialsPath, io);
  const configProfiles = buildProfileMap(config, new Map());
  return {
    profiles: buildProfileMap(config, credentials),
    configProfiles,
    credentialsProfiles: new Map(credentials),
    sections: config,
    configPath,
    credentialsPath,
  };
}

/** Resolves the settings that do not need the network. */
export function resolveSettings(globals: GlobalValues, env: Env, files: SharedFiles): Settings {
  // awscli sets the profile only `if parsed_args.profile` (an empty --profile is none), while
  // botocore's EnvironmentProvider takes a variable that is set, even to '' (AWS_PROFILE= names
  // the profile '', which is not found; AWS_DEFAULT_OUTPUT= is the output type '').
  const flagProfile = text(globals, 'profile') || undefined;
  const envProfile = env[ENV_PROFILE] ?? env[ENV_DEFAULT_PROFILE];
  const profileName = flagProfile ?? envProfile ?? 'default';
  const profile = files.profiles.get(profileName);
  return {
    profileName,
    profileSource: flagProfile !== undefined ? 'flag' : envProfile !== undefined ? 'env' : 'default',
    profile,
    output: text(globals, 'output') ?? env[ENV_DEFAULT_OUTPUT] ?? profileString(profile, 'output') ?? 'json',
    endpointUrl: text(globals, 'endpoint_url'),
    signRequest: globals.get('sign_request') !== true,
    debug: globals.get('debug') === true,
    color: text(globals, 'color') ?? 'auto',
    noCliPager: globals.get('no_cli_pager') === true,
    parameterValidation: (profileString(profile, 'parameter_validation') ?? 'true').toLowerCase() === 'true',
  };
}

/** The profile's settings; throws ProfileNotFound (rc 255) for a missing, explicitly named profile. */
export function requireProfile(settings: Settings): IniSection {
  if (settings.profile) return settings.profile;
  if (settings.profileSource === 'default') return new Map();
  throw new GeneralError('PROFILE_NOT_FOUND', `The config profile (${settings.profileName}) could not be found`);
}

/** --region > AWS_REGION > AWS_DEFAULT_REGION > profile; throws the reference's errors. */
export function resolveRegion(globals: GlobalValues, env: Env, settings: Settings): string {
  const region = text(globals, 'region') || env[ENV_REGION] || env[ENV_DEFAULT_REGION] || profileString(requireProfile(settings), 'region');
  if (!region) {
    throw new ConfigError('MISSING_REGION', 'You must specify a region.'); // report-error.ts adds how to configure one
  }
  if (!/^(?![0-9]+$)(?!-)[a-zA-Z0-9-]{0,63}(?<!-)$/.test(region)) {
    throw new GeneralError('BAD_REGION', `Provided region_name '${region}' doesn't match a supported format.`);
  }
  return region;
}

export function profileString(profile: IniSection | undefined, key: string): string | undefined {
  const value: IniValue | undefined = profile?.get(key);
  return typeof value === 'string' ? value : undefined;
}

function text(globals: GlobalValues, dest: GlobalOptionDest): string | undefined {
  const value = globals.get(dest);
  return typeof value === 'string' ? value : undefined;
}

async function readIni(path: string, io: Io): Promise<IniFile> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch {
    return new Map();
  }
  try {
    // Python reads the file as UTF-8 without taking a BOM off: a file that starts with one does not parse.
    return parseIni(strictUtf8Text(bytes));
  } catch (error) {
    if (error instanceof IniParseError || error instanceof TypeError) {
      throw new GeneralError('BAD_CONFIG_VALUE', `Unable to parse config file: ${path}`, { cause: error });
    }
    throw error;
  }
}
