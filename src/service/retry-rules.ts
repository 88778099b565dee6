// Which answered attempts are retried: botocore's standard retry conditions
// (botocore/retries/standard.py), not the JS SDK's. The SDK's retry strategy keeps its backoff,
// quota and attempt count; only its classification of an attempt that got an HTTP answer is
// replaced. botocore retries an answer when its parsed error code is a transient one or a
// throttling one, or its status is 500, 502, 503 or 504; nothing else (the SDK would also retry
// every 429, a clock-skew-corrected AccessDeniedException or InvalidSignatureException, and
// wait for a Retry-After hint, none of which botocore does). Voice ID models no retryable
// error, so botocore's ModeledRetryableChecker never applies; its special checkers are for STS
// and DynamoDB. A failure without an answer (a connection error) keeps the SDK's class.
import type { RetryErrorInfo, RetryErrorType, RetryStrategyV2 } from '@smithy/types';
import { errorField } from '../errors.js';

const TRANSIENT_ERROR_CODES = new Set(['RequestTimeout', 'RequestTimeoutException', 'PriorRequestNotComplete']);
const TRANSIENT_STATUS_CODES = new Set([500, 502, 503, 504]);
const THROTTLED_ERROR_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottledException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'TransactionInProgressException',
  'RequestLimitExceeded',
  'BandwidthLimitExceeded',
  'LimitExceededException',
  'RequestThrottled',
  'SlowDown',
  'PriorRequestNotComplete',
  'EC2ThrottledException',
]);

/** An answered attempt as botocore's checkers see it: the status and the parsed error code. */
export interface AnsweredAttempt {
  readonly status: number;
  readonly code: string | undefined;
}

/** botocore's verdict on an answered attempt, in the SDK's terms (CLIENT_ERROR: not retried). */
export function answeredErrorType({ status, code }: AnsweredAttempt): RetryErrorType {
  if (code !== undefined && THROTTLED_ERROR_CODES.has(code)) return 'THROTTLING';
  if ((code !== undefined && TRANSIENT_ERROR_CODES.has(code)) || TRANSIENT_STATUS_CODES.has(status)) return 'TRANSIENT';
  return 'CLIENT_ERROR';
}

/**
 * `strategy` with botocore's rules for answered attempts; `answered()` gives the attempt that
 * just failed when it got an HTTP answer (the error carries the SDK's `$response` then).
 */
export function withBotocoreRetryRules(strategy: RetryStrategyV2, answered: () => AnsweredAttempt | undefined): RetryStrategyV2 {
  return {
    acquireInitialRetryToken: (scope) => strategy.acquireInitialRetryToken(scope),
    refreshRetryTokenForRetry: (token, info) => strategy.refreshRetryTokenForRetry(token, reclassify(info, answered)),
    recordSuccess: (token) => strategy.recordSuccess(token),
  };
}

function reclassify(info: RetryErrorInfo, answered: () => AnsweredAttempt | undefined): RetryErrorInfo {
  const attempt = info.error && '$response' in info.error ? answered() : undefined;
  if (attempt === undefined) return isBadStatusLine(info.error) ? { error: info.error, errorType: 'TRANSIENT' } : info;
  return { error: info.error, errorType: answeredErrorType(attempt) };
}

/**
 * The parse errors (node's, and src/service/http-response-reader.ts's) of an answer whose first
 * line is no HTTP status line: a non-HTTP peer, garbage. Python's http.client raises BadStatusLine
 * (or UnknownProtocol for another version) there, which urllib3 makes a ProtocolError and botocore
 * a ConnectionClosedError: "Connection was closed before we received a valid response", retried
 * as a connection error. (http.client is lenient where llhttp is strict further on: LF-only lines,
 * a header line without a colon, a body shorter than its Content-Length. Those answers are not
 * modelled.)
 */
const BAD_STATUS_LINE_CODES = new Set(['HPE_INVALID_CONSTANT', 'HPE_INVALID_VERSION', 'HPE_INVALID_STATUS']);

/** Whether `error` is a parse error of the answer's status line (BAD_STATUS_LINE_CODES). */
export function isBadStatusLine(error: unknown): boolean {
  const code = errorField(error, 'code');
  return code !== undefined && BAD_STATUS_LINE_CODES.has(code);
}
