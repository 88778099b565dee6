// botocore's ClientError text, the line every service error prints (and the retry note it
// carries once the retry handler gave up). Pure.

/**
 * str(botocore.exceptions.ClientError): `retries` is the retry count to name, when the handler ran out.
 * @example clientErrorText('Bad', 'StartSpeakerEnrollmentJob', 'no', 2)
 *   === 'An error occurred (Bad) when calling the StartSpeakerEnrollmentJob operation (reached max retries: 2): no'
 */
export function clientErrorText(code: string, operation: string, message: string, retries?: number): string {
  const note = retries === undefined ? '' : ` (reached max retries: ${retries})`;
  return `An error occurred (${code}) when calling the ${operation} operation${note}: ${message}`;
}
