// TLS and endpoint resolution against loopback servers: certificate verification on by default,
// --no-verify-ssl with the reference's warning, --ca-bundle / AWS_CA_BUNDLE / ca_bundle, and the
// endpoint from --endpoint-url, AWS_ENDPOINT_URL_VOICE_ID, AWS_ENDPOINT_URL, the services section,
// endpoint_url, and AWS_IGNORE_CONFIGURED_ENDPOINT_URLS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeVoiceId, type FakeVoiceId } from '../helpers/fake-voiceid.js';
import { baseEnv, OPERATION, REQUIRED_ARGS, runCli } from '../helpers/run-cli.js';
import { REPO_ROOT } from '../helpers/golden.js';
import { configuredEndpoint } from '../../src/config/endpoint.js';

const CERT = join(REPO_ROOT, 'fixtures/tls/cert.pem');
const BODY = JSON.stringify({ Job: { JobId: 'tls-job' } });

let https: Server;
let httpsUrl: string;
let fake: FakeVoiceId;
let dir: string;
beforeAll(async () => {
  https = createServer({ cert: readFileSync(CERT), key: readFileSync(join(REPO_ROOT, 'fixtures/tls/key.pem')) }, (req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'Content-Type': 'application/x-amz-json-1.0' }).end(BODY));
  });
  await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
  httpsUrl = `https://127.0.0.1:${(https.address() as AddressInfo).port}`;
  fake = await startFakeVoiceId();
  dir = await mkdtemp(join(tmpdir(), 'tls-'));
});
afterAll(async () => {
  https.closeAllConnections();
  await new Promise((resolve) => https.close(resolve));
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

const call = (args: string[], env = baseEnv({ AWS_MAX_ATTEMPTS: '1' })) => runCli([...args, ...OPERATION, ...REQUIRED_ARGS], { env });

describe('TLS', () => {
  it('refuses a self-signed certificate by default (255, the reference message)', async () => {
    const result = await call(['--endpoint-url', httpsUrl]);
    expect(result.exitCode).toBe(255);
    expect(result.stderr).toBe(
      `\nSSL validation failed for ${httpsUrl}/ [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate (_ssl.c:992)\n`,
    );
  });

  it('accepts it with --no-verify-ssl, warning once per attempt as urllib3 does', async () => {
    const result = await call(['--no-verify-ssl', '--endpoint-url', httpsUrl]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('"JobId": "tls-job"');
    expect(result.stderr).toContain("InsecureRequestWarning: Unverified HTTPS request is being made to host '127.0.0.1'.");
    expect(result.stderr.match(/InsecureRequestWarning/g)).toHaveLength(1);
  });

  it.each([
    ['--ca-bundle', (args: string[]) => [...args, '--ca-bundle', CERT], {}],
    ['AWS_CA_BUNDLE', (args: string[]) => args, { AWS_CA_BUNDLE: CERT }],
  ])('trusts it through %s', async (_name, withArgs, env) => {
    const result = await call(withArgs(['--endpoint-url', httpsUrl]), baseEnv({ AWS_MAX_ATTEMPTS: '1', ...env }));
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
  });

  it('trusts it through the profile ca_bundle', async () => {
    const config = join(dir, 'config-ca');
    await writeFile(config, `[default]\nca_bundle = ${CERT}\n`);
    const result = await call(['--endpoint-url', httpsUrl], baseEnv({ AWS_MAX_ATTEMPTS: '1', AWS_CONFIG_FILE: config }));
    expect(result.exitCode).toBe(0);
  });

  it('reports a missing CA bundle as the reference does', async () => {
    const result = await call(['--endpoint-url', httpsUrl, '--ca-bundle', '/nonexistent/ca.pem']);
    expect(result).toMatchObject({ exitCode: 255, stderr: `\nSSL validation failed for ${httpsUrl}/ [Errno 2] No such file or directory\n` });
  });
});

describe('the endpoint', () => {
  it('comes from AWS_ENDPOINT_URL_VOICE_ID before AWS_ENDPOINT_URL', async () => {
    fake.script();
    const result = await call([], baseEnv({ AWS_ENDPOINT_URL_VOICE_ID: fake.url, AWS_ENDPOINT_URL: 'http://127.0.0.1:9' }));
    expect(result.exitCode).toBe(0);
    expect(fake.requests).toHaveLength(1);
  });

  it('comes from the profile endpoint_url and from a services section', async () => {
    const config = join(dir, 'config-endpoints');
    await writeFile(
      config,
      `[default]\nendpoint_url = ${fake.url}\n[profile svc]\nservices = local\n[services local]\nvoice_id =\n  endpoint_url = ${fake.url}\n`,
    );
    fake.script();
    expect((await call([], baseEnv({ AWS_CONFIG_FILE: config }))).exitCode).toBe(0);
    expect((await call([], baseEnv({ AWS_CONFIG_FILE: config, AWS_PROFILE: 'svc' }))).exitCode).toBe(0);
    expect(fake.requests).toHaveLength(2);
  });

  it('follows the precedence of AWS CLI v2 (2.13 and later)', () => {
    const services = new Map([['voice_id', new Map([['endpoint_url', 'http://services']])]]);
    const profile = new Map([['endpoint_url', 'http://profile']]);
    const all = { AWS_ENDPOINT_URL_VOICE_ID: 'http://env-service', AWS_ENDPOINT_URL: 'http://env-global' };
    const resolve = (flag: string | undefined, env: Record<string, string>, withServices = true) =>
      configuredEndpoint({ flag, env, profile, servicesSection: withServices ? services : undefined });
    expect(resolve('http://flag', all)).toBe('http://flag');
    expect(resolve(undefined, all)).toBe('http://env-service');
    expect(resolve(undefined, { AWS_ENDPOINT_URL: 'http://env-global' })).toBe('http://env-global');
    expect(resolve(undefined, {})).toBe('http://services');
    expect(resolve(undefined, {}, false)).toBe('http://profile');
    expect(resolve(undefined, { ...all, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' })).toBeUndefined();
    expect(resolve('http://flag', { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' })).toBe('http://flag');
  });
});
