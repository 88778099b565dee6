import { describe, expect, it } from 'vitest';
import { parseKeys } from '../../../src/prompt/keys.js';
import { createPromptState, reducePrompt, type PromptState } from '../../../src/prompt/state.js';
import { clip, inputLine, KEY_LEGEND, renderPrompt, wrap } from '../../../src/prompt/view.js';
import { MODELS } from '../../helpers/models.js';

const MODEL = MODELS['2.9.19'];
const COMMANDS = { model: MODEL, generation: '2.9.19' } as const;

const OP = ['voice-id', 'start-speaker-enrollment-job'];
const VIEW = { columns: 200, rows: 40, programName: 'aws-voiceid' };

function typed(args: readonly string[], ...chunks: string[]): PromptState {
  let state = createPromptState(args, COMMANDS);
  for (const chunk of chunks) for (const key of parseKeys(chunk)) state = reducePrompt(state, key);
  return state;
}

describe(renderPrompt.name, () => {
  it('lists the parameters, required ones first and marked, with their type and one-line documentation', () => {
    const { lines } = renderPrompt(createPromptState(OP, COMMANDS), VIEW);
    expect(lines[0]).toBe('> aws-voiceid voice-id start-speaker-enrollment-job ');
    expect(lines[1]).toBe('Missing required parameters: --data-access-role-arn, --domain-id, --input-data-config, --output-data-config');
    expect(lines[2]).toBe(
      "  --data-access-role-arn (required)  [string] The IAM role Amazon Resource Name (ARN) that grants Voice ID permissions to access customer's buckets to read the input manifest file and write the jo...",
    );
    expect(lines[3]).toMatch(/^ {2}--domain-id \(required\) +\[string\] The identifier of the domain/);
    expect(lines[6]).toMatch(/^ {2}--client-token +\[string\] The idempotency token/);
    expect(lines).toContain(`  ${'--job-name'.padEnd(35)}[string] A name for your speaker enrollment job.`);
    expect(lines[lines.length - 1]).toBe(KEY_LEGEND);
  });

  it('shows at most 16 rows of parameters, then how many more there are', () => {
    const { lines } = renderPrompt(createPromptState(OP, COMMANDS), VIEW);
    expect(lines).toHaveLength(1 + 1 + 16 + 1);
    expect(lines[17]).toBe('  ... and 11 more (type to narrow the list)');
  });

  it('narrows the list to the names matching what is typed', () => {
    const { lines } = renderPrompt(typed(OP, 'timeout'), VIEW);
    expect(lines.slice(2, -1).map((l) => l.trim().split(' ')[0])).toEqual(['--cli-read-timeout', '--cli-connect-timeout']);
  });

  it('shows the documentation, shorthand syntax and enum values of the parameter whose value is typed', () => {
    const { lines } = renderPrompt(typed(OP, '--enrollment-config '), { ...VIEW, columns: 80 });
    expect(lines.slice(1)).toEqual([
      'Type the value of --enrollment-config, then Enter (Backspace on an empty val...',
      '--enrollment-config [structure]',
      '  The enrollment config that contains details such as the action to take when a',
      '  speaker is already enrolled in Voice ID or when a speaker is identified as a',
      '  fraudster.',
      '  Shorthand Syntax: ExistingEnrollmentAction=string,FraudDetectionConfig={Fr...',
      '    ExistingEnrollmentAction: SKIP | OVERWRITE',
      '    FraudDetectionConfig.FraudDetectionAction: IGNORE | FAIL',
      KEY_LEGEND,
    ]);
  });

  it('shows the choices of a global option', () => {
    const { lines } = renderPrompt(typed(OP, '--output '), VIEW);
    expect(lines).toContain('  Values: json | text | table | yaml | yaml-stream');
  });

  it('shows the candidates of an ambiguous Tab, and the message of the last key', () => {
    const { lines } = renderPrompt(typed(OP, '--cli-i\t'), VIEW);
    expect(lines[0]).toBe('> aws-voiceid voice-id start-speaker-enrollment-job --cli-input-');
    expect(lines.slice(2, 4).map((l) => l.trim().split(' ')[0])).toEqual(['--cli-input-json', '--cli-input-yaml']);
    expect(renderPrompt(typed(OP, '--nope\r'), VIEW).lines[1]).toBe('Unknown parameter "--nope".');
  });

  it('when every required parameter is given then it says Enter runs the command', () => {
    const state = typed([...OP, '--cli-input-json', '{}']);
    expect(renderPrompt(state, VIEW).lines[1]).toBe('Enter on an empty line runs the command.');
    expect(renderPrompt(state, VIEW).lines.join('\n')).not.toContain('(required)');
  });

  it('asks for the service and then the operation', () => {
    expect(renderPrompt(createPromptState([], COMMANDS), VIEW).lines.slice(0, 4)).toEqual([
      '> aws-voiceid ',
      'Type the service name (Tab completes it).',
      '  voice-id',
      '  voiceid',
    ]);
    expect(renderPrompt(createPromptState(['voiceid'], COMMANDS), VIEW).lines.slice(1, 4)).toEqual([
      'Type the operation name (Tab completes it).',
      '  describe-speaker-enrollment-job',
      '  start-speaker-enrollment-job',
    ]);
  });

  it('keeps the whole screen within the terminal rows', () => {
    const { lines } = renderPrompt(createPromptState(OP, COMMANDS), { ...VIEW, rows: 8 });
    expect(lines).toHaveLength(7);
    expect(lines[5]).toBe('  ... and 23 more (type to narrow the list)');
  });
});

describe(inputLine.name, () => {
  it('quotes the arguments as a shell would need them', () => {
    expect(inputLine(typed([...OP, '--job-name', 'a b'], '--out'), 'aws')).toBe("> aws voice-id start-speaker-enrollment-job --job-name 'a b' --out");
  });
});

describe(clip.name, () => {
  it('cuts long lines with an ellipsis', () => {
    expect(clip('abcdef', 6)).toBe('abcdef');
    expect(clip('abcdefg', 6)).toBe('abc...');
  });
});

describe(wrap.name, () => {
  it('breaks between words', () => {
    expect(wrap('aa bb cc dd', 5)).toEqual(['aa bb', 'cc dd']);
  });
});
