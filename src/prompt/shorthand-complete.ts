// Tab completion inside a shorthand value: the keys of the structure being written and the enum
// values of the key being given. Follows the shorthand grammar only as far as completion needs
// (keys, `=`, `{...}` nesting, `,`, quotes, `[...]` lists); the parser proper is src/params/.
import { memberShape, members, type Shape } from '../model/shapes.js';

/** Candidates that replace `text.slice(start)`. */
export interface ShorthandCompletion {
  readonly start: number;
  readonly candidates: readonly string[];
}

interface Level {
  readonly shape: Shape | undefined;
  readonly used: Set<string>;
}

type Position = { kind: 'key'; start: number } | { kind: 'value'; start: number; key: string } | { kind: 'after-value' };

/**
 * The completions at the end of `text`, a shorthand value for a structure `shape`.
 * @example completeShorthand('ExistingEnrollmentAction=SK', EnrollmentConfig) // { start: 25, candidates: ['SKIP'] }
 */
export function completeShorthand(text: string, shape: Shape): ShorthandCompletion {
  const stack: Level[] = [{ shape, used: new Set() }];
  let position: Position = { kind: 'key', start: 0 };
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    const level = stack[stack.length - 1] as Level;
    if (position.kind === 'key') {
      if (char === '=') {
        const key = text.slice(position.start, i).trim();
        level.used.add(key);
        position = { kind: 'value', start: i + 1, key };
      } else if (char === ',') position = { kind: 'key', start: i + 1 };
      else if (char === '}' && stack.length > 1) {
        stack.pop();
        position = { kind: 'after-value' };
      }
      continue;
    }
    if (position.kind === 'after-value') {
      if (char === ',') position = { kind: 'key', start: i + 1 };
      else if (char === '}' && stack.length > 1) stack.pop();
      continue;
    }
    // value: `{` opens a nested structure, quotes and lists are skipped whole.
    if (char === '{' && i === position.start) {
      const nested = level.shape ? memberShape(level.shape, position.key) : undefined;
      stack.push({ shape: nested?.type === 'structure' ? nested : undefined, used: new Set() });
      position = { kind: 'key', start: i + 1 };
    } else if (char === '"' || char === "'" || char === '[') {
      const close = text.indexOf(char === '[' ? ']' : char, i + 1);
      if (close < 0) return { start: text.length, candidates: [] };
      i = close;
    } else if (char === ',') position = { kind: 'key', start: i + 1 };
    else if (char === '}' && stack.length > 1) {
      stack.pop();
      position = { kind: 'after-value' };
    }
  }
  return candidatesAt(text, position, stack[stack.length - 1] as Level);
}

function candidatesAt(text: string, position: Position, level: Level): ShorthandCompletion {
  if (position.kind === 'after-value' || !level.shape) return { start: text.length, candidates: [] };
  const partial = text.slice(position.start);
  if (position.kind === 'key') {
    const offset = partial.length - partial.trimStart().length;
    const keys = members(level.shape)
      .map(([name]) => name)
      .filter((name) => !level.used.has(name) && name.startsWith(partial.trimStart()))
      .map((name) => `${name}=`);
    return { start: position.start + offset, candidates: keys };
  }
  const member = memberShape(level.shape, position.key);
  const values = (member?.enum ?? []).filter((value) => value.startsWith(partial));
  return { start: position.start, candidates: values };
}
