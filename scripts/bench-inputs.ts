// How fast the parsers get through their pathological inputs (test/helpers/pathological-inputs.ts;
// the unit tests check what each gives, this checks how long it takes). Prints the best of
// --runs timings per input against its budget, and exits 1 when one is over: a budget is far
// above what a linear parser needs and far below what a backtracking or quadratic one would.
// Run it on a quiet machine:
//   npx tsx scripts/bench-inputs.ts [--runs 3]
import { parseShorthand } from '../src/params/shorthand.js';
import { loadYamlInput } from '../src/yaml-read/load-yaml-input.js';
import { parsePyJson } from '../src/values/py-json-parse.js';
import { compileQuery, searchQuery } from '../src/jmespath/query.js';
import { validateServiceRequest } from '../src/emulator/validate-service.js';
import { FINAL_GENERATION, GENERATIONS } from '../src/model/generation.js';
import { serviceModelFor } from '../src/model/service-model.js';
import {
  JMESPATH_INPUTS,
  JSON_UNTERMINATED_BACKSLASHES,
  SERVICE_EVIL_TOKEN,
  SERVICE_EVIL_VALUE,
  SHORTHAND_INPUTS,
  SHORTHAND_RECURSION_INPUTS,
  YAML_INPUTS,
  largeJsonDocument,
} from '../test/helpers/pathological-inputs.js';

interface Bench {
  readonly name: string;
  readonly budgetMs: number;
  readonly run: () => unknown;
}

const runsIndex = process.argv.indexOf('--runs');
const RUNS = runsIndex >= 0 ? Number(process.argv[runsIndex + 1]) : 3;

/** Runs `run`, swallowing what it throws: the unit tests check the outcome. */
function attempt(run: () => unknown): void {
  try {
    run();
  } catch {
    // an error is an outcome too
  }
}

// The service's model: the final one, as voiceid-local serves it.
const MODEL = await serviceModelFor(FINAL_GENERATION);

function validate(operation: string, body: unknown): unknown {
  return validateServiceRequest(MODEL.operation(operation).input, body);
}

const largeJson = largeJsonDocument();
const benches: Bench[] = [
  ...GENERATIONS.flatMap((generation) =>
    [...SHORTHAND_INPUTS, ...SHORTHAND_RECURSION_INPUTS].map(([name, input]) => ({
      name: `shorthand ${generation}: ${name}`,
      budgetMs: 250,
      run: () => parseShorthand(input, generation),
    })),
  ),
  ...YAML_INPUTS.map(([name, input]) => ({ name: `yaml: ${name}`, budgetMs: 500, run: () => loadYamlInput(input) })),
  { name: 'json: an unterminated string and 50000 backslashes', budgetMs: 500, run: () => parsePyJson(JSON_UNTERMINATED_BACKSLASHES) },
  { name: 'json: a large document', budgetMs: 1000, run: () => parsePyJson(largeJson) },
  {
    name: 'jmespath: the lexer and parser worst cases',
    budgetMs: 1000,
    run: () => {
      attempt(() => compileQuery(JMESPATH_INPUTS.unclosedString));
      attempt(() => compileQuery(JMESPATH_INPUTS.unclosedLiteral));
      attempt(() => compileQuery(JMESPATH_INPUTS.openBrackets));
      searchQuery(compileQuery(JMESPATH_INPUTS.nestedParens), 1n);
      searchQuery(compileQuery(JMESPATH_INPUTS.longPath), null);
    },
  },
  {
    name: 'voiceid-local: a long value against every pattern',
    budgetMs: 1000,
    run: () => {
      validate('CreateDomain', {
        Name: SERVICE_EVIL_VALUE,
        Description: SERVICE_EVIL_VALUE,
        ServerSideEncryptionConfiguration: { KmsKeyId: SERVICE_EVIL_VALUE },
      });
      validate('ListDomains', { NextToken: SERVICE_EVIL_TOKEN });
    },
  },
];

let over = 0;
for (const bench of benches) {
  let best = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    attempt(bench.run);
    best = Math.min(best, performance.now() - started);
  }
  const slow = best >= bench.budgetMs;
  if (slow) over += 1;
  console.log(`${slow ? 'SLOW' : 'ok  '} ${best.toFixed(1).padStart(8)} ms  (budget ${bench.budgetMs} ms)  ${bench.name}`);
}
if (over > 0) {
  console.error(`bench-inputs: ${over} over budget`);
  process.exitCode = 1;
}
