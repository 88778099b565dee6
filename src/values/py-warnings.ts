// Python's warnings registry under the default filter: a warning issued again from the same line
// with the same text is not shown again in that process. The registry is kept per process (the
// caller's Io object, one per run), so that every part of a run shares it. No I/O.

const SHOWN = new WeakMap<object, Set<string>>();

/** Shows `text` through `write` unless this process has shown the same warning already. */
export function warnOnce(process: object, text: string, write: (text: string) => void): void {
  let shown = SHOWN.get(process);
  if (shown === undefined) {
    shown = new Set();
    SHOWN.set(process, shown);
  }
  if (shown.has(text)) return;
  shown.add(text);
  write(text);
}
