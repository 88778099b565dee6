// How long a test may wait before it calls a wait a hang. Tests wait for events (a line on
// stdout, a request at the fake endpoint, a process exit), never for a guessed number of
// milliseconds; these budgets only stop a test that would otherwise wait forever. They are
// sized for a loaded 2-core machine, where a correct program needs a small fraction of them.

/** The most one awaited event may take: a process to start and exit, an answer, a redraw. */
export const EVENT_MS = 15_000;

/** The vitest timeout of a test that waits for `events` events one after the other. */
export function timeoutFor(events: number): number {
  return events * EVENT_MS;
}
