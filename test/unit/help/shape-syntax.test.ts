import { describe, expect, it } from 'vitest';
import type { Shape } from '../../../src/model/shapes.js';
import { MODELS } from '../../helpers/models.js';
import { RstWriter } from '../../../src/help/rst-writer.js';
import { jsonValueName, shorthandExample, supportsShorthand, writeJsonExample } from '../../../src/help/shape-syntax.js';

// The syntax blocks AWS CLI 2.9.19 prints in `help` for these shapes (fixtures/help/).

/** A shape of 2.9.19's model. */
function shapeOf(name: string): Shape {
  return MODELS['2.9.19'].shape(name);
}

function json(shape: Shape): string {
  const doc = new RstWriter();
  writeJsonExample(doc, shape);
  return doc.value();
}

describe(shorthandExample.name, () => {
  it.each([
    ['EnrollmentConfig', 'ExistingEnrollmentAction=string,FraudDetectionConfig={FraudDetectionAction=string,RiskThreshold=integer}'],
    ['InputDataConfig', 'S3Uri=string'],
    ['OutputDataConfig', 'KmsKeyId=string,S3Uri=string'],
    ['TagList', 'Key=string,Value=string ...'],
  ])('documents %s as %s', (name, expected) => {
    expect(shorthandExample(shapeOf(name))).toBe(expected);
  });

  it('applies to structures and lists of structures, not to scalars', () => {
    expect(supportsShorthand(shapeOf('EnrollmentConfig'))).toBe(true);
    expect(supportsShorthand(shapeOf('TagList'))).toBe(true);
    expect(supportsShorthand(shapeOf('DomainId'))).toBe(false);
  });
});

describe(writeJsonExample.name, () => {
  it('lists enum values and nests structures by two spaces', () => {
    expect(json(shapeOf('EnrollmentConfig'))).toBe(
      '{\n  "ExistingEnrollmentAction": "SKIP"|"OVERWRITE",\n  "FraudDetectionConfig": {\n    "FraudDetectionAction": "IGNORE"|"FAIL",\n    "RiskThreshold": integer\n  }\n}',
    );
  });

  it('writes a list of structures with an ellipsis', () => {
    expect(json(shapeOf('TagList'))).toBe('[\n  {\n    "Key": "string",\n    "Value": "string"\n  }\n  ...\n]');
  });
});

describe(jsonValueName.name, () => {
  it('names scalars as the CLI does', () => {
    expect(jsonValueName(shapeOf('DomainId'))).toBe('"string"');
    expect(jsonValueName(shapeOf('ExistingEnrollmentAction'), false)).toBe('"string"');
    expect(jsonValueName(shapeOf('Score'))).toBe('integer');
  });
});
