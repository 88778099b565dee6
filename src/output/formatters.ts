// The output formats by name: each a pure (value, options) → string. Only table uses colour
// and the terminal width.
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
}

export interface Formatter {
  /** Loads the formatter (all but JSON only when asked for) and formats. */
  readonly format: (value: PyValue, options: FormatOptions) => Promise<string>;
  /** Where the write call that holds position `index` of the output began (for encoding errors). */
  readonly chunkStart: (text: string, index: number) => number;
}

const lineStart = (text: string, index: number): number => text.lastIndexOf('\n', index - 1) + 1;

export const FORMATTERS: Readonly<Record<string, Formatter>> = {
  json: { format: async (value) => formatJson(value), chunkStart: jsonStringStart },
  text: { format: async (value) => (await import('./text.js')).formatText(value), chunkStart: lineStart },
  table: { format: async (value, options) => (await import('./table.js')).formatTable(value, options), chunkStart: lineStart },
  yaml: { format: async (value) => (await import('./yaml.js')).formatYaml(value), chunkStart: lineStart },
  'yaml-stream': { format: async (value) => (await import('./yaml.js')).formatYamlStream(value), chunkStart: lineStart },
};
