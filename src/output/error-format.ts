// How AWS CLI 2.36.7 prints an error (awscli/errorformat.py, errorhandler.py): write_error's
// `aws: [ERROR]: ` line, and an error with structured information (Code, Message and a service
// error's modeled fields) in each --cli-error-format. json, yaml, text and table are the output
// formatters themselves, titled `error`; enhanced is the line plus the additional details. Pure.
import type { ErrorFormat } from '../cli/global-options.js';
import { FINAL_GENERATION } from '../model/generation.js';
import { pyStr } from '../values/py-repr.js';
import { pyStrip } from '../values/py-str.js';
import { PyDict, PyFloat, type PyValue } from '../values/py-value.js';
import { FORMATTERS } from './formatters.js';

/** What the table format needs of the terminal (stdout's, as awscli's TableFormatter looks). */
export interface ErrorDisplay {
  readonly color: boolean;
  readonly width: number;
}

/** errorformat.format_error_message: `aws: [ERROR]: <message, stripped>` (no space after an empty message). */
export function errorMessage(message: string): string {
  return message === '' ? 'aws: [ERROR]:' : `aws: [ERROR]: ${pyStrip(message)}`;
}

/** errorformat.write_error: the error line between newlines. */
export function errorLine(message: string): string {
  return `\n${errorMessage(message)}\n`;
}

/**
 * FilteredExceptionHandler._display_structured_error: `info` printed in `format`, with
 * `formatted` as enhanced's first line; undefined for legacy (and for a formatter that fails), which
 * the handler then prints as a plain line.
 * @example await formatStructuredError(new PyDict([['Code', 'X'], ['Message', 'm']]), 'An error occurred (X): m', 'text', display) === 'X\tm\n'
 */
export async function formatStructuredError(info: PyDict, formatted: string, format: ErrorFormat, display: ErrorDisplay): Promise<string | undefined> {
  if (format === 'legacy') return undefined;
  if (format === 'enhanced') return errorLine(formatted) + additionalDetails(info);
  const formatter = FORMATTERS[format];
  if (!formatter) return undefined;
  try {
    // Structured error formats exist only in the later releases (2.9.19 has no --cli-error-format).
    return await formatter.format(info, { title: 'error', color: display.color, autoreset: false, width: display.width, generation: FINAL_GENERATION });
  } catch {
    // AWS CLI quirk (errorhandler.py): a formatter that fails falls back to the plain line.
    return undefined;
  }
}

/** errorhandler.py's MAX_INLINE_ITEMS: collections of fewer scalars print inline. */
const MAX_INLINE_ITEMS = 5;

const COMPLEX_HINT = 'Use "--cli-error-format json" or another error format to see the full details.\n';

/**
 * EnhancedErrorFormatter.format_error: the fields other than Code and Message, one a line;
 * nothing when there are none.
 * @example additionalDetails(new PyDict([['Code', 'C'], ['ResourceType', 'DOMAIN']])) === '\nAdditional error details:\nResourceType: DOMAIN\n'
 */
export function additionalDetails(info: PyDict): string {
  const extra = [...info].filter(([key]) => !STANDARD_KEYS.has(key.toLowerCase()));
  if (extra.length === 0) return '';
  let complex = false;
  const lines = extra.map(([key, value]) => {
    if (isSimple(value)) return `${key}: ${pyStr(value)}\n`;
    const inline = inlineCollection(value);
    if (inline !== undefined) return `${key}: ${inline}\n`;
    complex = true;
    return `${key}: <complex value>\n`;
  });
  return `\nAdditional error details:\n${lines.join('')}${complex ? COMPLEX_HINT : ''}`;
}

const STANDARD_KEYS = new Set(['code', 'message']);

// _is_simple_value: str, int, float, bool, None.
function isSimple(value: PyValue): boolean {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'bigint' || value instanceof PyFloat;
}

// _is_small_collection + _format_inline: a list or dict of fewer than five scalars, as
// `[a, b]` or `{k: v}` of their str(); undefined for anything else.
function inlineCollection(value: PyValue): string | undefined {
  if (Array.isArray(value)) {
    return value.length < MAX_INLINE_ITEMS && value.every(isSimple) ? `[${value.map(pyStr).join(', ')}]` : undefined;
  }
  if (value instanceof PyDict) {
    const entries = [...value];
    if (entries.length >= MAX_INLINE_ITEMS || !entries.every(([, v]) => isSimple(v))) return undefined;
    return `{${entries.map(([k, v]) => `${k}: ${pyStr(v)}`).join(', ')}}`;
  }
  return undefined;
}
