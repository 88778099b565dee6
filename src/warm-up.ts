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

/**
 * Build-time only (scripts/warm-cache.mjs, through bin/aws-voiceid.js): runs the code that the
 * warm-up request did not (every generation's model, --query, every formatter, with and without
 * colour) so that it is in the V8 code cache too. Every formatter gets inputs it accepts: each
 * served operation's output shape with every member, and a --query result with scalars, lists of
 * scalars (strings that YAML must quote, as a response's timestamps, and wide characters) and a
 * list of dicts. No list mixes dicts with other values: text.py fails on one. Rejects, naming the
 * format, when a formatter throws; the build then fails.
 */
export async function warmUp(): Promise<void> {
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
