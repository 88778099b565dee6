// Verifies AWS Signature Version 4 on a request, as the service's front end does: recompute
// the canonical request and the signature from the secret of the key id, and refuse with the
// service's errors. An implementation of its own: it shares no code with the CLI or the SDK.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { frameworkError, type ServiceFault } from './service-error.js';

export const SIGNING_NAME = 'voiceid';
/** How far a request's X-Amz-Date may be from the server's clock. */
export const MAX_SKEW_MS = 15 * 60 * 1000;

export interface SignedRequest {
  readonly method: string;
  /** The request target: path and query. */
  readonly url: string;
  /** Header names in lower case; repeated headers joined with `,`. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

export interface VerifiedCaller {
  readonly accessKeyId: string;
  readonly region: string;
}

const AUTH = /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]*)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/;

const forbidden = (type: string, message: string): ServiceFault => frameworkError(type, message, 403);

/** Checks the signature; returns the caller or throws the service's 403 error. */
export function verifySigV4(request: SignedRequest, secrets: ReadonlyMap<string, string>, nowMs: number): VerifiedCaller {
  const authorization = headerOf(request, 'authorization');
  if (!authorization) throw forbidden('MissingAuthenticationTokenException', 'Missing Authentication Token');
  const match = AUTH.exec(authorization.trim());
  if (!match) {
    throw forbidden(
      'IncompleteSignatureException',
      `Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters. Authorization=${authorization}`,
    );
  }
  const [, keyId, date, region, service, signedHeaderList, signature] = match as unknown as string[];
  const secret = secrets.get(keyId as string);
  if (secret === undefined) throw forbidden('UnrecognizedClientException', 'The security token included in the request is invalid.');
  if (service !== SIGNING_NAME) throw forbidden('InvalidSignatureException', `Credential should be scoped to correct service: '${SIGNING_NAME}'. `);
  const amzDate = headerOf(request, 'x-amz-date') ?? '';
  checkDate(amzDate, date as string, nowMs);
  const signedHeaders = (signedHeaderList as string).split(';');
  if (!signedHeaders.includes('host')) {
    throw forbidden('InvalidSignatureException', "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest(request, signedHeaders))].join('\n');
  let key = hmac(`AWS4${secret}`, date as string);
  for (const part of [region as string, service as string, 'aws4_request']) key = hmac(key, part);
  const expected = createHmac('sha256', key).update(stringToSign, 'utf8').digest();
  const given = Buffer.from(signature as string, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw forbidden(
      'InvalidSignatureException',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
  }
  return { accessKeyId: keyId as string, region: region as string };
}

function checkDate(amzDate: string, scopeDate: string, nowMs: number): void {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (!m) throw forbidden('IncompleteSignatureException', "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const signedAt = Date.UTC(y as number, (mo as number) - 1, d, h, mi, s);
  if (amzDate.slice(0, 8) !== scopeDate) {
    throw forbidden(
      'InvalidSignatureException',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
    );
  }
  if (signedAt < nowMs - MAX_SKEW_MS) {
    throw forbidden(
      'InvalidSignatureException',
      `Signature expired: ${amzDate} is now earlier than ${basicDate(nowMs - MAX_SKEW_MS)} (${basicDate(nowMs)} - 15 min.)`,
    );
  }
  if (signedAt > nowMs + MAX_SKEW_MS) {
    throw forbidden(
      'InvalidSignatureException',
      `Signature not yet current: ${amzDate} is still later than ${basicDate(nowMs + MAX_SKEW_MS)} (${basicDate(nowMs)} + 15 min.)`,
    );
  }
}

function canonicalRequest(request: SignedRequest, signedHeaders: readonly string[]): string {
  const queryAt = request.url.indexOf('?');
  const path = queryAt >= 0 ? request.url.slice(0, queryAt) : request.url;
  const query = queryAt >= 0 ? request.url.slice(queryAt + 1) : '';
  const headers = signedHeaders.map((name) => `${name}:${(headerOf(request, name) ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  // The hash of the body received, never the x-amz-content-sha256 header's word for it: a body
  // changed after signing is then a signature mismatch.
  const payloadHash = sha256Hex(request.body);
  return [request.method, canonicalPath(path), canonicalQuery(query), headers, signedHeaders.join(';'), payloadHash].join('\n');
}

function canonicalPath(path: string): string {
  if (path === '') return '/';
  return path
    .split('/')
    .map((segment) => encode(decodeOrKeep(segment)))
    .join('/');
}

function canonicalQuery(query: string): string {
  if (!query) return '';
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const [k, v] = eq >= 0 ? [pair.slice(0, eq), pair.slice(eq + 1)] : [pair, ''];
      return [encode(decodeOrKeep(k)), encode(decodeOrKeep(v))] as const;
    })
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

// A header by its lower-case name; only the request's own (a signed header named `constructor`
// or `__proto__` is a header that is absent, not a property of Object.prototype).
function headerOf(request: SignedRequest, name: string): string | undefined {
  return Object.hasOwn(request.headers, name) ? request.headers[name] : undefined;
}

// A %XX-decoded path segment or query part; one with a broken escape (`%ZZ`, a lone `%`, bytes
// that are not UTF-8) is taken literally, its `%` then encoded as %25, so the request is refused
// as a signature mismatch (a 403), not a crash.
function decodeOrKeep(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// RFC 3986 unreserved characters stay; everything else is %XX (upper case).
function encode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function basicDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, message: string): Buffer {
  return createHmac('sha256', key).update(message, 'utf8').digest();
}
