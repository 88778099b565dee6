// The control path of voiceid-local, /__voiceid-local/ (loopback test plumbing, no SigV4):
//   GET health             {"ok": true, "inFlight": N}: N API requests being answered now
//   GET state              every record of every collection (state-dump.ts)
//   GET/POST/DELETE faults the pending faults (faults.ts): list, add, clear
//   POST reset             forgets every record but the --domain domains, and the faults
//   POST compact           compacts the state file now
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorState } from './state.js';
import { faultFromJson, type Fault, type FaultPlan } from './faults.js';
import type { InFlight } from './in-flight.js';
import { sendStateDump } from './state-dump.js';
import { COLLECTIONS } from './records.js';

export const CONTROL_PREFIX = '/__voiceid-local/';

export interface Controlled {
  readonly state: EmulatorState;
  readonly faults: FaultPlan;
  /** The --domain domains, which a reset keeps. */
  readonly domains: readonly string[];
  readonly flight: InFlight;
}

export async function control(req: IncomingMessage, res: ServerResponse, body: Buffer, { state, faults, domains, flight }: Controlled): Promise<void> {
  const path = (req.url ?? '').slice(CONTROL_PREFIX.length).split('?')[0];
  const json = (status: number, value: unknown): void => {
    const text = JSON.stringify(value);
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) });
    res.end(text);
  };
  if (path === 'health') return json(200, { ok: true, inFlight: flight.api });
  if (path === 'state' && req.method === 'GET') return sendStateDump(res, state, COLLECTIONS);
  if (path === 'reset' && req.method === 'POST') {
    state.reset(domains);
    faults.clear();
    await state.durable();
    return json(200, { ok: true });
  }
  if (path === 'compact' && req.method === 'POST') {
    const report = await state.compact();
    return json(200, { ok: true, ...report });
  }
  if (path === 'faults') return faultsEndpoint(req, body, faults, json);
  return json(404, { error: `no control endpoint ${req.method} ${req.url}` });
}

function faultsEndpoint(req: IncomingMessage, body: Buffer, faults: FaultPlan, json: (status: number, value: unknown) => void): void {
  if (req.method === 'GET') return json(200, { faults: faults.pending() });
  if (req.method === 'DELETE') {
    faults.clear();
    return json(200, { faults: [] });
  }
  if (req.method !== 'POST') return json(404, { error: `no control endpoint ${req.method} ${req.url}` });
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return json(400, { error: 'the body must be JSON: {"kind": "throttle", "count": 2}' });
  }
  const list = Array.isArray(value) ? value : [value];
  const parsed = list.map(faultFromJson);
  if (parsed.some((f) => f === undefined))
    return json(400, { error: 'each fault is {"kind": "throttle|internal|unavailable|delay|drop|truncate", "count": N, "delayMs": N}' });
  for (const fault of parsed) faults.add(fault as Fault);
  return json(200, { faults: faults.pending() });
}
