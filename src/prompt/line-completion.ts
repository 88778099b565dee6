// What Tab offers for the line being typed: the service, the operation, an option name (typed
// with or without its dashes, matched by prefix, then anywhere in the name), or a value (the
// option's choices, or the keys and enum values of a shorthand structure). Pure.
import { offeredOptions, positionalWords, wordContext, type CommandSet, type CompletionOption, type WordContext } from '../cli/completion.js';
import { AUTO_PROMPT, NO_AUTO_PROMPT } from '../cli/parse-command-line.js';
import { enumValues, promptParam } from './catalogue.js';
import { completeShorthand } from './shorthand-complete.js';

/** Candidates that replace `line.slice(start)`. */
export interface LineCompletion {
  readonly start: number;
  readonly candidates: readonly string[];
}

/** Where the line stands: after `tokens`, or as the value of `pending` (read with `commands`). */
export function lineContext(commands: CommandSet, tokens: readonly string[], pending: string | undefined): WordContext {
  return wordContext(pending === undefined ? tokens : [...tokens, pending], commands);
}

/** The options the prompt offers at `context`: as completion, less the auto-prompt switches (as the reference). */
export function promptOptions(context: WordContext): CompletionOption[] {
  return offeredOptions(context).filter((o) => o.flag !== AUTO_PROMPT && o.flag !== NO_AUTO_PROMPT);
}

/** Whether the line is an option name (rather than the service or operation word). */
export function isNameLine(context: WordContext, line: string): boolean {
  return context.kind === 'parameters' || line.startsWith('-');
}

/** The options whose flag matches `line`: by prefix, else containing it (dashes optional). */
export function nameMatches(options: readonly CompletionOption[], line: string): CompletionOption[] {
  const typed = line.replace(/^-+/, '');
  const byPrefix = options.filter((o) => o.flag.slice(2).startsWith(typed));
  return byPrefix.length > 0 ? byPrefix : options.filter((o) => o.flag.includes(typed));
}

/**
 * The completions of `line` after `tokens` (with `pending` waiting for its value), read with `commands`.
 * @example lineCompletions(commands, ['voice-id', 'start-speaker-enrollment-job'], '--output', 'ta') // { start: 0, candidates: ['table'] }
 */
export function lineCompletions(commands: CommandSet, tokens: readonly string[], pending: string | undefined, line: string): LineCompletion {
  const context = lineContext(commands, tokens, pending);
  if (context.kind === 'value') return valueCompletions(context.option, line);
  if (context.kind === 'none') return { start: 0, candidates: [] };
  if (isNameLine(context, line)) return { start: 0, candidates: nameMatches(promptOptions(context), line).map((o) => o.flag) };
  return { start: 0, candidates: positionalWords(context).filter((word) => word.startsWith(line)) };
}

function valueCompletions(option: CompletionOption, line: string): LineCompletion {
  if (option.choices) return { start: 0, candidates: option.choices.filter((c) => c.startsWith(line)) };
  const { shape } = promptParam(option);
  if (shape?.type === 'structure') {
    const trimmed = line.trimStart();
    if (trimmed.startsWith('{') || trimmed.startsWith('[') || trimmed.startsWith('file:')) return { start: line.length, candidates: [] };
    return completeShorthand(line, shape);
  }
  return { start: 0, candidates: enumValues(shape).filter((value) => value.startsWith(line)) };
}

/** The longest common prefix of `words`. */
export function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0] as string;
  for (const word of words) while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}
