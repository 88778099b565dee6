// What the SDK's command is given. Its own serialization of the input is replaced on the wire
// (send.ts: the body is the CLI's, as botocore sends it), so it is given only the idempotency
// token, which it would otherwise generate for a body that is thrown away: then it serializes
// next to nothing. Pure.
import type { Operation } from '../model/service-model.js';
import type { PyDict } from '../values/py-value.js';

/** The input of an SDK command. */
export type SdkInput = Readonly<Record<string, unknown>>;

/** The SDK's input for `request`: the operation's idempotency token where the request has one. */
export function toSdkInput(operation: Operation, request: PyDict): SdkInput {
  const token = operation.idempotencyToken;
  const value = token === undefined ? undefined : request.get(token);
  return token !== undefined && typeof value === 'string' ? { [token]: value } : {};
}
