// Socket timeouts as Python's sockets take them (socket.settimeout, through urllib3), for the
// request handlers. Python keeps any limit that fits its _PyTime_t (an int64 of nanoseconds);
// a Node timer holds at most 2^31-1 ms (24.8 days) and cuts a longer one to 1 ms with a
// TimeoutOverflowWarning, so a limit past that is none here, which no run can tell apart.
// A limit past _PyTime_t is Python's OverflowError, which botocore wraps as an HTTPClientError
// and retries: the connect timeout fails each attempt before it connects, the read timeout
// after the request is sent.
import type { HttpHandler } from '@smithy/core/protocols';
import type { HttpRequest, HttpResponse } from '@smithy/core/transport';
import type { HttpHandlerOptions } from '@smithy/types';

/** The longest delay a Node timer takes. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** The most seconds a _PyTime_t holds: (2^63 - 1) ns. */
const MAX_PY_TIME_SECONDS = (2 ** 63 - 1) / 1e9;

/** The error code of an attempt that failed on a timeout past _PyTime_t (wire-errors.ts words it). */
export const PY_TIME_OVERFLOW = 'PY_TIME_OVERFLOW';

/** `seconds` as a Node timer's ms; undefined: no limit (0, or past a Node timer). */
export function timerMs(seconds: number): number | undefined {
  return seconds === 0 || seconds * 1000 > MAX_TIMER_MS ? undefined : seconds * 1000;
}

/** Whether Python refuses `seconds` as a socket timeout. */
function overflows(seconds: number): boolean {
  return seconds > MAX_PY_TIME_SECONDS;
}

/** The attempt's failure; named TimeoutError so that the SDK retries it as botocore does. */
function overflowError(): Error {
  return Object.assign(new Error('timestamp too large to convert to C _PyTime_t'), { name: 'TimeoutError', code: PY_TIME_OVERFLOW });
}

/** `handler`, failing each attempt as Python does when a timeout is past _PyTime_t. */
export function withPyTimeouts<T extends HttpHandler<object>>(handler: T, connectSeconds: number, readSeconds: number): T {
  if (!overflows(connectSeconds) && !overflows(readSeconds)) return handler;
  const handle = async (request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }> => {
    if (overflows(connectSeconds)) throw overflowError();
    // The request goes out; its answer is never read.
    await handler.handle(request, options).catch(() => undefined);
    throw overflowError();
  };
  return Object.assign(Object.create(handler) as T, { handle });
}
