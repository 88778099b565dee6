// The request as the SDK's typed input. The SDK's own serialization of it is replaced on the
// wire (send.ts), but it still runs, so every value must be one the SDK can serialize.
import { PyBytes, PyDateTime, PyDict, PyFloat, type PyValue } from '../values/py-value.js';

/** A request as plain values, for the SDK command of whichever operation it is for. */
export type SdkInput = Readonly<Record<string, unknown>>;

/** PyDict → plain objects, bigint/PyFloat → number, bytes → Uint8Array. */
export function toSdkInput(request: PyDict): SdkInput {
  return toPlain(request) as SdkInput;
}

function toPlain(value: PyValue): unknown {
  if (value instanceof PyDict) return Object.fromEntries([...value].map(([k, v]) => [k, toPlain(v)]));
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof PyFloat) return value.value;
  if (value instanceof PyBytes) return value.bytes;
  if (value instanceof PyDateTime) return value.text;
  return value;
}
