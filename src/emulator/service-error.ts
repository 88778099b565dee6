// The errors the local endpoint answers with: a JSON 1.0 `__type` and message, an HTTP status
// (400 for client errors, 500 for faults: the model gives no other), and extra members.

export class ServiceFault extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status: number = 400,
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export const validationError = (message: string): ServiceFault => new ServiceFault('ValidationException', message);

export const notFound = (resourceType: string, message: string): ServiceFault =>
  new ServiceFault('ResourceNotFoundException', message, 400, { ResourceType: resourceType });

export const conflict = (conflictType: string, message: string): ServiceFault =>
  new ServiceFault('ConflictException', message, 400, { ConflictType: conflictType });

export const internalError = (): ServiceFault => new ServiceFault('InternalServerException', 'Internal server error', 500);

export const throttled = (): ServiceFault => new ServiceFault('ThrottlingException', 'Rate exceeded', 400);
