// The tag operations through the JS SDK against an in-process voiceid-local: TagResource (new keys
// last, a known key's value replaced), UntagResource (idempotent), ListTagsForResource, and their
// errors: an ARN naming no domain, more than 200 tags on a resource, a duplicate or reserved key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateDomainCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  type Tag,
  type VoiceIDClient,
} from '@aws-sdk/client-voice-id';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { failure } from '../helpers/service-failure.js';
import { localClient } from '../helpers/voiceid-client.js';

let emulator: Emulator;
let client: VoiceIDClient;

beforeAll(async () => {
  emulator = await startEmulator({ credentials: new Map([['AKIDEXAMPLE', 'secretkey']]) });
  client = localClient(emulator.url);
});
afterAll(async () => {
  client.destroy();
  await emulator.close();
});

const domainArn = async (Tags?: Tag[]): Promise<string> =>
  (await client.send(new CreateDomainCommand({ Name: 't', ServerSideEncryptionConfiguration: { KmsKeyId: 'k' }, ...(Tags ? { Tags } : {}) }))).Domain
    ?.Arn as string;
const tagsOf = async (ResourceArn: string) => (await client.send(new ListTagsForResourceCommand({ ResourceArn }))).Tags;
const many = (count: number, prefix: string): Tag[] => Array.from({ length: count }, (_, i) => ({ Key: `${prefix}${i}`, Value: String(i) }));

describe('TagResource, UntagResource, ListTagsForResource', () => {
  it('adds tags (a known key takes the new value in place), removes them, and lists them in order', async () => {
    const arn = await domainArn([{ Key: 'a', Value: '1' }]);
    await client.send(
      new TagResourceCommand({
        ResourceArn: arn,
        Tags: [
          { Key: 'b', Value: '2' },
          { Key: 'a', Value: 'one' },
        ],
      }),
    );
    expect(await tagsOf(arn)).toEqual([
      { Key: 'a', Value: 'one' },
      { Key: 'b', Value: '2' },
    ]);
    // Keys the resource does not have are no error; an empty list changes nothing.
    await client.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ['a', 'missing', 'A'] }));
    await client.send(new TagResourceCommand({ ResourceArn: arn, Tags: [] }));
    expect(await tagsOf(arn)).toEqual([{ Key: 'b', Value: '2' }]);
    await client.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ['b'] }));
    expect(await tagsOf(arn)).toEqual([]);
    expect(emulator.state.get('tags', arn)).toBeUndefined();
  });

  it('takes a resource up to 200 tags', async () => {
    const arn = await domainArn(many(150, 'x'));
    await client.send(new TagResourceCommand({ ResourceArn: arn, Tags: many(50, 'y') }));
    expect(await tagsOf(arn)).toHaveLength(200);
  });
});

describe('errors', () => {
  const arnOf = (domainId: string, region = 'us-east-1') => `arn:aws:voiceid:${region}:123456789012:domain/${domainId}`;
  const missing = (arn: string) => ({ name: 'ResourceNotFoundException', message: `Resource with ARN ${arn} does not exist.`, ResourceType: 'DOMAIN' });
  const cases: [string, (arn: string) => Promise<unknown>, (arn: string) => object][] = [
    [
      'TagResource of an unknown domain',
      () => client.send(new TagResourceCommand({ ResourceArn: arnOf('z'.repeat(22)), Tags: [] })),
      () => missing(arnOf('z'.repeat(22))),
    ],
    [
      'UntagResource of an unknown domain',
      () => client.send(new UntagResourceCommand({ ResourceArn: arnOf('z'.repeat(22)), TagKeys: ['k'] })),
      () => missing(arnOf('z'.repeat(22))),
    ],
    [
      'ListTagsForResource of a domain under another region',
      (arn) => client.send(new ListTagsForResourceCommand({ ResourceArn: arn.replace('us-east-1', 'eu-west-2') })),
      (arn) => missing(arn.replace('us-east-1', 'eu-west-2')),
    ],
    [
      'TagResource past 200 tags',
      (arn) => client.send(new TagResourceCommand({ ResourceArn: arn, Tags: many(200, 'n') })),
      () => ({ name: 'ValidationException', message: 'A resource can have at most 200 tags; this request would give it 201.' }),
    ],
    [
      'TagResource with a key twice',
      (arn) =>
        client.send(
          new TagResourceCommand({
            ResourceArn: arn,
            Tags: [
              { Key: 'd', Value: '1' },
              { Key: 'd', Value: '1' },
            ],
          }),
        ),
      () => ({ name: 'ValidationException', message: 'Duplicate tag key: d. Each tag key may appear only once.' }),
    ],
    [
      'TagResource with an aws: key',
      (arn) => client.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: 'aws:x', Value: '' }] })),
      () => ({ name: 'ValidationException', message: 'Tag key aws:x is invalid: the aws: prefix is reserved for AWS use.' }),
    ],
  ];
  it.each(cases)('%s', async (_name, call, expected) => {
    const arn = await domainArn([{ Key: 'first', Value: 'kept' }]);
    expect(await failure(call(arn))).toEqual(expected(arn));
    expect(await tagsOf(arn)).toEqual([{ Key: 'first', Value: 'kept' }]);
  });
});
