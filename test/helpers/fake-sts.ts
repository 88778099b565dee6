// A fake STS on 127.0.0.1: AssumeRole and AssumeRoleWithWebIdentity in the query protocol (form
// bodies in, XML out), recording each request and answering with the next scripted credentials
// or error; over https when given a key and certificate.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type ServerOptions } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface StsRequest {
  readonly action: string;
  readonly params: URLSearchParams;
  readonly authorization: string | undefined;
  readonly userAgent: string | undefined;
}

export interface StsCredentials {
  readonly AccessKeyId: string;
  readonly SecretAccessKey: string;
  readonly SessionToken: string;
}

export interface StsError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

export interface FakeSts {
  readonly url: string;
  readonly requests: StsRequest[];
  /** What the next requests get, in order (the last one repeats); credentials by default. */
  script(...answers: (StsCredentials | StsError)[]): void;
  close(): Promise<void>;
}

export const STS_CREDENTIALS: StsCredentials = { AccessKeyId: 'ASIAFAKESTS', SecretAccessKey: 'sts-secret', SessionToken: 'sts-token' };

/** Starts the fake on an ephemeral port (https with `tls`). */
export async function startFakeSts(tls?: Pick<ServerOptions, 'key' | 'cert'>): Promise<FakeSts> {
  const requests: StsRequest[] = [];
  let answers: (StsCredentials | StsError)[] = [STS_CREDENTIALS];
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    void readBody(request).then((body) => {
      const params = new URLSearchParams(body);
      const action = params.get('Action') ?? '';
      requests.push({ action, params, authorization: request.headers.authorization, userAgent: request.headers['user-agent'] });
      const answer = answers.length > 1 ? (answers.shift() as StsCredentials | StsError) : (answers[0] as StsCredentials | StsError);
      if ('code' in answer) respondError(response, answer);
      else respondCredentials(response, action, answer);
    });
  };
  const server = tls ? createHttpsServer(tls, handle) : createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    script: (...next) => {
      answers = next;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function respondCredentials(response: ServerResponse, action: string, credentials: StsCredentials): void {
  const extra =
    action === 'AssumeRoleWithWebIdentity'
      ? '<SubjectFromWebIdentityToken>subject</SubjectFromWebIdentityToken><Audience>client</Audience><Provider>issuer</Provider>'
      : '';
  const xml = `<${action}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <${action}Result>${extra}
    <Credentials>
      <AccessKeyId>${credentials.AccessKeyId}</AccessKeyId>
      <SecretAccessKey>${credentials.SecretAccessKey}</SecretAccessKey>
      <SessionToken>${credentials.SessionToken}</SessionToken>
      <Expiration>2099-01-01T00:00:00Z</Expiration>
    </Credentials>
    <AssumedRoleUser>
      <AssumedRoleId>AROAFAKE:session</AssumedRoleId>
      <Arn>arn:aws:sts::123456789012:assumed-role/fake/session</Arn>
    </AssumedRoleUser>
  </${action}Result>
  <ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata>
</${action}Response>`;
  response.writeHead(200, { 'Content-Type': 'text/xml' }).end(xml);
}

function respondError(response: ServerResponse, error: StsError): void {
  const xml = `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error><Type>Sender</Type><Code>${error.code}</Code><Message>${error.message}</Message></Error>
  <RequestId>00000000-0000-0000-0000-000000000000</RequestId>
</ErrorResponse>`;
  response.writeHead(error.status, { 'Content-Type': 'text/xml' }).end(xml);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}
