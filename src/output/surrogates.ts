// Python writes stdout strictly as UTF-8: a string with a lone surrogate cannot be encoded, so
// the reference prints what it wrote before that chunk, then the codec error (exit 255).
// A JavaScript string can hold such a surrogate; this finds it and words the error. Pure.

export interface LoneSurrogate {
  /** The output up to the start of the chunk that could not be encoded. */
  readonly written: string;
  /** Python's UnicodeEncodeError text. */
  readonly message: string;
}

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The first lone surrogate of `text`, if any. `chunkStart(text, index)` gives where the write
 * call that holds position `index` began (formatters write in chunks; the error position is
 * counted in code points from there).
 */
export function findLoneSurrogate(text: string, chunkStart: (text: string, index: number) => number): LoneSurrogate | undefined {
  const match = LONE.exec(text);
  if (!match) return undefined;
  const start = chunkStart(text, match.index);
  const position = [...text.slice(start, match.index)].length;
  const hex = (match[0].codePointAt(0) as number).toString(16);
  return {
    written: text.slice(0, start),
    message: `'utf-8' codec can't encode character '\\u${hex}' in position ${position}: surrogates not allowed`,
  };
}

/** json.dump writes a string value as one chunk: from its opening quote. */
export function jsonStringStart(text: string, index: number): number {
  for (let i = index - 1; i >= 0; i--) {
    if (text[i] !== '"') continue;
    let backslashes = 0;
    for (let j = i - 1; j >= 0 && text[j] === '\\'; j--) backslashes++;
    if (backslashes % 2 === 0) return i;
  }
  return 0;
}
