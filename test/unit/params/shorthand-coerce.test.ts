import { describe, expect, it } from 'vitest';
import { GeneralError } from '../../../src/errors.js';
import { GENERATIONS as GENERATION_NAMES, type Generation } from '../../../src/model/generation.js';
import { createServiceModel } from '../../../src/model/service-model.js';
import { memberShape, type ServiceModelData, type Shape } from '../../../src/model/shapes.js';
import { MODELS as GENERATIONS, startJob } from '../../helpers/models.js';
import { parseShorthand } from '../../../src/params/shorthand.js';
import { ShorthandParseError } from '../../../src/params/shorthand-errors.js';
import { coerceShorthand } from '../../../src/params/shorthand-coerce.js';
import { toTagged, type Tagged } from '../../helpers/py-tagged.js';
import { coerceModels, FAKE_PARAMFILES, shorthandRows } from '../../helpers/shorthand-fixtures.js';

// Rows come from scripts/gen-shorthand-fixtures.py: awscli's BackCompatVisitor over the parse of
// `input`, against the shape at `path` below the operation's input shape, in the generation's
// voice-id model or a synthetic one with every shape type. PYTHON_CRASH rows are what aws prints
// raw (exit 255). 2.36.7's rows read `@=` values through FAKE_PARAMFILES (fileb:// gives bytes).
interface CoerceRow {
  name: string;
  model: 'voice-id' | 'synthetic';
  path: string;
  input: string;
  expected?: Tagged;
  error?: { code: 'SHORTHAND_SYNTAX' | 'PYTHON_CRASH'; type: string; message: string };
}

const SYNTHETIC = createServiceModel(coerceModels().synthetic as ServiceModelData);
/** The operation whose input shape a row's path starts from (as in the generator). */
const OPERATIONS: Record<CoerceRow['model'], string> = { 'voice-id': startJob().name, synthetic: 'TestOperation' };

function resolve(generation: Generation, modelName: CoerceRow['model'], path: string): Shape {
  const model = modelName === 'voice-id' ? GENERATIONS[generation] : SYNTHETIC;
  return path
    .split('.')
    .filter(Boolean)
    .reduce((shape, name) => {
      const member = memberShape(shape, name);
      if (!member) throw new Error(`no member ${name} in ${shape.name}`);
      return member;
    }, model.operation(OPERATIONS[modelName]).input);
}

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe.each(GENERATION_NAMES)(`${coerceShorthand.name} as awscli %s`, (generation) => {
  const rows = shorthandRows<CoerceRow>(['coerce'], generation);
  const parse = (input: string) => parseShorthand(input, generation, FAKE_PARAMFILES);

  it.each(rows.filter((row) => row.expected !== undefined))('converts $name', ({ model, path, input, expected }) => {
    const result = coerceShorthand(parse(input), resolve(generation, model, path));
    expect(toTagged(result)).toStrictEqual(expected);
  });

  it.each(rows.filter((row) => row.error !== undefined))('fails like Python on $name', ({ model, path, input, error }) => {
    const thrown = catchError(() => coerceShorthand(parse(input), resolve(generation, model, path)));
    expect(thrown).toBeInstanceOf(error?.code === 'SHORTHAND_SYNTAX' ? ShorthandParseError : GeneralError);
    const { code, message, exitCode } = thrown as GeneralError;
    expect({ code, message }).toStrictEqual({ code: error?.code, message: error?.message });
    expect(exitCode).toBe(error?.code === 'SHORTHAND_SYNTAX' ? 252 : 255);
  });
});

describe(coerceShorthand.name, () => {
  it('leaves the parsed value unchanged', () => {
    const parsed = parseShorthand('FraudDetectionConfig={RiskThreshold=050}', '2.9.19');
    const converted = coerceShorthand(parsed, GENERATIONS['2.9.19'].shape('EnrollmentConfig'));
    expect(toTagged(parsed)).toStrictEqual({
      dict: [['FraudDetectionConfig', { dict: [['RiskThreshold', '050']], ordered: false }]],
      ordered: false,
    });
    expect(toTagged(converted)).toStrictEqual({
      dict: [['FraudDetectionConfig', { dict: [['RiskThreshold', { int: '50' }]], ordered: false }]],
      ordered: false,
    });
  });
});
