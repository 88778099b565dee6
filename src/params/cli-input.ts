// --cli-input-json / --cli-input-yaml: load the document, require a mapping, and merge it
// under the command-line values (top-level keys only; the command line wins).
import type { Io } from '../io.js';
import { GeneralError, ParamError } from '../errors.js';
import { hasNonStrKey, markNonStrKey, PyBytes, PyDict, type PyValue } from '../values/py-value.js';
import { parsePyJson, parsePyJsonBytes } from '../values/py-json-parse.js';
import { PyValueError } from '../values/py-int.js';
import { pyTypeStr } from '../values/py-repr.js';
import { loadParamfile, ParamfileError } from './paramfile.js';
import { CLI_INPUT_JSON, CLI_INPUT_YAML } from '../cli/operation-options.js';

export interface CliInputs {
  readonly cliInputJson?: string;
  readonly cliInputYaml?: string;
}

/**
 * A loaded --cli-input-* document: text (file://, or the value itself) or, from fileb://, bytes,
 * which json.loads and ruamel each decode their own way when they parse; a YAML one with the YAML
 * loader (imported only then).
 */
export type LoadedCliInput =
  | { readonly format: 'json'; readonly text: string | PyBytes }
  | { readonly format: 'yaml'; readonly text: string | PyBytes; readonly loader: YamlLoader };

type YamlLoader = typeof import('../yaml-read/load-yaml-input.js');

/** Loads the paramfile of whichever --cli-input-* was given (argument unpacking, step 8). */
export async function loadCliInputs(inputs: CliInputs, io: Io): Promise<LoadedCliInput[]> {
  const loaded: LoadedCliInput[] = [];
  const entries = [
    ['json', CLI_INPUT_JSON, inputs.cliInputJson],
    ['yaml', CLI_INPUT_YAML, inputs.cliInputYaml],
  ] as const;
  for (const [format, flag, raw] of entries) {
    if (raw === undefined) continue;
    let value: string | PyBytes;
    try {
      value = await loadParamfile(raw, io);
    } catch (error) {
      if (error instanceof ParamfileError) {
        throw new ParamError('PARAMFILE_UNREADABLE', `Error parsing parameter '${flag}': ${error.message}`, { cause: error });
      }
      throw error;
    }
    loaded.push(format === 'json' ? { format, text: value } : { format, text: value, loader: await import('../yaml-read/load-yaml-input.js') });
  }
  return loaded;
}

/**
 * Merges the loaded document under `request` (which it changes); the command line wins. `warn`
 * writes the Python warnings loading a YAML document prints (to stderr, as they come).
 */
export function mergeCliInput(request: PyDict, loaded: readonly LoadedCliInput[], warn: (text: string) => void): void {
  if (loaded.length > 1) throw new ParamError('CLI_INPUT', 'Only one --cli-input- parameter may be specified.');
  const input = loaded[0];
  if (!input) return;
  const document = input.format === 'json' ? parseJsonDocument(input.text) : parseYamlDocument(input.text, input.loader, warn);
  if (!(document instanceof PyDict)) {
    const flag = input.format === 'json' ? CLI_INPUT_JSON : CLI_INPUT_YAML;
    throw new ParamError('CLI_INPUT', `Error parsing parameter '${flag}': Invalid type: expecting map, received ${pyTypeStr(document)}`);
  }
  for (const [key, value] of document) if (!request.has(key)) request.set(key, value);
  if (hasNonStrKey(document)) markNonStrKey(request);
}

function parseJsonDocument(text: string | PyBytes): PyValue {
  try {
    return text instanceof PyBytes ? parsePyJsonBytes(text.bytes) : parsePyJson(text);
  } catch (error) {
    if (error instanceof PyValueError) {
      // AWS CLI quirk: this message names the option without its dashes.
      throw new ParamError('CLI_INPUT', "Error parsing parameter 'cli-input-json': Invalid JSON received.", { cause: error });
    }
    throw error;
  }
}

function parseYamlDocument(text: string | PyBytes, { loadYamlInput, yamlBytesText, YamlInputError }: YamlLoader, warn: (text: string) => void): PyValue {
  try {
    return loadYamlInput(text instanceof PyBytes ? yamlBytesText(text.bytes) : text, warn);
  } catch (error) {
    if (!(error instanceof YamlInputError)) throw error;
    // AWS CLI quirk: any YAMLError is this one line; other Python exceptions escape as their text.
    if (error.code === 'YAML_ERROR') throw new ParamError('CLI_INPUT', "Error parsing parameter 'cli-input-yaml': Invalid YAML received.", { cause: error });
    throw new GeneralError('PYTHON_CRASH', error.message, { cause: error });
  }
}
