// The pure steps of voiceid-local's request path: the depth-bounded JSON body, the dispatch by
// X-Amz-Target, the error bodies derived from the model, and the limits' faults.
import { describe, expect, it } from 'vitest';
import { errorAnswer, targetOperation } from '../../src/emulator/handlers.js';
import { bodyTooLarge, clientErrorFault, DEFAULT_LIMITS } from '../../src/emulator/http-limits.js';
import { MAX_JSON_DEPTH, nestsDeeperThan, parseJsonBody } from '../../src/emulator/json-body.js';
import { OPERATIONS } from '../../src/emulator/operations.js';
import { conflict, errorBody, frameworkError, internalError, modelError, notFound, throttled, validationError } from '../../src/emulator/service-error.js';
import { MODELS } from '../helpers/models.js';

// voiceid-local serves the final model.
const MODEL = MODELS['2.36.7'];

const serialization = (message: string) => expect.objectContaining({ type: 'SerializationException', message });

describe(nestsDeeperThan.name, () => {
  const bytes = (text: string): Buffer => Buffer.from(text);

  it.each([
    ['{}', 1],
    ['{"a":[{"b":[]}]}', 4],
    ['[[],[],[[]]]', 3],
    ['{"a":"[[[[[[[["}', 1],
    ['{"a":"\\"[[[[[[["}', 1],
    ['{"a\\\\":[[]]}', 3],
    ['"{{{{"', 0],
  ])('counts %s as %i deep, outside strings', (text, depth) => {
    expect(nestsDeeperThan(bytes(text), depth)).toBe(false);
    expect(nestsDeeperThan(bytes(text), depth - 1)).toBe(depth > 0);
  });

  it('reads UTF-8 bytes without mistaking them for brackets', () => {
    expect(nestsDeeperThan(bytes('{"é😀":"ü"}'), 1)).toBe(false);
  });
});

describe(parseJsonBody.name, () => {
  it('parses an object, and an empty body as {}', () => {
    expect(parseJsonBody(Buffer.from('{"a":1}'))).toEqual({ a: 1 });
    expect(parseJsonBody(Buffer.from(' \n'))).toEqual({});
  });

  it(`accepts ${MAX_JSON_DEPTH} levels and refuses ${MAX_JSON_DEPTH + 1} before parsing`, () => {
    // An object holding levels - 1 nested arrays.
    const nested = (levels: number): Buffer => Buffer.from(`{"a":${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}}`);
    expect(() => parseJsonBody(nested(MAX_JSON_DEPTH))).not.toThrow();
    expect(() => parseJsonBody(nested(MAX_JSON_DEPTH + 1))).toThrow(
      serialization(`The request body nests more than ${MAX_JSON_DEPTH} levels of objects and arrays.`),
    );
  });

  it('refuses a million unclosed brackets as too deep, not as invalid JSON', () => {
    expect(() => parseJsonBody(Buffer.from('['.repeat(1_000_000)))).toThrow(
      serialization(`The request body nests more than ${MAX_JSON_DEPTH} levels of objects and arrays.`),
    );
  });

  it.each([
    ['{"a":', 'The request body is not valid JSON.'],
    ['\xff\xfe', 'The request body is not valid JSON.'],
    ['[1]', 'The request body must be a JSON object.'],
    ['null', 'The request body must be a JSON object.'],
  ])('refuses %j', (text, message) => {
    expect(() => parseJsonBody(Buffer.from(text, 'latin1'))).toThrow(serialization(message));
  });
});

describe(targetOperation.name, () => {
  it.each(Object.keys(OPERATIONS))('dispatches VoiceID.%s', (name) => {
    expect(targetOperation(`VoiceID.${name}`, MODEL)?.name).toBe(name);
    expect(targetOperation(`VoiceID.${name}`, MODEL)?.operation.input.name).toBe(`${name}Request`);
  });

  it.each([
    'VoiceID.constructor',
    'VoiceID.toString',
    'VoiceID.__proto__',
    'VoiceID.hasOwnProperty',
    'VoiceID.DescribeDomain.Extra',
    'voiceid.DescribeDomain',
    'VoiceID.describeDomain',
    'VoiceID.DescribeDomain ',
    ' VoiceID.DescribeDomain',
    'VoiceID.',
    'VoiceID',
    'DescribeDomain',
    '',
  ])('knows no operation %j', (target) => {
    expect(targetOperation(target, MODEL)).toBeUndefined();
  });

  it('serves only operations of the model', () => {
    expect(Object.keys(OPERATIONS).filter((name) => !MODEL.hasOperation(name))).toEqual([]);
  });
});

describe(errorBody.name, () => {
  const errorShapes = Object.entries(MODEL.shapes).filter(([, shape]) => shape.exception);

  it.each(errorShapes.map(([name, shape]) => [name, Object.keys(shape.members ?? {})] as const))(
    'sends %s with __type and the members %j of its structure',
    (name, memberNames) => {
      const extra = Object.fromEntries(memberNames.filter((m) => m !== 'Message').map((m) => [m, `a ${m}`]));
      const body = errorBody(modelError(MODEL, name, 'the message', { ...extra, NotAMember: 'x' }));
      expect(Object.keys(body)).toEqual(['__type', ...memberNames]);
      expect(body).toMatchObject({ __type: `com.amazonaws.voiceid#${name}`, Message: 'the message', ...extra });
    },
  );

  it('gives the modelled errors their status from the model', () => {
    const faults = [validationError(MODEL, 'm'), notFound(MODEL, 'DOMAIN', 'm'), conflict(MODEL, 'X', 'm'), throttled(MODEL), internalError(MODEL)];
    expect(faults.map((f) => [f.type, f.status])).toEqual([
      ['ValidationException', 400],
      ['ResourceNotFoundException', 400],
      ['ConflictException', 400],
      ['ThrottlingException', 400],
      ['InternalServerException', 500],
    ]);
  });

  it('sends a framework error with message', () => {
    expect(errorBody(frameworkError('UnknownOperationException', 'm'))).toEqual({ __type: 'com.amazon.coral.service#UnknownOperationException', message: 'm' });
  });
});

describe('the limits', () => {
  it.each([
    ['HPE_HEADER_OVERFLOW', 431, 'RequestHeaderFieldsTooLargeException'],
    ['HPE_CHUNK_EXTENSIONS_OVERFLOW', 413, 'RequestEntityTooLargeException'],
    ['ERR_HTTP_REQUEST_TIMEOUT', 408, 'RequestTimeoutException'],
    ['HPE_INVALID_METHOD', 400, 'BadRequestException'],
    [undefined, 400, 'BadRequestException'],
  ])("answers Node's %s with %i %s", (code, status, type) => {
    expect(clientErrorFault(code, DEFAULT_LIMITS)).toMatchObject({ status, type });
  });

  it('answers a body over the limit with a 413 that names the limit, AWS-shaped', () => {
    const answer = errorAnswer(bodyTooLarge(DEFAULT_LIMITS.maxBodyBytes));
    expect(answer.status).toBe(413);
    expect(answer.headers['x-amzn-ErrorType']).toBe('RequestEntityTooLargeException');
    expect(JSON.parse(answer.body)).toEqual({
      __type: 'com.amazon.coral.service#RequestEntityTooLargeException',
      message: 'The request body is larger than the limit of 1048576 bytes.',
    });
  });
});
