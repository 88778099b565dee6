// HTTP(S) proxies as the reference's urllib3/requests choose them: HTTP_PROXY / HTTPS_PROXY
// (upper or lower case) for the endpoint's scheme, NO_PROXY to bypass. Pure; the agents that
// talk to a proxy are in proxy-agents.ts, loaded only when a proxy is set.
import type { Env } from '../io.js';

/** The proxy for `url`, or undefined (none set, or NO_PROXY bypasses the host). */
export function proxyFor(url: URL, env: Env): URL | undefined {
  const scheme = url.protocol === 'https:' ? 'https' : 'http';
  const raw = env[`${scheme}_proxy`] ?? env[`${scheme.toUpperCase()}_PROXY`];
  if (!raw) return undefined;
  if (bypassed(url, env.no_proxy ?? env.NO_PROXY ?? '')) return undefined;
  try {
    return new URL(raw.includes('://') ? raw : `http://${raw}`);
  } catch {
    return undefined;
  }
}

// requests' proxy_bypass_environment: `*`, a host, a domain suffix, host:port.
function bypassed(url: URL, noProxy: string): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return noProxy
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean)
    .some((entry) => {
      if (entry === '*') return true;
      const [entryHost, entryPort] = entry.split(':');
      if (entryPort !== undefined && entryPort !== port) return false;
      const domain = (entryHost ?? '').replace(/^\./, '');
      return host === domain || host.endsWith(`.${domain}`);
    });
}

/** A proxy failure the reference words as `Failed to connect to proxy URL: "..."`. */
export class ProxyConnectError extends Error {
  constructor(
    readonly proxyUrl: string,
    cause: unknown,
  ) {
    super(`cannot reach the proxy ${proxyUrl}`, { cause });
  }
}

/** The proxy's URL as the reference prints it: scheme, host and port, no credentials. */
export function proxyLabel(proxy: URL): string {
  return `${proxy.protocol}//${proxy.host}`;
}
