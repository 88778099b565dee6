// What Python's codecs raise, for py-codecs.ts and the codec modules it uses. Pure.

/** The Python exception a codec raised: its class and str(). */
export type PyCodecErrorKind = 'LookupError' | 'UnicodeDecodeError' | 'UnicodeError' | 'RuntimeError';

export class PyCodecError extends Error {
  constructor(
    readonly kind: PyCodecErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'PyCodecError';
  }
}

/** A codec's decoding of a whole input (one final call of its incremental decoder). */
export type Decoder = (bytes: Uint8Array) => string | Promise<string>;

/** UnicodeDecodeError from `codec` (its text is never printed: awscli words its own message). */
export function undecodable(codec: string, reason = 'invalid data'): PyCodecError {
  return new PyCodecError('UnicodeDecodeError', `'${codec}' codec can't decode bytes: ${reason}`);
}
