// Build-time only: what scripts/warm-cache.mjs runs (through bin/aws-voiceid.js, after one
// request) so that the code a request did not use is in the V8 code caches too.
import { prepareQuery } from './output/query.js';
import { FORMATTERS } from './output/formatters.js';
import { servedOperations } from './cli/served-operations.js';
import { type Generation, GENERATIONS } from './model/generation.js';
import { serviceModelFor } from './model/service-model.js';
import { skeletonValue } from './params/skeleton.js';
import type { PyValue } from './values/py-value.js';

/** The warm-up's --query (see warmUp). */
const WARM_UP_QUERY = [
  'Job.{id: JobId, when: CreatedAt, progress: JobProgress.PercentComplete, keys: keys(@),',
  'configs: [InputDataConfig, OutputDataConfig],',
  "strings: ['', '0', 'yes', '2026-01-01T00:00:00.123000+00:00', 'a: b', '\u00e9\u65e5\uff01', 'two\nlines'],",
  'others: [`0.5`, `-1`, `true`, `null`]}',
].join(' ');

/** The warm-up's --cli-input-yaml document: a mapping, a list, a block scalar, an anchor, tags. */
const WARM_UP_YAML = [
  'DomainId: &id abcdefghij0123456789AB',
  'Tags:',
  '  - {Key: k, Value: "v\\u00e9"}',
  "  - Key: 'two'",
  '    Value: |',
  '      lines',
  'Other: *id',
  'Numbers: [1, 0x1f, 1.5e3, .inf, ~, true, 2026-01-01T00:00:00Z, !!str 3]',
].join('\n');

/**
 * Build-time only (scripts/warm-cache.mjs, through bin/aws-voiceid.js): runs the code that the
 * warm-up request did not (every generation's model, --query, every formatter, with and without
 * colour, the manual pages, --cli-input-yaml's reader) so that it is in the V8 code cache too. Every formatter gets inputs it accepts: each
 * served operation's output shape with every member, and a --query result with scalars, lists of
 * scalars (strings that YAML must quote, as a response's timestamps, and wide characters) and a
 * list of dicts. No list mixes dicts with other values: text.py fails on one. Rejects, naming the
 * format, when a formatter throws; the build then fails.
 */
export async function warmUp(): Promise<void> {
  await warmUpHelpAndYaml();
  const query = await prepareQuery(WARM_UP_QUERY);
  const samples: [title: string, value: PyValue, generation: Generation][] = [];
  for (const generation of GENERATIONS) {
    for (const operation of servedOperations(await serviceModelFor(generation))) {
      if (!operation.output) continue;
      const sample = skeletonValue(operation.output, { memberNames: true });
      samples.push([operation.name, sample, generation], [operation.name, query(sample), generation]);
    }
  }
  for (const [name, formatter] of Object.entries(FORMATTERS)) {
    for (const color of [false, true]) {
      for (const [title, value, generation] of samples) {
        const options = { title, color, autoreset: color, width: 80, generation };
        try {
          await formatter.format(value, options);
        } catch (error) {
          throw new Error(`--output ${name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
  }
}

/** Renders the manual of the service and of each operation, and reads a YAML input document. */
async function warmUpHelpAndYaml(): Promise<void> {
  const [{ renderOperationHelp }, { renderServiceHelp }, { loadYamlInput }] = await Promise.all([
    import('./help/operation-help.js'),
    import('./help/service-help.js'),
    import('./yaml-read/load-yaml-input.js'),
  ]);
  for (const generation of GENERATIONS) {
    const model = await serviceModelFor(generation);
    renderServiceHelp(model);
    for (const operation of servedOperations(model)) renderOperationHelp(operation, generation);
  }
  loadYamlInput(WARM_UP_YAML);
}
