// The endpoint a request goes to: --endpoint-url (checked as the reference checks it) or the
// regional Voice ID endpoint. Pure.
import { GeneralError, ParamError } from '../errors.js';

/** Step 4 of the reference: --endpoint-url must have a scheme (Python urlsplit's rule). */
export function checkEndpointScheme(url: string): void {
  const colon = url.indexOf(':');
  const hasScheme = colon > 0 && /^[A-Za-z][A-Za-z0-9+\-.]*$/.test(url.slice(0, colon));
  if (!hasScheme) {
    throw new ParamError(
      'BAD_ENDPOINT_URL',
      `Bad value for --endpoint-url "${url}": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/`,
    );
  }
}

const HOST_LABELS = /^((?!-)[A-Z\d-]{1,63}(?<!-)\.)*((?!-)[A-Z\d-]{1,63}(?<!-))$/i;

/**
 * botocore is_valid_endpoint_url at client creation. The reference lets a URL with a query string
 * or a non-http(s) scheme through and then silently sends to the real AWS endpoint; this clone
 * refuses such URLs instead, so a typo never reaches AWS.
 */
export function checkEndpointUrl(url: string): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  const valid =
    parsed !== undefined &&
    (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
    parsed.hostname !== '' &&
    HOST_LABELS.test(parsed.hostname) &&
    parsed.search === '' &&
    parsed.hash === '';
  if (!valid) throw new GeneralError('INVALID_ENDPOINT', `Invalid endpoint: ${url}`);
}

/** The regional endpoint of Voice ID. */
export function regionalEndpoint(region: string): string {
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://voiceid.${region}.${suffix}`;
}
