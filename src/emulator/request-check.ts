// The service's reading and validation of a request body against the model (validate-service.ts),
// as the errors a Voice ID front end answers with: SerializationException for a wrong JSON type,
// ValidationException for broken constraints. What passes is the input the operation gets:
// unknown members dropped, so nothing the model does not define is stored or echoed.
import { serializationError, validationError } from './service-error.js';
import { formatValidationMessage, operationInputShape, readServiceInput, validateServiceRequest } from './validate-service.js';

/** The operation's input read from the body; throws the service's 400 error when it does not fit the input shape. */
export function checkRequest(operationName: string, body: Record<string, unknown>): Record<string, unknown> {
  const shape = operationInputShape(operationName);
  if (!shape) return {};
  const input = readServiceInput(shape, body);
  const check = validateServiceRequest(shape, input);
  if (check.kind === 'serialization') throw serializationError(check.message ?? '');
  if (check.violations.length > 0) throw validationError(formatValidationMessage(check.violations));
  return input;
}
