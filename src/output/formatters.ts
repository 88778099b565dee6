// The output formats by name: each a pure (value, options) → string, or a FormatFailure when it
// fails part way. Only table uses colour and the terminal width; json and yaml the generation.
import type { Generation } from '../model/generation.js';
import type { PyValue } from '../values/py-value.js';
import { formatJson } from './json.js';
import { jsonStringStart } from './surrogates.js';

export interface FormatOptions {
  /** The table title: the operation name. */
  readonly title: string;
  readonly color: boolean;
  /** colorama's autoreset: an extra reset after every write (real stdout, not a pager). */
  readonly autoreset: boolean;
  /** Terminal columns (80 when stdout is not a terminal). */
  readonly width: number;
  /** The release followed: awscli's JSON encoder differs. */
  readonly generation: Generation;
}

export interface Formatter {
  /** Loads the formatter (all but JSON only when asked for) and formats. */
  readonly format: (value: PyValue, options: FormatOptions) => Promise<string>;
  /** Where the write call that holds position `index` of the output began (for encoding errors). */
  readonly chunkStart: (text: string, index: number) => number;
}

const lineStart = (text: string, index: number): number => text.lastIndexOf('\n', index - 1) + 1;

export const FORMATTERS: Readonly<Record<string, Formatter>> = {
  json: { format: async (value, options) => formatJson(value, options.generation), chunkStart: jsonStringStart },
  text: { format: async (value) => (await import('./text.js')).formatText(value), chunkStart: lineStart },
  table: { format: async (value, options) => (await import('./table.js')).formatTable(value, options), chunkStart: lineStart },
  yaml: { format: async (value, options) => (await import('./yaml.js')).formatYaml(value, options.generation), chunkStart: lineStart },
  'yaml-stream': { format: async (value) => (await import('./yaml.js')).formatYamlStream(value), chunkStart: lineStart },
};
