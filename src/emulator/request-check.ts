// The service's validation of a request body against the model (validate-service.ts), as the
// errors a Voice ID front end answers with: SerializationException for a wrong JSON type,
// ValidationException for broken constraints.
import { ServiceFault, validationError } from './service-error.js';
import { formatValidationMessage, operationInputShape, validateServiceRequest } from './validate-service.js';

/** Throws the service's 400 error when the body does not fit the operation's input shape. */
export function checkRequest(operationName: string, body: Record<string, unknown>): void {
  const shape = operationInputShape(operationName);
  if (!shape) return;
  const check = validateServiceRequest(shape, body);
  if (check.kind === 'serialization') throw new ServiceFault('SerializationException', check.message ?? '');
  if (check.violations.length > 0) throw validationError(formatValidationMessage(check.violations));
}
