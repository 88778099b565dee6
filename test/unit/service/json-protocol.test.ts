// src/service/json-protocol.ts against the protocol it replaces: the SDK's own AwsJson1_0Protocol
// (the unbundled @aws-sdk/client-voice-id, as the tests load it). Both clients get the same
// answer from a request handler that answers from a table (no network at all); the error each
// throws must agree in everything the SDK's retry strategy and the CLI read: name, message,
// $fault, $metadata's status and request id, $retryable. The requests both send agree too.
import { describe, expect, it } from 'vitest';
import { DescribeDomainCommand, VoiceIDClient } from '@aws-sdk/client-voice-id';
import { HttpResponse, type HttpRequest } from '@smithy/core/transport';
import { cliJsonProtocol } from '../../../src/service/json-protocol.js';
import { exceptionShapes } from '../../../src/service/send.js';
import { MODELS } from '../../helpers/models.js';

const BODY = '{"DomainId":"abcdefghij0123456789AB"}';
const EXCEPTIONS = exceptionShapes(MODELS['2.36.7'].operation('DescribeDomain'));

interface Answer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body: string;
}

function client(answer: Answer, sent: HttpRequest[], cli: boolean): VoiceIDClient {
  return new VoiceIDClient({
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:1/base',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secretkey' },
    maxAttempts: 1,
    ...(cli ? { protocol: cliJsonProtocol(BODY, () => EXCEPTIONS) } : {}),
    requestHandler: {
      handle: async (request: HttpRequest) => {
        sent.push(request);
        const headers = { 'x-amzn-requestid': 'req-1', 'content-type': 'application/x-amz-json-1.0', ...answer.headers };
        return { response: new HttpResponse({ statusCode: answer.status, headers, body: Buffer.from(answer.body) }) };
      },
    },
  });
}

async function outcome(answer: Answer, cli: boolean) {
  const sent: HttpRequest[] = [];
  try {
    await client(answer, sent, cli).send(new DescribeDomainCommand({ DomainId: 'abcdefghij0123456789AB' }));
    return { ok: true, sent };
  } catch (error) {
    const { name, message, $fault, $metadata, $retryable } = error as Record<string, unknown> & { $metadata?: Record<string, unknown> };
    return { error: { name, message, $fault, status: $metadata?.httpStatusCode, requestId: $metadata?.requestId, $retryable }, sent };
  }
}

const json = (value: unknown): string => JSON.stringify(value);

const ANSWERS: [string, Answer][] = [
  ['a modeled error, __type with a namespace', { status: 400, body: json({ __type: 'com.amazonaws.voiceid#ValidationException', Message: 'bad' }) }],
  ['a modeled error, a bare __type', { status: 404, body: json({ __type: 'ResourceNotFoundException', Message: 'gone' }) }],
  ['a modeled error, lower-case message', { status: 409, body: json({ __type: 'ConflictException', message: 'conflict' }) }],
  ['both message and Message', { status: 400, body: json({ __type: 'ValidationException', message: 'lower', Message: 'upper' }) }],
  ['an unmodeled error', { status: 400, body: json({ __type: 'SomethingElse', Message: 'x' }) }],
  ['the code in "code"', { status: 400, body: json({ code: 'ThrottlingException', message: 'slow' }) }],
  ['the code in "Code"', { status: 400, body: json({ Code: 'AccessDeniedException', Message: 'no' }) }],
  ['"code" and __type', { status: 400, body: json({ code: 'FromCode', __type: 'FromType' }) }],
  ['x-amzn-errortype', { status: 400, headers: { 'x-amzn-errortype': 'ThrottlingException:http://internal.amazon.com/' }, body: json({ __type: 'Other' }) }],
  ['x-amzn-errortype with a comma', { status: 400, headers: { 'x-amzn-errortype': 'ValidationException,Other' }, body: '{}' }],
  ['__type with a colon and a hash', { status: 400, body: json({ __type: 'aws.voiceid#ServiceQuotaExceededException:extra' }) }],
  ['no code at all', { status: 400, body: json({ Message: 'who' }) }],
  ['an empty body', { status: 400, body: '' }],
  ['a non-JSON body', { status: 502, body: '<html>Bad Gateway</html>' }],
  ['a JSON array', { status: 400, body: '[1,2]' }],
  ['JSON null', { status: 400, body: 'null' }],
  ['a JSON string', { status: 400, body: '"ValidationException"' }],
  ['a numeric message', { status: 400, body: json({ __type: 'ValidationException', message: 42 }) }],
  ['a null message', { status: 400, body: json({ __type: 'ValidationException', message: null, Message: 'fallback' }) }],
  ['a 429 without a code', { status: 429, body: '{}' }],
  ['a 500 InternalServerException', { status: 500, body: json({ __type: 'InternalServerException', Message: 'oops' }) }],
  ['a 503', { status: 503, body: json({ __type: 'ServiceUnavailable' }) }],
  ['a 300', { status: 300, body: '' }],
  ...[...EXCEPTIONS.keys()].map((name): [string, Answer] => [`${name} without a message`, { status: 400, body: json({ __type: name }) }]),
  [
    'a 403 with an unmodeled code',
    { status: 403, body: json({ __type: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' }) },
  ],
];

describe('the CLI protocol fails as the SDK protocol fails', () => {
  it.each(ANSWERS)('%s', async (_name, answer) => {
    const [cli, sdk] = [await outcome(answer, true), await outcome(answer, false)];
    expect(cli.error).toBeDefined();
    expect(cli.error).toEqual(sdk.error);
  });

  it('sends what the SDK protocol sends, with the CLI body', async () => {
    const [cli, sdk] = [await outcome({ status: 200, body: '{}' }, true), await outcome({ status: 200, body: '{}' }, false)];
    const view = (request: HttpRequest | undefined) => ({
      ...request,
      headers: { ...request?.headers, 'x-amz-date': '', authorization: '', 'amz-sdk-invocation-id': '' },
    });
    expect(view(cli.sent[0])).toEqual(view(sdk.sent[0]));
    expect(cli.sent[0]?.body).toBe(BODY);
  });
});
