// Step 10 of the reference, client creation: credentials (resolved here, fetched at signing),
// region, endpoint, retry and transport settings, with each check in the reference's order.
import type { Io } from '../io.js';
import type { GlobalValues } from '../cli/parse-command-line.js';
import { profileString, requireProfile, resolveRegion, type Settings, type SharedFiles } from '../config/settings.js';
import { findCredentialSource, resolveCredentialSource, type CredentialSource } from '../credentials/credentials.js';
import { checkEndpointUrl, configuredEndpoint, regionalEndpoint, type EndpointSources } from '../config/endpoint.js';
import { resolveRetry, type RetrySettings } from '../config/retry.js';
import { resolveTransport, type TransportSettings } from '../config/transport.js';
import { resolvesCredentialsWhenUnsigned, type Generation } from '../model/generation.js';

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
      ? await resolveCredentialSource(findCredentialSource({ settings, files, env: io.env }), io)
      : undefined;
  const region = resolveRegion(globals, io.env, settings);
  const endpoint = configuredEndpoint(endpointSources(settings, io, files)) ?? regionalEndpoint(region);
  checkEndpointUrl(endpoint);
  const profile = requireProfile(settings);
  return {
    region,
    credentialSource,
    endpoint,
    retry: resolveRetry(io.env, profile),
    transport: resolveTransport(globals, io.env, profile),
    generation,
  };
}

function endpointSources(settings: Settings, io: Io, files: SharedFiles): EndpointSources {
  const profile = requireProfile(settings);
  const services = profileString(profile, 'services');
  return {
    flag: settings.endpointUrl,
    env: io.env,
    profile,
    servicesSection: services === undefined ? undefined : files.sections.get(`services ${services}`),
  };
}
