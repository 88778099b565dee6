// botocore's PageIterator (paginate.py) over one operation's pages: the starting token, the page
// size, --max-items truncation with its resume token, the same-token check, and
// build_full_result's merge of the result keys. The pages come from `fetch` (the call, with its
// validation); everything else here is pure.
import { GeneralError } from '../errors.js';
import type { PaginatorData } from '../model/shapes.js';
import { pyRepr, pyTypeName } from '../values/py-repr.js';
import { pyTruthy } from '../values/py-truthy.js';
import { PyDict, PyFloat, type PyValue } from '../values/py-value.js';
import { checkResumeToken, encodeToken, parseStartingToken, TRUNCATE_AMOUNT } from './paging-token.js';

/** The paginator's PaginationConfig: MaxItems, StartingToken, PageSize, as Paginator.paginate reads them. */
export interface PagingConfig {
  readonly maxItems?: bigint;
  readonly startingToken?: string;
  readonly pageSize?: PyValue;
}

export type FetchPage = (request: PyDict) => Promise<PyDict>;

const list = (value: string | readonly string[] | undefined): readonly string[] => (value === undefined ? [] : typeof value === 'string' ? [value] : value);

/** One paginated call: iterate `pages()` once; `resumeToken` is set when --max-items stopped it. */
export class PageIterator {
  readonly resultKeys: readonly string[];
  private readonly inputTokens: readonly string[];
  private readonly outputTokens: readonly string[];
  resumeToken: string | undefined;
  /** No voice-id paginator has non_aggregate_keys: always empty. */
  readonly nonAggregatePart = new PyDict();

  constructor(
    private readonly paginator: PaginatorData,
    private readonly config: PagingConfig,
    private readonly request: PyDict,
    private readonly fetch: FetchPage,
  ) {
    this.resultKeys = list(paginator.result_key);
    this.inputTokens = list(paginator.input_token);
    this.outputTokens = list(paginator.output_token);
  }

  /** PageIterator.__iter__. */
  async *pages(): AsyncGenerator<PyDict> {
    const { maxItems, startingToken } = this.config;
    const kwargs = this.request;
    const starting = startingToken === undefined ? undefined : () => parseStartingToken(startingToken, this.inputTokens);
    let nextToken = starting ? starting().token : new PyDict(this.inputTokens.map((name) => [name, null]));
    let previous: PyDict | undefined;
    let total = 0n;
    let first = true;
    let startingTruncation: PyValue = 0n;
    const primary = this.resultKeys[0] as string;
    if (starting) injectToken(kwargs, starting().token);
    if (this.config.pageSize !== undefined && this.paginator.limit_key !== undefined) kwargs.set(this.paginator.limit_key, this.config.pageSize);
    for (;;) {
      const page = await this.fetch(kwargs);
      if (first) {
        if (starting) startingTruncation = this.handleFirstRequest(page, primary, starting().index);
        first = false;
      } else {
        startingTruncation = 0n;
      }
      const count = pyLen(searchPath(page, primary) ?? []);
      const truncateAmount = maxItems === undefined ? 0n : total + count - maxItems;
      if (truncateAmount > 0n) {
        this.truncate(page, primary, truncateAmount, startingTruncation, nextToken);
        yield page;
        return;
      }
      yield page;
      total += count;
      nextToken = this.nextTokenOf(page);
      if ([...nextToken.values()].every((value) => value === null)) return;
      if (maxItems !== undefined && total === maxItems) {
        this.setResumeToken(nextToken);
        return;
      }
      if (previous && samePyValue(previous, nextToken)) {
        throw new GeneralError('PYTHON_CRASH', `Error during pagination: The same next token was received twice: ${pyRepr(nextToken)}`);
      }
      injectToken(kwargs, nextToken);
      previous = nextToken;
    }
  }

  private handleFirstRequest(page: PyDict, primary: string, index: PyValue): PyValue {
    const all = searchPath(page, primary);
    setPath(page, primary, Array.isArray(all) || typeof all === 'string' ? pySliceFrom(all, index) : null);
    return index;
  }

  private truncate(page: PyDict, primary: string, amount: bigint, startingTruncation: PyValue, nextToken: PyDict): void {
    const original = searchPath(page, primary) ?? [];
    const keep = pyLen(original) - amount;
    setPath(page, primary, pySliceTo(original, keep));
    nextToken.set(TRUNCATE_AMOUNT, pyAdd(keep, startingTruncation));
    this.setResumeToken(nextToken);
  }

  private setResumeToken(token: PyDict): void {
    checkResumeToken(token, this.inputTokens);
    this.resumeToken = encodeToken(token);
  }

  private nextTokenOf(page: PyDict): PyDict {
    return new PyDict(
      this.outputTokens.slice(0, this.inputTokens.length).map((output, i) => {
        const value = searchPath(page, output);
        return [this.inputTokens[i] as string, value === null || value === undefined || !pyTruthy(value) ? null : value];
      }),
    );
  }
}

/** PageIterator.build_full_result: the result keys of every page, merged; then NextToken (the resume token). */
export async function buildFullResult(iterator: PageIterator): Promise<PyDict> {
  const complete = new PyDict();
  for await (const page of iterator.pages()) {
    for (const key of iterator.resultKeys) {
      const value = searchPath(page, key);
      if (value === undefined || value === null) continue;
      const existing = searchPath(complete, key);
      if (existing === undefined || existing === null) setPath(complete, key, value);
      else if (Array.isArray(value) && Array.isArray(existing)) existing.push(...value);
      else if (typeof value === 'string' && typeof existing === 'string') setPath(complete, key, existing + value);
      else if (typeof value === 'bigint' && typeof existing === 'bigint') setPath(complete, key, existing + value);
    }
  }
  if (iterator.resumeToken !== undefined) complete.set('NextToken', iterator.resumeToken);
  return complete;
}

// _inject_token_into_kwargs: a token that is None (or 'None') removes the member.
function injectToken(kwargs: PyDict, token: PyDict): void {
  for (const [name, value] of token) {
    if (value !== null && value !== 'None') kwargs.set(name, value);
    else kwargs.delete(name);
  }
}

/** A JMESPath field path (`a.b`) on dicts: undefined where a step is missing (None in Python). */
export function searchPath(value: PyValue, path: string): PyValue | undefined {
  let current: PyValue | undefined = value;
  for (const step of path.split('.')) current = current instanceof PyDict ? current.get(step) : undefined;
  return current;
}

/** botocore.utils.set_value_from_jmespath. */
export function setPath(target: PyDict, path: string, value: PyValue): void {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) {
    target.set(head as string, value);
    return;
  }
  let inner = target.get(head as string);
  if (!(inner instanceof PyDict)) {
    inner = new PyDict();
    target.set(head as string, inner);
  }
  setPath(inner, rest.join('.'), value);
}

function pyLen(value: PyValue): bigint {
  if (Array.isArray(value) || typeof value === 'string') return BigInt(value.length);
  if (value instanceof PyDict) return BigInt(value.size);
  throw new GeneralError('PYTHON_CRASH', `object of type '${pyTypeName(value)}' has no len()`);
}

// Python's value[index:] and value[:end] for lists and strings (negative indices count from the end).
function sliceIndex(value: PyValue, length: number): number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value !== 'bigint') throw new GeneralError('PYTHON_CRASH', 'slice indices must be integers or None or have an __index__ method');
  const n = Number(value);
  return n < 0 ? Math.max(0, length + n) : Math.min(n, length);
}

function pySliceFrom(value: PyValue[] | string, index: PyValue): PyValue {
  const start = index === null ? 0 : sliceIndex(index, value.length);
  return value.slice(start);
}

function pySliceTo(value: PyValue, end: bigint): PyValue {
  if (!Array.isArray(value) && typeof value !== 'string') return value;
  return value.slice(0, sliceIndex(end, value.length));
}

// keep + starting_truncation: ints (a bool counts as one), else Python's TypeError.
function pyAdd(left: bigint, right: PyValue): PyValue {
  if (typeof right === 'bigint') return left + right;
  if (typeof right === 'boolean') return left + (right ? 1n : 0n);
  if (right instanceof PyFloat) return new PyFloat(Number(left) + right.value);
  throw new GeneralError('PYTHON_CRASH', `unsupported operand type(s) for +: 'int' and '${pyTypeName(right)}'`);
}

function samePyValue(a: PyDict, b: PyDict): boolean {
  return pyRepr(a) === pyRepr(b);
}
