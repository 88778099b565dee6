// The service's reading and validation of a request body against the model (validate-service.ts),
// as the errors a Voice ID front end answers with: SerializationException for a wrong JSON type,
// ValidationException for broken constraints. What passes is the input the operation gets:
// unknown members dropped, so nothing the model does not define is stored or echoed.
import type { Operation } from '../model/service-model.js';
import { serializationError, validationError } from './service-error.js';
import { formatValidationMessage, readServiceInput, validateServiceRequest } from './validate-service.js';

/** The operation's input read from the body; throws the service's 400 error when it does not fit the input shape. */
export function checkRequest(operation: Operation, body: Record<string, unknown>): Record<string, unknown> {
  const input = readServiceInput(operation.input, body);
  const check = validateServiceRequest(operation.input, input);
  if (check.kind === 'serialization') throw serializationError(check.message ?? '');
  if (check.violations.length > 0) throw validationError(operation.model, formatValidationMessage(check.violations));
  return input;
}
