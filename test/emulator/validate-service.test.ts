import { describe, expect, it } from 'vitest';
import {
  codePointLength,
  formatValidationMessage,
  formatViolation,
  matchesModelPattern,
  readServiceInput,
  validateServiceRequest,
  type ServiceCheck,
} from '../../src/emulator/validate-service.js';
import { seededRandom } from '../helpers/hostile-requests.js';
import { createServiceModel, type ServiceModel } from '../../src/model/service-model.js';
import type { Shape } from '../../src/model/shapes.js';
import { MODELS } from '../helpers/models.js';
import { SERVICE_EVIL_TOKEN, SERVICE_EVIL_VALUE } from '../helpers/pathological-inputs.js';
import fixture from '../../fixtures/emulator/validation.json' with { type: 'json' };

type Expected = { kind: 'valid' } | { kind: 'validation'; message: string } | { kind: 'serialization'; message?: string };

interface Row {
  readonly name: string;
  readonly operation: string;
  readonly body: unknown;
  readonly expected: Expected;
}

const rows = fixture as unknown as readonly Row[];
const DOMAIN_ID = 'abcdefghijklmnopqrstuv';

// voiceid-local serves the final model.
const MODEL = MODELS['2.36.7'];

function inputOf(operation: string, model: ServiceModel = MODEL): Shape {
  return model.operation(operation).input;
}

/** The check in the fixture's terms: valid, the whole ValidationException message, or the serialization failure. */
function outcome(check: ServiceCheck): Expected {
  if (check.kind === 'serialization') return check.message === undefined ? { kind: 'serialization' } : check;
  return check.violations.length === 0 ? { kind: 'valid' } : { kind: 'validation', message: formatValidationMessage(check.violations) };
}

function messageFor(operation: string, body: unknown, model?: ServiceModel): Expected {
  return outcome(validateServiceRequest(inputOf(operation, model), body));
}

describe(validateServiceRequest.name, () => {
  it.each(rows)('$name', ({ operation, body, expected }) => {
    expect(messageFor(operation, body)).toEqual(expected);
  });

  it('counts a string length in code points, not UTF-16 units', () => {
    const body = (kmsKeyId: string): unknown => ({ Name: 'd', ServerSideEncryptionConfiguration: { KmsKeyId: kmsKeyId } });
    expect(messageFor('CreateDomain', body('😀'.repeat(2048)))).toEqual({ kind: 'valid' });
    expect(messageFor('CreateDomain', body('😀'.repeat(2049)))).toEqual({
      kind: 'validation',
      message: `1 validation error detected: Value '${'😀'.repeat(2049)}' at 'serverSideEncryptionConfiguration.kmsKeyId' failed to satisfy constraint: Member must have length less than or equal to 2048`,
    });
  });

  it('when a sensitive JobName is too long then the message still hides it', () => {
    const body = (jobName: string): unknown => ({
      DataAccessRoleArn: 'arn:aws:iam::123456789012:role/VoiceIdAccess',
      DomainId: DOMAIN_ID,
      InputDataConfig: { S3Uri: 's3://my-bucket/in' },
      OutputDataConfig: { S3Uri: 's3://my-bucket/out' },
      JobName: jobName,
    });
    expect(messageFor('StartSpeakerEnrollmentJob', body('j'.repeat(256)))).toEqual({ kind: 'valid' });
    expect(messageFor('StartSpeakerEnrollmentJob', body('j'.repeat(257)))).toEqual({
      kind: 'validation',
      message: "1 validation error detected: Value at 'jobName' failed to satisfy constraint: Member must have length less than or equal to 256",
    });
  });

  it('checks a list length by its items and never prints the list', () => {
    const tags = (n: number): unknown[] => Array.from({ length: n }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    const body = (n: number): unknown => ({ Name: 'd', ServerSideEncryptionConfiguration: { KmsKeyId: 'k' }, Tags: tags(n) });
    expect(messageFor('CreateDomain', body(200))).toEqual({ kind: 'valid' });
    expect(messageFor('CreateDomain', body(201))).toEqual({
      kind: 'validation',
      message: "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 200",
    });
  });

  it('returns the violations as data: path, constraint and how the value is shown', () => {
    const check = validateServiceRequest(inputOf('ListSpeakerEnrollmentJobs'), { MaxResults: 101 });
    expect(check).toEqual({
      kind: 'validation',
      violations: [
        { path: 'domainId', constraint: 'Member must not be null', value: { kind: 'null' } },
        { path: 'maxResults', constraint: 'Member must have value less than or equal to 100', value: { kind: 'text', text: '101' } },
      ],
    });
  });

  // How fast: scripts/bench-inputs.ts.
  it('reports a pathological value against every pattern of the model', () => {
    const evil = SERVICE_EVIL_VALUE;
    const violations = (operation: string, body: unknown): string[] => {
      const check = validateServiceRequest(inputOf(operation), body);
      return check.kind === 'validation' ? check.violations.map((v) => `${v.path}: ${v.constraint.replace(/:.*/, '')}`) : [check.kind];
    };
    expect(violations('CreateDomain', { Name: evil, Description: evil, ServerSideEncryptionConfiguration: { KmsKeyId: evil } })).toEqual([
      'description: Member must satisfy regular expression pattern',
      'description: Member must have length less than or equal to 1024',
      'name: Member must satisfy regular expression pattern',
      'name: Member must have length less than or equal to 256',
      'serverSideEncryptionConfiguration.kmsKeyId: Member must have length less than or equal to 2048',
    ]);
    expect(violations('ListDomains', { NextToken: SERVICE_EVIL_TOKEN })).toEqual([
      'nextToken: Member must satisfy regular expression pattern',
      'nextToken: Member must have length less than or equal to 8192',
    ]);
  });
});

describe('maps (not in the Voice ID subset, so on a small model of their own)', () => {
  const mapModel = createServiceModel({
    metadata: MODEL.metadata,
    operations: { PutThings: { name: 'PutThings', http: { method: 'POST', requestUri: '/' }, input: { shape: 'PutThingsRequest' } } },
    shapes: {
      PutThingsRequest: { type: 'structure', members: { Things: { shape: 'ThingMap' } } },
      ThingMap: { type: 'map', key: { shape: 'ThingKey' }, value: { shape: 'Thing' }, max: 2 },
      ThingKey: { type: 'string', min: 1, max: 3, pattern: '^[a-z]+$' },
      Thing: { type: 'structure', required: ['Size'], members: { Size: { shape: 'Size' } } },
      Size: { type: 'integer', min: 1, max: 9 },
    },
  });

  it('reports the keys once, listing every key constraint with the pattern last', () => {
    expect(messageFor('PutThings', { Things: { abcd: { Size: 1 }, Ab: { Size: 1 } } }, mapModel)).toEqual({
      kind: 'validation',
      message:
        "1 validation error detected: Value at 'things' failed to satisfy constraint: Map keys must satisfy constraint: " +
        '[Member must have length less than or equal to 3, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: ^[a-z]+$]',
    });
  });

  it('checks structure values under map.key paths after the map itself', () => {
    expect(messageFor('PutThings', { Things: { a: { Size: 10 }, b: {}, c: { Size: 1 } } }, mapModel)).toEqual({
      kind: 'validation',
      message:
        "3 validation errors detected: Value at 'things' failed to satisfy constraint: Member must have length less than or equal to 2; " +
        "Value '10' at 'things.a.size' failed to satisfy constraint: Member must have value less than or equal to 9; " +
        "Value null at 'things.b.size' failed to satisfy constraint: Member must not be null",
    });
  });

  it('answers a scalar or a list for a map with a serialization failure', () => {
    expect(messageFor('PutThings', { Things: 'x' }, mapModel)).toEqual({ kind: 'serialization', message: 'Expected map or null' });
    expect(messageFor('PutThings', { Things: [] }, mapModel)).toEqual({
      kind: 'serialization',
      message: 'Start of list found where not expected',
    });
    expect(messageFor('PutThings', { Things: { a: { Size: '1' } } }, mapModel)).toEqual({
      kind: 'serialization',
      message: 'STRING_VALUE can not be converted to an Integer',
    });
  });
});

describe(matchesModelPattern.name, () => {
  it.each([
    ['matches the whole value even without anchors', '[a-z]+', 'abc1', false],
    ['anchors every branch of a top-level alternation', 'a|b', 'ab', false],
    ['accepts a branch that is the whole value', 'a|b', 'b', true],
    ["stops Java's dot at U+0085 NEL", '^s3://b(/.*)?$', 's3://b/x\u0085y', false],
    ['keeps a dot inside a class literal', '^[.]$', '.', true],
    ['keeps an escaped dot literal', '^a\\.b$', 'axb', false],
    ['reads \\p{L} over whole code points', '^\\p{L}$', '𝒜', true],
    ['reads \\p{ASCII}', '^\\p{ASCII}*$', 'plain ascii ~', true],
    ['takes a Java identity escape the u flag refuses', '^a\\_b$', 'a_b', true],
  ] as const)('%s', (_name, pattern, value, expected) => {
    expect(matchesModelPattern(pattern, value)).toBe(expected);
  });

  it('finds the shape of catastrophic backtracking: a repeated group that holds a quantifier or an alternation', () => {
    for (const pattern of ['(a+)+', '(a*)*b', '(a|b)*', '^(x[0-9]+){2,}$', '(a+){3}', '((ab)*c)+']) expect(hasNestedQuantifier(pattern), pattern).toBe(true);
    for (const pattern of ['(ab)*', '(a+)?', '(-[^:]+)?x', '[(a+)]*', '\\(a+\\)+', 'a+b*c{1,5}', '(a+){1}', '(a+){0,1}'])
      expect(hasNestedQuantifier(pattern), pattern).toBe(false);
  });

  // So V8's backtracking matcher takes time linear in the value on every pattern of the model
  // (how long on a value of the body limit: scripts/bench-emulator-hostile.ts).
  it('has no repeated group holding a quantifier or an alternation in any pattern of the model', () => {
    const patterns = Object.values(MODEL.shapes).flatMap((shape) => (shape.pattern === undefined ? [] : [shape.pattern]));
    expect(patterns.filter(hasNestedQuantifier)).toEqual([]);
  });

  it('compiles every pattern of the model with the u flag', () => {
    const patterns = Object.values(MODEL.shapes).flatMap((shape) => (shape.pattern === undefined ? [] : [shape.pattern]));
    expect(patterns.length).toBeGreaterThan(0);
    for (const pattern of patterns) expect(() => new RegExp(pattern, 'u')).not.toThrow();
  });
});

describe(formatValidationMessage.name, () => {
  it('words one error in the singular', () => {
    expect(formatValidationMessage([{ path: 'jobName', constraint: 'C', value: { kind: 'text', text: 'x' } }])).toBe(
      "1 validation error detected: Value 'x' at 'jobName' failed to satisfy constraint: C",
    );
  });

  it('joins several with "; "', () => {
    const message = formatValidationMessage([
      { path: 'a', constraint: 'C1', value: { kind: 'null' } },
      { path: 'b', constraint: 'C2', value: { kind: 'hidden' } },
    ]);
    expect(message).toBe("2 validation errors detected: Value null at 'a' failed to satisfy constraint: C1; Value at 'b' failed to satisfy constraint: C2");
  });
});

describe(formatViolation.name, () => {
  it('prints text values as they are, quotes included', () => {
    expect(formatViolation({ path: 'p', constraint: 'C', value: { kind: 'text', text: "it's" } })).toBe("Value 'it's' at 'p' failed to satisfy constraint: C");
  });
});

/** Whether a pattern repeats (*, +, {n,} or {n,m}) a group that holds a quantifier or an alternation. */
function hasNestedQuantifier(pattern: string): boolean {
  const groups: { risky: boolean }[] = [{ risky: false }];
  const top = (): { risky: boolean } => groups[groups.length - 1] as { risky: boolean };
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern.charAt(i);
    if (c === '\\') i += 1;
    else if (c === '[') {
      i += pattern.charAt(i + 1) === '^' ? 2 : 1;
      if (pattern.charAt(i) === ']') i += 1;
      while (i < pattern.length && pattern.charAt(i) !== ']') i += pattern.charAt(i) === '\\' ? 2 : 1;
    } else if (c === '(') groups.push({ risky: false });
    else if (c === ')') {
      const group = groups.pop() ?? { risky: false };
      const after = pattern.slice(i + 1);
      const bound = /^\{(\d+)(,(\d*))?\}/.exec(after);
      const most = bound ? (bound[2] === undefined ? Number(bound[1]) : bound[3] === '' ? Infinity : Number(bound[3])) : 0;
      const repeats = /^[*+]/.test(after) || most > 1;
      if (group.risky && repeats) return true;
      if (group.risky || /^[*+?{]/.test(after)) top().risky = true;
    } else if ('*+?{|'.includes(c)) top().risky = true;
  }
  return false;
}

describe(codePointLength.name, () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['a😀b', 3],
    ['😀😀', 2],
    ['\ud83d', 1],
    ['\ude00a', 2],
    ['a\ud83d', 2],
    ['\ude00\ud83d', 2],
  ])('counts %j as %i code points', (text, expected) => {
    expect(codePointLength(text)).toBe(expected);
  });

  it('agrees with the spread operator on random strings of surrogates and letters', () => {
    const random = seededRandom(7);
    const units = [0x61, 0xd83d, 0xde00, 0xdbff, 0xdc00, 0x20ac];
    for (let n = 0; n < 500; n += 1) {
      const text = String.fromCharCode(...Array.from({ length: Math.floor(random() * 12) }, () => units[Math.floor(random() * units.length)] as number));
      expect(codePointLength(text), JSON.stringify(text)).toBe([...text].length);
    }
  });
});

describe(readServiceInput.name, () => {
  const start = inputOf('StartSpeakerEnrollmentJob');
  const base = {
    DomainId: DOMAIN_ID,
    DataAccessRoleArn: 'arn:aws:iam::123456789012:role/VoiceIdAccess',
    InputDataConfig: { S3Uri: 's3://my-bucket/in' },
    OutputDataConfig: { S3Uri: 's3://my-bucket/out' },
  };

  it('drops members the model does not define, at every level, and keeps body order', () => {
    const body = {
      Extra: 'x'.repeat(1000),
      ...base,
      EnrollmentConfig: { Unknown: { deep: [1, 2] }, FraudDetectionConfig: { RiskThreshold: 10, Other: null }, ExistingEnrollmentAction: 'SKIP' },
      InputDataConfig: { S3Uri: 's3://my-bucket/in', Region: 'x' },
    };
    const input = readServiceInput(start, body);
    expect(input).toEqual({ ...base, EnrollmentConfig: { FraudDetectionConfig: { RiskThreshold: 10 }, ExistingEnrollmentAction: 'SKIP' } });
    expect(Object.keys(input)).toEqual(['DomainId', 'DataAccessRoleArn', 'InputDataConfig', 'OutputDataConfig', 'EnrollmentConfig']);
  });

  it('drops null members and null list items, as absent', () => {
    const tags = [null, { Key: 'k', Value: 'v', Color: 'red' }, null];
    expect(readServiceInput(inputOf('CreateDomain'), { Name: 'd', Description: null, Tags: tags })).toEqual({ Name: 'd', Tags: [{ Key: 'k', Value: 'v' }] });
  });

  it('truncates a fraction sent for an integer', () => {
    expect(readServiceInput(inputOf('ListDomains'), { MaxResults: 2.5 })).toEqual({ MaxResults: 2 });
    expect(readServiceInput(start, { EnrollmentConfig: { FraudDetectionConfig: { RiskThreshold: 99.9 } } })).toEqual({
      EnrollmentConfig: { FraudDetectionConfig: { RiskThreshold: 99 } },
    });
  });

  it('keeps a value of the wrong JSON type for the type check to refuse', () => {
    const body = { ...base, EnrollmentConfig: 'SKIP', InputDataConfig: [{ S3Uri: 1 }] };
    const input = readServiceInput(start, body);
    expect(input).toEqual(body);
    expect(validateServiceRequest(start, input)).toEqual({ kind: 'serialization', message: 'Start of list found where not expected' });
  });

  it('builds new objects: the body is left as it was', () => {
    const body = { ...base, Extra: 1 };
    readServiceInput(start, body);
    expect(body).toHaveProperty('Extra', 1);
  });
});
