// Typed access to the service model in voice-id.json (a botocore-format subset). Everything the
// CLI knows about members, types, required flags, enums and limits comes from here. No I/O.
import modelData from './voice-id.json' with { type: 'json' };

export type ShapeType = 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'float' | 'double' | 'boolean' | 'timestamp' | 'blob';

export interface MemberRef {
  readonly shape: string;
  readonly documentation?: string;
  readonly idempotencyToken?: boolean;
}

export interface RawShape {
  readonly type: ShapeType;
  readonly members?: Readonly<Record<string, MemberRef>>;
  readonly required?: readonly string[];
  readonly member?: MemberRef;
  readonly key?: MemberRef;
  readonly value?: MemberRef;
  readonly enum?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly sensitive?: boolean;
  readonly documentation?: string;
  readonly exception?: boolean;
  readonly error?: { readonly httpStatusCode?: number; readonly code?: string; readonly senderFault?: boolean };
  readonly fault?: boolean;
}

/** A shape with its model name, plus the documentation of the member that refers to it. */
export interface Shape extends RawShape {
  readonly name: string;
  readonly memberDocumentation?: string;
  readonly idempotencyToken?: boolean;
}

export interface Operation {
  readonly name: string;
  readonly http: { readonly method: string; readonly requestUri: string };
  readonly input?: { readonly shape: string };
  readonly output?: { readonly shape: string };
  readonly errors?: readonly { readonly shape: string }[];
  readonly documentation?: string;
}

export interface ServiceModel {
  readonly metadata: {
    readonly apiVersion: string;
    readonly endpointPrefix: string;
    readonly serviceId: string;
    readonly signingName: string;
    readonly targetPrefix: string;
    readonly jsonVersion: string;
  };
  readonly operationNames: readonly string[];
  readonly operations: Readonly<Record<string, Operation>>;
  readonly shapes: Readonly<Record<string, RawShape>>;
}

export const MODEL = modelData as unknown as ServiceModel;

/** The one operation this CLI sends. */
export const OPERATION_NAME = 'StartSpeakerEnrollmentJob';

/** The shape named `name`. */
export function getShape(name: string, ref?: MemberRef, model: ServiceModel = MODEL): Shape {
  const raw = model.shapes[name];
  if (!raw) throw new Error(`no shape ${name} in the model`);
  return {
    ...raw,
    name,
    ...(ref?.documentation !== undefined ? { memberDocumentation: ref.documentation } : {}),
    ...(ref?.idempotencyToken ? { idempotencyToken: true } : {}),
  };
}

export function getOperation(name: string, model: ServiceModel = MODEL): Operation {
  const op = model.operations[name];
  if (!op) throw new Error(`no operation ${name} in the model`);
  return op;
}

/** The members of a structure shape, in model order, each resolved to its shape. */
export function members(shape: Shape, model: ServiceModel = MODEL): [string, Shape][] {
  return Object.entries(shape.members ?? {}).map(([memberName, ref]) => [memberName, getShape(ref.shape, ref, model)]);
}

/** One member of a structure, or undefined when the structure has no such member. */
export function memberShape(shape: Shape, memberName: string, model: ServiceModel = MODEL): Shape | undefined {
  const ref = shape.members?.[memberName];
  return ref ? getShape(ref.shape, ref, model) : undefined;
}

export function requiredMembers(shape: Shape): readonly string[] {
  return shape.required ?? [];
}

export function inputShape(operationName: string = OPERATION_NAME, model: ServiceModel = MODEL): Shape {
  const op = getOperation(operationName, model);
  if (!op.input) throw new Error(`operation ${operationName} has no input`);
  return getShape(op.input.shape, undefined, model);
}

export function outputShape(operationName: string = OPERATION_NAME, model: ServiceModel = MODEL): Shape {
  const op = getOperation(operationName, model);
  if (!op.output) throw new Error(`operation ${operationName} has no output`);
  return getShape(op.output.shape, undefined, model);
}

export function isScalarType(type: ShapeType): boolean {
  return type !== 'structure' && type !== 'list' && type !== 'map';
}
