// Step 12: the answer (or the sample of --generate-cli-skeleton output) to stdout: pick the
// formatter, apply --query, format, and write through the pager, in the reference's order.
import type { Io } from '../io.js';
import type { PyValue } from '../values/py-value.js';
import { GeneralError } from '../errors.js';
import { profileString, type Settings } from '../config/settings.js';
import { outputFormats } from '../cli/global-options.js';
import { DEFAULT_GENERATION, type Generation } from '../model/generation.js';
import { FormatFailure } from './format-failure.js';
import { FORMATTERS, type FormatOptions, type Formatter } from './formatters.js';
import { findLoneSurrogate } from './surrogates.js';
import { page, resolvePager } from './pager.js';

export interface OutputSettings {
  readonly format: string;
  readonly formatOptions: FormatOptions;
  readonly pager: string[] | undefined;
  /** Applies --query (run-time errors are exit 255); identity without one. */
  readonly query: (value: PyValue) => PyValue;
}

/** 2.36.7's `--output off` (OffFormatter): nothing is written, the query is not even applied. */
export const OUTPUT_OFF = 'off';

/**
 * The output settings of this invocation, in awscli's order: the formatter (a name that
 * `generation` does not know is exit 255), then the output stream (the pager is split), then
 * --query and formatting. `off` opens no stream, so no pager. `title`: the table's, the
 * operation's model name.
 */
export function outputSettings(
  settings: Settings,
  io: Io,
  title: string,
  query: (value: PyValue) => PyValue = (v) => v,
  generation: Generation = DEFAULT_GENERATION,
): OutputSettings {
  if (!outputFormats(generation).includes(settings.output)) throw new GeneralError('BAD_CONFIG_VALUE', `Unknown output type: ${settings.output}`);
  const pager =
    settings.output === OUTPUT_OFF ? undefined : resolvePager(io.env, profileString(settings.profile, 'cli_pager'), io.stdoutIsTTY, settings.noCliPager);
  const { color, width } = tableDisplay(settings.color, io);
  return {
    format: settings.output,
    formatOptions: { title, color, autoreset: color && pager === undefined, width, generation },
    pager,
    query,
  };
}

/** What awscli's TableFormatter takes of the terminal: colour (on, or auto on a terminal stdout) and stdout's width. */
export function tableDisplay(colorSetting: string, io: Pick<Io, 'stdoutIsTTY' | 'stdoutColumns'>): { color: boolean; width: number } {
  return {
    color: colorSetting === 'on' || (colorSetting === 'auto' && io.stdoutIsTTY),
    width: io.stdoutIsTTY && io.stdoutColumns ? io.stdoutColumns : 80,
  };
}

/** Formats and writes `value`; a formatter that fails part way has its output written first. */
export async function emitResult(value: PyValue, settings: OutputSettings, io: Io): Promise<void> {
  if (settings.format === OUTPUT_OFF) return;
  const formatter = formatterFor(settings.format);
  let text: string;
  try {
    text = await formatter.format(settings.query(value), settings.formatOptions);
  } catch (error) {
    if (!(error instanceof FormatFailure)) throw error;
    await writeOutput(error.written, settings, io);
    throw error.error;
  }
  await writeOutput(text, settings, io);
}

/** Writes formatted output of `settings.format` (through the pager), as Python's stdout does. */
export async function writeOutput(text: string, settings: OutputSettings, io: Io): Promise<void> {
  const formatter = formatterFor(settings.format);
  // Python writes stdout strictly as UTF-8: a lone surrogate stops the output there (exit 255).
  const lone = findLoneSurrogate(text, formatter.chunkStart);
  if (lone) {
    await page(io, settings.pager, lone.written);
    throw new GeneralError('PYTHON_CRASH', lone.message);
  }
  await page(io, settings.pager, text);
  // colorama's atexit reset_all, when it wraps a terminal stdout (colour table, no pager).
  if (settings.format === 'table' && settings.formatOptions.autoreset && io.stdoutIsTTY) io.writeStdout(COLORAMA_EXIT_RESET);
}

export const COLORAMA_EXIT_RESET = '\x1b[0m';

// awscli get_formatter: the formatter for an output name, or ValueError (printed as is, exit 255).
function formatterFor(name: string): Formatter {
  const formatter = FORMATTERS[name];
  if (!formatter) throw new GeneralError('BAD_CONFIG_VALUE', `Unknown output type: ${name}`);
  return formatter;
}
