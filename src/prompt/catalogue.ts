// What the prompt shows about each option: its type name and documentation, from the model for
// the operation's members and from the reference's help text for the rest. No I/O.
import type { CompletionOption } from '../cli/completion.js';
import { members, type Shape } from '../model/shapes.js';

/** An option with what the prompt displays about it. */
export interface PromptParam extends CompletionOption {
  /** The reference's cli_type_name: string, integer, boolean, structure, list... */
  readonly typeName: string;
  /** The documentation as plain text (HTML removed, whitespace collapsed). */
  readonly doc: string;
}

// The reference's help text (awscli/data/cli.json and the customizations), first sentences.
const OTHER_DOCS: Readonly<Record<string, readonly [type: string, doc: string]>> = {
  '--cli-input-json': ['string', 'Reads arguments from the JSON string provided. The JSON string follows the format provided by --generate-cli-skeleton.'],
  '--cli-input-yaml': ['string', 'Reads arguments from the YAML string provided. The YAML string follows the format provided by --generate-cli-skeleton.'],
  '--generate-cli-skeleton': ['string', 'Prints a JSON skeleton to standard output without sending an API request.'],
  // The paging options of a paginated operation (customizations/paginate.py).
  '--starting-token': ['string', 'A token to specify where to start paginating. This is the NextToken from a previously truncated response.'],
  '--page-size': [
    'integer',
    "The size of each page to get in the AWS service call. This does not affect the number of items returned in the command's output.",
  ],
  '--max-items': ['integer', "The total number of items to return in the command's output."],
  '--debug': ['boolean', 'Turn on debug logging.'],
  '--endpoint-url': ['string', "Override command's default URL with the given URL."],
  '--no-verify-ssl': [
    'boolean',
    'By default, the AWS CLI uses SSL when communicating with AWS services. This option overrides the default behavior of verifying SSL certificates.',
  ],
  '--no-paginate': ['boolean', 'Disable automatic pagination.'],
  '--output': ['string', 'The formatting style for command output.'],
  '--query': ['string', 'A JMESPath query to use in filtering the response data.'],
  '--profile': ['string', 'Use a specific profile from your credential file.'],
  '--region': ['string', 'The region to use. Overrides config/env settings.'],
  '--version': ['string', 'Display the version of this tool.'],
  '--color': ['string', 'Turn on/off color output.'],
  '--no-sign-request': ['boolean', 'Do not sign requests. Credentials will not be loaded if this argument is provided.'],
  '--ca-bundle': ['string', 'The CA certificate bundle to use when verifying SSL certificates. Overrides config/env settings.'],
  '--cli-read-timeout': ['int', 'The maximum socket read time in seconds. If the value is set to 0, the socket read will be blocking and not timeout.'],
  '--cli-connect-timeout': [
    'int',
    'The maximum socket connect time in seconds. If the value is set to 0, the socket connect will be blocking and not timeout.',
  ],
  '--cli-binary-format': ['string', 'The formatting style to be used for binary blobs. The default format is base64.'],
  '--no-cli-pager': ['boolean', 'Disable cli pager for output.'],
  '--cli-auto-prompt': ['boolean', 'Automatically prompt for CLI input parameters.'],
  '--no-cli-auto-prompt': ['boolean', 'Disable automatically prompt for CLI input parameters.'],
  // 2.36.7 only.
  '--cli-error-format': ['string', 'The formatting style for error output. By default, errors are displayed in enhanced format.'],
};

const ENTITIES: Readonly<Record<string, string>> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'", '&apos;': "'" };

/** Model documentation (HTML) as one line of plain text. */
export function plainDoc(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(lt|gt|amp|quot|#39|apos);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The display information of `option`. */
export function promptParam(option: CompletionOption): PromptParam {
  const { shape } = option;
  if (shape) return { ...option, typeName: shape.type, doc: plainDoc(shape.memberDocumentation ?? shape.documentation ?? ''), shape };
  const [typeName, doc] = OTHER_DOCS[option.flag] ?? ['string', ''];
  return { ...option, typeName, doc };
}

/** The values Tab offers for a scalar shape: its enum. */
export function enumValues(shape: Shape | undefined): readonly string[] {
  return shape?.enum ?? [];
}

/**
 * The reference's "Shorthand Syntax" line for a structure.
 * @example shorthandSyntax(EnrollmentConfig) // 'ExistingEnrollmentAction=string,FraudDetectionConfig={FraudDetectionAction=string,RiskThreshold=integer}'
 */
export function shorthandSyntax(shape: Shape): string {
  return members(shape)
    .map(([name, member]) => `${name}=${member.type === 'structure' ? `{${shorthandSyntax(member)}}` : member.type}`)
    .join(',');
}
