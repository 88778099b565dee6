// The endpoint a request goes to: --endpoint-url (checked as the reference checks it) or the
// regional Voice ID endpoint. Pure.
import { GeneralError, ParamError } from '../errors.js';

/**
 * The URL as Python's urlsplit reads it: leading C0 controls and spaces stripped (WHATWG's rule,
 * in the Python the reference runs on). Tabs and line breaks, which urlsplit drops anywhere, make
 * botocore refuse the endpoint (checkEndpointUrl).
 */
function pyUrlsplitInput(url: string): string {
  return url.replace(/^[\x00-\x20]+/, '');
}

/** Step 4 of the reference: --endpoint-url must have a scheme (Python urlsplit's rule). */
export function checkEndpointScheme(raw: string): void {
  const url = pyUrlsplitInput(raw).replace(/[\t\r\n]/g, '');
  const colon = url.indexOf(':');
  const hasScheme = colon > 0 && /^[A-Za-z][A-Za-z0-9+\-.]*$/.test(url.slice(0, colon));
  if (!hasScheme) {
    throw new ParamError(
      'BAD_ENDPOINT_URL',
      `Bad value for --endpoint-url "${raw}": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/`,
    );
  }
}

const HOST_LABELS = /^((?!-)[A-Z\d-]{1,63}(?<!-)\.)*((?!-)[A-Z\d-]{1,63}(?<!-))$/i;

/**
 * botocore is_valid_endpoint_url at client creation; returns the URL the request goes to (leading
 * spaces and C0 controls stripped, as urlsplit strips them; a #fragment kept for the messages,
 * never sent). The reference lets a URL with a query string, a non-http(s) scheme or a space in
 * its host through and then silently sends to the real AWS endpoint; this clone refuses such URLs
 * instead, so a typo never reaches AWS. `allowIpv6`: an IPv6 literal host is valid too (botocore
 * of later releases checks is_valid_ipv6_endpoint_url as well; 2.9.19 does not).
 */
export function checkEndpointUrl(raw: string, allowIpv6 = false): string {
  const url = pyUrlsplitInput(raw);
  let parsed: URL | undefined;
  try {
    parsed = /[\t\r\n]/.test(raw) ? undefined : new URL(url);
  } catch {
    parsed = undefined;
  }
  const authority = /^[^:]*:\/\/([^/?#]*)/.exec(url)?.[1] ?? '';
  const valid =
    parsed !== undefined &&
    (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
    parsed.hostname !== '' &&
    !/[\x00-\x20]/.test(authority) &&
    (HOST_LABELS.test(parsed.hostname) || (allowIpv6 && isIpv6Literal(parsed.hostname))) &&
    parsed.search === '';
  if (!valid) throw new GeneralError('INVALID_ENDPOINT', `Invalid endpoint: ${raw}`);
  return url;
}

// botocore is_valid_ipv6_endpoint_url, on a host WHATWG's URL parser has already checked:
// `[::1]`, `[2001:db8::5]`.
function isIpv6Literal(hostname: string): boolean {
  return hostname.startsWith('[') && hostname.endsWith(']');
}

/** The regional endpoint of Voice ID. */
export function regionalEndpoint(region: string): string {
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://voiceid.${region}.${suffix}`;
}

export const ENV_ENDPOINT_URL = 'AWS_ENDPOINT_URL';
/** AWS_ENDPOINT_URL_<SERVICE>, from the serviceId "Voice ID". */
export const ENV_SERVICE_ENDPOINT_URL = 'AWS_ENDPOINT_URL_VOICE_ID';
export const ENV_IGNORE_CONFIGURED_ENDPOINTS = 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS';
/** The key of this service in a [services NAME] section. */
export const SERVICES_KEY = 'voice_id';

export interface EndpointSources {
  readonly flag: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly profile: ReadonlyMap<string, unknown>;
  /** The [services NAME] section the profile's `services` names, if any. */
  readonly servicesSection: ReadonlyMap<string, unknown> | undefined;
  /** The name the profile's `services` gives, if any. */
  readonly servicesName?: string | undefined;
  /** Whether a `services` name without a (non-empty) section is an error (2.36.7's botocore). */
  readonly requireServicesSection?: boolean;
}

/**
 * The endpoint URL as AWS CLI v2 (2.13 and later) resolves it: --endpoint-url, then
 * AWS_ENDPOINT_URL_VOICE_ID, AWS_ENDPOINT_URL, the profile's services section, the profile's
 * endpoint_url, and none of the configured ones when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS or
 * ignore_configured_endpoint_urls is true. Undefined means the regional endpoint.
 */
export function configuredEndpoint(sources: EndpointSources): string | undefined {
  if (sources.flag !== undefined) return sources.flag;
  const ignore = sources.env[ENV_IGNORE_CONFIGURED_ENDPOINTS] ?? stringOf(sources.profile.get('ignore_configured_endpoint_urls'));
  if (ignore?.toLowerCase() === 'true') return undefined;
  return nonEmpty(sources.env[ENV_SERVICE_ENDPOINT_URL]) ?? nonEmpty(sources.env[ENV_ENDPOINT_URL]) ?? fromConfigFile(sources);
}

/** The services section's voice_id endpoint_url, then the profile's (botocore's config_service, config_global). */
function fromConfigFile(sources: EndpointSources): string | undefined {
  const { servicesSection, servicesName } = sources;
  if (sources.requireServicesSection && servicesName !== undefined && (servicesSection === undefined || servicesSection.size === 0)) {
    throw new GeneralError(
      'BAD_CONFIG_VALUE',
      `The profile is configured to use the services section but the "${servicesName}" services configuration does not exist.`,
    );
  }
  const nested = servicesSection?.get(SERVICES_KEY);
  const fromServices = nested instanceof Map ? stringOf(nested.get('endpoint_url')) : undefined;
  return nonEmpty(fromServices) ?? nonEmpty(stringOf(sources.profile.get('endpoint_url')));
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
