// ContainerMetadataFetcher's rules as each generation's botocore has them: which full URIs it will
// fetch from and how its messages name the service. 2.9.19 allows three hosts and says "ECS
// metadata"; 2.36.7 allows any https URL, any loopback address and four hosts, and says "container
// metadata". Pure.
import { usesContainerMetadataWording, type Generation } from '../model/generation.js';

export const CONTAINER_HOST = '169.254.170.2';

export interface ContainerFetcherRules {
  readonly allowedHosts: readonly string[];
  /** https URLs and loopback addresses pass whatever the host (2.36.7). */
  readonly allowsHttpsAndLoopback: boolean;
  /** How the messages name what they fetch: `ECS metadata`, `container metadata`. */
  readonly metadataName: string;
  /** Received non 200 response ... (2.9.19 puts the status in parentheses). */
  non200(status: number, body: string): string;
}

const RULES_2_9_19: ContainerFetcherRules = {
  allowedHosts: [CONTAINER_HOST, 'localhost', '127.0.0.1'],
  allowsHttpsAndLoopback: false,
  metadataName: 'ECS metadata',
  non200: (status, body) => `Received non 200 response (${status}) from ECS metadata: ${body}`,
};

const RULES_LATER: ContainerFetcherRules = {
  allowedHosts: [CONTAINER_HOST, '169.254.170.23', 'fd00:ec2::23', 'localhost'],
  allowsHttpsAndLoopback: true,
  metadataName: 'container metadata',
  non200: (status, body) => `Received non 200 response ${status} from container metadata: ${body}`,
};

export function containerFetcherRules(generation: Generation): ContainerFetcherRules {
  return usesContainerMetadataWording(generation) ? RULES_LATER : RULES_2_9_19;
}

/**
 * The ValueError text for a full URI the fetcher refuses, or undefined when it allows it.
 * `scheme` and `host` as urlparse gives them (host lower-cased, without brackets).
 */
export function refusedContainerHost(rules: ContainerFetcherRules, scheme: string, host: string | undefined): string | undefined {
  if (rules.allowsHttpsAndLoopback && (scheme === 'https' || (host !== undefined && isPyLoopbackAddress(host)))) return undefined;
  if (host !== undefined && rules.allowedHosts.includes(host)) return undefined;
  const which = rules.allowsHttpsAndLoopback ? 'a loopback address or one of these hosts' : 'these hosts';
  return `Unsupported host '${host ?? 'None'}'.  Can only retrieve metadata from ${which}: ${rules.allowedHosts.join(', ')}`;
}

const OCTET = /^(0|[1-9][0-9]{0,2})$/;

/** Python's ipaddress.ip_address(host).is_loopback, False where ip_address raises: 127.0.0.0/8 and ::1. */
export function isPyLoopbackAddress(host: string): boolean {
  const octets = host.split('.');
  if (octets.length === 4 && octets.every((o) => OCTET.test(o) && Number(o) <= 255)) return octets[0] === '127';
  return isIpv6Loopback(host);
}

function isIpv6Loopback(host: string): boolean {
  const halves = host.split('::');
  if (halves.length > 2) return false;
  const groups = (text: string | undefined): string[] | undefined => {
    if (text === undefined || text === '') return [];
    const parts = text.split(':');
    return parts.every((p) => /^[0-9a-fA-F]{1,4}$/.test(p)) ? parts : undefined;
  };
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  if (head === undefined || tail === undefined) return false;
  const count = head.length + tail.length;
  if (halves.length === 1 ? count !== 8 : count > 7) return false;
  const all = [...head, ...Array<string>(8 - count).fill('0'), ...tail];
  return all.every((g, i) => Number.parseInt(g, 16) === (i === 7 ? 1 : 0));
}
