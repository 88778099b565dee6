// The credential chain, source by source, against temp config files and loopback fakes (STS, the
// SSO portal, the container endpoint, IMDS). Nothing reads the developer's ~/.aws or env: every
// test builds its env from scratch, with IMDS disabled except in the IMDS tests.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  findCredentialSource,
  loadCredentials,
  credentialMethod,
  noCredentialsError,
  resolveCredentialSource,
  type CredentialContext,
  type Credentials,
} from '../../src/credentials/credentials.js';
import { CREDENTIAL_CLIENTS } from '../../src/service/credential-clients.js';
import { loadSharedFiles, resolveSettings } from '../../src/config/settings.js';
import type { GlobalValues } from '../../src/cli/parse-command-line.js';
import type { Env } from '../../src/io.js';
import { CliError } from '../../src/errors.js';
import { createMemoryIo, type MemoryIo } from '../helpers/memory-io.js';
import { STS_CREDENTIALS, startFakeSts, type FakeSts } from '../helpers/fake-sts.js';
import { SSO_CREDENTIALS, startFakeSso, type FakeSso } from '../helpers/fake-sso.js';
import {
  CONTAINER_CREDENTIALS,
  IMDS_CREDENTIALS,
  IMDS_ROLE,
  IMDS_TOKEN,
  startFakeContainer,
  startFakeImds,
  type FakeMetadata,
} from '../helpers/fake-metadata.js';

const NODE = process.execPath;
const SSO_ACCESS_TOKEN = 'cached-sso-access-token';

interface Setup {
  config?: string;
  credentials?: string;
  /** Added to (or, with undefined, removed from) the base env. */
  env?: Env;
  /** --profile. */
  profile?: string;
}

interface Session {
  io: MemoryIo;
  context: CredentialContext;
  /** findCredentialSource, then resolveCredentialSource and loadCredentials, as main.ts calls them. */
  load(): Promise<Credentials | undefined>;
}

let dir: string;
let sts: FakeSts;
let sso: FakeSso;

beforeAll(async () => {
  [sts, sso] = await Promise.all([startFakeSts(), startFakeSso(SSO_ACCESS_TOKEN)]);
});
afterAll(async () => {
  await Promise.all([sts.close(), sso.close()]);
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aws-voiceid-credentials-'));
  sts.requests.length = 0;
  sso.requests.length = 0;
  sts.script(STS_CREDENTIALS);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function session(setup: Setup = {}): Promise<Session> {
  await writeFile(join(dir, 'config'), setup.config ?? '');
  await writeFile(join(dir, 'credentials'), setup.credentials ?? '');
  const env: Record<string, string> = {
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
    AWS_ENDPOINT_URL_STS: sts.url,
    AWS_ENDPOINT_URL_SSO: sso.url,
  };
  for (const [key, value] of Object.entries(setup.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  const io = createMemoryIo({ env, home: dir });
  const files = await loadSharedFiles(io);
  const globals: GlobalValues = new Map(setup.profile === undefined ? [] : [['profile', setup.profile]]);
  const context: CredentialContext = { settings: resolveSettings(globals, env, files), files, env };
  return {
    io,
    context,
    load: async () => {
      const source = await resolveCredentialSource(findCredentialSource(context), io);
      return source && loadCredentials(source, io, CREDENTIAL_CLIENTS, 'us-west-2');
    },
  };
}

async function failure(action: () => unknown): Promise<string> {
  try {
    await action();
  } catch (error) {
    if (error instanceof CliError) return `${error.exitCode} ${error.message}`;
    throw error;
  }
  return 'no error';
}

async function writeHomeFile(path: string, text: string): Promise<string> {
  const full = join(dir, path);
  await mkdir(join(full, '..'), { recursive: true });
  await writeFile(full, text);
  return full;
}

/** A script that prints credential_process JSON (its AccessKeyId from FAKE_KEY_ID when set). */
async function processScript(body = ''): Promise<string> {
  const script =
    body ||
    `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: process.env.FAKE_KEY_ID ?? 'AKIDPROCESS', SecretAccessKey: 'process-secret', SessionToken: 'process-token', Expiration: '2099-01-01T00:00:00Z' }));`;
  return writeHomeFile('creds.js', script);
}

const ENV_KEYS = { AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 'env-secret' };
const PROFILE_KEYS = '[dev]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = profile-secret\n';
const ROLE = 'arn:aws:iam::123456789012:role/fake';

describe('environment and static keys', () => {
  it('takes the env keys, with AWS_SECURITY_TOKEN before AWS_SESSION_TOKEN', async () => {
    const { load } = await session({ env: { ...ENV_KEYS, AWS_SECURITY_TOKEN: 'old', AWS_SESSION_TOKEN: 'new' } });
    expect(await load()).toEqual({ accessKeyId: 'AKIDENV', secretAccessKey: 'env-secret', sessionToken: 'old', source: 'env' });
  });

  it('when the profile comes from AWS_PROFILE then the env keys still win', async () => {
    const { load } = await session({ credentials: PROFILE_KEYS, env: { ...ENV_KEYS, AWS_PROFILE: 'dev' } });
    expect((await load())?.accessKeyId).toBe('AKIDENV');
  });

  it('when --profile is given then the env keys are ignored', async () => {
    const { load } = await session({ credentials: PROFILE_KEYS, env: ENV_KEYS, profile: 'dev' });
    expect(await load()).toEqual({ accessKeyId: 'AKIDPROFILE', secretAccessKey: 'profile-secret', source: 'shared-credentials-file' });
  });

  it('a key id without a secret is the reference error, even for a profile that has keys', async () => {
    const { context } = await session({ credentials: PROFILE_KEYS, env: { AWS_ACCESS_KEY_ID: 'AKID', AWS_PROFILE: 'dev' } });
    expect(await failure(() => findCredentialSource(context))).toBe('255 Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY');
  });

  it('reads the credentials file before the config file, and both with their session tokens', async () => {
    const config = '[default]\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = config-secret\naws_session_token = config-token\n';
    expect(await (await session({ config })).load()).toEqual({
      accessKeyId: 'AKIDCONFIG',
      secretAccessKey: 'config-secret',
      sessionToken: 'config-token',
      source: 'config-file',
    });
    const credentials = '[default]\naws_access_key_id = AKIDCREDS\naws_secret_access_key = creds-secret\n';
    expect((await (await session({ config, credentials })).load())?.source).toBe('shared-credentials-file');
  });

  it.each([
    ['credentials', 'shared-credentials-file'],
    ['config', 'config-file'],
  ] as const)('a key id without a secret in the %s file is the reference error', async (file, provider) => {
    const { context } = await session({ [file]: '[default]\naws_access_key_id = AKID\n' });
    expect(await failure(() => findCredentialSource(context))).toBe(`255 Partial credentials found in ${provider}, missing: aws_secret_access_key`);
  });

  it('without any source finds nothing, and signing then fails with exit 253', async () => {
    const { context } = await session({ config: '[default]\nregion = us-east-1\n' });
    expect(findCredentialSource(context)).toBeUndefined();
    expect(`${noCredentialsError().exitCode} ${noCredentialsError().message}`).toBe('253 Unable to locate credentials');
  });

  it('an unknown --profile is ProfileNotFound before anything else', async () => {
    const { context } = await session({ env: ENV_KEYS, profile: 'nope' });
    expect(await failure(() => findCredentialSource(context))).toBe('255 The config profile (nope) could not be found');
  });
});

describe('credential_process', () => {
  it('runs the command at client creation, without a shell, with the CLI environment', async () => {
    const script = await processScript();
    const { io, context } = await session({ config: `[default]\ncredential_process = ${NODE} ${script}\n`, env: { FAKE_KEY_ID: 'AKIDFROMENV' } });
    const found = findCredentialSource(context);
    expect(found?.kind).toBe('process');
    expect(found && credentialMethod(found)).toBe('custom-process');
    const resolved = await resolveCredentialSource(found, io);
    // An Expiration: refreshable credentials (far from it here: no second run).
    expect(resolved?.kind).toBe('refreshable');
    expect(resolved && credentialMethod(resolved)).toBe('custom-process');
    expect(resolved && (await loadCredentials(resolved, io, CREDENTIAL_CLIENTS))).toEqual({
      accessKeyId: 'AKIDFROMENV',
      secretAccessKey: 'process-secret',
      sessionToken: 'process-token',
      source: 'custom-process',
    });
  });

  it('without an Expiration (or a null one) the credentials are static', async () => {
    for (const expiration of ['', ', Expiration: null']) {
      const script = await processScript(`process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: 'AKIDSTATIC', SecretAccessKey: 's'${expiration} }));`);
      const { io, context } = await session({ config: `[default]\ncredential_process = ${NODE} ${script}\n` });
      expect(await resolveCredentialSource(findCredentialSource(context), io)).toEqual({
        kind: 'static',
        credentials: { accessKeyId: 'AKIDSTATIC', secretAccessKey: 's', source: 'custom-process' },
      });
    }
  });

  it.each([
    ['an unparsable Expiration fails at client creation', "'soon'", '255 Unknown string format: soon'],
    ['a numeric Expiration is no string for dateutil', '1', '255 Parser must be a string or character stream, not int'],
    [
      'an expired one is run again at signing, and refused',
      "'2001-01-01T00:00:00Z'",
      '255 Credentials were refreshed, but the refreshed credentials are still expired.',
    ],
    ['a naive one cannot be compared at signing', "'2099-01-01T00:00:00'", "255 can't subtract offset-naive and offset-aware datetimes"],
  ])('%s', async (_name, expiration, expected) => {
    const script = await processScript(
      `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: 'a', SecretAccessKey: 's', Expiration: ${expiration} }));`,
    );
    const { load } = await session({ config: `[default]\ncredential_process = ${NODE} ${script}\n` });
    expect(await failure(load)).toBe(expected);
  });

  it.each([
    ['an unclosed quote', `${NODE} "x`, '255 No closing quotation'],
    ['an empty command', '', '255 list index out of range'],
  ])("%s is Python's error", async (_name, command, expected) => {
    const { load } = await session({ config: `[default]\ncredential_process = ${command}\n` });
    expect(await failure(load)).toBe(expected);
  });

  it('splits the command as shlex does (quotes around a -e script)', async () => {
    const inline = `"process.stdout.write(JSON.stringify({Version: 1, AccessKeyId: 'AKIDINLINE', SecretAccessKey: 's'}))"`;
    const { load } = await session({ config: `[default]\ncredential_process = ${NODE} -e ${inline}\n` });
    expect(await load()).toEqual({ accessKeyId: 'AKIDINLINE', secretAccessKey: 's', source: 'custom-process' });
  });

  it('comes after the credentials file and before the config file', async () => {
    const script = await processScript();
    const config = `[default]\ncredential_process = ${NODE} ${script}\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = s\n`;
    expect((await (await session({ config })).load())?.source).toBe('custom-process');
    const credentials = '[default]\naws_access_key_id = AKIDCREDS\naws_secret_access_key = s\n';
    expect((await (await session({ config, credentials })).load())?.source).toBe('shared-credentials-file');
  });

  it.each([
    ['a failing command', `process.stderr.write('oops\\n'); process.exit(3);`, '255 Error when retrieving credentials from custom-process: oops\n'],
    [
      'another version',
      `process.stdout.write('{"Version": 2}')`,
      "255 Error when retrieving credentials from custom-process: Unsupported version '2' for credential process provider, supported versions: 1",
    ],
    [
      'a missing key',
      `process.stdout.write('{"Version": 1, "AccessKeyId": "a"}')`,
      "255 Error when retrieving credentials from custom-process: Missing required key in response: 'SecretAccessKey'",
    ],
    ['output that is not JSON', `process.stdout.write('not json')`, '255 Expecting value: line 1 column 1 (char 0)'],
    ['a JSON list', `process.stdout.write('[]')`, "255 'list' object has no attribute 'get'"],
  ])('%s is the reference error', async (_name, body, expected) => {
    const script = await processScript(body);
    const { load } = await session({ config: `[default]\ncredential_process = ${NODE} ${script}\n` });
    expect(await failure(load)).toBe(expected);
  });

  it("a command that does not exist is Python's OSError text", async () => {
    const { load } = await session({ config: '[default]\ncredential_process = /nonexistent/cmd arg\n' });
    expect(await failure(load)).toBe("255 [Errno 2] No such file or directory: '/nonexistent/cmd'");
  });
});

describe('assume role', () => {
  const sourceProfile = (extra = ''): string =>
    `[profile role]\nrole_arn = ${ROLE}\nsource_profile = base\n${extra}[profile base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = base-secret\n`;

  it('calls STS AssumeRole at signing, signed with the source profile keys', async () => {
    const { io, context } = await session({
      config: sourceProfile('role_session_name = my-session\nexternal_id = ext-1\nduration_seconds = 1800\n'),
      profile: 'role',
    });
    const source = await resolveCredentialSource(findCredentialSource(context), io);
    expect(source?.kind).toBe('assume-role');
    expect(sts.requests).toHaveLength(0);
    const credentials = await loadCredentials(source as NonNullable<typeof source>, io, CREDENTIAL_CLIENTS, 'us-west-2');
    expect(credentials).toEqual({ accessKeyId: 'ASIAFAKESTS', secretAccessKey: 'sts-secret', sessionToken: 'sts-token', source: 'assume-role' });
    expect(sts.requests).toHaveLength(1);
    const [request] = sts.requests;
    expect(request?.action).toBe('AssumeRole');
    expect(Object.fromEntries(request?.params ?? [])).toMatchObject({
      RoleArn: ROLE,
      RoleSessionName: 'my-session',
      ExternalId: 'ext-1',
      DurationSeconds: '1800',
    });
    expect(request?.authorization).toMatch(/Credential=AKIDBASE\/\d{8}\/us-west-2\/sts\/aws4_request/);
    expect(request?.userAgent).toMatch(/^aws-voiceid\/\S+ /);
  });

  it('names the session botocore-session-<epoch seconds> by default', async () => {
    const { load } = await session({ config: sourceProfile(), profile: 'role' });
    await load();
    expect(sts.requests[0]?.params.get('RoleSessionName')).toBe(`botocore-session-${Date.parse('2026-11-25T17:00:00Z') / 1000}`);
  });

  it('chains roles: the inner role first, then the outer with its credentials', async () => {
    const config = `[profile outer]\nrole_arn = ${ROLE}-outer\nsource_profile = inner\n[profile inner]\nrole_arn = ${ROLE}-inner\nsource_profile = base\n[profile base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = s\n`;
    sts.script({ AccessKeyId: 'ASIAINNER', SecretAccessKey: 'inner-secret', SessionToken: 'inner-token' }, STS_CREDENTIALS);
    const { load } = await session({ config, profile: 'outer' });
    expect((await load())?.accessKeyId).toBe('ASIAFAKESTS');
    expect(sts.requests.map((request) => request.params.get('RoleArn'))).toEqual([`${ROLE}-inner`, `${ROLE}-outer`]);
    expect(sts.requests[1]?.authorization).toContain('Credential=ASIAINNER/');
  });

  it('a profile may source itself when it holds static keys', async () => {
    const config = `[profile self]\nrole_arn = ${ROLE}\nsource_profile = self\naws_access_key_id = AKIDSELF\naws_secret_access_key = s\n`;
    const { load } = await session({ config, profile: 'self' });
    expect((await load())?.source).toBe('assume-role');
    expect(sts.requests[0]?.authorization).toContain('Credential=AKIDSELF/');
  });

  it('credential_source = Environment uses the env keys even with --profile', async () => {
    const { load } = await session({ config: `[profile role]\nrole_arn = ${ROLE}\ncredential_source = Environment\n`, env: ENV_KEYS, profile: 'role' });
    expect((await load())?.source).toBe('assume-role');
    expect(sts.requests[0]?.authorization).toContain('Credential=AKIDENV/');
  });

  it('a source profile with credential_process runs it at client creation', async () => {
    const script = await processScript();
    const config = `[profile role]\nrole_arn = ${ROLE}\nsource_profile = proc\n[profile proc]\ncredential_process = ${NODE} ${script}\n`;
    const { io, context } = await session({ config, profile: 'role' });
    const source = await resolveCredentialSource(findCredentialSource(context), io);
    expect(source?.kind === 'assume-role' && source.source && credentialMethod(source.source)).toBe('custom-process');
    expect(source?.kind === 'assume-role' && source.source.kind).toBe('refreshable');
  });

  it('an STS error is the reference service error, exit 254', async () => {
    sts.script({ status: 403, code: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRole' });
    const { load } = await session({ config: sourceProfile(), profile: 'role' });
    expect(await failure(load)).toBe('254 An error occurred (AccessDenied) when calling the AssumeRole operation: Not authorized to perform sts:AssumeRole');
  });

  it.each([
    [
      'a missing source profile',
      `[profile p]\nrole_arn = ${ROLE}\nsource_profile = missing\n`,
      'The source_profile "missing" referenced in the profile "p" does not exist.',
    ],
    [
      'a loop',
      `[profile p]\nrole_arn = ${ROLE}\nsource_profile = q\n[profile q]\nrole_arn = ${ROLE}\nsource_profile = p\n`,
      "Infinite loop in credential configuration detected. Attempting to load from profile p which has already been visited. Visited profiles: ['p', 'q']",
    ],
    [
      'a profile sourcing itself without keys',
      `[profile p]\nrole_arn = ${ROLE}\nsource_profile = p\n`,
      "Infinite loop in credential configuration detected. Attempting to load from profile p which has already been visited. Visited profiles: ['p']",
    ],
    [
      'both sources',
      `[profile p]\nrole_arn = ${ROLE}\nsource_profile = p\ncredential_source = Environment\n`,
      'The profile "p" contains both source_profile and credential_source.',
    ],
    ['neither source', `[profile p]\nrole_arn = ${ROLE}\n`, 'Partial credentials found in assume-role, missing: source_profile or credential_source'],
    [
      'an unknown credential_source',
      `[profile p]\nrole_arn = ${ROLE}\ncredential_source = environment\n`,
      'The credential source "environment" referenced in profile "p" is not valid.',
    ],
    [
      'a source profile without credentials',
      `[profile p]\nrole_arn = ${ROLE}\nsource_profile = empty\n[profile empty]\nregion = us-east-1\n`,
      'The source profile "empty" must have credentials.',
    ],
    [
      'credential_source = Environment without env keys',
      `[profile p]\nrole_arn = ${ROLE}\ncredential_source = Environment\n`,
      'Error when retrieving credentials from Environment: No credentials found in credential_source referenced in profile p',
    ],
  ])('%s is the reference error at client creation, exit 255', async (_name, config, message) => {
    const { context } = await session({ config, profile: 'p' });
    expect(await failure(() => findCredentialSource(context))).toBe(`255 ${message}`);
    expect(sts.requests).toHaveLength(0);
  });
});

describe('web identity', () => {
  it('calls AssumeRoleWithWebIdentity, unsigned, with the token file read at signing', async () => {
    const tokenFile = await writeHomeFile('token', 'web-identity-jwt');
    const { load } = await session({
      config: `[profile wi]\nweb_identity_token_file = ${tokenFile}\nrole_arn = ${ROLE}\nrole_session_name = wi-session\n`,
      profile: 'wi',
    });
    expect(await load()).toEqual({
      accessKeyId: 'ASIAFAKESTS',
      secretAccessKey: 'sts-secret',
      sessionToken: 'sts-token',
      source: 'assume-role-with-web-identity',
    });
    expect(sts.requests[0]?.action).toBe('AssumeRoleWithWebIdentity');
    expect(Object.fromEntries(sts.requests[0]?.params ?? [])).toMatchObject({
      RoleArn: ROLE,
      RoleSessionName: 'wi-session',
      WebIdentityToken: 'web-identity-jwt',
    });
    expect(sts.requests[0]?.authorization).toBeUndefined();
  });

  it('takes AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN from the env, but not with --profile', async () => {
    const tokenFile = await writeHomeFile('token', 'env-jwt');
    const env = { AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile, AWS_ROLE_ARN: ROLE };
    expect((await (await session({ env })).load())?.source).toBe('assume-role-with-web-identity');
    const { context } = await session({ env, config: '[profile other]\nregion = us-east-1\n', profile: 'other' });
    expect(findCredentialSource(context)).toBeUndefined();
  });

  it('without a role ARN is the reference error', async () => {
    const { context } = await session({ config: '[default]\nweb_identity_token_file = /nonexistent/token\n' });
    expect(await failure(() => findCredentialSource(context))).toContain(
      '255 The provided profile or the current environment is configured to assume role with web identity but has no role ARN configured.',
    );
  });

  it("a missing token file fails at signing with Python's OSError text", async () => {
    const { context, load } = await session({ config: `[default]\nweb_identity_token_file = /nonexistent/token\nrole_arn = ${ROLE}\n` });
    expect(findCredentialSource(context)?.kind).toBe('web-identity');
    expect(await failure(load)).toBe("255 [Errno 2] No such file or directory: '/nonexistent/token'");
  });
});

describe('SSO', () => {
  const sessionConfig = `[default]\nsso_session = my-sso\nsso_account_id = 123456789012\nsso_role_name = ReadOnly\n[sso-session my-sso]\nsso_start_url = https://example.awsapps.com/start\nsso_region = eu-west-1\n`;
  const cacheFile = (key: string): string => `.aws/sso/cache/${createHash('sha1').update(key).digest('hex')}.json`;
  const token = (expiresAt = '2099-01-01T00:00:00Z'): string => JSON.stringify({ accessToken: SSO_ACCESS_TOKEN, expiresAt });

  it('calls GetRoleCredentials with the cached token of the sso-session', async () => {
    await writeHomeFile(cacheFile('my-sso'), token());
    const { load } = await session({ config: sessionConfig });
    expect(await load()).toEqual({ ...SSO_CREDENTIALS, source: 'sso' });
    expect(sso.requests).toHaveLength(1);
    expect(sso.requests[0]?.path).toBe('/federation/credentials');
    expect(Object.fromEntries(sso.requests[0]?.query ?? [])).toEqual({ account_id: '123456789012', role_name: 'ReadOnly' });
    expect(sso.requests[0]?.bearerToken).toBe(SSO_ACCESS_TOKEN);
    expect(sso.requests[0]?.authorization).toBeUndefined();
  });

  it('a legacy profile keys the token cache by its start URL', async () => {
    const start = 'https://legacy.awsapps.com/start';
    await writeHomeFile(cacheFile(start), token());
    const config = `[default]\nsso_start_url = ${start}\nsso_region = eu-west-1\nsso_account_id = 1\nsso_role_name = R\n`;
    expect((await (await session({ config })).load())?.source).toBe('sso');
  });

  it.each([
    ['no cached token', undefined, '255 Error loading SSO Token: Token for my-sso does not exist'],
    ['an expired token', token('2020-01-01T00:00:00Z'), '255 Error when retrieving token from sso: Token has expired and refresh failed'],
    ['a token without expiresAt', JSON.stringify({ accessToken: 'x' }), '255 Error loading SSO Token: Token for https://example.awsapps.com/start is invalid'],
    [
      'a token the portal refuses',
      JSON.stringify({ accessToken: 'stale', expiresAt: '2099-01-01T00:00:00Z' }),
      '255 The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.',
    ],
  ])('%s is the reference error at signing', async (_name, cached, expected) => {
    if (cached !== undefined) await writeHomeFile(cacheFile('my-sso'), cached);
    const { context, load } = await session({ config: sessionConfig });
    expect(findCredentialSource(context)?.kind).toBe('sso');
    expect(await failure(load)).toBe(expected);
  });

  it.each([
    ['a missing sso-session', '[default]\nsso_session = nope\nsso_account_id = 1\nsso_role_name = R\n', 'The specified sso-session does not exist: "nope"'],
    [
      'missing keys',
      '[default]\nsso_account_id = 1\nsso_role_name = R\n',
      'The profile "default" is configured to use SSO but is missing required configuration: sso_start_url, sso_region',
    ],
    [
      'a region that contradicts the session',
      `${sessionConfig.replace('sso_role_name = ReadOnly', 'sso_role_name = ReadOnly\nsso_region = us-east-1')}`,
      'The value for sso_region is inconsistent between profile (us-east-1) and sso-session (eu-west-1).',
    ],
  ])('%s is the reference error at client creation', async (_name, config, message) => {
    const { context } = await session({ config });
    expect(await failure(() => findCredentialSource(context))).toBe(`255 ${message}`);
  });
});

describe('container endpoint', () => {
  let fake: FakeMetadata | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('fetches the full URI with the authorization token at client creation', async () => {
    fake = await startFakeContainer();
    const { load } = await session({ env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: `${fake.url}/creds`, AWS_CONTAINER_AUTHORIZATION_TOKEN: 'Bearer abc' } });
    expect(await load()).toEqual({
      accessKeyId: CONTAINER_CREDENTIALS.AccessKeyId,
      secretAccessKey: CONTAINER_CREDENTIALS.SecretAccessKey,
      sessionToken: CONTAINER_CREDENTIALS.Token,
      source: 'container-role',
    });
    expect(fake.requests).toMatchObject([{ method: 'GET', path: '/creds', headers: { authorization: 'Bearer abc', accept: 'application/json' } }]);
  });

  it('comes after every profile source', async () => {
    fake = await startFakeContainer();
    const { load } = await session({
      config: '[default]\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = s\n',
      env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: fake.url },
    });
    expect((await load())?.source).toBe('config-file');
    expect(fake.requests).toHaveLength(0);
  });

  it('fails after three attempts a second apart, with the reference message', async () => {
    fake = await startFakeContainer({ status: 500, body: 'broken' });
    const { io, load } = await session({ env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: `${fake.url}/creds` } });
    expect(await failure(() => load())).toBe(
      '255 Error when retrieving credentials from container-role: Error retrieving metadata: Received non 200 response (500) from ECS metadata: broken',
    );
    expect(io.sleeps).toEqual([1000, 1000, 1000]);
    expect(fake.requests).toHaveLength(3);
  });

  it('refuses a full URI on another host', async () => {
    const { context } = await session({ env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://example.com/creds' } });
    expect(await failure(() => findCredentialSource(context))).toBe(
      "255 Unsupported host 'example.com'.  Can only retrieve metadata from these hosts: 169.254.170.2, localhost, 127.0.0.1",
    );
  });
});

describe('instance metadata', () => {
  let fake: FakeMetadata | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('gets a token, the role and its credentials at client creation, never in findCredentialSource', async () => {
    fake = await startFakeImds();
    const { io, context } = await session({ env: { AWS_EC2_METADATA_DISABLED: undefined, AWS_EC2_METADATA_SERVICE_ENDPOINT: `${fake.url}/` } });
    const found = findCredentialSource(context);
    expect(found?.kind).toBe('instance-metadata');
    expect(fake.requests).toHaveLength(0);
    expect(await resolveCredentialSource(found, io)).toEqual({
      kind: 'static',
      credentials: {
        accessKeyId: IMDS_CREDENTIALS.AccessKeyId,
        secretAccessKey: IMDS_CREDENTIALS.SecretAccessKey,
        sessionToken: IMDS_CREDENTIALS.Token,
        source: 'iam-role',
      },
    });
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'PUT /latest/api/token',
      'GET /latest/meta-data/iam/security-credentials/',
      `GET /latest/meta-data/iam/security-credentials/${IMDS_ROLE}`,
    ]);
    expect(fake.requests[0]?.headers['x-aws-ec2-metadata-token-ttl-seconds']).toBe('21600');
    expect(fake.requests[1]?.headers['x-aws-ec2-metadata-token']).toBe(IMDS_TOKEN);
  });

  it('falls back to IMDSv1 when the token PUT is not found', async () => {
    fake = await startFakeImds({ tokens: false });
    const { load } = await session({ env: { AWS_EC2_METADATA_DISABLED: undefined, AWS_EC2_METADATA_SERVICE_ENDPOINT: `${fake.url}/` } });
    expect((await load())?.source).toBe('iam-role');
    expect(fake.requests[1]?.headers['x-aws-ec2-metadata-token']).toBeUndefined();
  });

  it('a service that gives nothing means no credentials (an error only at signing)', async () => {
    fake = await startFakeContainer({ status: 404, body: '' });
    const { io, context } = await session({ env: { AWS_EC2_METADATA_DISABLED: undefined, AWS_EC2_METADATA_SERVICE_ENDPOINT: `${fake.url}/` } });
    expect(await resolveCredentialSource(findCredentialSource(context), io)).toBeUndefined();
  });

  it('is off with AWS_EC2_METADATA_DISABLED=true', async () => {
    const { context } = await session({ env: { AWS_EC2_METADATA_SERVICE_ENDPOINT: 'http://127.0.0.1:9/' } });
    expect(findCredentialSource(context)).toBeUndefined();
  });

  it.each([
    ['an endpoint that is not a URL', { AWS_EC2_METADATA_SERVICE_ENDPOINT: 'bogus' }, '255 Invalid endpoint EC2 Instance Metadata endpoint: bogus'],
    [
      'an unknown endpoint mode',
      { AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: 'ipv7' },
      "255 Invalid EC2 Instance Metadata endpoint mode: ipv7 Valid endpoint modes (case-insensitive): ('ipv4', 'ipv6').",
    ],
  ])('%s is an error even when env keys are set and IMDS is disabled', async (_name, env, expected) => {
    const { context } = await session({ env: { ...ENV_KEYS, ...env } });
    expect(await failure(() => findCredentialSource(context))).toBe(expected);
  });

  it('credential_source = Ec2InstanceMetadata signs AssumeRole with the instance role; none found is an error', async () => {
    fake = await startFakeImds();
    const config = `[profile p]\nrole_arn = ${ROLE}\ncredential_source = Ec2InstanceMetadata\n`;
    const env = { AWS_EC2_METADATA_DISABLED: undefined, AWS_EC2_METADATA_SERVICE_ENDPOINT: `${fake.url}/` };
    expect((await (await session({ config, env, profile: 'p' })).load())?.source).toBe('assume-role');
    expect(sts.requests[0]?.authorization).toContain(`Credential=${IMDS_CREDENTIALS.AccessKeyId}/`);
    const { load } = await session({ config, env: { ...env, AWS_EC2_METADATA_SERVICE_ENDPOINT: `${fake.url}/nothing-here/` }, profile: 'p' });
    expect(await failure(load)).toBe(
      '255 Error when retrieving credentials from Ec2InstanceMetadata: No credentials found in credential_source referenced in profile p',
    );
  });

  it('an endpoint without a trailing slash is the reference quirk', async () => {
    const { load } = await session({ env: { AWS_EC2_METADATA_DISABLED: undefined, AWS_EC2_METADATA_SERVICE_ENDPOINT: 'http://127.0.0.1:9' } });
    expect(await failure(load)).toBe('255 Invalid endpoint EC2 Instance Metadata endpoint: http://127.0.0.1:9latest/api/token');
  });
});

describe('chain order', () => {
  it.each([
    ['assume role before the profile keys', `role_arn = ${ROLE}\nsource_profile = default\naws_access_key_id = A\naws_secret_access_key = s\n`, 'assume-role'],
    [
      'web identity before SSO',
      `web_identity_token_file = /t\nrole_arn = ${ROLE}\nsso_account_id = 1\nsso_role_name = R\nsso_start_url = u\nsso_region = r\n`,
      'web-identity',
    ],
    [
      'SSO before the keys',
      'sso_account_id = 1\nsso_role_name = R\nsso_start_url = u\nsso_region = r\naws_access_key_id = A\naws_secret_access_key = s\n',
      'sso',
    ],
    ['credential_process before the config file keys', 'credential_process = true\naws_access_key_id = A\naws_secret_access_key = s\n', 'process'],
  ])('%s', async (_name, profile, kind) => {
    const { context } = await session({ config: `[default]\n${profile}` });
    expect(findCredentialSource(context)?.kind).toBe(kind);
  });

  it('loads the SDK only lazily (a run with static keys never imports it)', async () => {
    const sources = (await readdir(join(__dirname, '../../src/config'))).filter((name) => name.startsWith('credential'));
    for (const name of sources) {
      const text = await readFile(join(__dirname, '../../src/config', name), 'utf8');
      expect(text, name).not.toMatch(/^import (?!type )[^;]*from '@aws-sdk\//m);
    }
  });
});
