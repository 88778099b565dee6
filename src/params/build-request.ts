// The parsed options (+ --cli-input-*) → the request, in the reference's member order:
// command-line members in argument-table order, then the input document's keys.
import type { Io } from '../io.js';
import type { Generation } from '../model/generation.js';
import { PyDict } from '../values/py-value.js';
import type { Operation } from '../model/service-model.js';
import { memberShape } from '../model/shapes.js';
import { optionName } from '../model/names.js';
import { unpackOption } from './unpack.js';
import { unpackListOption } from './unpack-list.js';
import type { OptionValue } from '../cli/parse-command-line.js';
import { loadCliInputs, mergeCliInput, type CliInputs } from './cli-input.js';

/**
 * Unpacks every option of `operation` as `generation`'s awscli does, then merges the --cli-input-*
 * document under them. `paginationConfig`: the paging options' PaginationConfig, which follows the
 * members in the argument table (set when not empty).
 */
export async function buildRequest(
  operation: Operation,
  params: ReadonlyMap<string, OptionValue>,
  inputs: CliInputs,
  generation: Generation,
  io: Io,
  paginationConfig?: PyDict,
): Promise<PyDict> {
  const shape = operation.input;
  const request = new PyDict();
  for (const [member, raw] of params) {
    const sub = memberShape(shape, member);
    if (!sub) throw new Error(`no input member ${member}`);
    const cliName = optionName(member);
    const value = typeof raw === 'string' ? await unpackOption(cliName, raw, sub, generation, io) : await unpackListOption(cliName, raw, sub, generation, io);
    request.set(member, value);
  }
  if (paginationConfig && paginationConfig.size > 0) request.set('PaginationConfig', paginationConfig);
  const loaded = await loadCliInputs(inputs, io);
  mergeCliInput(request, loaded, (text) => io.writeStderr(text));
  return request;
}
