// An operation's options, built from its input shape in the model (awscli _create_argument_table):
// one --kebab-case option per input member in model order, then the options awscli adds (the
// paging options of a paginated operation before --generate-cli-skeleton).
import type { OptionSpec } from './argparse.js';
import type { Operation } from '../model/service-model.js';
import { members, requiredMembers } from '../model/shapes.js';
import { optionName } from '../model/names.js';
import { pagingOptions } from './paging-options.js';

export const SKELETON_CHOICES = ['input', 'output', 'yaml-input'] as const;

export const CLI_INPUT_JSON = '--cli-input-json';
export const CLI_INPUT_YAML = '--cli-input-yaml';
export const GENERATE_CLI_SKELETON = '--generate-cli-skeleton';

/** dest of the options awscli adds (they are not model members). */
export const EXTRA_DESTS = {
  cliInputJson: 'cli_input_json',
  cliInputYaml: 'cli_input_yaml',
  generateCliSkeleton: 'generate_cli_skeleton',
} as const;

export interface OperationOption extends OptionSpec {
  /** The input member this option sets; undefined for the options awscli adds. */
  readonly member?: string;
}

/**
 * The argument table. `requiredSuppressed`: awscli's OverrideRequiredArgsArgument makes every
 * option optional when `--cli-input-json`, `--cli-input-yaml` or `--generate-cli-skeleton`
 * (not followed by `output`) stands in the arguments as that exact token.
 */
export function operationOptions(requiredSuppressed: boolean, operation: Operation): OperationOption[] {
  const required = new Set(requiredMembers(operation.input));
  const modelOptions: OperationOption[] = members(operation.input).map(([member, shape]) => ({
    flag: optionName(member),
    dest: member,
    member,
    // awscli's ListArgument: a list member takes any number of values (`--tag-keys a b`).
    nargs: shape.type === 'list' ? '*' : 1,
    required: required.has(member) && !requiredSuppressed,
  }));
  return [
    ...modelOptions,
    { flag: CLI_INPUT_JSON, dest: EXTRA_DESTS.cliInputJson, nargs: 1 },
    { flag: CLI_INPUT_YAML, dest: EXTRA_DESTS.cliInputYaml, nargs: 1 },
    ...pagingOptions(operation),
    {
      flag: GENERATE_CLI_SKELETON,
      dest: EXTRA_DESTS.generateCliSkeleton,
      nargs: '?',
      const: 'input',
      choices: SKELETON_CHOICES,
    },
  ];
}

/** AWS CLI quirk (customizations/arguments.py): only the exact tokens suppress required options. */
export function isRequiredSuppressed(args: readonly string[]): boolean {
  if (args.includes(CLI_INPUT_JSON) || args.includes(CLI_INPUT_YAML)) return true;
  const i = args.indexOf(GENERATE_CLI_SKELETON);
  return i >= 0 && args[i + 1] !== 'output';
}
