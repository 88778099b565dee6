// A fake SSO portal on 127.0.0.1: GetRoleCredentials (GET /federation/credentials, REST JSON),
// answering the one bearer token it accepts and refusing others with UnauthorizedException;
// over https when given a key and certificate.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type ServerOptions } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface SsoRequest {
  readonly path: string;
  readonly query: URLSearchParams;
  readonly bearerToken: string | undefined;
  readonly authorization: string | undefined;
}

export interface FakeSso {
  readonly url: string;
  readonly requests: SsoRequest[];
  close(): Promise<void>;
}

export const SSO_CREDENTIALS = { accessKeyId: 'ASIAFAKESSO', secretAccessKey: 'sso-secret', sessionToken: 'sso-token' } as const;

/** Starts the fake (https with `tls`); `acceptedToken` is the access token of the cached `aws sso login`. */
export async function startFakeSso(acceptedToken: string, tls?: Pick<ServerOptions, 'key' | 'cert'>): Promise<FakeSso> {
  const requests: SsoRequest[] = [];
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const bearer = request.headers['x-amz-sso_bearer_token'];
    const bearerToken = typeof bearer === 'string' ? bearer : undefined;
    requests.push({ path: url.pathname, query: url.searchParams, bearerToken, authorization: request.headers.authorization });
    request.resume();
    if (url.pathname !== '/federation/credentials' || bearerToken !== acceptedToken) {
      response
        .writeHead(401, { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'UnauthorizedException' })
        .end(JSON.stringify({ message: 'Session token not found or invalid' }));
      return;
    }
    const body = { roleCredentials: { ...SSO_CREDENTIALS, expiration: Date.parse('2099-01-01T00:00:00Z') } };
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  };
  const server = tls ? createHttpsServer(tls, handle) : createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = (): Promise<void> => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  };
  return { url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`, requests, close };
}
