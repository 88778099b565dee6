// What happens between the parsed paging options and the PageIterator: the calling-command check
// (paging members in the request turn pagination off), Paginator._extract_paging_params (the
// PaginationConfig popped from the request, its ints read with int()), and 2.36.7's warning
// for a non-positive --max-items. Pure but for the warning's write.
import type { Io } from '../io.js';
import { GeneralError } from '../errors.js';
import type { Generation } from '../model/generation.js';
import type { Operation } from '../model/service-model.js';
import { manualPagingMembers, type PagingValues } from '../cli/paging-options.js';
import { pyInt } from '../values/py-number.js';
import { pyTypeName } from '../values/py-repr.js';
import { PyDict, type PyValue } from '../values/py-value.js';
import type { PagingConfig } from './page-iterator.js';

/** check_should_enable_pagination_call_parameters: no input token or limit key in the request. */
export function paginatesRequest(operation: Operation, request: PyDict): boolean {
  const paginator = operation.paginator;
  return paginator !== undefined && !manualPagingMembers(paginator).some((member) => request.has(member));
}

/** Paginator._extract_paging_params: pops PaginationConfig from `request`. */
export function pagingConfig(request: PyDict, operation: Operation): PagingConfig {
  const config = request.get('PaginationConfig') ?? new PyDict();
  request.delete('PaginationConfig');
  if (!(config instanceof PyDict)) throw new GeneralError('PYTHON_CRASH', `'${pyTypeName(config)}' object has no attribute 'get'`);
  const present = (key: string): PyValue | undefined => {
    const value = config.get(key);
    return value === null ? undefined : value;
  };
  const maxItems = present('MaxItems');
  const pageSize = present('PageSize');
  const startingToken = present('StartingToken');
  const limitKey = operation.paginator?.limit_key;
  if (pageSize !== undefined && limitKey === undefined) {
    throw new GeneralError('PYTHON_CRASH', 'Error during pagination: PageSize parameter is not supported for the pagination interface for this operation.');
  }
  return {
    ...(maxItems === undefined ? {} : { maxItems: pyInt(maxItems) }),
    ...(pageSize === undefined ? {} : { pageSize: pyInt(pageSize) }),
    ...(startingToken === undefined ? {} : { startingToken: startingTokenText(startingToken) }),
  };
}

// The token decoder calls .encode() on it: only a str has one.
function startingTokenText(value: PyValue): string {
  if (typeof value !== 'string') throw new GeneralError('PYTHON_CRASH', `'${pyTypeName(value)}' object has no attribute 'encode'`);
  return value;
}

/** 2.36.7's PageArgument: a --max-items of 0 or less warns on stderr. */
export function warnNonPositiveMaxItems(paging: PagingValues, generation: Generation, io: Io): void {
  const maxItems = paging.get('max_items');
  if (generation !== '2.9.19' && maxItems !== undefined && BigInt(maxItems) <= 0n) {
    io.writeStderr('warning: Non-positive values for --max-items may result in undefined behavior.\n');
  }
}
