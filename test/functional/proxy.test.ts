// HTTP(S) proxies on loopback: plain http goes to the proxy in absolute form, https through a
// CONNECT tunnel, NO_PROXY bypasses it, and a proxy that cannot be reached is the reference's
// "Failed to connect to proxy URL" (255).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tunnelConnect } from '../helpers/connect-tunnel.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeVoiceId, type FakeVoiceId } from '../helpers/fake-voiceid.js';
import { baseEnv, OPERATION, REQUIRED_ARGS, runCli } from '../helpers/run-cli.js';
import { REPO_ROOT } from '../helpers/golden.js';
import { proxyFor } from '../../src/service/proxy.js';

let fake: FakeVoiceId;
let proxy: Server;
let proxyUrl: string;
let https: HttpsServer;
let httpsUrl: string;
const seen: string[] = [];

beforeAll(async () => {
  fake = await startFakeVoiceId();
  // A minimal forward proxy: absolute-form requests are relayed; CONNECT opens a tunnel.
  proxy = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const target = new URL(req.url ?? '');
    const upstream = httpRequest({ host: target.hostname, port: target.port, path: target.pathname, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  tunnelConnect(proxy, (target) => seen.push(`CONNECT ${target}`));
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  https = createHttpsServer(
    { cert: readFileSync(join(REPO_ROOT, 'fixtures/tls/cert.pem')), key: readFileSync(join(REPO_ROOT, 'fixtures/tls/key.pem')) },
    (req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200).end(JSON.stringify({ Job: { JobId: 'via-tunnel' } })));
    },
  );
  await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
  httpsUrl = `https://127.0.0.1:${(https.address() as AddressInfo).port}`;
});
afterAll(async () => {
  proxy.closeAllConnections();
  https.closeAllConnections();
  await Promise.all([fake.close(), new Promise((r) => proxy.close(r)), new Promise((r) => https.close(r))]);
});

const call = (endpoint: string, env: Record<string, string | undefined>, extra: string[] = []) =>
  runCli(['--endpoint-url', endpoint, ...extra, ...OPERATION, ...REQUIRED_ARGS], { env: baseEnv({ AWS_MAX_ATTEMPTS: '1', ...env }) });

describe('proxies', () => {
  it('sends plain http to HTTP_PROXY in absolute form, signed for the endpoint', async () => {
    fake.script();
    seen.length = 0;
    const result = await call(fake.url, { HTTP_PROXY: proxyUrl });
    expect(result.exitCode).toBe(0);
    expect(seen).toEqual([`POST ${fake.url}/`]);
    expect(fake.requests[0]?.signature).toBe('valid');
  });

  it('tunnels https through HTTPS_PROXY with CONNECT', async () => {
    seen.length = 0;
    const result = await call(httpsUrl, { HTTPS_PROXY: proxyUrl, AWS_CA_BUNDLE: join(REPO_ROOT, 'fixtures/tls/cert.pem') });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('via-tunnel');
    expect(seen).toEqual([`CONNECT ${httpsUrl.slice('https://'.length)}`]);
  });

  it('is bypassed for hosts in NO_PROXY', async () => {
    seen.length = 0;
    expect((await call(fake.url, { HTTP_PROXY: 'http://127.0.0.1:9', NO_PROXY: '127.0.0.1' })).exitCode).toBe(0);
    expect(seen).toEqual([]);
  });

  it('that cannot be reached is exit 255 with the reference message', async () => {
    const result = await call(fake.url, { HTTP_PROXY: 'http://127.0.0.1:9' });
    expect(result).toMatchObject({ exitCode: 255, stderr: '\nFailed to connect to proxy URL: "http://127.0.0.1:9"\n' });
  });

  it('follows requests in choosing the proxy', () => {
    const url = new URL('http://voiceid.us-east-1.amazonaws.com/');
    expect(proxyFor(url, { http_proxy: 'http://p:3128' })?.host).toBe('p:3128');
    expect(proxyFor(url, { HTTPS_PROXY: 'http://p:3128' })).toBeUndefined();
    expect(proxyFor(url, { HTTP_PROXY: 'p:3128', NO_PROXY: '.amazonaws.com' })).toBeUndefined();
    expect(proxyFor(url, { HTTP_PROXY: 'p:3128', NO_PROXY: '*' })).toBeUndefined();
    expect(proxyFor(url, { HTTP_PROXY: 'p:3128', NO_PROXY: 'example.com' })?.hostname).toBe('p');
  });
});
