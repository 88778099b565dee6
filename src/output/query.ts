// --query: compiled at start-up (a bad expression is exit 252, before missing arguments),
// applied to the answer at output time (run-time errors are exit 255), with jmespath.py 1.0.1's
// own messages (src/jmespath/).
import { GeneralError, ParamError } from '../errors.js';
import type { PyValue } from '../values/py-value.js';

export type QueryFn = (value: PyValue) => PyValue;

/** The compiled --query as a function over the answer, or identity without one (the engine loads only then). */
export async function prepareQuery(expression: string | undefined): Promise<QueryFn> {
  if (expression === undefined) return (value) => value;
  const { compileQuery, searchQuery } = await import('../jmespath/query.js');
  let compiled: ReturnType<typeof compileQuery>;
  try {
    compiled = compileQuery(expression);
  } catch (error) {
    // awscli wraps whatever jmespath.compile raises.
    const message = error instanceof Error ? error.message : String(error);
    throw new ParamError('BAD_QUERY', `Bad value for --query ${expression}: ${message}`, { cause: error });
  }
  return (value) => {
    try {
      return searchQuery(compiled, value);
    } catch (error) {
      if (error instanceof Error && !(error instanceof GeneralError)) throw new GeneralError('PYTHON_CRASH', error.message, { cause: error });
      throw error;
    }
  };
}
