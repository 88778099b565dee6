// GET /__voiceid-local/state: every record of every collection as one JSON document,
// {"seq":S,"collections":{"domains":{"<key>":{...}},"jobs":{...},...}} (every collection named,
// empty ones as {}), read from a snapshot view: the records as they were when the request came,
// while writes go on. It is written in chunks that wait for the socket to drain, so a large
// state neither stops other requests nor piles up in memory.
import type { ServerResponse } from 'node:http';
import type { EmulatorState } from './state.js';

const CHUNK_CHARS = 64 * 1024;

/** Answers the dump on `res`; resolves once it is written, or the client has gone. */
export async function sendStateDump(res: ServerResponse, state: EmulatorState, names: readonly string[]): Promise<void> {
  const { seq, view } = state.view();
  try {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    let text = `{"seq":${seq},"collections":{`;
    let next = 0; // the index in `names` of the next collection to open
    let open: string | undefined;
    const openUpTo = (collection: string | undefined): void => {
      if (open !== undefined) text += '}';
      while (next < names.length && names[next] !== collection) text += `${next > 0 ? ',' : ''}${JSON.stringify(names[next++])}:{}`;
      if (collection !== undefined) {
        text += `${next > 0 ? ',' : ''}${JSON.stringify(collection)}:{`;
        next += 1;
      }
      open = collection;
    };
    let first = true;
    for (const [collection, key, value] of view.records()) {
      if (collection !== open) {
        openUpTo(collection);
        first = true;
      }
      text += `${first ? '' : ','}${JSON.stringify(key)}:${JSON.stringify(value)}`;
      first = false;
      if (text.length >= CHUNK_CHARS) {
        if (!(await writeChunk(res, text))) return;
        text = '';
      }
    }
    openUpTo(undefined);
    res.end(`${text}}}\n`);
  } finally {
    view.end();
  }
}

/** Writes, then waits for the socket to drain (or for the next turn); false once the client has gone. */
async function writeChunk(res: ServerResponse, text: string): Promise<boolean> {
  if (res.destroyed) return false;
  if (res.write(text)) await new Promise((resolve) => setImmediate(resolve));
  else
    await new Promise<void>((resolve) => {
      const done = (): void => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.on('drain', done);
      res.on('close', done);
    });
  return !res.destroyed;
}
