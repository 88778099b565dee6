// Step 10 of the reference, client creation: credentials (resolved here, fetched at signing),
// region, endpoint, retry and transport settings, with each check in the reference's order.
import type { Io } from '../io.js';
import type { GlobalValues } from '../cli/parse-command-line.js';
import { profileString, requireProfile, resolveRegion, type Settings, type SharedFiles } from '../config/settings.js';
import { credentialMethod, findCredentialSource, resolveCredentialSource, type CredentialSource } from '../credentials/credentials.js';
import type { DebugLog } from './debug-log.js';
import { checkEndpointUrl, configuredEndpoint, regionalEndpoint, type EndpointSources } from '../config/endpoint.js';
import { readRetry, validateRetry, type RetrySettings } from '../config/retry.js';
import { checkClientConfig } from '../config/client-config.js';
import { resolveTransport, type TransportSettings } from '../config/transport.js';
import { acceptsIpv6Endpoints, checksClientConfig, requiresServicesSection, resolvesCredentialsWhenUnsigned, type Generation } from '../model/generation.js';

export interface ClientContext {
  readonly region: string;
  /** Where the credentials come from; undefined when none were found (an error only at signing). */
  readonly credentialSource: CredentialSource | undefined;
  readonly endpoint: string;
  readonly retry: RetrySettings;
  readonly transport: TransportSettings;
  /** The AWS CLI release whose botocore this client is: how it parses errors, among others. */
  readonly generation: Generation;
}

export async function createClientContext(
  globals: GlobalValues,
  settings: Settings,
  files: SharedFiles,
  io: Io,
  generation: Generation,
): Promise<ClientContext> {
  // The reference resolves the credential chain before it looks for a region (for an unsigned
  // client, only 2.9.19 does).
  const credentialSource =
    settings.signRequest || resolvesCredentialsWhenUnsigned(generation)
      ? await resolveCredentialSource(findCredentialSource({ settings, files, env: io.env, generation }), io)
      : undefined;
  const region = resolveRegion(globals, io.env, settings);
  const endpoint = configuredEndpoint(endpointSources(settings, io, files, generation)) ?? regionalEndpoint(region);
  // botocore's compute_client_args reads max_attempts, checks the newer settings, then Config
  // checks the retry settings; the endpoint itself is checked after that, when it is created.
  const profile = requireProfile(settings);
  const rawRetry = readRetry(io.env, profile);
  if (checksClientConfig(generation)) checkClientConfig(io.env, profile, settings.signRequest);
  const retry = validateRetry(rawRetry);
  return {
    region,
    credentialSource,
    endpoint: checkEndpointUrl(endpoint, acceptsIpv6Endpoints(generation)),
    retry,
    transport: resolveTransport(globals, io.env, profile),
    generation,
  };
}

function endpointSources(settings: Settings, io: Io, files: SharedFiles, generation: Generation): EndpointSources {
  const profile = requireProfile(settings);
  const services = profileString(profile, 'services');
  return {
    flag: settings.endpointUrl,
    env: io.env,
    profile,
    servicesSection: services === undefined ? undefined : files.sections.get(`services ${services}`),
    servicesName: services,
    requireServicesSection: requiresServicesSection(generation),
  };
}

/** What client creation resolved. */
export function logClientContext(debug: DebugLog, settings: Settings, client: ClientContext): void {
  if (!debug.enabled) return;
  const { region, endpoint, retry, transport, credentialSource } = client;
  debug.log('botocore.session', `Using profile ${settings.profileName} (from ${settings.profileSource}); region ${region}`);
  debug.log('botocore.credentials', credentialSource ? `Found credentials in ${credentialMethod(credentialSource)}` : 'No credentials found');
  debug.log('botocore.endpoint', `Endpoint: ${endpoint}`);
  debug.log('botocore.retries', `Retry mode ${retry.mode}, max attempts ${retry.maxAttempts}`);
  debug.log('awscli.clidriver', `Setting voiceid timeout as (${transport.connectTimeout || 'None'}, ${transport.readTimeout || 'None'})`);
}
