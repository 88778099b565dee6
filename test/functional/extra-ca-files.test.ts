// How a deferred NODE_EXTRA_CA_CERTS file is read (src/service/extra-ca.ts), against node 20
// reading the same file at start-up: for each file, a node process with NODE_EXTRA_CA_CERTS set
// and this process through deferredTrust() must print the same warning (or none) and trust the
// same: an https server on 127.0.0.1 whose self-signed certificate (fixtures/tls) the file may
// hold, in the many shapes OpenSSL's PEM reader accepts, skips or stops at. And the start-up
// half, restoreExtraCaCerts(), on env objects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:https';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import { promisify } from 'node:util';
import { deferredTrust, readExtraCerts, restoreExtraCaCerts, rootKeys, type DeferredTrust } from '../../src/service/extra-ca.js';
import { timeoutFor } from '../helpers/budget.js';
import { REPO_ROOT } from '../helpers/golden.js';

const CERT_FILE = join(REPO_ROOT, 'fixtures/tls/cert.pem');
let cert: string;
let dir: string;
let server: Server;
let url: string;
let bundledOnly: SecureContext | undefined;

beforeAll(async () => {
  cert = await readFile(CERT_FILE, 'utf8');
  dir = await mkdtemp(join(tmpdir(), 'extra-ca-files-'));
  server = createServer({ cert, key: await readFile(join(REPO_ROOT, 'fixtures/tls/key.pem')) }, (_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

const body = (): string[] => cert.trim().split('\n').slice(1, -1);
const block = (name: string, lines: string[], end = name): string => `-----BEGIN ${name}-----\n${lines.join('\n')}\n-----END ${end}-----\n`;

/** The files, by name: what they hold. */
const FILES: Readonly<Record<string, () => string>> = {
  'the certificate': () => cert,
  'CRLF line ends and trailing blanks': () => cert.replace(/\n/g, ' \t\r\n'),
  'text around it': () => `subject=CN = 127.0.0.1\n# a comment\n${cert}trailing text\n`,
  'as X509 CERTIFICATE': () => block('X509 CERTIFICATE', body()),
  'as TRUSTED CERTIFICATE (skipped)': () => block('TRUSTED CERTIFICATE', body()),
  'after a key block (skipped)': () => `${block('PRIVATE KEY', ['MC4CAQAwBQYDK2VwBCIEIGVzb21lIGtleSBieXRlcyBoZXJlIGZvciB0ZXN0aW5n'])}${cert}`,
  'after copies of node’s roots': () => `${rootCertificates.slice(0, 30).join('\n')}\n${cert}`,
  'with 76-column lines': () =>
    block(
      'CERTIFICATE',
      body()
        .join('')
        .match(/.{1,76}/g) ?? [],
    ),
  'without its END line': () => cert.replace(/-----END CERTIFICATE-----\n?$/, ''),
  'with a wrong END line': () => block('CERTIFICATE', body(), 'PRIVATE KEY'),
  'of a short body (wrong tag)': () => block('CERTIFICATE', ['AAAA']),
  'bad base64 before it': () => `${block('CERTIFICATE', ['MIID*HDCCAgSgAwIBAgIU'])}${cert}`,
  'it before bad base64': () => `${cert}${block('CERTIFICATE', ['MIID*HDCCAgSgAwIBAgIU'])}`,
  'a blank line in it': () => block('CERTIFICATE', [...body().slice(0, 3), '', ...body().slice(3)]),
  'a root with a blank line before it': () => `${(rootCertificates[0] ?? '').replace(/\n(?=[^\n]*\n[^\n]*\n-----END)/, '\n\n')}\n${cert}`,
  'a header line in it': () => block('CERTIFICATE', ['Proc-Type: 4,ENCRYPTED', 'DEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF', '', ...body()]),
  'a UTF-8 BOM first': () => `\ufeff${cert}`,
  empty: () => '',
};

/** node 20 itself: the warning it prints at start-up and whether its default store trusts the server. */
async function nodeReads(path: string): Promise<{ warning: string; trusted: string }> {
  const script = `require('node:https').get(${JSON.stringify(url)}, (r) => { r.resume(); console.log('trusted'); }).on('error', (e) => console.log(e.code))`;
  const { stdout, stderr } = await promisify(execFile)(process.execPath, ['-e', script], { env: { PATH: '/usr/bin:/bin', NODE_EXTRA_CA_CERTS: path } });
  return { warning: stderr, trusted: stdout.trim() };
}

/** The deferred read in this process, the same question asked. */
async function deferredReads(path: string): Promise<{ warning: string; trusted: string }> {
  let warning = '';
  const trust: DeferredTrust = await deferredTrust({ path, warn: (text) => (warning += text) }, true);
  // Else node's bundled roots alone (not this process's own store, whatever NODE_EXTRA_CA_CERTS it started with).
  bundledOnly ??= createSecureContext({ ca: [...rootCertificates] });
  const secureContext = trust.secureContext ?? bundledOnly;
  const trusted = await new Promise<string>((resolve) => {
    get(url, { agent: false, ...{ secureContext } }, (response) => {
      response.resume();
      resolve('trusted');
    }).on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? String(error)));
  });
  return { warning, trusted };
}

describe('a deferred NODE_EXTRA_CA_CERTS file reads as node reads it', () => {
  it(
    'the same warning and the same trust for each shape',
    async () => {
      const names = Object.keys(FILES);
      const paths = await Promise.all(
        names.map(async (name, i) => {
          const path = join(dir, `file-${i}.pem`);
          await writeFile(path, (FILES[name] as () => string)(), 'latin1');
          return path;
        }),
      );
      const cases = [...paths, join(dir, 'missing.pem'), join(CERT_FILE, 'under-a-file'), dir];
      const labels = [...names, 'a missing file', 'a path through a file', 'a directory'];
      const expected = await Promise.all(cases.map(nodeReads));
      for (const [i, path] of cases.entries()) {
        expect({ file: labels[i], ...(await deferredReads(path)) }).toEqual({ file: labels[i], ...expected[i] });
      }
      // The fixture is trusted where it is read (so the comparison means something), and not in the others.
      expect(expected.map((result) => result.trusted).filter((trusted) => trusted === 'trusted')).toHaveLength(8);
      expect(expected.filter((result) => result.warning !== '')).toHaveLength(9);
    },
    timeoutFor(4),
  );

  it('does not parse a copy of one of node’s roots again', () => {
    const path = join(dir, 'roots-only.pem');
    return writeFile(path, rootCertificates.slice(0, 5).join('\n')).then(() => {
      const parsed: number[] = [];
      const result = readExtraCerts(path, rootKeys(rootCertificates), (bytes) => {
        parsed.push(bytes.length);
        return '';
      });
      expect(result).toEqual({ pems: [] });
      expect(parsed).toEqual([]);
    });
  });

  it('reads the file once per process: one warning', async () => {
    let warnings = 0;
    const extraCa = { path: join(dir, 'missing-once.pem'), warn: () => warnings++ };
    await deferredTrust(extraCa, true);
    await deferredTrust(extraCa, false);
    expect(warnings).toBe(1);
  });

  it('with an explicit CA (or no verification), adds nothing but still warns', async () => {
    const path = join(dir, 'explicit.pem');
    await writeFile(path, `${cert}${block('CERTIFICATE', ['AAAA'])}`);
    let warning = '';
    expect(await deferredTrust({ path, warn: (text) => (warning += text) }, false)).toEqual({});
    expect(warning).toBe(`Warning: Ignoring extra certs from \`${path}\`, load failed: error:068000A8:asn1 encoding routines::wrong tag\n`);
    expect((await deferredTrust({ path, warn: () => undefined }, true)).secureContext).toBeDefined();
  });
});

describe('restoreExtraCaCerts', () => {
  it('puts the deferred path back and removes the private variable', () => {
    const env: NodeJS.ProcessEnv = { AWS_VOICEID_DEFERRED_EXTRA_CA_CERTS: '/certs.pem', OTHER: 'x' };
    expect(restoreExtraCaCerts(env)).toBe('/certs.pem');
    expect(env).toEqual({ NODE_EXTRA_CA_CERTS: '/certs.pem', OTHER: 'x' });
  });

  it('leaves everything as it is when node loaded NODE_EXTRA_CA_CERTS itself', () => {
    const env: NodeJS.ProcessEnv = { NODE_EXTRA_CA_CERTS: '/a.pem', AWS_VOICEID_DEFERRED_EXTRA_CA_CERTS: '/b.pem' };
    expect(restoreExtraCaCerts(env)).toBeUndefined();
    expect(env).toEqual({ NODE_EXTRA_CA_CERTS: '/a.pem', AWS_VOICEID_DEFERRED_EXTRA_CA_CERTS: '/b.pem' });
  });

  it('has nothing to restore without the private variable, or with an empty one', () => {
    const none: NodeJS.ProcessEnv = {};
    expect(restoreExtraCaCerts(none)).toBeUndefined();
    expect(none).toEqual({});
    const empty: NodeJS.ProcessEnv = { AWS_VOICEID_DEFERRED_EXTRA_CA_CERTS: '' };
    expect(restoreExtraCaCerts(empty)).toBeUndefined();
    expect(empty).toEqual({});
  });
});
