// The paging options of a paginated operation (awscli customizations/paginate.py): --starting-token,
// --page-size (when the paginator has a limit key) and --max-items in the argument table; the
// service's own paging members (NextToken, MaxResults) stay as undocumented options that turn
// automatic pagination off; and the check that --no-paginate comes without the paging options.
// Pure.
import type { OptionSpec } from './argparse.js';
import type { Operation } from '../model/service-model.js';
import { memberShape, type PaginatorData } from '../model/shapes.js';
import { optionName } from '../model/names.js';
import { ParamError } from '../errors.js';
import { pyInt } from '../values/py-number.js';

/** The parsed values' names (awscli's py_name of each PageArgument), in argument-table order. */
export const PAGING_DESTS = ['starting_token', 'page_size', 'max_items'] as const;
type PagingDest = (typeof PAGING_DESTS)[number];

/** Where each paging option goes in the paginator's PaginationConfig. */
const SERIALIZED: Readonly<Record<PagingDest, string>> = { starting_token: 'StartingToken', page_size: 'PageSize', max_items: 'MaxItems' };

/** The paging options' values as parsed (ints as decimal text). */
export type PagingValues = ReadonlyMap<PagingDest, string>;

// PageArgument.type_map: the limit key's type picks the parser of --page-size and --max-items.
const PYTHON_INT = { name: 'int', convert: pyIntText };
const PYTHON_STR = undefined;

/** --starting-token, --page-size, --max-items, for an operation with a paginator (none otherwise). */
export function pagingOptions(operation: Operation): OptionSpec[] {
  const paginator = operation.paginator;
  if (!paginator) return [];
  const limitKey = paginator.limit_key;
  const limitType = limitKey === undefined ? 'integer' : (memberShape(operation.input, limitKey)?.type ?? 'integer');
  const type = limitType === 'string' ? PYTHON_STR : PYTHON_INT;
  const withType = (option: OptionSpec): OptionSpec => (type ? { ...option, type } : option);
  return [
    { flag: '--starting-token', dest: 'starting_token', nargs: 1 },
    ...(limitKey === undefined ? [] : [withType({ flag: '--page-size', dest: 'page_size', nargs: 1 })]),
    withType({ flag: '--max-items', dest: 'max_items', nargs: 1 }),
  ];
}

/** The paginator's input tokens, then its limit key: the members that mean manual paging. */
export function manualPagingMembers(paginator: PaginatorData): string[] {
  return [...asList(paginator.input_token), ...(paginator.limit_key === undefined ? [] : [paginator.limit_key])];
}

/** The options of the members above (undocumented in help). */
export function hiddenPagingOptions(operation: Operation): string[] {
  return operation.paginator ? manualPagingMembers(operation.paginator).map(optionName) : [];
}

/**
 * check_should_enable_pagination: automatic pagination is on unless --no-paginate or an option
 * of a manual paging member was given; when off, a paging option given a truthy value is a
 * parameter error (252).
 */
export function checkPagingOptions(operation: Operation, members: ReadonlySet<string>, paging: PagingValues, noPaginate: boolean): boolean {
  const paginator = operation.paginator;
  if (!paginator) return false;
  const manual = manualPagingMembers(paginator).some((member) => members.has(member));
  const paginate = !noPaginate && !manual;
  if (!paginate) {
    const used = PAGING_DESTS.filter((dest) => isTruthyValue(dest, paging.get(dest)));
    if (used.length > 0) {
      throw new ParamError(
        'PARAM_VALIDATION',
        `Cannot specify --no-paginate along with pagination arguments: ${used.map((dest) => `--${dest.replace('_', '-')}`).join(', ')}`,
      );
    }
  }
  return paginate;
}

/** PageArgument.add_to_params: the PaginationConfig of the options given, in table order. */
export function paginationConfigEntries(paging: PagingValues): [string, string | bigint][] {
  return PAGING_DESTS.flatMap((dest) => {
    const value = paging.get(dest);
    if (value === undefined) return [];
    return [[SERIALIZED[dest], dest === 'starting_token' ? value : BigInt(value)] as [string, string | bigint]];
  });
}

// `getattr(parsed_args, p, None)` in a boolean context: '' and 0 are not "used".
function isTruthyValue(dest: PagingDest, value: string | undefined): boolean {
  if (value === undefined || value === '') return false;
  return dest === 'starting_token' || BigInt(value) !== 0n;
}

function asList(value: string | readonly string[]): readonly string[] {
  return typeof value === 'string' ? [value] : value;
}

// argparse `type=int`: Python's int() of the text, kept as decimal text; undefined when it fails.
function pyIntText(text: string): string | undefined {
  try {
    return pyInt(text).toString();
  } catch {
    return undefined;
  }
}
