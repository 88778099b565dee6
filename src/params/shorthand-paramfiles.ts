// Shorthand with 2.36.7's `key@=value`, whose files awscli reads while it parses. The parser is
// pure, so it runs twice: first to learn which values it reads, in order; then, once they are
// read through io (loadParamfile, as file:// options are), with their contents. What a file holds
// never steers the parse, so both runs read the same values in the same order, and the first one
// that cannot be read fails where awscli fails (before a later syntax error, after an earlier one).
import type { Io } from '../io.js';
import type { Generation } from '../model/generation.js';
import type { PyBytes, PyDict } from '../values/py-value.js';
import { isParamfile, loadParamfile, ParamfileError } from './paramfile.js';
import { parseShorthand } from './shorthand.js';
import type { ShorthandParamfiles } from './shorthand-syntax.js';

/**
 * parseShorthand() with the `@=` values read from files. Throws what parseShorthand throws, and
 * ParamfileError for the first file that cannot be read.
 */
export async function parseShorthandWithFiles(value: string, generation: Generation, io: Io): Promise<PyDict> {
  const asked: string[] = [];
  const recorder: ShorthandParamfiles = {
    isParamfile,
    read: (path) => {
      asked.push(path);
      return path;
    },
  };
  let parsed: PyDict | undefined;
  let failure: unknown;
  try {
    parsed = parseShorthand(value, generation, recorder);
  } catch (error) {
    failure = error;
  }
  if (asked.length === 0) {
    if (parsed === undefined) throw failure;
    return parsed;
  }
  const contents = await readInOrder(asked, io);
  let next = 0;
  return parseShorthand(value, generation, {
    isParamfile,
    read: () => {
      const content = contents.values[next++];
      if (content === undefined) throw contents.error ?? new Error('shorthand asked for more files on its second parse');
      return content;
    },
  });
}

/** The files' contents in order, up to the first that cannot be read (awscli stops there). */
async function readInOrder(paths: readonly string[], io: Io): Promise<{ values: (string | PyBytes)[]; error?: ParamfileError }> {
  const values: (string | PyBytes)[] = [];
  for (const path of paths) {
    try {
      values.push(await loadParamfile(path, io));
    } catch (error) {
      if (error instanceof ParamfileError) return { values, error };
      throw error;
    }
  }
  return { values };
}
