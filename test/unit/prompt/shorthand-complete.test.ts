import { describe, expect, it } from 'vitest';
import { completeShorthand } from '../../../src/prompt/shorthand-complete.js';
import { memberShape, type Shape } from '../../../src/model/shapes.js';
import { startJob } from '../../helpers/models.js';

const enrollment = memberShape(startJob().input, 'EnrollmentConfig') as Shape;
const output = memberShape(startJob().input, 'OutputDataConfig') as Shape;

describe(completeShorthand.name, () => {
  it.each([
    { name: 'all keys at the start', text: '', shape: output, expected: { start: 0, candidates: ['KmsKeyId=', 'S3Uri='] } },
    { name: 'keys by prefix', text: 'S', shape: output, expected: { start: 0, candidates: ['S3Uri='] } },
    { name: 'keys already given are left out', text: 'S3Uri=s3://b/o,', shape: output, expected: { start: 15, candidates: ['KmsKeyId='] } },
    { name: 'an enum value', text: 'ExistingEnrollmentAction=O', shape: enrollment, expected: { start: 25, candidates: ['OVERWRITE'] } },
    { name: 'all enum values', text: 'ExistingEnrollmentAction=', shape: enrollment, expected: { start: 25, candidates: ['SKIP', 'OVERWRITE'] } },
    {
      name: 'keys of a nested structure',
      text: 'FraudDetectionConfig={',
      shape: enrollment,
      expected: { start: 22, candidates: ['FraudDetectionAction=', 'RiskThreshold='] },
    },
    {
      name: 'a nested enum value',
      text: 'FraudDetectionConfig={RiskThreshold=5,FraudDetectionAction=F',
      shape: enrollment,
      expected: { start: 59, candidates: ['FAIL'] },
    },
    {
      name: 'back at the outer level after }',
      text: 'FraudDetectionConfig={RiskThreshold=5},',
      shape: enrollment,
      expected: { start: 39, candidates: ['ExistingEnrollmentAction='] },
    },
    { name: 'a space after a comma is skipped', text: 'S3Uri=x, K', shape: output, expected: { start: 9, candidates: ['KmsKeyId='] } },
    { name: 'nothing for a plain string value', text: 'S3Uri=s3', shape: output, expected: { start: 6, candidates: [] } },
    { name: 'quoted values are skipped whole', text: 'KmsKeyId="a,b",', shape: output, expected: { start: 15, candidates: ['S3Uri='] } },
    { name: 'nothing inside an open quote', text: 'KmsKeyId="a,', shape: output, expected: { start: 12, candidates: [] } },
    { name: 'nothing for an unknown key', text: 'Bogus={', shape: enrollment, expected: { start: 7, candidates: [] } },
  ])('$name', ({ text, shape, expected }) => {
    expect(completeShorthand(text, shape)).toEqual(expected);
  });
});
