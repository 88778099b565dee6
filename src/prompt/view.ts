// The prompt's screen for a state: the command line being built (with the cursor at its end),
// a status line, the parameters or completions with their documentation, and a key legend.
// Pure: lines of plain text; the terminal painting is screen.ts.
import { positionalWords, type CompletionOption } from '../cli/completion.js';
import { isRequiredSuppressed } from '../cli/operation-options.js';
import { members, type Shape } from '../model/shapes.js';
import { promptParam, shorthandSyntax } from './catalogue.js';
import { isNameLine, lineContext, nameMatches, promptOptions } from './line-completion.js';
import { commandText } from './quote.js';
import { missingRequired, type PromptState } from './state.js';

export interface ViewOptions {
  readonly columns: number;
  readonly rows: number;
  /** The program name shown before the arguments. */
  readonly programName: string;
}

/** The lines to paint; the first is the input line, the cursor stands at its end. */
export interface Frame {
  readonly lines: readonly string[];
}

export const KEY_LEGEND = 'Tab: complete  Enter: accept; run if empty  Backspace: edit  Ctrl-C: cancel';
const DOC_LINES = 4;
/** The most rows of parameters or completions at once (the reference's menu_height_max). */
const MENU_ROWS = 16;

/** The text of the input line: `> program args... [pending ]line`. */
export function inputLine(state: PromptState, programName: string): string {
  const words = [...state.tokens.map((t) => commandText([t])), ...(state.pending !== undefined ? [state.pending] : [])];
  return `> ${[programName, ...words].join(' ')} ${state.line}`;
}

/** The frame for `state`. */
export function renderPrompt(state: PromptState, options: ViewOptions): Frame {
  const width = Math.max(20, options.columns) - 1;
  const input = inputLine(state, options.programName);
  const inputRows = Math.floor([...input].length / (width + 1)) + 1;
  const budget = Math.max(1, Math.min(MENU_ROWS, options.rows - inputRows - 3));
  const body = fitRows(state.menu.length > 0 ? menuLines(state) : bodyLines(state, width), budget);
  return { lines: [input, statusLine(state), ...body, KEY_LEGEND].map((line, i) => (i === 0 ? line : clip(line, width))) };
}

function statusLine(state: PromptState): string {
  if (state.message) return state.message;
  const context = lineContext(state, state.tokens, state.pending);
  switch (context.kind) {
    case 'none':
      return 'Not a command of this CLI; Enter on an empty line runs it as it is.';
    case 'service':
      return 'Type the service name (Tab completes it).';
    case 'operation':
      return 'Type the operation name (Tab completes it).';
    case 'value':
      return `Type the value of ${context.option.flag}, then Enter (Backspace on an empty value goes back).`;
    case 'parameters': {
      const missing = missingRequired(state).map((o) => o.flag);
      return missing.length > 0 ? `Missing required parameters: ${missing.join(', ')}` : 'Enter on an empty line runs the command.';
    }
  }
}

function bodyLines(state: PromptState, width: number): string[] {
  const context = lineContext(state, state.tokens, state.pending);
  if (context.kind === 'value') return valueDoc(context.option, width);
  if (context.kind === 'none') return [];
  if (!isNameLine(context, state.line))
    return positionalWords(context)
      .filter((w) => w.startsWith(state.line))
      .map((w) => `  ${w}`);
  const offered = promptOptions(context);
  const shown = state.line ? nameMatches(offered, state.line) : offered;
  const suppressed = isRequiredSuppressed(state.tokens);
  return optionRows(shown.map((o) => (suppressed ? { ...o, required: false } : o)));
}

function menuLines(state: PromptState): string[] {
  if (!state.menu.every((item) => item.startsWith('--'))) return state.menu.map((item) => `  ${item}`);
  const options = promptOptions(lineContext(state, state.tokens, undefined));
  return optionRows(state.menu.map((flag) => options.find((o) => o.flag === flag) ?? { flag, nargs: 1, scope: 'global', required: false }));
}

/** One row per option, required ones first: `  --flag (required)  [type] documentation`. */
export function optionRows(options: readonly CompletionOption[]): string[] {
  const ordered = [...options.filter((o) => o.required), ...options.filter((o) => !o.required)];
  const labels = ordered.map((o) => `${o.flag}${o.required ? ' (required)' : ''}`);
  const column = Math.max(0, ...labels.map((l) => l.length)) + 2;
  return ordered.map((option, i) => {
    const param = promptParam(option);
    return `  ${(labels[i] as string).padEnd(column)}[${param.typeName}] ${param.doc}`;
  });
}

function valueDoc(option: CompletionOption, width: number): string[] {
  const param = promptParam(option);
  const lines = [`${option.flag}${option.required ? ' (required)' : ''} [${param.typeName}]`];
  lines.push(
    ...wrap(param.doc, width - 2)
      .slice(0, DOC_LINES)
      .map((l) => `  ${l}`),
  );
  if (option.choices) lines.push(`  Values: ${option.choices.join(' | ')}`);
  if (param.shape?.enum) lines.push(`  Values: ${param.shape.enum.join(' | ')}`);
  if (param.shape?.type === 'structure') {
    lines.push(`  Shorthand Syntax: ${shorthandSyntax(param.shape)}`);
    lines.push(...enumLines(param.shape, '').map((l) => `    ${l}`));
  }
  return lines;
}

/** `Key.Path: A | B` for every enum inside a structure. */
function enumLines(shape: Shape, path: string): string[] {
  return members(shape).flatMap(([name, member]) => {
    const key = `${path}${name}`;
    if (member.enum) return [`${key}: ${member.enum.join(' | ')}`];
    return member.type === 'structure' ? enumLines(member, `${key}.`) : [];
  });
}

function fitRows(lines: readonly string[], budget: number): string[] {
  if (lines.length <= budget) return [...lines];
  const kept = lines.slice(0, Math.max(0, budget - 1));
  return [...kept, `  ... and ${lines.length - kept.length} more (type to narrow the list)`];
}

/** `text` cut to `width` characters, with an ellipsis when cut. */
export function clip(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 3)).join('')}...`;
}

/** Words of `text` in lines of at most `width` characters. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ').filter(Boolean)) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}
