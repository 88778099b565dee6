// A request body read with its size limit enforced while it arrives: a Content-Length over the
// limit is refused before a byte of the body is read, and a chunked body as soon as the bytes
// received pass it (reading then stops: the request is paused, and what was buffered dropped).
// So a client can make the endpoint hold at most the limit, whatever it sends.
import type { IncomingMessage } from 'node:http';

export type BodyRead =
  | { readonly kind: 'body'; readonly body: Buffer }
  | { readonly kind: 'too-large' }
  /** The client went away before the body was whole. */
  | { readonly kind: 'aborted' };

/** Whether the request declares a body over the limit (also before 100-continue). */
export function declaresTooLarge(req: IncomingMessage, maxBytes: number): boolean {
  const declared = req.headers['content-length'];
  return declared !== undefined && Number(declared) > maxBytes;
}

export function readLimitedBody(req: IncomingMessage, maxBytes: number): Promise<BodyRead> {
  if (declaresTooLarge(req, maxBytes)) return Promise.resolve({ kind: 'too-large' });
  return new Promise((resolve) => {
    let chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyRead): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      req.off('error', onClose);
      chunks = [];
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      req.pause();
      finish({ kind: 'too-large' });
    };
    const onEnd = (): void => finish({ kind: 'body', body: Buffer.concat(chunks, size) });
    const onClose = (): void => finish({ kind: 'aborted' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
    req.on('error', onClose);
  });
}
