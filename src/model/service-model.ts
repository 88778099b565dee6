// The service model as a value: one per generation of the AWS CLI (serviceModelFor), with its
// operations as values (model.operation(name): input and output shapes, CLI name, the member the
// model marks as the idempotency token). Nothing here picks an operation or a generation: the
// callers pass theirs. A model's data is imported only when its generation is asked for, so an
// invocation evaluates one model, not both. No I/O.
import type { Generation } from './generation.js';
import { operationCliName } from './names.js';
import {
  getShape,
  members,
  type MemberRef,
  type OperationData,
  type PaginatorData,
  type ServiceMetadata,
  type ServiceModelData,
  type Shape,
} from './shapes.js';

export interface ServiceModel {
  readonly metadata: ServiceMetadata;
  readonly documentation: string;
  /** Every operation's name, in model order. */
  readonly operationNames: readonly string[];
  readonly shapes: ServiceModelData['shapes'];
  /** The operation `name`; throws when the model has none of that name. */
  operation(name: string): Operation;
  /** Whether the model has an operation `name` (own names only: `constructor` is none). */
  hasOperation(name: string): boolean;
  /** The shape `name` (with the documentation of `ref`, the member that refers to it). */
  shape(name: string, ref?: MemberRef): Shape;
}

/** One operation of a model, as every stage of an invocation uses it. */
export interface Operation {
  readonly model: ServiceModel;
  /** The model's name: StartSpeakerEnrollmentJob. */
  readonly name: string;
  /** The CLI's name: start-speaker-enrollment-job. */
  readonly cliName: string;
  readonly documentation: string;
  /** The input structure (an empty one when the model gives the operation no input, as botocore builds no arguments then). */
  readonly input: Shape;
  /** The output structure; undefined when the operation answers nothing. */
  readonly output: Shape | undefined;
  /** The input member the model marks `idempotencyToken` (botocore fills it with a UUID v4 when absent). */
  readonly idempotencyToken: string | undefined;
  /** The error shapes the operation lists. */
  readonly errors: readonly string[];
  /** Its paginator in paginators-1.json, for operations that page. */
  readonly paginator: PaginatorData | undefined;
}

/** The model value of botocore data. */
export function createServiceModel(data: ServiceModelData): ServiceModel {
  const model: ServiceModel = {
    metadata: data.metadata,
    documentation: data.documentation ?? '',
    operationNames: Object.keys(data.operations),
    shapes: data.shapes,
    hasOperation: (name) => Object.hasOwn(data.operations, name),
    operation: (name) => {
      if (!Object.hasOwn(data.operations, name)) throw new Error(`no operation ${name} in the model`);
      return createOperation(model, data.operations[name] as OperationData, data.paginators);
    },
    shape: (name, ref) => getShape(model, name, ref),
  };
  return model;
}

function createOperation(model: ServiceModel, data: OperationData, paginators: ServiceModelData['paginators']): Operation {
  const input = data.input ? model.shape(data.input.shape) : emptyInput(model, data.name);
  const token = members(input).find(([, shape]) => shape.idempotencyToken)?.[0];
  return {
    model,
    name: data.name,
    cliName: operationCliName(data.name),
    documentation: data.documentation ?? '',
    input,
    output: data.output ? model.shape(data.output.shape) : undefined,
    idempotencyToken: token,
    errors: (data.errors ?? []).map((error) => error.shape),
    paginator: paginators && Object.hasOwn(paginators, data.name) ? paginators[data.name] : undefined,
  };
}

function emptyInput(model: ServiceModel, operationName: string): Shape {
  return { type: 'structure', members: {}, name: `${operationName}Input`, model };
}

/**
 * The model of Voice ID that AWS CLI `generation` ships: 2.9.19's of January 2023, or the final
 * one of 2.36.7 (WatchlistIds, the watchlist operations).
 * @example (await serviceModelFor('2.36.7')).operation('StartSpeakerEnrollmentJob').cliName === 'start-speaker-enrollment-job'
 */
export async function serviceModelFor(generation: Generation): Promise<ServiceModel> {
  return createServiceModel((await modelData(generation)) as unknown as ServiceModelData);
}

async function modelData(generation: Generation): Promise<unknown> {
  switch (generation) {
    case '2.9.19':
      return (await import('./voice-id-2.9.19.json', { with: { type: 'json' } })).default;
    case '2.36.7':
      return (await import('./voice-id-2.36.7.json', { with: { type: 'json' } })).default;
  }
}
