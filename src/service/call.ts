// Step 11, the call itself: the credentials must exist at signing (fetched from STS or SSO
// where they come from there, refreshed when they expire soon, before each attempt), then the
// request goes out through the SDK with the CLI's own body, retries and transport settings, and
// a redacted log with --debug.
import type { Io } from '../io.js';
import type { Settings } from '../config/settings.js';
import type { ClientContext } from './client-context.js';
import { loadCredentials, noCredentialsError } from '../credentials/credentials.js';
import type { DebugLog } from './debug-log.js';
import { redactSensitive } from './debug-log.js';
import type { Operation } from '../model/service-model.js';
import { dumpPyJson } from '../values/py-json-dump.js';
import { parsePyJson } from '../values/py-json-parse.js';
import type { PyDict } from '../values/py-value.js';
import { userAgent } from '../version.js';
import { CREDENTIAL_CLIENTS } from './credential-clients.js';
import { sendRequest, type WireResponse } from './send.js';
import { deferredExtraCa } from './extra-ca.js';

/** Sends `request` for `operation`; resolves to the 2xx response. */
export async function callService(
  operation: Operation,
  request: PyDict,
  settings: Settings,
  client: ClientContext,
  io: Io,
  debug: DebugLog,
): Promise<WireResponse> {
  const { region, endpoint, retry, transport, credentialSource, generation } = client;
  if (settings.signRequest && !credentialSource) throw noCredentialsError();
  const credentials = settings.signRequest && credentialSource ? await loadCredentials(credentialSource, io, CREDENTIAL_CLIENTS, region) : undefined;
  // botocore signs each retry anew (get_frozen_credentials): expiring credentials are checked again.
  const refreshable = settings.signRequest && credentialSource?.kind === 'refreshable' ? credentialSource.credentials : undefined;
  return sendRequest({
    operation,
    generation,
    region,
    endpoint,
    credentials,
    ...(refreshable ? { retryCredentials: () => refreshable.frozen() } : {}),
    signRequest: settings.signRequest,
    body: dumpPyJson(request, { ensureAscii: true }),
    maxAttempts: retry.maxAttempts,
    retryMode: retry.mode,
    userAgent: userAgent(),
    interrupt: io.interrupt,
    closeConnections: !io.endsWithRun,
    transport: { ...transport, readFile: (path) => io.readFile(path), env: io.env, extraCa: deferredExtraCa(io) },
    warn: (text) => io.writeStderr(text),
    ...(debug.enabled
      ? { debug: (message: string) => debug.log('botocore.endpoint', message), redactResponse: (body: string) => redactResponseBody(body, operation) }
      : {}),
  });
}

function redactResponseBody(body: string, operation: Operation): string {
  if (!operation.output) return body;
  try {
    return dumpPyJson(redactSensitive(parsePyJson(body), operation.output), { ensureAscii: false });
  } catch {
    return body;
  }
}
