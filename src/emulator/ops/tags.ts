// Tags: TagResource, UntagResource, ListTagsForResource. The taggable resource of Voice ID is the
// domain (the model's AmazonResourceName pattern ends in `domain/<DomainId>`); its tags live in
// the `tags` collection under the domain's ARN, in the order they were first set. The model
// bounds a tag list to 200 tags, keys to 1-128 and values to 0-256 characters (checked before an
// operation runs); the rules below are those the model cannot say.
import type { Body, Operation, OperationContext } from './common.js';
import type { DomainRecord, TagsRecord } from '../records.js';
import { notFound, validationError } from '../service-error.js';
import type { Change } from '../state.js';

type Tag = TagsRecord['Tags'][number];

/** As many tags as ListTagsForResource's TagList holds (the model's max): a resource has no more. */
const MAX_TAGS_PER_RESOURCE = 200;

/**
 * The checks of a tag list beyond the model's. The documentation is silent; as AWS's tagging
 * services do: a key given twice in one request is refused, and keys starting with `aws:` are
 * reserved for AWS (case-insensitively).
 */
export function checkTags(ctx: OperationContext, tags: readonly Tag[]): void {
  const keys = new Set<string>();
  for (const { Key } of tags) {
    if (keys.has(Key)) throw validationError(ctx.model, `Duplicate tag key: ${Key}. Each tag key may appear only once.`);
    if (Key.toLowerCase().startsWith('aws:')) throw validationError(ctx.model, `Tag key ${Key} is invalid: the aws: prefix is reserved for AWS use.`);
    keys.add(Key);
  }
}

/** The tags after adding `added`: a key already set takes the new value in its place, new keys go last. */
function merged(existing: readonly Tag[], added: readonly Tag[]): Tag[] {
  const values = new Map(added.map((tag) => [tag.Key, tag.Value]));
  const kept = existing.map((tag) => (values.has(tag.Key) ? { Key: tag.Key, Value: values.get(tag.Key) as string } : tag));
  const known = new Set(existing.map((tag) => tag.Key));
  return [...kept, ...added.filter((tag) => !known.has(tag.Key)).map(({ Key, Value }) => ({ Key, Value }))];
}

/** The change that sets a resource's tags (deletes the record once none are left). */
export function tagsChange(arn: string, tags: readonly Tag[]): Change {
  return tags.length > 0 ? { collection: 'tags', key: arn, value: { Tags: tags } } : { collection: 'tags', key: arn };
}

/** The domain an ARN names: exactly its ARN (region and account included), else ResourceNotFoundException. */
function taggedDomain(ctx: OperationContext, arn: string): DomainRecord {
  const domainId = arn.slice(arn.lastIndexOf('/') + 1);
  const domain = ctx.state.get('domains', domainId);
  if (!domain || domain.Arn !== arn) throw notFound(ctx.model, 'DOMAIN', `Resource with ARN ${arn} does not exist.`);
  return domain;
}

const tagsOf = (ctx: OperationContext, arn: string): readonly Tag[] => ctx.state.get('tags', arn)?.Tags ?? [];

const tagResource: Operation = (input, ctx) => {
  const { Arn } = taggedDomain(ctx, input.ResourceArn as string);
  const added = input.Tags as Tag[];
  checkTags(ctx, added);
  const tags = merged(tagsOf(ctx, Arn), added);
  if (tags.length > MAX_TAGS_PER_RESOURCE)
    throw validationError(ctx.model, `A resource can have at most ${MAX_TAGS_PER_RESOURCE} tags; this request would give it ${tags.length}.`);
  ctx.state.commit([tagsChange(Arn, tags)]);
  return {};
};

// Keys the resource does not have are no error: untagging is idempotent.
const untagResource: Operation = (input, ctx) => {
  const { Arn } = taggedDomain(ctx, input.ResourceArn as string);
  const removed = new Set(input.TagKeys as string[]);
  const before = tagsOf(ctx, Arn);
  const tags = before.filter((tag) => !removed.has(tag.Key));
  if (tags.length !== before.length) ctx.state.commit([tagsChange(Arn, tags)]);
  return {};
};

const listTagsForResource: Operation = (input, ctx): Body => {
  const { Arn } = taggedDomain(ctx, input.ResourceArn as string);
  return { Tags: tagsOf(ctx, Arn) };
};

/** The operations of this module by name. */
export const TAG_OPERATIONS: Readonly<Record<string, Operation>> = {
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
};
