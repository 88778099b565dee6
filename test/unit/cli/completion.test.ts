import { describe, expect, it } from 'vitest';
import { complete, completionCommand, completionScript, wordContext } from '../../../src/cli/completion.js';
import { MODELS } from '../../helpers/models.js';

const MODEL = MODELS['2.9.19'];
const COMMANDS = { model: MODEL, generation: '2.9.19' } as const;

const OP = ['voice-id', 'start-speaker-enrollment-job'];
const OPERATION_FLAGS = [
  '--client-token',
  '--data-access-role-arn',
  '--domain-id',
  '--enrollment-config',
  '--input-data-config',
  '--job-name',
  '--output-data-config',
  '--cli-input-json',
  '--cli-input-yaml',
  '--generate-cli-skeleton',
];

describe(complete.name, () => {
  it.each([
    { name: 'the service, and its alias', words: [], cursor: '', expected: ['voice-id', 'voiceid'] },
    { name: 'the service by prefix', words: [], cursor: 'voice-', expected: ['voice-id'] },
    { name: 'nothing for another service', words: [], cursor: 'ec', expected: [] },
    { name: 'the operation', words: ['voice-id'], cursor: '', expected: ['describe-speaker-enrollment-job', 'start-speaker-enrollment-job'] },
    {
      name: 'the operation after the alias and a global option',
      words: ['--region', 'eu-west-1', 'voiceid'],
      cursor: 'st',
      expected: ['start-speaker-enrollment-job'],
    },
    { name: 'nothing after another operation', words: ['voice-id', 'list-domains'], cursor: '--', expected: [] },
    { name: 'global options before the service', words: [], cursor: '--no-c', expected: ['--no-cli-pager', '--no-cli-auto-prompt'] },
    { name: 'operation options by prefix', words: OP, cursor: '--d', expected: ['--data-access-role-arn', '--domain-id', '--debug'] },
    { name: 'options already given are left out', words: [...OP, '--domain-id', 'd', '--debug'], cursor: '--d', expected: ['--data-access-role-arn'] },
    { name: 'global options given before the service count as given', words: ['--output', 'json', ...OP], cursor: '--ou', expected: ['--output-data-config'] },
    { name: '--output values', words: [...OP, '--output'], cursor: '', expected: ['json', 'text', 'table', 'yaml', 'yaml-stream'] },
    { name: '--output values by prefix', words: [...OP, '--output'], cursor: 'y', expected: ['yaml', 'yaml-stream'] },
    { name: '--color values', words: [...OP, '--color'], cursor: '', expected: ['on', 'off', 'auto'] },
    { name: '--cli-binary-format values', words: ['--cli-binary-format'], cursor: 'r', expected: ['raw-in-base64-out'] },
    { name: '--generate-cli-skeleton values', words: [...OP, '--generate-cli-skeleton'], cursor: '', expected: ['input', 'output', 'yaml-input'] },
    { name: '--generate-cli-skeleton may be followed by an option', words: [...OP, '--generate-cli-skeleton'], cursor: '--dom', expected: ['--domain-id'] },
    { name: 'nothing for a free-form value', words: [...OP, '--domain-id'], cursor: '', expected: [] },
    { name: 'a value is not taken for an option', words: [...OP, '--domain-id', '--output'], cursor: 't', expected: ['text', 'table'] },
    { name: 'a flag takes no value', words: [...OP, '--debug'], cursor: '--job', expected: ['--job-name'] },
    { name: 'a skeleton choice is its value', words: [...OP, '--generate-cli-skeleton', 'input'], cursor: '--gen', expected: [] },
    { name: 'nothing for a non-option word after the operation', words: OP, cursor: 'x', expected: [] },
  ])('completes $name', ({ words, cursor, expected }) => {
    expect(complete(words, cursor, COMMANDS)).toEqual(expected);
  });

  it('after the operation offers its options first, then the global options', () => {
    const found = complete(OP, '', COMMANDS);
    expect(found.slice(0, OPERATION_FLAGS.length)).toEqual(OPERATION_FLAGS);
    expect(found).toContain('--cli-auto-prompt');
    expect(found).toHaveLength(OPERATION_FLAGS.length + 18);
  });

  it.each([
    { name: '--cli-error-format', words: OP, cursor: '--cli-e', expected: { '2.9.19': [], '2.36.7': ['--cli-error-format'] } },
    { name: 'its values', words: [...OP, '--cli-error-format'], cursor: 'e', expected: { '2.9.19': [], '2.36.7': ['enhanced'] } },
    { name: '--output off', words: [...OP, '--output'], cursor: 'o', expected: { '2.9.19': [], '2.36.7': ['off'] } },
  ] as const)('offers $name only in the generation that has it', ({ words, cursor, expected }) => {
    for (const generation of ['2.9.19', '2.36.7'] as const) {
      expect(complete(words, cursor, { model: MODELS[generation], generation })).toEqual(expected[generation]);
    }
  });
});

describe(wordContext.name, () => {
  it('tells which option a value belongs to', () => {
    const context = wordContext([...OP, '--enrollment-config'], COMMANDS);
    expect(context).toMatchObject({ kind: 'value', option: { flag: '--enrollment-config', member: 'EnrollmentConfig', scope: 'operation' } });
  });

  it('does not know operation options before the operation', () => {
    expect(wordContext(['--domain-id'], COMMANDS)).toMatchObject({ kind: 'service' });
  });
});

describe(completionCommand.name, () => {
  it('prints the scripts', () => {
    expect(completionCommand(['completion', 'bash'], COMMANDS)).toEqual({ stdout: completionScript('bash'), stderr: '', exitCode: 0 });
    expect(completionCommand(['completion', 'zsh'], COMMANDS)).toEqual({ stdout: completionScript('zsh'), stderr: '', exitCode: 0 });
  });

  it('rejects other shells with a usage line and 252', () => {
    expect(completionCommand(['completion', 'fish'], COMMANDS)).toEqual({ stdout: '', stderr: 'usage: aws-voiceid completion {bash,zsh}\n', exitCode: 252 });
    expect(completionCommand(['completion'], COMMANDS)).toMatchObject({ exitCode: 252 });
  });

  it('answers __complete with one candidate a line; the last argument is the word being typed', () => {
    expect(completionCommand(['__complete', ...OP, '--output', 'ta'], COMMANDS)).toEqual({ stdout: 'table\n', stderr: '', exitCode: 0 });
    expect(completionCommand(['__complete'], COMMANDS)).toEqual({ stdout: 'voice-id\nvoiceid\n', stderr: '', exitCode: 0 });
  });

  it('leaves every other command line alone', () => {
    expect(completionCommand(OP, COMMANDS)).toBeUndefined();
    expect(completionCommand([], COMMANDS)).toBeUndefined();
  });
});

describe(completionScript.name, () => {
  it('registers a bash function that asks __complete, and a zsh compdef', () => {
    expect(completionScript('bash')).toContain('complete -o default -F _aws_voiceid_complete aws-voiceid\n');
    expect(completionScript('bash')).toContain(' __complete ');
    expect(completionScript('zsh').startsWith('#compdef aws-voiceid\n')).toBe(true);
  });
});
