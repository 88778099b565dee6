// NODE_EXTRA_CA_CERTS through the sh launcher (bin/aws-voiceid), which keeps it from node's
// start-up, against node reading it itself (node bin/aws-voiceid.js): the same exit code, stdout
// and stderr for an https endpoint signed by a private CA (trusted through the file, refused
// without it, an explicit --ca-bundle alone), a missing, garbage, half-bad or bundled-roots file,
// a CONNECT tunnel and an STS call over https; what differs by design (a run that makes no TLS
// connection reads no file, so warns of nothing); the children's environment; and the launcher
// found through chains of symlinks. The CAs are made by /usr/bin/openssl in a temp dir.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tunnelConnect } from '../helpers/connect-tunnel.js';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { rootCertificates } from 'node:tls';
import { promisify } from 'node:util';
import { timeoutFor } from '../helpers/budget.js';
import { LAUNCHERS, runCommand, runLauncher, SH_BIN, type Launcher, type ProcessOutcome } from '../helpers/cli-launchers.js';
import { startFakeSso, type FakeSso } from '../helpers/fake-sso.js';
import { startFakeSts, type FakeSts } from '../helpers/fake-sts.js';
import { startFakeVoiceId, type FakeVoiceId } from '../helpers/fake-voiceid.js';
import { processEnv } from '../helpers/process-env.js';
import { REPO_ROOT } from '../helpers/golden.js';

const HAS_PYTHON = spawnSync('python3', ['-c', 'import pty'], { stdio: 'ignore' }).status === 0;

let dir: string;
let https: HttpsServer;
let httpsUrl: string;
let proxy: Server;
let proxyUrl: string;
const tunnels: string[] = [];
let sts: FakeSts;
let sso: FakeSso;
let fake: FakeVoiceId;
const file = (name: string): string => join(dir, name);

const OPENSSL_CONFIG = `[req]
distinguished_name = dn
[dn]
[ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[server]
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1
authorityKeyIdentifier = keyid
`;

async function openssl(...args: string[]): Promise<void> {
  await promisify(execFile)('/usr/bin/openssl', args, { cwd: dir, env: { PATH: '/usr/bin:/bin', OPENSSL_CONF: file('openssl.cnf') } });
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

async function makeCertificates(): Promise<void> {
  await writeFile(file('openssl.cnf'), OPENSSL_CONFIG);
  const ca = (name: string, subject: string) =>
    openssl('req', '-x509', ...EC, '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '30', '-subj', subject, '-extensions', 'ca');
  await Promise.all([ca('ca', '/CN=aws-voiceid private test CA'), ca('other', '/CN=aws-voiceid unrelated test CA')]);
  await openssl('req', '-new', ...EC, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
  await openssl(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-set_serial',
    '2',
    '-days',
    '30',
    '-out',
    'server.pem',
    '-extfile',
    'openssl.cnf',
    '-extensions',
    'server',
  );
  const caPem = await readFile(file('ca.pem'), 'utf8');
  const lines = caPem.split('\n');
  // One base64 character off in the middle of the body: OpenSSL's "bad base64 decode".
  lines[3] = `${(lines[3] ?? '').slice(0, 10)}*${(lines[3] ?? '').slice(11)}`;
  await Promise.all([
    writeFile(file('garbage.pem'), 'not a certificate\nat all\n'),
    writeFile(file('bad-base64.pem'), lines.join('\n')),
    writeFile(file('ca-then-bad.pem'), caPem + lines.join('\n')),
    writeFile(file('bad-then-ca.pem'), lines.join('\n') + caPem),
    writeFile(file('roots-and-ca.pem'), `${rootCertificates.slice(0, 20).join('\n')}\n${caPem}`),
    mkdir(file('a-directory')),
  ]);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'extra-ca-'));
  await makeCertificates();
  const tls = { key: await readFile(file('server.key')), cert: await readFile(file('server.pem')) };
  https = createServer(tls, (req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'Content-Type': 'application/x-amz-json-1.0' }).end('{"DomainSummaries": []}'));
  });
  await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
  httpsUrl = `https://127.0.0.1:${(https.address() as AddressInfo).port}`;
  // A CONNECT-only forward proxy.
  proxy = createHttpServer((_req, res) => res.writeHead(405).end());
  tunnelConnect(proxy, (target) => tunnels.push(target));
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  [sts, sso, fake] = await Promise.all([startFakeSts(tls), startFakeSso(SSO_TOKEN, tls), startFakeVoiceId()]);
}, timeoutFor(6));

afterAll(async () => {
  https.closeAllConnections();
  proxy.closeAllConnections();
  await Promise.all([new Promise((r) => https.close(r)), new Promise((r) => proxy.close(r)), sts.close(), sso.close(), fake.close()]);
  await rm(dir, { recursive: true, force: true });
});

/** The env of a run: from scratch, HOME a temp dir, one attempt; NODE_EXTRA_CA_CERTS when given. */
function env(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const base: Record<string, string | undefined> = { ...processEnv({ HOME: dir, AWS_MAX_ATTEMPTS: '1' }), ...extra };
  return Object.fromEntries(Object.entries(base).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

const LIST = ['voice-id', 'list-domains'];
const SSO_TOKEN = 'cached-sso-access-token';
const SSO_START = 'https://example.awsapps.com/start';
const LISTED = '{\n    "DomainSummaries": []\n}\n';
const warning = (path: string, reason: string) => `Warning: Ignoring extra certs from \`${path}\`, load failed: ${reason}\n`;
const NO_SUCH_FILE = 'error:80000002:system library::No such file or directory';
const BAD_BASE64 = 'error:04800064:PEM routines::bad base64 decode';

/** Both ways, side by side: the results must be the same; returns the one result. */
async function both(args: readonly string[], runEnv: Record<string, string>): Promise<ProcessOutcome> {
  const [direct, launched] = await Promise.all(LAUNCHERS.map((launcher) => runLauncher(launcher, args, runEnv)));
  expect(launched).toEqual(direct);
  return direct as ProcessOutcome;
}

describe('the same trust through the launcher as through node', () => {
  const refused = { code: 255, stdout: '', stderr: expect.stringContaining('[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed') };
  const cases: [string, () => string[], () => Record<string, string | undefined>, () => Partial<ProcessOutcome>][] = [
    [
      'trusts the private CA in NODE_EXTRA_CA_CERTS',
      () => [],
      () => ({ NODE_EXTRA_CA_CERTS: file('ca.pem') }),
      () => ({ code: 0, stdout: LISTED, stderr: '' }),
    ],
    ['refuses the endpoint without it', () => [], () => ({}), () => refused],
    [
      'with --ca-bundle, trusts that bundle alone, as node does',
      () => ['--ca-bundle', file('other.pem')],
      () => ({ NODE_EXTRA_CA_CERTS: file('ca.pem') }),
      () => refused,
    ],
    [
      'with --ca-bundle of the private CA, trusts it whatever the file',
      () => ['--ca-bundle', file('ca.pem')],
      () => ({ NODE_EXTRA_CA_CERTS: file('other.pem') }),
      () => ({ code: 0, stdout: LISTED, stderr: '' }),
    ],
    [
      'warns of a missing file as node does',
      () => [],
      () => ({ NODE_EXTRA_CA_CERTS: file('missing.pem') }),
      () => ({ ...refused, stderr: expect.stringMatching(new RegExp(`^${escapeRegExp(warning(file('missing.pem'), NO_SUCH_FILE))}\nSSL validation failed`)) }),
    ],
    [
      'ignores a file with no certificate in it quietly',
      () => [],
      () => ({ NODE_EXTRA_CA_CERTS: file('garbage.pem') }),
      () => ({ ...refused, stderr: expect.stringMatching(/^\nSSL validation/) }),
    ],
    [
      'ignores a directory quietly',
      () => [],
      () => ({ NODE_EXTRA_CA_CERTS: file('a-directory') }),
      () => ({ ...refused, stderr: expect.stringMatching(/^\nSSL validation/) }),
    ],
    [
      'warns of a bad certificate, and stops there',
      () => [],
      () => ({ NODE_EXTRA_CA_CERTS: file('bad-then-ca.pem') }),
      () => ({ ...refused, stderr: expect.stringMatching(new RegExp(`^${escapeRegExp(warning(file('bad-then-ca.pem'), BAD_BASE64))}\n`)) }),
    ],
    [
      'keeps the certificates before a bad one',
      () => [],
      () => ({ NODE_EXTRA_CA_CERTS: file('ca-then-bad.pem') }),
      () => ({ code: 0, stdout: LISTED, stderr: warning(file('ca-then-bad.pem'), BAD_BASE64) }),
    ],
    [
      'trusts the private CA among copies of node’s own roots',
      () => [],
      () => ({ NODE_EXTRA_CA_CERTS: file('roots-and-ca.pem') }),
      () => ({ code: 0, stdout: LISTED, stderr: '' }),
    ],
    [
      'warns with --no-verify-ssl too',
      () => ['--no-verify-ssl'],
      () => ({ NODE_EXTRA_CA_CERTS: file('missing.pem') }),
      () => ({
        code: 0,
        stdout: LISTED,
        stderr: expect.stringMatching(new RegExp(`^${escapeRegExp(warning(file('missing.pem'), NO_SUCH_FILE))}.*InsecureRequestWarning`, 's')),
      }),
    ],
    [
      'takes a relative path from the working directory',
      () => [],
      () => ({ NODE_EXTRA_CA_CERTS: relative(REPO_ROOT, file('ca.pem')) }),
      () => ({ code: 0, stdout: LISTED, stderr: '' }),
    ],
  ];

  it.each(cases)(
    '%s',
    async (_name, args, extra, expected) => {
      const result = await both(['--endpoint-url', httpsUrl, ...args(), ...LIST], env(extra()));
      expect(result).toMatchObject(expected());
    },
    timeoutFor(2),
  );

  it(
    'trusts the private CA through an HTTPS_PROXY CONNECT tunnel',
    async () => {
      tunnels.length = 0;
      const result = await both(['--endpoint-url', httpsUrl, ...LIST], env({ NODE_EXTRA_CA_CERTS: file('ca.pem'), HTTPS_PROXY: proxyUrl }));
      expect(result).toEqual({ code: 0, stdout: LISTED, stderr: '' });
      expect(tunnels).toEqual([httpsUrl.slice('https://'.length), httpsUrl.slice('https://'.length)]);
    },
    timeoutFor(2),
  );

  it(
    'trusts the private CA for STS AssumeRole over https, and refuses it without',
    async () => {
      await writeFile(
        file('config-role'),
        '[default]\nrole_arn = arn:aws:iam::123456789012:role/R\nsource_profile = base\n[profile base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = s\n',
      );
      const roleEnv = (extra: Record<string, string>) =>
        env({ AWS_CONFIG_FILE: file('config-role'), AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined, AWS_ENDPOINT_URL_STS: sts.url, ...extra });
      sts.requests.length = 0;
      const trusted = await both(['--endpoint-url', fake.url, ...LIST], roleEnv({ NODE_EXTRA_CA_CERTS: file('ca.pem') }));
      expect(trusted).toMatchObject({ code: 0, stderr: '' });
      expect(sts.requests.map((request) => request.action)).toEqual(['AssumeRole', 'AssumeRole']);
      const refusedSts = await both(['--endpoint-url', fake.url, ...LIST], roleEnv({ NODE_EXTRA_CA_CERTS: file('other.pem') }));
      expect(refusedSts).toMatchObject({ code: 255, stderr: expect.stringContaining(`SSL validation failed for ${sts.url}/`) });
    },
    timeoutFor(4),
  );

  it(
    'trusts the private CA for SSO GetRoleCredentials over https',
    async () => {
      const cache = join(dir, '.aws/sso/cache');
      await mkdir(cache, { recursive: true });
      await writeFile(
        join(cache, `${createHash('sha1').update(SSO_START).digest('hex')}.json`),
        JSON.stringify({ accessToken: SSO_TOKEN, expiresAt: '2099-01-01T00:00:00Z' }),
      );
      await writeFile(
        file('config-sso'),
        `[default]\nsso_start_url = ${SSO_START}\nsso_region = eu-west-1\nsso_account_id = 123456789012\nsso_role_name = R\n`,
      );
      const ssoEnv = env({
        AWS_CONFIG_FILE: file('config-sso'),
        AWS_ACCESS_KEY_ID: undefined,
        AWS_SECRET_ACCESS_KEY: undefined,
        AWS_ENDPOINT_URL_SSO: sso.url,
        NODE_EXTRA_CA_CERTS: file('ca.pem'),
      });
      sso.requests.length = 0;
      expect(await both(['--endpoint-url', fake.url, ...LIST], ssoEnv)).toMatchObject({ code: 0, stderr: '' });
      expect(sso.requests.map((request) => request.bearerToken)).toEqual([SSO_TOKEN, SSO_TOKEN]);
    },
    timeoutFor(2),
  );
});

describe('what the launcher does differently', () => {
  it(
    'reads no file for a run without TLS: an http endpoint, a skeleton (node warns at start-up)',
    async () => {
      const missing = env({ NODE_EXTRA_CA_CERTS: file('missing.pem') });
      for (const args of [
        ['--endpoint-url', fake.url, ...LIST],
        [...LIST, '--generate-cli-skeleton'],
      ]) {
        const direct = await runLauncher('node bin/aws-voiceid.js', args, missing);
        const launched = await runLauncher('bin/aws-voiceid', args, missing);
        expect(direct.stderr).toBe(warning(file('missing.pem'), NO_SUCH_FILE));
        expect(launched).toEqual({ ...direct, stderr: '' });
      }
    },
    timeoutFor(4),
  );

  it(
    'leaves the file to node under NODE_OPTIONS=--use-openssl-ca (a store the CLI could not rebuild)',
    async () => {
      const openssl = env({ NODE_OPTIONS: '--use-openssl-ca', NODE_EXTRA_CA_CERTS: file('missing.pem') });
      const result = await both([...LIST, '--generate-cli-skeleton'], openssl);
      expect(result).toMatchObject({ code: 0, stderr: warning(file('missing.pem'), NO_SUCH_FILE) });
    },
    timeoutFor(2),
  );

  it(
    'ignores a stale AWS_VOICEID_DEFERRED_EXTRA_CA_CERTS',
    async () => {
      const result = await runLauncher('bin/aws-voiceid', ['--endpoint-url', httpsUrl, ...LIST], env({ AWS_VOICEID_DEFERRED_EXTRA_CA_CERTS: file('ca.pem') }));
      expect(result).toMatchObject({ code: 255, stderr: expect.stringContaining('CERTIFICATE_VERIFY_FAILED') });
    },
    timeoutFor(1),
  );
});

describe('the children see NODE_EXTRA_CA_CERTS as it was set', () => {
  // Writes what it sees to the file named by its first argument, then prints credentials.
  const SCRIPT = `#!/bin/sh
printf '%s|%s\\n' "\${NODE_EXTRA_CA_CERTS-unset}" "\${AWS_VOICEID_DEFERRED_EXTRA_CA_CERTS-unset}" > "$1"
printf '{"Version": 1, "AccessKeyId": "AKIDEXAMPLE", "SecretAccessKey": "secretkey"}'
`;

  it.each(LAUNCHERS)(
    'credential_process, through %s',
    async (launcher: Launcher) => {
      const seen = file(`seen-${launcher.replace(/\W/g, '-')}`);
      await writeFile(file('process.sh'), SCRIPT);
      await writeFile(file('config-process'), `[default]\ncredential_process = /bin/sh ${file('process.sh')} ${seen}\n`);
      const result = await runLauncher(
        launcher,
        ['--endpoint-url', httpsUrl, ...LIST],
        env({ NODE_EXTRA_CA_CERTS: file('ca.pem'), AWS_CONFIG_FILE: file('config-process'), AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined }),
      );
      expect(result).toEqual({ code: 0, stdout: LISTED, stderr: '' });
      expect(await readFile(seen, 'utf8')).toBe(`${file('ca.pem')}|unset\n`);
    },
    timeoutFor(1),
  );

  it.skipIf(!HAS_PYTHON)(
    'the pager, on a terminal, through the launcher',
    async () => {
      const seen = file('seen-pager');
      await writeFile(
        file('pager.sh'),
        `#!/bin/sh\nprintf '%s|%s\\n' "\${NODE_EXTRA_CA_CERTS-unset}" "\${AWS_VOICEID_DEFERRED_EXTRA_CA_CERTS-unset}" > "$1"\ncat > /dev/null\n`,
      );
      const pty = 'import os, pty, sys\nsys.exit(os.waitstatus_to_exitcode(pty.spawn(sys.argv[1:])))';
      const result = await runCommand(
        ['python3', '-c', pty, SH_BIN, '--endpoint-url', httpsUrl, ...LIST],
        env({ NODE_EXTRA_CA_CERTS: file('ca.pem'), AWS_PAGER: `/bin/sh ${file('pager.sh')} ${seen}` }),
      );
      expect(result.code).toBe(0);
      expect(await readFile(seen, 'utf8')).toBe(`${file('ca.pem')}|unset\n`);
    },
    timeoutFor(1),
  );
});

describe('the launcher through symlinks', () => {
  it(
    'finds bin/aws-voiceid.js through absolute and relative links, chained, and from a bare $0',
    async () => {
      const links = file('links');
      await mkdir(join(links, 'prefix/bin'), { recursive: true });
      await mkdir(join(links, 'prefix/lib'), { recursive: true });
      await symlink(SH_BIN, join(links, 'prefix/lib/absolute'));
      await symlink('../lib/absolute', join(links, 'prefix/bin/relative'));
      await symlink('prefix/bin/relative', join(links, 'chained'));
      const trusted = env({ NODE_EXTRA_CA_CERTS: file('ca.pem') });
      const args = ['--endpoint-url', httpsUrl, ...LIST];
      const expected = { code: 0, stdout: LISTED, stderr: '' };
      for (const link of ['prefix/lib/absolute', 'prefix/bin/relative', 'chained']) {
        expect(await runCommand([join(links, link), ...args], trusted), link).toEqual(expected);
      }
      // sh chained: $0 is then the bare name.
      expect(await runCommand(['/bin/sh', 'chained', ...args], trusted, links)).toEqual(expected);
    },
    timeoutFor(4),
  );
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
