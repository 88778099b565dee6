// Fault injection for tests: the next N API requests are throttled, fail with a 500 or 503,
// are delayed, dropped (the connection closes without an answer) or get a truncated body.
// Set with voiceid-local --fault, the control path POST /__voiceid-local/faults, or the API.

export type FaultKind = 'throttle' | 'internal' | 'unavailable' | 'delay' | 'drop' | 'truncate';

export const FAULT_KINDS: readonly FaultKind[] = ['throttle', 'internal', 'unavailable', 'delay', 'drop', 'truncate'];

export interface Fault {
  readonly kind: FaultKind;
  /** How many of the next requests it applies to. */
  readonly count: number;
  /** For delay: how long, in ms. */
  readonly delayMs?: number;
}

/** A queue of faults: each request takes the first one with uses left. */
export class FaultPlan {
  private readonly queue: { fault: Fault; left: number }[] = [];

  add(fault: Fault): void {
    if (fault.count > 0) this.queue.push({ fault, left: fault.count });
  }

  clear(): void {
    this.queue.length = 0;
  }

  /** The fault for the next request, if any (and uses it up). */
  next(): Fault | undefined {
    const entry = this.queue.find((e) => e.left > 0);
    if (!entry) return undefined;
    entry.left -= 1;
    return entry.fault;
  }

  pending(): Fault[] {
    return this.queue.filter((e) => e.left > 0).map((e) => ({ ...e.fault, count: e.left }));
  }
}

/** Parses `KIND[:COUNT[:DELAY_MS]]` (the --fault flag); throws a one-line message when wrong. */
export function parseFault(text: string): Fault {
  const [kind, count = '1', delay] = text.split(':');
  if (!FAULT_KINDS.includes(kind as FaultKind)) throw new Error(`unknown fault "${kind}" (one of ${FAULT_KINDS.join(', ')})`);
  if (!/^\d+$/.test(count)) throw new Error(`the count of fault "${text}" must be a whole number`);
  if (delay !== undefined && !/^\d+$/.test(delay)) throw new Error(`the delay of fault "${text}" must be a whole number of milliseconds`);
  return { kind: kind as FaultKind, count: Number(count), ...(delay !== undefined ? { delayMs: Number(delay) } : kind === 'delay' ? { delayMs: 1000 } : {}) };
}

/** A fault from a control request body; undefined when it is not one. */
export function faultFromJson(value: unknown): Fault | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { kind, count = 1, delayMs } = value as Record<string, unknown>;
  if (!FAULT_KINDS.includes(kind as FaultKind) || typeof count !== 'number' || !Number.isInteger(count) || count < 0) return undefined;
  if (delayMs !== undefined && (typeof delayMs !== 'number' || delayMs < 0)) return undefined;
  return { kind: kind as FaultKind, count, ...(typeof delayMs === 'number' ? { delayMs } : {}) };
}
