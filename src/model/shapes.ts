// Typed access to a botocore service model (the data of voice-id-<generation>.json): its shapes,
// each resolved within the model it belongs to, as botocore's Shape carries its shape resolver.
// Everything the CLI knows about members, types, required flags, enums and limits comes from here.
// No I/O, no model of its own: service-model.ts makes the model values.

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

/** An operation as the model's data holds it. */
export interface OperationData {
  readonly name: string;
  readonly http: { readonly method: string; readonly requestUri: string };
  readonly input?: { readonly shape: string };
  readonly output?: { readonly shape: string };
  readonly errors?: readonly { readonly shape: string }[];
  readonly documentation?: string;
  readonly idempotent?: boolean;
}

/** A paginator of paginators-1.json. */
export interface PaginatorData {
  readonly input_token: string | readonly string[];
  readonly output_token: string | readonly string[];
  readonly limit_key?: string;
  readonly result_key: string | readonly string[];
}

export interface ServiceMetadata {
  readonly apiVersion: string;
  readonly endpointPrefix: string;
  readonly serviceId: string;
  readonly signingName: string;
  readonly targetPrefix: string;
  readonly jsonVersion: string;
  readonly uid?: string;
}

/** A model's data: service-2.json, its paginators, and where it comes from. */
export interface ServiceModelData {
  readonly source?: string;
  readonly license?: string;
  readonly metadata: ServiceMetadata;
  readonly documentation?: string;
  readonly operations: Readonly<Record<string, OperationData>>;
  readonly shapes: Readonly<Record<string, RawShape>>;
  readonly paginators?: Readonly<Record<string, PaginatorData>>;
}

/** The lookups every shape needs from its model. */
export interface ShapeResolver {
  readonly shapes: Readonly<Record<string, RawShape>>;
}

/** A shape with its model name and model, plus the documentation of the member that refers to it. */
export interface Shape extends RawShape {
  readonly name: string;
  /** The model the shape belongs to: its members are resolved there. */
  readonly model: ShapeResolver;
  readonly memberDocumentation?: string;
  readonly idempotencyToken?: boolean;
}

/** The shape named `name` in `model`; `ref`, the member that refers to it, adds its documentation. */
export function getShape(model: ShapeResolver, name: string, ref?: MemberRef): Shape {
  const raw = Object.hasOwn(model.shapes, name) ? model.shapes[name] : undefined;
  if (!raw) throw new Error(`no shape ${name} in the model`);
  return {
    ...raw,
    name,
    model,
    ...(ref?.documentation !== undefined ? { memberDocumentation: ref.documentation } : {}),
    ...(ref?.idempotencyToken ? { idempotencyToken: true } : {}),
  };
}

/** The members of a structure shape, in model order, each resolved to its shape. */
export function members(shape: Shape): [string, Shape][] {
  return Object.entries(shape.members ?? {}).map(([memberName, ref]) => [memberName, getShape(shape.model, ref.shape, ref)]);
}

/** One member of a structure, or undefined when the structure has no such member. */
export function memberShape(shape: Shape, memberName: string): Shape | undefined {
  const ref = shape.members && Object.hasOwn(shape.members, memberName) ? shape.members[memberName] : undefined;
  return ref ? getShape(shape.model, ref.shape, ref) : undefined;
}

/** A list's element (`member`) or a map's `key` or `value` shape; undefined when the shape has none. */
export function elementShape(shape: Shape, part: 'member' | 'key' | 'value'): Shape | undefined {
  const ref = shape[part];
  return ref ? getShape(shape.model, ref.shape, ref) : undefined;
}

export function requiredMembers(shape: Shape): readonly string[] {
  return shape.required ?? [];
}

export function isScalarType(type: ShapeType): boolean {
  return type !== 'structure' && type !== 'list' && type !== 'map';
}
