// The errors the local endpoint answers with, and their JSON bodies as an AWS JSON 1.0 service
// sends them (Smithy's awsJson1_0 protocol tests, smithy-aws-protocol-tests/model/awsJson1_0/
// errors.smithy): `__type` is the shape id `<namespace>#<Name>`, and the body holds the members
// of the error's structure in the model under the model's names: `Message` (which the JS SDK
// reads as `err.Message`, and AWS CLI v2 prints), `ResourceType`, `ConflictType`. Errors of the
// service framework itself (authentication, dispatch, serialization, HTTP limits) are not in the
// model: those carry `message`, as AWS's Coral framework words them. The model is the one the
// caller serves (the final one).
import type { ServiceModel } from '../model/service-model.js';

/** The Smithy namespace of Voice ID's shapes (the botocore model does not name it). */
export const SERVICE_NAMESPACE = 'com.amazonaws.voiceid';
/** The namespace of the framework's own errors (UnknownOperationException, SerializationException, ...). */
export const FRAMEWORK_NAMESPACE = 'com.amazon.coral.service';

export class ServiceFault extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status: number = 400,
    /** Members of a modelled error beyond Message (ResourceType, ConflictType). */
    readonly extra: Readonly<Record<string, unknown>> = {},
    /** The members of a modelled error's structure, in model order; undefined for a framework error. */
    readonly modelMembers?: readonly string[],
  ) {
    super(message);
  }
}

/** An error `model` defines: its HTTP status from the model (500 for a fault, else 400). */
export function modelError(model: ServiceModel, type: string, message: string, extra: Readonly<Record<string, unknown>> = {}): ServiceFault {
  const shape = Object.hasOwn(model.shapes, type) ? model.shapes[type] : undefined;
  if (!shape?.exception) throw new Error(`${type} is not an error shape of the model`);
  return new ServiceFault(type, message, shape.error?.httpStatusCode ?? (shape.fault ? 500 : 400), extra, Object.keys(shape.members ?? {}));
}

/** The JSON body of an error: the model's members for a modelled error, `message` for a framework one. */
export function errorBody(fault: ServiceFault): Record<string, unknown> {
  if (!fault.modelMembers) return { __type: `${FRAMEWORK_NAMESPACE}#${fault.type}`, message: fault.message };
  const body: Record<string, unknown> = { __type: `${SERVICE_NAMESPACE}#${fault.type}` };
  for (const name of fault.modelMembers) {
    if (name === 'Message') body[name] = fault.message;
    else if (Object.hasOwn(fault.extra, name)) body[name] = fault.extra[name];
  }
  return body;
}

export const validationError = (model: ServiceModel, message: string): ServiceFault => modelError(model, 'ValidationException', message);

export const notFound = (model: ServiceModel, resourceType: string, message: string): ServiceFault =>
  modelError(model, 'ResourceNotFoundException', message, { ResourceType: resourceType });

export const conflict = (model: ServiceModel, conflictType: string, message: string): ServiceFault =>
  modelError(model, 'ConflictException', message, { ConflictType: conflictType });

export const internalError = (model: ServiceModel): ServiceFault => modelError(model, 'InternalServerException', 'Internal server error');

export const throttled = (model: ServiceModel): ServiceFault => modelError(model, 'ThrottlingException', 'Rate exceeded');

/** A framework error (not in the model), 400 unless said otherwise. */
export const frameworkError = (type: string, message: string, status = 400): ServiceFault => new ServiceFault(type, message, status);

export const serializationError = (message: string): ServiceFault => frameworkError('SerializationException', message);
