import { describe, expect, it } from 'vitest';
import { plainDoc, promptParam, shorthandSyntax } from '../../../src/prompt/catalogue.js';
import { memberShape, type Shape } from '../../../src/model/shapes.js';
import { startJob } from '../../helpers/models.js';

describe(plainDoc.name, () => {
  it('drops the tags, decodes the entities and collapses the whitespace', () => {
    expect(plainDoc('<p>Use <code>A &amp; B</code>\n  here.</p> ')).toBe('Use A & B here.');
  });
});

describe(promptParam.name, () => {
  it('takes members from the model and the rest from the reference help', () => {
    const shape = memberShape(startJob().input, 'JobName');
    expect(promptParam({ flag: '--job-name', nargs: 1, scope: 'operation', member: 'JobName', shape, required: false })).toMatchObject({
      typeName: 'string',
      doc: 'A name for your speaker enrollment job.',
    });
    expect(promptParam({ flag: '--cli-read-timeout', nargs: 1, scope: 'global', required: false })).toMatchObject({ typeName: 'int' });
  });
});

describe(shorthandSyntax.name, () => {
  it('matches the "Shorthand Syntax" lines of the reference help', () => {
    expect(shorthandSyntax(memberShape(startJob().input, 'EnrollmentConfig') as Shape)).toBe(
      'ExistingEnrollmentAction=string,FraudDetectionConfig={FraudDetectionAction=string,RiskThreshold=integer}',
    );
    expect(shorthandSyntax(memberShape(startJob().input, 'OutputDataConfig') as Shape)).toBe('KmsKeyId=string,S3Uri=string');
  });
});
