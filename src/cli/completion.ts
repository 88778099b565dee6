// Shell completion (what the reference offers through aws_completer): where a word stands in a
// command line (wordContext), the candidates for it (complete), the bash and zsh scripts that ask
// `aws-voiceid __complete <words...> <cursor word>`, and that entry point itself. Pure.
import type { Nargs } from './argparse.js';
import { globalOptions } from './global-options.js';
import { operationOptions } from './operation-options.js';
import { SERVICE_ALIASES, SERVICE_NAME } from './parse-command-line.js';
import { servedOperation, servedOperations } from './served-operations.js';
import { EXIT } from '../exit-codes.js';
import type { Generation } from '../model/generation.js';
import type { Operation, ServiceModel } from '../model/service-model.js';
import { memberShape, type Shape } from '../model/shapes.js';

export type CompletionShell = 'bash' | 'zsh';

export const COMPLETION_SHELLS: readonly CompletionShell[] = ['bash', 'zsh'];
/** The subcommand that prints a completion script. */
export const COMPLETION_COMMAND = 'completion';
/** The hidden entry point the scripts call. */
export const COMPLETE_COMMAND = '__complete';
export const PROGRAM_NAME = 'aws-voiceid';

/** An option as completion sees it: a global option or one of the operation's. */
export interface CompletionOption {
  readonly flag: string;
  readonly nargs: Nargs;
  readonly choices?: readonly string[];
  readonly scope: 'global' | 'operation';
  /** The input member it sets (operation options from the model), and its shape. */
  readonly member?: string;
  readonly shape?: Shape;
  readonly required: boolean;
}

/** What a command line is read with: the model (operations and their options) and the AWS CLI generation (the global options). */
export interface CommandSet {
  readonly model: ServiceModel;
  readonly generation: Generation;
}

/**
 * What the next word of a command line is. `given`: the flags already on it; `model`: the one the
 * command line is read with; `operation`: the operation it names.
 */
export type WordContext =
  | { readonly kind: 'service'; readonly given: ReadonlySet<string>; readonly model: ServiceModel; readonly generation: Generation }
  | { readonly kind: 'operation'; readonly given: ReadonlySet<string>; readonly model: ServiceModel; readonly generation: Generation }
  | { readonly kind: 'parameters'; readonly given: ReadonlySet<string>; readonly operation: Operation; readonly generation: Generation }
  | {
      readonly kind: 'value';
      readonly option: CompletionOption;
      readonly given: ReadonlySet<string>;
      readonly model: ServiceModel;
      readonly generation: Generation;
      /** Set once the operation stands on the line. */
      readonly operation: Operation | undefined;
    }
  /** Another service or operation: nothing to offer. */
  | { readonly kind: 'none' };

/** The global options of `generation`, in the reference's table order. */
export function globalCompletionOptions(generation: Generation): CompletionOption[] {
  return globalOptions(generation).map((o) => ({
    flag: o.flag,
    nargs: o.nargs,
    ...(o.choices ? { choices: o.choices } : {}),
    scope: 'global',
    required: false,
  }));
}

/** The operation's options (model members, then the cli-input and skeleton options). */
export function operationCompletionOptions(operation: Operation): CompletionOption[] {
  return operationOptions(false, operation).map((o) => ({
    flag: o.flag,
    nargs: o.nargs,
    ...(o.choices ? { choices: o.choices } : {}),
    ...(o.member ? { member: o.member, shape: memberShape(operation.input, o.member) } : {}),
    scope: 'operation',
    required: o.required === true,
  }));
}

function isService(word: string): boolean {
  return word === SERVICE_NAME || (SERVICE_ALIASES as readonly string[]).includes(word);
}

/** argparse's test for an option-like argument: a leading `-`, unless a negative number or with a space. */
function looksLikeOption(word: string): boolean {
  return word.startsWith('-') && !/^-\d+$|^-\d*\.\d+$/.test(word) && !word.includes(' ');
}

/**
 * Where the word after `words` stands (`words`: the tokens after the program name), read with `commands`.
 * @example wordContext(['voice-id', 'start-speaker-enrollment-job', '--output'], commands) // { kind: 'value', option: --output, ... }
 */
export function wordContext(words: readonly string[], commands: CommandSet): WordContext {
  const { model, generation } = commands;
  const globals = globalCompletionOptions(generation);
  let operation: Operation | undefined;
  let operationOptions: CompletionOption[] = [];
  const given = new Set<string>();
  let positionals = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (!word.startsWith('--')) {
      if (positionals === 0 && !isService(word)) return { kind: 'none' };
      if (positionals === 1) {
        operation = servedOperation(model, word);
        if (!operation) return { kind: 'none' };
        operationOptions = operationCompletionOptions(operation);
      }
      positionals++;
      continue;
    }
    const option = globals.find((o) => o.flag === word) ?? operationOptions.find((o) => o.flag === word);
    if (!option) continue;
    given.add(option.flag);
    if (option.nargs === 0) continue;
    if (i === words.length - 1) return { kind: 'value', option, given, model, generation, operation };
    // argparse: an option never takes a value that looks like an option (`--domain-id --debug`).
    if (looksLikeOption(words[i + 1] as string)) continue;
    i++;
  }
  if (operation) return { kind: 'parameters', given, operation, generation };
  return { kind: positionals === 0 ? 'service' : 'operation', given, model, generation };
}

/** The options still worth offering at `context` (not given yet), operation options first. */
export function offeredOptions(context: WordContext): CompletionOption[] {
  if (context.kind === 'none' || context.kind === 'value') return [];
  const operation = context.kind === 'parameters' ? operationCompletionOptions(context.operation) : [];
  return [...operation, ...globalCompletionOptions(context.generation)].filter((o) => !context.given.has(o.flag));
}

/** The positional words possible at `context`: the service's names, or the operations served. */
export function positionalWords(context: WordContext): readonly string[] {
  if (context.kind === 'service') return [SERVICE_NAME, ...SERVICE_ALIASES];
  if (context.kind === 'operation') return servedOperations(context.model).map((operation) => operation.cliName);
  return [];
}

/**
 * The completions of `cursorWord`, the word being typed after `words`, read with `commands`.
 * @example complete(['voice-id', 'start-speaker-enrollment-job', '--output'], 'j', commands) // ['json']
 */
export function complete(words: readonly string[], cursorWord: string, commands: CommandSet): string[] {
  const context = wordContext(words, commands);
  return candidates(context, cursorWord).filter((c) => c.startsWith(cursorWord));
}

function candidates(context: WordContext, cursorWord: string): string[] {
  switch (context.kind) {
    case 'none':
      return [];
    case 'value': {
      const values = [...(context.option.choices ?? [])];
      // A '?' or '*' option may be followed by the next option instead of a value.
      if ((context.option.nargs === '?' || context.option.nargs === '*') && cursorWord.startsWith('-')) {
        const { given, model, generation, operation } = context;
        return offeredOptions(operation ? { kind: 'parameters', given, operation, generation } : { kind: 'service', given, model, generation }).map(
          (o) => o.flag,
        );
      }
      return values;
    }
    case 'service':
    case 'operation': {
      if (cursorWord.startsWith('-')) return offeredOptions(context).map((o) => o.flag);
      return [...positionalWords(context)];
    }
    case 'parameters':
      return offeredOptions(context).map((o) => o.flag);
  }
}

/** The script that `eval "$(aws-voiceid completion bash)"` (or zsh) installs. */
export function completionScript(shell: CompletionShell): string {
  return shell === 'bash' ? BASH_SCRIPT : ZSH_SCRIPT;
}

export interface CompletionCommandResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** Whether argv is `aws-voiceid completion ...` or `aws-voiceid __complete ...`. */
export function isCompletionCommand(argv: readonly string[]): boolean {
  return argv[0] === COMPLETE_COMMAND || argv[0] === COMPLETION_COMMAND;
}

/**
 * `aws-voiceid completion bash|zsh` and `aws-voiceid __complete <words...> <cursor word>` (whose
 * candidates come from `model`); undefined for any other command line.
 */
export function completionCommand(argv: readonly string[], commands: CommandSet): CompletionCommandResult | undefined {
  if (argv[0] === COMPLETE_COMMAND) {
    const words = argv.slice(1, -1);
    const found = complete(words, argv.length > 1 ? (argv[argv.length - 1] as string) : '', commands);
    return { stdout: found.map((c) => `${c}\n`).join(''), stderr: '', exitCode: EXIT.OK };
  }
  if (argv[0] !== COMPLETION_COMMAND) return undefined;
  const shell = argv[1];
  if (argv.length === 2 && (COMPLETION_SHELLS as readonly (string | undefined)[]).includes(shell)) {
    return { stdout: completionScript(shell as CompletionShell), stderr: '', exitCode: EXIT.OK };
  }
  const stderr = `usage: ${PROGRAM_NAME} ${COMPLETION_COMMAND} {${COMPLETION_SHELLS.join(',')}}\n`;
  return { stdout: '', stderr, exitCode: EXIT.PARAM_VALIDATION };
}

// bash: the words come from COMP_LINE up to COMP_POINT (as aws_completer reads them), so `=` and
// `:` in COMP_WORDBREAKS do not split them; bash then replaces only the text after the last of
// those characters, so that prefix is trimmed from the candidates. file:// and fileb:// values
// complete local paths.
const BASH_SCRIPT = `# bash completion for ${PROGRAM_NAME}: eval "$(${PROGRAM_NAME} ${COMPLETION_COMMAND} bash)"
_aws_voiceid_complete() {
  local line="\${COMP_LINE:0:COMP_POINT}" cur="" trim="" IFS=$' \\t\\n'
  local -a words found
  read -r -a words <<< "$line"
  if [[ -n "$line" && "\${line: -1}" != [[:space:]] && \${#words[@]} -gt 0 ]]; then
    cur="\${words[\${#words[@]}-1]}"
    unset 'words[\${#words[@]}-1]'
  fi
  IFS=$'\\n'
  case "$cur" in
    file://*|fileb://*)
      local scheme="\${cur%%//*}//" path
      found=()
      for path in $(compgen -f -- "\${cur#*//}"); do
        [[ -d "$path" ]] && path="$path/"
        found+=("$scheme$path")
      done
      [[ \${#found[@]} -eq 1 && "\${found[0]}" == */ ]] && compopt -o nospace 2>/dev/null
      ;;
    *)
      found=($("\${words[0]:-${PROGRAM_NAME}}" ${COMPLETE_COMMAND} "\${words[@]:1}" "$cur" 2>/dev/null))
      ;;
  esac
  if [[ "$cur" == *[:=]* ]]; then trim="\${cur%"\${cur##*[:=]}"}"; fi
  COMPREPLY=("\${found[@]#"$trim"}")
}
complete -o default -F _aws_voiceid_complete ${PROGRAM_NAME}
`;

// zsh: $words holds the command line as typed; (Q) removes the quoting.
const ZSH_SCRIPT = `#compdef ${PROGRAM_NAME}
# zsh completion for ${PROGRAM_NAME}: eval "$(${PROGRAM_NAME} ${COMPLETION_COMMAND} zsh)"
_aws_voiceid_complete() {
  local cur="\${(Q)words[CURRENT]}"
  local -a found
  if [[ "$cur" == file://* || "$cur" == fileb://* ]]; then
    compset -P '*//'
    _files
    return
  fi
  found=("\${(@f)$("\${(Q)words[1]}" ${COMPLETE_COMMAND} "\${(@Q)words[2,CURRENT-1]}" "$cur" 2>/dev/null)}")
  found=("\${(@)found:#}")
  (( \${#found} )) && compadd -- "\${found[@]}"
}
if (( $+functions[compdef] )); then
  compdef _aws_voiceid_complete ${PROGRAM_NAME}
fi
`;
