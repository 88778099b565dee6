// Step 4 of the reference: the top-level option handlers. --query is compiled (exit 252 for a bad
// expression), --endpoint-url must have a scheme (252), the timeouts must be ints (255).
import type { GlobalValues } from './parse-command-line.js';
import { prepareQuery, type QueryFn } from '../output/query.js';
import { checkEndpointScheme } from '../config/endpoint.js';
import { checkTimeoutSyntax } from '../config/transport.js';

/** Runs the checks; returns the compiled --query. */
export async function checkGlobalOptions(globals: GlobalValues): Promise<QueryFn> {
  const expression = globals.get('query');
  const query = await prepareQuery(typeof expression === 'string' ? expression : undefined);
  const endpoint = globals.get('endpoint_url');
  if (typeof endpoint === 'string') checkEndpointScheme(endpoint);
  checkTimeoutSyntax(globals);
  return query;
}
