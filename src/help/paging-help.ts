// The help of a paginated operation (awscli customizations/paginate.py): the paragraph that
// add_paging_description appends to the description, and the documentation of the paging
// options the argument table gets. Pure.
import type { Operation } from '../model/service-model.js';
import { memberShape, type Shape, type ShapeType } from '../model/shapes.js';
import type { RstWriter } from './rst-writer.js';

const GUIDE_LINK = `<p>For usage examples, see <a
href="https://docs.aws.amazon.com/cli/latest/userguide/pagination.html"
>Pagination</a> in the <i>AWS Command Line Interface User
Guide</i>.</p>
`;

const STARTING_TOKEN_HELP = `
<p>A token to specify where to start paginating.  This is the
<code>NextToken</code> from a previously truncated response.</p>
${GUIDE_LINK}`;

const MAX_ITEMS_HELP = `
<p>The total number of items to return in the command's output.
If the total number of items available is more than the value
specified, a <code>NextToken</code> is provided in the command's
output.  To resume pagination, provide the
<code>NextToken</code> value in the <code>starting-token</code>
argument of a subsequent command.  <b>Do not</b> use the
<code>NextToken</code> response element directly outside of the
AWS CLI.</p>
${GUIDE_LINK}`;

const PAGE_SIZE_HELP = `
<p>The size of each page to get in the AWS service call.  This
does not affect the number of items returned in the command's
output.  Setting a smaller page size results in more calls to
the AWS service, retrieving fewer items in each call.  This can
help prevent the AWS service calls from timing out.</p>
${GUIDE_LINK}`;

/** A paging option as the help documents it. */
export interface PagingArgument {
  readonly cliName: string;
  readonly typeName: string;
  readonly documentation: string;
  /** PageArgument's argument_model: 2.36.7's --page-size has the limit key's min and max. */
  readonly shape: Shape;
}

/** The paging options of `operation`'s argument table, in table order (none without a paginator). */
export function pagingArguments(operation: Operation): PagingArgument[] {
  const paginator = operation.paginator;
  if (!paginator) return [];
  const limit = paginator.limit_key === undefined ? undefined : memberShape(operation.input, paginator.limit_key);
  const typeName: ShapeType = limit?.type ?? 'integer';
  const argumentShape = (type: ShapeType, constraints?: Shape): Shape => ({
    name: 'PageArgument',
    model: operation.input.model,
    type,
    ...(constraints?.min === undefined ? {} : { min: constraints.min }),
    ...(constraints?.max === undefined ? {} : { max: constraints.max }),
  });
  return [
    { cliName: '--starting-token', typeName: 'string', documentation: STARTING_TOKEN_HELP, shape: argumentShape('string') },
    ...(limit ? [{ cliName: '--page-size', typeName, documentation: PAGE_SIZE_HELP, shape: argumentShape(typeName, limit) }] : []),
    { cliName: '--max-items', typeName, documentation: MAX_ITEMS_HELP, shape: argumentShape(typeName) },
  ];
}

/** add_paging_description: the paragraph after the description of a paginated operation. */
export function writePagingDescription(doc: RstWriter, operation: Operation): void {
  const paginator = operation.paginator;
  if (!paginator) return;
  doc.newParagraph();
  doc.writeln(
    `\`\`${operation.cliName}\`\` is a paginated operation. Multiple API calls may be issued in order to retrieve the entire data set of results. You can disable pagination by providing the \`\`--no-paginate\`\` argument.`,
  );
  const keys = typeof paginator.result_key === 'string' ? [paginator.result_key] : paginator.result_key;
  if (keys.length === 0) return;
  doc.writeln(
    `When using \`\`--output text\`\` and the \`\`--query\`\` argument on a paginated response, the \`\`--query\`\` argument must extract data from the results of the following query expressions: ${keys.map((key) => `\`\`${key}\`\``).join(', ')}`,
  );
}
