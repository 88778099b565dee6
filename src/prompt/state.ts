// The prompt's state machine: keys in, state out. The command line is a list of finished tokens
// plus the line being typed, which is the service, the operation, an option name, or (while
// `pending` names an option) that option's value. Pure; the view and the terminal are elsewhere.
import { positionalWords, type CommandSet, type CompletionOption } from '../cli/completion.js';
import type { Generation } from '../model/generation.js';
import type { ServiceModel } from '../model/service-model.js';
import { isRequiredSuppressed } from '../cli/operation-options.js';
import { AUTO_PROMPT } from '../cli/parse-command-line.js';
import type { Key } from './keys.js';
import { ShlexError, shlexSplit } from '../values/py-shlex.js';
import { commonPrefix, isNameLine, lineCompletions, lineContext, nameMatches, promptOptions } from './line-completion.js';

export type PromptStatus = 'editing' | 'done' | 'cancelled';

export interface PromptState {
  /** The model the command line is read with (its operations, their options and documentation). */
  readonly model: ServiceModel;
  /** The AWS CLI generation it follows (its global options). */
  readonly generation: Generation;
  /** The finished arguments, as the CLI will get them. */
  readonly tokens: readonly string[];
  /** The option whose value is being typed. */
  readonly pending?: string;
  /** The text being typed (the cursor is at its end). */
  readonly line: string;
  /** The candidates of the last Tab that had several. */
  readonly menu: readonly string[];
  /** A note about the last key (unknown parameter, missing value...). */
  readonly message: string;
  readonly status: PromptStatus;
}

/** The state for argv `args`, read with `commands`; like the reference, the first `--cli-auto-prompt` is dropped. */
export function createPromptState(args: readonly string[], commands: CommandSet): PromptState {
  const { model, generation } = commands;
  const tokens = [...args];
  const index = tokens.indexOf(AUTO_PROMPT);
  if (index >= 0) tokens.splice(index, 1);
  const base: PromptState = { model, generation, tokens, line: '', menu: [], message: '', status: 'editing' };
  // An option left without its value at the end: prompt for the value.
  const last = tokens[tokens.length - 1];
  if (last !== undefined && lineContext(base, tokens.slice(0, -1), last).kind === 'value') return { ...base, tokens: tokens.slice(0, -1), pending: last };
  return base;
}

/** The state after `key`. */
export function reducePrompt(state: PromptState, key: Key): PromptState {
  if (state.status !== 'editing') return state;
  const fresh = { ...state, menu: [], message: '' };
  switch (key.kind) {
    case 'text':
      return typeText(fresh, key.text);
    case 'backspace':
      return backspace(fresh);
    case 'clear-line':
      return { ...fresh, line: '' };
    case 'delete-word':
      return { ...fresh, line: fresh.line.replace(/\S*\s*$/, '') };
    case 'tab':
      return tab(state);
    case 'enter':
      return enter(fresh);
    case 'interrupt':
    case 'eof':
      return { ...state, status: 'cancelled' };
    case 'escape':
      return fresh;
    case 'ignored':
      return state;
  }
}

/** Typed text; outside a value a space finishes the word, as on a command line. */
function typeText(state: PromptState, text: string): PromptState {
  let next = state;
  for (const char of text) {
    if (char === ' ' && next.pending === undefined) next = next.line.trim() ? acceptWord(next, next.line.trim()) : next;
    else next = { ...next, line: next.line + char };
  }
  return next;
}

/** Deletes a character; on an empty line it takes the previous word back for editing. */
function backspace(state: PromptState): PromptState {
  if (state.line) return { ...state, line: [...state.line].slice(0, -1).join('') };
  if (state.pending !== undefined) return { ...state, pending: undefined, line: state.pending };
  const last = state.tokens[state.tokens.length - 1];
  if (last === undefined) return state;
  const rest = state.tokens.slice(0, -1);
  const option = rest[rest.length - 1];
  if (option !== undefined && lineContext(state, rest.slice(0, -1), option).kind === 'value' && !last.startsWith('--')) {
    return { ...state, tokens: rest.slice(0, -1), pending: option, line: last };
  }
  return { ...state, tokens: rest, line: last };
}

function tab(state: PromptState): PromptState {
  const { start, candidates } = lineCompletions(state, state.tokens, state.pending, state.line);
  const head = state.line.slice(0, start);
  if (candidates.length === 0) return { ...state, menu: [], message: 'No completions.' };
  if (candidates.length === 1) return { ...state, line: head + (candidates[0] as string), menu: [], message: '' };
  const prefix = commonPrefix(candidates);
  const line = prefix.length > state.line.length - start ? head + prefix : state.line;
  return { ...state, line, menu: candidates, message: '' };
}

function enter(state: PromptState): PromptState {
  if (state.pending !== undefined) return acceptValue(state, state.pending);
  const word = state.line.trim();
  if (!word) return { ...state, status: 'done' };
  return acceptWord(state, word);
}

function acceptValue(state: PromptState, pending: string): PromptState {
  const context = lineContext(state, state.tokens, pending);
  if (context.kind === 'value' && context.option.nargs === '*') return acceptValues(state, pending);
  const optional = context.kind === 'value' && context.option.nargs === '?';
  if (state.line === '' && optional) return { ...state, tokens: [...state.tokens, pending], pending: undefined };
  if (state.line === '') return { ...state, message: `Type a value for ${pending}, or press Backspace to remove it.` };
  return { ...state, tokens: [...state.tokens, pending, state.line], pending: undefined, line: '' };
}

/** A list option's values: the line split into words as a shell would (none is an empty list). */
function acceptValues(state: PromptState, pending: string): PromptState {
  let values: string[];
  try {
    values = shlexSplit(state.line);
  } catch (error) {
    if (!(error instanceof ShlexError)) throw error;
    return { ...state, message: `${error.message} in the values of ${pending}.` };
  }
  return { ...state, tokens: [...state.tokens, pending, ...values], pending: undefined, line: '' };
}

/** The service, the operation or an option name, finished by Enter or a space. */
function acceptWord(state: PromptState, word: string): PromptState {
  const context = lineContext(state, state.tokens, undefined);
  if (context.kind === 'none') return { ...state, tokens: [...state.tokens, word], line: '' };
  if (!isNameLine(context, word)) {
    const words = positionalWords(context);
    const matches = words.includes(word) ? [word] : words.filter((w) => w.startsWith(word));
    if (matches.length === 1) return { ...state, tokens: [...state.tokens, matches[0] as string], line: '' };
    const what = context.kind === 'service' ? 'service' : 'operation';
    return { ...state, message: `Unknown ${what} "${word}": this CLI implements ${words.join(' / ')}.` };
  }
  const offered = promptOptions(context);
  const flag = word.startsWith('--') ? word : `--${word.replace(/^-+/, '')}`;
  const exact = offered.find((o) => o.flag === flag);
  const matches = exact ? [exact] : nameMatches(offered, word);
  if (matches.length === 1) return acceptOption(state, matches[0] as CompletionOption);
  if (matches.length > 1) return { ...state, menu: matches.map((o) => o.flag), message: `"${word}" matches several parameters; type more of it.` };
  if (context.given.has(flag)) return { ...state, message: `${flag} is already on the command line (Backspace edits it).` };
  return { ...state, message: `Unknown parameter "${word}".` };
}

function acceptOption(state: PromptState, option: CompletionOption): PromptState {
  if (option.nargs === 0) return { ...state, tokens: [...state.tokens, option.flag], line: '' };
  return { ...state, pending: option.flag, line: '' };
}

/** The required options not on the command line yet. */
export function missingRequired(state: PromptState): CompletionOption[] {
  const context = lineContext(state, state.tokens, undefined);
  if (context.kind !== 'parameters' || isRequiredSuppressed(state.tokens)) return [];
  return promptOptions(context).filter((o) => o.required && o.flag !== state.pending);
}
