// The entry point of the JMESPath port (jmespath.py 1.0.1, the version AWS CLI v2.9.19 uses):
// compileQuery parses once (compile errors: --query is rejected, rc 252), searchQuery evaluates
// on a response (search errors: rc 255). Error messages are Python's str(exception). Pure.
import { PyValueError } from '../values/py-int.js';
import { asPyRecursionError, PyRecursionError } from '../values/py-recursion.js';
import type { PyValue } from '../values/py-value.js';
import type { AstNode } from './ast.js';
import { PythonError, type JmespathPhase } from './errors.js';
import { visit } from './interpreter.js';
import { parse } from './parser.js';

export { isCompileError, JmespathError } from './errors.js';

/** A parsed expression (jmespath.py's ParsedResult). */
export interface CompiledQuery {
  readonly expression: string;
  readonly ast: AstNode;
}

/**
 * Python `jmespath.compile(expression)`; throws a JmespathError with `phase: 'compile'`.
 * @example compileQuery('Job.$') // throws LexerError 'Bad jmespath expression: Unknown token $:\nJob.$\n    ^'
 */
export function compileQuery(expression: string): CompiledQuery {
  try {
    return { expression, ast: parse(expression) };
  } catch (error) {
    throw asRecursionError(error, 'compile');
  }
}

// JavaScript's stack overflow (the only RangeError these modules can meet) stands for Python's
// RecursionError. Python reaches it far sooner: some 330 to 500 levels of nesting.
function asRecursionError(error: unknown, phase: JmespathPhase): unknown {
  const mapped = asPyRecursionError(error);
  return mapped instanceof PyRecursionError ? new PythonError('RecursionError', mapped.message, phase) : error;
}

/**
 * Python `compiled.search(data)`; throws a JmespathError with `phase: 'search'`. The result may
 * hold expression references (`&a`, `[&a]`): objects the formatters know nothing of (PyObject).
 * @example searchQuery(compileQuery('length(Job.JobId)'), data) // 2n for JobId "j1"
 */
export function searchQuery(query: CompiledQuery, data: PyValue): PyValue {
  try {
    return visit(query.ast, data);
  } catch (error) {
    // Python's own ValueErrors from value helpers, such as str() of an int past 4300 digits.
    if (error instanceof PyValueError) throw new PythonError('ValueError', error.message);
    throw asRecursionError(error, 'search');
  }
}
