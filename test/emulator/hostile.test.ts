// voiceid-local against hostile clients, byte by byte over raw sockets (test/helpers/raw-http.ts):
// the body limit (enforced while reading), Node's own 400/408/431 answered AWS-shaped, slow
// clients timed out without holding up others, the dispatch, the path, the headers, deep bodies
// and unknown members. The timeout tests run on an endpoint of their own with short timeouts;
// they wait for the events (an answer, a close), never for a number of milliseconds.
import { readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateDomainCommand,
  DescribeSpeakerEnrollmentJobCommand,
  ListDomainsCommand,
  StartSpeakerEnrollmentJobCommand,
  type VoiceIDClient,
} from '@aws-sdk/client-voice-id';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { timeoutFor } from '../helpers/budget.js';
import { startLocalProcess } from '../helpers/local-process.js';
import { type Exchange, exchange, type RawRequest, RequestSigner, requestBytes, send } from '../helpers/raw-http.js';
import { localClient } from '../helpers/voiceid-client.js';

const DOMAIN = 'abcdefghij0123456789AB';
const MIB = 1024 * 1024;
const START = 'VoiceID.StartSpeakerEnrollmentJob';
const JOB = {
  DomainId: DOMAIN,
  DataAccessRoleArn: 'arn:aws:iam::123456789012:role/VoiceIdRole',
  InputDataConfig: { S3Uri: 's3://voiceid-input/manifest.json' },
  OutputDataConfig: { S3Uri: 's3://voiceid-output/results' },
};

const CREDENTIALS = new Map([['AKIDEXAMPLE', 'secretkey']]);
let emulator: Emulator;
let client: VoiceIDClient;
let signer: RequestSigner;
/** An endpoint with short timeouts, for the slow clients. */
let impatient: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ domains: [DOMAIN], credentials: CREDENTIALS });
  client = localClient(emulator.url);
  signer = new RequestSigner(emulator.url);
  impatient = await startEmulator({ domains: [DOMAIN], credentials: CREDENTIALS, limits: { headersTimeoutMs: 300, requestTimeoutMs: 600 } });
});
afterAll(async () => {
  client.destroy();
  signer.destroy();
  await emulator.close();
  await impatient.close();
});

const signed = async (target: string, body: unknown): Promise<RawRequest> => signer.sign(target, typeof body === 'string' ? body : JSON.stringify(body));
const sendSigned = async (target: string, body: unknown): Promise<Exchange> => send(emulator.port, requestBytes(await signed(target, body)));

/** The answer's status, error type (without its namespace) and JSON body. */
function answerOf(result: Exchange): { status: number; type?: string; body: Record<string, unknown> } {
  if (!result.response) throw new Error(`no answer: ${JSON.stringify(result.raw.slice(0, 300))}`);
  const body = JSON.parse(result.response.body) as Record<string, unknown>;
  const type = typeof body.__type === 'string' ? body.__type.slice(body.__type.indexOf('#') + 1) : undefined;
  return { status: result.response.status, ...(type ? { type } : {}), body };
}

/** Writes `chunk` again and again (waiting for drain) until the connection closes; resolves the bytes written. */
function stream(socket: Socket, chunk: Buffer, maxBytes: number): Promise<number> {
  return new Promise((resolve) => {
    let written = 0;
    const pump = (): void => {
      while (!socket.destroyed && written < maxBytes) {
        written += chunk.length;
        if (!socket.write(chunk)) return void socket.once('drain', pump);
      }
    };
    socket.on('close', () => resolve(written));
    pump();
  });
}

const chunked = (chunk: Buffer): Buffer => Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]);

describe('the body limit (1 MiB by default)', () => {
  it('refuses a Content-Length over the limit with a 413 before reading the body, and closes', async () => {
    const result = await exchange(emulator.port, (socket) =>
      socket.write(`POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: ${MIB + 1}\r\n\r\n`),
    );
    const answer = answerOf(result);
    expect(answer).toEqual({
      status: 413,
      type: 'RequestEntityTooLargeException',
      body: {
        __type: 'com.amazon.coral.service#RequestEntityTooLargeException',
        message: 'The request body is larger than the limit of 1048576 bytes.',
      },
    });
    expect(result.response?.headers).toMatchObject({ connection: 'close', 'x-amzn-errortype': 'RequestEntityTooLargeException' });
  });

  it('refuses a chunked body as it passes the limit and stops reading it', async () => {
    let written: Promise<number> = Promise.resolve(0);
    const result = await exchange(emulator.port, (socket) => {
      socket.write('POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n');
      written = stream(socket, chunked(Buffer.alloc(64 * 1024, 0x20)), 64 * MIB);
    });
    expect(answerOf(result)).toMatchObject({ status: 413, type: 'RequestEntityTooLargeException' });
    // The connection closed long before 64 MiB: what was written is the kernel's buffers' worth.
    expect(await written).toBeLessThan(64 * MIB);
  });

  it('answers Expect: 100-continue with a 413 instead of a 100 when the body is over the limit', async () => {
    const head = (length: number): string => `POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: ${length}\r\n\r\n`;
    const over = await exchange(emulator.port, (socket) => socket.write(head(MIB + 1)));
    expect(over.raw).toMatch(/^HTTP\/1\.1 413 /);
    const under = await exchange(emulator.port, (socket) => socket.write(head(2)), true);
    expect(under.raw).toMatch(/^HTTP\/1\.1 100 Continue\r\n/);
  });

  it('reads a signed body of exactly the limit', async () => {
    const body = JSON.stringify({ DomainId: DOMAIN });
    const result = await sendSigned('VoiceID.DescribeDomain', body + ' '.repeat(MIB - body.length));
    expect(answerOf(result).status).toBe(200);
  });

  it('takes another limit as an option of startEmulator', async () => {
    const small = await startEmulator({ limits: { maxBodyBytes: 100 } });
    try {
      const result = await send(small.port, `POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 101\r\nConnection: close\r\n\r\n${'x'.repeat(101)}`);
      expect(answerOf(result).body.message).toBe('The request body is larger than the limit of 100 bytes.');
    } finally {
      await small.close();
    }
  });

  it('answers a 413 through the SDK too', async () => {
    const error = await client
      .send(new CreateDomainCommand({ Name: 'd', Description: 'a'.repeat(2 * MIB), ServerSideEncryptionConfiguration: { KmsKeyId: 'k' } }))
      .then(
        () => undefined,
        (e: { name: string; $metadata?: { httpStatusCode?: number } }) => e,
      );
    expect(error).toMatchObject({ name: 'RequestEntityTooLargeException', $metadata: { httpStatusCode: 413 } });
  });

  // Linux only: the peak resident set size of the process comes from /proc.
  it.skipIf(process.platform !== 'linux')(
    'keeps its memory to the limit plus a small constant under 200 MB of unsigned body',
    async () => {
      const p = await startLocalProcess(['--port', '0']);
      try {
        const port = Number(new URL(p.url).port);
        const peak = (): number => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p.child.pid}/status`, 'utf8'))?.[1]) * 1024;
        await send(port, 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}');
        const before = peak();
        const chunk = Buffer.alloc(MIB, 0x61);
        const declared = await exchange(port, (socket) => {
          socket.write(`POST / HTTP/1.1\r\nHost: x\r\nContent-Length: ${200 * MIB}\r\n\r\n`);
          void stream(socket, chunk, 200 * MIB);
        });
        const chunkedBody = await exchange(port, (socket) => {
          socket.write('POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n');
          void stream(socket, chunked(chunk), 200 * MIB);
        });
        expect(answerOf(declared).status).toBe(413);
        expect(answerOf(chunkedBody).status).toBe(413);
        expect(peak() - before).toBeLessThan(MIB + 32 * MIB);
      } finally {
        p.child.kill('SIGKILL');
      }
    },
    timeoutFor(4),
  ); // a start, a warm-up, two streams
});

describe("Node's own errors, AWS-shaped", () => {
  it('answers a request line that is not HTTP with a 400', async () => {
    const answer = answerOf(await send(emulator.port, 'GARBAGE\r\n\r\n'));
    expect(answer).toEqual({
      status: 400,
      type: 'BadRequestException',
      body: { __type: 'com.amazon.coral.service#BadRequestException', message: 'The request is not valid HTTP/1.1.' },
    });
  });

  it('answers headers over 16 KiB with a 431', async () => {
    const answer = answerOf(await send(emulator.port, `POST / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(17 * 1024)}\r\n\r\n`));
    expect(answer).toMatchObject({ status: 431, type: 'RequestHeaderFieldsTooLargeException' });
    expect(answer.body.message).toBe('The request line and headers are larger than 16384 bytes.');
  });

  it.each([
    ['headers that never end', 'POST / HTTP/1.1\r\nHost: x\r\nX-Slow: '],
    ['a body that never ends', 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n{"a"'],
    ['nothing at all', ''],
  ])('answers %s with a 408 once its timeout is up, and closes', async (_name, bytes) => {
    const answer = answerOf(await exchange(impatient.port, (socket) => socket.write(bytes)));
    expect(answer).toMatchObject({ status: 408, type: 'RequestTimeoutException', body: { message: 'The request was not received in time.' } });
  });

  it('times out a client that trickles its headers byte by byte', async () => {
    const result = await exchange(impatient.port, (socket) => {
      const bytes = Buffer.from(`POST / HTTP/1.1\r\nHost: x\r\nX-Slow: ${'a'.repeat(100_000)}`);
      let at = 0;
      const drip = (): void => {
        if (socket.destroyed) return;
        socket.write(bytes.subarray(at, at + 1));
        at += 1;
        setTimeout(drip, 10);
      };
      drip();
    });
    expect(answerOf(result)).toMatchObject({ status: 408 });
  });

  it('answers others while slow clients hold 50 connections', async () => {
    const slow = Array.from({ length: 50 }, () => exchange(impatient.port, (socket) => socket.write('POST / HTTP/1.1\r\nHost: x\r\n')));
    // Retried (the SDK retries a RequestTimeoutException) should a stalled machine time it out too.
    const beside = localClient(impatient.url, undefined, undefined, 3);
    const { Job } = await beside.send(new StartSpeakerEnrollmentJobCommand({ ...JOB, ClientToken: 'beside-slow-clients' }));
    beside.destroy();
    expect(Job?.JobStatus).toBe('SUBMITTED');
    for (const result of await Promise.all(slow)) expect(answerOf(result).status).toBe(408);
  });
});

describe('dispatch', () => {
  it.each([
    'VoiceID.constructor',
    'VoiceID.toString',
    'VoiceID.__proto__',
    'VoiceID.DescribeDomain.Extra',
    'voiceid.DescribeDomain',
    'VoiceID.',
    'DescribeDomain',
  ])('answers target %j with UnknownOperationException', async (target) => {
    expect(answerOf(await sendSigned(target, { DomainId: DOMAIN }))).toMatchObject({ status: 400, type: 'UnknownOperationException' });
  });

  it('answers a request without a target with UnknownOperationException', async () => {
    expect(answerOf(await sendSigned('', { DomainId: DOMAIN }))).toMatchObject({ status: 400, type: 'UnknownOperationException' });
  });

  it.each(['/%ZZ', '/%', '/a%E0%A4%A', '/?a=%ZZ'])('answers path %s with a 4xx, not a crash', async (path) => {
    const request = await signed('VoiceID.DescribeDomain', { DomainId: DOMAIN });
    expect(answerOf(await send(emulator.port, requestBytes({ ...request, path }))).status).toBe(403);
    const unsigned = answerOf(await send(emulator.port, `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`));
    expect(unsigned).toMatchObject({ status: 403, type: 'MissingAuthenticationTokenException' });
  });

  it.each(['constructor', '__proto__', 'hasOwnProperty'])('takes a signed header named %s as an absent header', async (name) => {
    const request = await signed('VoiceID.DescribeDomain', { DomainId: DOMAIN });
    const authorization = (request.headers.authorization ?? '').replace('SignedHeaders=', `SignedHeaders=${name};`);
    expect(answerOf(await send(emulator.port, requestBytes({ ...request, headers: { ...request.headers, authorization } })))).toMatchObject({
      status: 403,
      type: 'InvalidSignatureException',
    });
  });

  it('refuses a body swapped after signing, whatever x-amz-content-sha256 says', async () => {
    const request = await signed('VoiceID.DescribeDomain', { DomainId: DOMAIN });
    const body = Buffer.from(JSON.stringify({ DomainId: 'zzzzzzzzzzzzzzzzzzzzzz' }));
    const answer = answerOf(
      await send(emulator.port, requestBytes({ ...request, body, headers: { ...request.headers, 'content-length': String(body.length) } })),
    );
    expect(answer).toMatchObject({ status: 403, type: 'InvalidSignatureException' });
  });
});

describe('JSON bodies', () => {
  const deep = (levels: number): string => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
  const withDeepMember = (levels: number, token: string): string =>
    JSON.stringify({ ...JOB, ClientToken: token, EnrollmentConfig: { ExistingEnrollmentAction: 'SKIP', Unknown: '__DEEP__' } }).replace(
      '"__DEEP__"',
      deep(levels),
    );

  it('refuses a body nested 2,100 levels deep with a SerializationException, and every later write works', async () => {
    const answer = answerOf(await sendSigned(START, withDeepMember(2100, 'deep-2100')));
    expect(answer).toEqual({
      status: 400,
      type: 'SerializationException',
      body: { __type: 'com.amazon.coral.service#SerializationException', message: 'The request body nests more than 64 levels of objects and arrays.' },
    });
    await expect(client.send(new StartSpeakerEnrollmentJobCommand({ ...JOB, ClientToken: 'after-deep' }))).resolves.toBeDefined();
    await expect(client.send(new CreateDomainCommand({ Name: 'after-deep', ServerSideEncryptionConfiguration: { KmsKeyId: 'k' } }))).resolves.toBeDefined();
  });

  it('reads a body nested 64 levels deep, and drops the deep unknown member', async () => {
    // The body, EnrollmentConfig and 62 levels of Unknown: 64.
    const answer = answerOf(await sendSigned(START, withDeepMember(62, 'deep-64')));
    expect(answer.status).toBe(200);
    expect((answer.body.Job as Record<string, unknown>).EnrollmentConfig).toEqual({ ExistingEnrollmentAction: 'SKIP' });
    expect(answerOf(await sendSigned(START, withDeepMember(63, 'deep-65'))).type).toBe('SerializationException');
  });

  it('drops unknown members: not stored, not echoed, not part of the idempotency check', async () => {
    const extras = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`Extra${i}`, 'x'.repeat(100_000)]));
    const body = { ...JOB, ClientToken: 'unknown-members', ...extras, InputDataConfig: { ...JOB.InputDataConfig, Unknown: [1, { a: 2 }] } };
    const answer = answerOf(await sendSigned(START, body));
    expect(answer.status).toBe(200);
    const job = answer.body.Job as Record<string, unknown>;
    expect(JSON.stringify(job)).not.toMatch(/Extra|Unknown/);
    const described = await client.send(new DescribeSpeakerEnrollmentJobCommand({ DomainId: DOMAIN, JobId: job.JobId as string }));
    expect(described.Job?.InputDataConfig).toEqual(JOB.InputDataConfig);
    // The same known members with other unknown ones: the same request, so the same job.
    const again = answerOf(await sendSigned(START, { ...JOB, ClientToken: 'unknown-members', Other: true }));
    expect((again.body.Job as Record<string, unknown>).JobId).toBe(job.JobId);
  });

  it('answers a JobName just under the body limit with a ValidationException that hides it', async () => {
    const answer = answerOf(await sendSigned(START, { ...JOB, JobName: '😀'.repeat(200_000) }));
    expect(answer).toMatchObject({ status: 400, type: 'ValidationException' });
    expect(answer.body.Message).toBe(
      "2 validation errors detected: Value at 'jobName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9][a-zA-Z0-9_-]*$; " +
        "Value at 'jobName' failed to satisfy constraint: Member must have length less than or equal to 256",
    );
  });

  it.each([
    ['[]', 'The request body must be a JSON object.'],
    ['"x"', 'The request body must be a JSON object.'],
    ['{"DomainId":', 'The request body is not valid JSON.'],
  ])('answers body %s with a SerializationException', async (body, message) => {
    expect(answerOf(await sendSigned('VoiceID.DescribeDomain', body))).toMatchObject({ status: 400, type: 'SerializationException', body: { message } });
  });

  it('still lists domains after all of it', async () => {
    await expect(client.send(new ListDomainsCommand({}))).resolves.toBeDefined();
  });
});
