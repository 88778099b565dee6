// Fake metadata endpoints on 127.0.0.1: the container credentials endpoint (one JSON document
// at any path) and EC2 instance metadata (IMDSv2: token PUT, role name GET, credentials GET).
// Each records what it was asked.
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface MetadataRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

export interface FakeMetadata {
  readonly url: string;
  readonly requests: MetadataRequest[];
  close(): Promise<void>;
}

export const CONTAINER_CREDENTIALS = { AccessKeyId: 'ASIAFAKECONTAINER', SecretAccessKey: 'container-secret', Token: 'container-token' } as const;
export const IMDS_CREDENTIALS = { AccessKeyId: 'ASIAFAKEIMDS', SecretAccessKey: 'imds-secret', Token: 'imds-token' } as const;
export const IMDS_ROLE = 'fake-instance-role';
export const IMDS_TOKEN = 'fake-imds-token';

/** A container endpoint answering `status` with its credentials (or `body`). */
export function startFakeContainer(options: { status?: number; body?: string } = {}): Promise<FakeMetadata> {
  const body = options.body ?? JSON.stringify({ ...CONTAINER_CREDENTIALS, Expiration: '2099-01-01T00:00:00Z' });
  return listen((request, response, requests) => {
    requests.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers });
    response.writeHead(options.status ?? 200, { 'Content-Type': 'application/json' }).end(body);
  });
}

/** IMDS; with `tokens: false` the token PUT answers 404 (IMDSv1 only). */
export function startFakeImds(options: { tokens?: boolean } = {}): Promise<FakeMetadata> {
  const tokens = options.tokens ?? true;
  return listen((request, response, requests) => {
    const path = request.url ?? '';
    requests.push({ method: request.method ?? '', path, headers: request.headers });
    const tokenOk = !tokens || request.headers['x-aws-ec2-metadata-token'] === IMDS_TOKEN;
    if (request.method === 'PUT' && path === '/latest/api/token') {
      response.writeHead(tokens ? 200 : 404).end(tokens ? IMDS_TOKEN : '');
    } else if (request.method === 'GET' && path === '/latest/meta-data/iam/security-credentials/' && tokenOk) {
      response.writeHead(200).end(IMDS_ROLE);
    } else if (request.method === 'GET' && path === `/latest/meta-data/iam/security-credentials/${IMDS_ROLE}` && tokenOk) {
      response.writeHead(200).end(JSON.stringify({ Code: 'Success', ...IMDS_CREDENTIALS, Expiration: '2099-01-01T00:00:00Z' }));
    } else {
      response.writeHead(tokenOk ? 404 : 401).end();
    }
  });
}

async function listen(handle: (...args: [...Parameters<RequestListener>, MetadataRequest[]]) => void): Promise<FakeMetadata> {
  const requests: MetadataRequest[] = [];
  const server = createServer((request, response) => {
    request.resume();
    handle(request, response, requests);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
