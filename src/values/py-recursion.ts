// Python's recursion limit, for the ports of Python code that recurse (the shorthand parser,
// ruamel's composer and constructor): a count of the frames CPython would have on its stack, and
// the RecursionError it raises past sys.getrecursionlimit(). Pure.

/** CPython's default `sys.getrecursionlimit()`. */
export const RECURSION_LIMIT = 1000;
const MESSAGE = 'maximum recursion depth exceeded';

/** Python's RecursionError: `message` is `str(exc)`. */
export class PyRecursionError extends Error {
  override readonly name = 'PyRecursionError';
}

/** The frames of a Python call stack, counted from the depth at which the ported code is called. */
export class PythonStack {
  constructor(
    private depth: number,
    /** The end of the message ("in comparison", " while calling a Python object"...) by default. */
    private readonly suffix = '',
  ) {}

  /** A call that adds `frames`: RecursionError once they pass the limit. */
  enter(frames = 1): void {
    this.depth += frames;
    this.reach(0);
  }

  /** Pushes `frames` without a check (the check comes where the frame calls further). */
  push(frames = 1): void {
    this.depth += frames;
  }

  leave(frames = 1): void {
    this.depth -= frames;
  }

  /** A call `offset` frames below the running one: RecursionError if it passes the limit. */
  reach(offset: number, suffix = this.suffix): void {
    if (this.depth + offset > RECURSION_LIMIT) throw new PyRecursionError(`${MESSAGE}${suffix}`);
  }
}

/**
 * JavaScript's own stack overflow (a RangeError), for code that recurses without counting frames,
 * stands for Python's RecursionError; any other value is returned as it is.
 */
export function asPyRecursionError(error: unknown): unknown {
  return error instanceof RangeError ? new PyRecursionError(MESSAGE) : error;
}
