import { describe, expect, it } from 'vitest';
import { parseKeys } from '../../../src/prompt/keys.js';
import { createPromptState, missingRequired, reducePrompt, type PromptState } from '../../../src/prompt/state.js';
import { MODELS } from '../../helpers/models.js';

const MODEL = MODELS['2.9.19'];
const COMMANDS = { model: MODEL, generation: '2.9.19' } as const;

const OP = ['voice-id', 'start-speaker-enrollment-job'];

/** The state after typing `chunks` (raw terminal input) from argv `args`. */
function typed(args: readonly string[], ...chunks: string[]): PromptState {
  let state = createPromptState(args, COMMANDS);
  for (const chunk of chunks) for (const key of parseKeys(chunk)) state = reducePrompt(state, key);
  return state;
}

describe(createPromptState.name, () => {
  it('starts from the argv and drops the first --cli-auto-prompt, as the reference does', () => {
    const state = createPromptState([...OP, '--cli-auto-prompt', '--domain-id', 'd'], COMMANDS);
    expect(state).toMatchObject({ tokens: [...OP, '--domain-id', 'd'], line: '', status: 'editing' });
    expect(state.pending).toBeUndefined();
  });

  it('when the argv ends with an option that takes a value then it prompts for that value', () => {
    expect(createPromptState([...OP, '--job-name'], COMMANDS)).toMatchObject({ tokens: OP, pending: '--job-name' });
    expect(createPromptState(['--output'], COMMANDS)).toMatchObject({ tokens: [], pending: '--output' });
  });
});

describe(reducePrompt.name, () => {
  it('completes a parameter name with Tab and takes its value after Enter', () => {
    expect(typed(OP, '--dom', '\t')).toMatchObject({ line: '--domain-id', tokens: OP });
    expect(typed(OP, '--dom', '\t').pending).toBeUndefined();
    const state = typed(OP, '--dom', '\t', '\r', 'abcdefghij0123456789AB', '\r');
    expect(state).toMatchObject({ tokens: [...OP, '--domain-id', 'abcdefghij0123456789AB'], line: '' });
  });

  it('accepts a name typed without its dashes, or by a part of it', () => {
    expect(typed(OP, 'domain-id\r')).toMatchObject({ pending: '--domain-id' });
    expect(typed(OP, 'role\t')).toMatchObject({ line: '--data-access-role-arn' });
    expect(typed(OP, 'job-n\r')).toMatchObject({ pending: '--job-name' });
  });

  it('when several names match then Tab extends to their common prefix and lists them', () => {
    const state = typed(OP, '--cli-i', '\t');
    expect(state.line).toBe('--cli-input-');
    expect(state.menu).toEqual(['--cli-input-json', '--cli-input-yaml']);
    expect(typed(OP, '--cli-i\t', 'y\t').line).toBe('--cli-input-yaml');
  });

  it('does not offer the auto-prompt switches, as the reference filters them out', () => {
    expect(typed(OP, 'auto-prompt\t')).toMatchObject({ message: 'No completions.' });
  });

  it('a space finishes a name, as on a command line, and the rest is the value', () => {
    const state = typed(OP, '--output ta');
    expect(state).toMatchObject({ pending: '--output', line: 'ta' });
    expect(typed(OP, '--output ta', '\t', '\r').tokens).toEqual([...OP, '--output', 'table']);
  });

  it('completes the choices of --color, --cli-binary-format and --generate-cli-skeleton', () => {
    expect(typed(OP, '--color ', 'of\t').line).toBe('off');
    expect(typed(OP, '--cli-binary-format ', 'r\t').line).toBe('raw-in-base64-out');
    expect(typed(OP, '--generate-cli-skeleton ', 'y\t').line).toBe('yaml-input');
    expect(typed(OP, '--output ', '\t').menu).toEqual(['json', 'text', 'table', 'yaml', 'yaml-stream']);
  });

  it('completes shorthand keys and their enum values, nested ones too', () => {
    const config = [...OP, '--enrollment-config'];
    expect(typed(config, 'Ex\t').line).toBe('ExistingEnrollmentAction=');
    expect(typed(config, 'Ex\t', 'SK\t').line).toBe('ExistingEnrollmentAction=SKIP');
    expect(typed(config, 'ExistingEnrollmentAction=SKIP,Fr\t').line).toBe('ExistingEnrollmentAction=SKIP,FraudDetectionConfig=');
    expect(typed(config, 'FraudDetectionConfig={FraudDetectionAction=IG\t').line).toBe('FraudDetectionConfig={FraudDetectionAction=IGNORE');
    expect(typed([...OP, '--input-data-config'], '\t').line).toBe('S3Uri=');
  });

  it('says so when Tab has nothing to offer', () => {
    expect(typed(OP, '--domain-id ', '\t')).toMatchObject({ line: '', message: 'No completions.' });
  });

  it('when the line is empty then Enter finishes with the command line built', () => {
    const state = typed(OP, '--domain-id d\r', '--debug\r', '\r');
    expect(state).toMatchObject({ status: 'done', tokens: [...OP, '--domain-id', 'd', '--debug'] });
  });

  it('keeps spaces and quotes inside a value', () => {
    expect(typed(OP, "--job-name my job's name\r").tokens).toEqual([...OP, '--job-name', "my job's name"]);
  });

  it('when a value is empty then Enter asks for it, except for --generate-cli-skeleton whose value is optional', () => {
    expect(typed(OP, '--domain-id\r', '\r')).toMatchObject({
      pending: '--domain-id',
      status: 'editing',
      message: 'Type a value for --domain-id, or press Backspace to remove it.',
    });
    expect(typed(OP, '--generate-cli-skeleton\r', '\r').tokens).toEqual([...OP, '--generate-cli-skeleton']);
  });

  it('Backspace on an empty line takes the previous word back for editing', () => {
    const base = [...OP, '--output', 'json'];
    expect(typed(base, '\x7f')).toMatchObject({ tokens: OP, pending: '--output', line: 'json' });
    expect(typed(base, '\x7f', '\x7f')).toMatchObject({ pending: '--output', line: 'jso' });
    expect(typed(base, '\x7f'.repeat(6))).toMatchObject({ tokens: OP, pending: undefined, line: '--output' });
    expect(typed([...OP, '--debug'], '\x7f')).toMatchObject({ tokens: OP, line: '--debug' });
  });

  it('Ctrl-U clears the line and Ctrl-W deletes the last word', () => {
    expect(typed(OP, '--job-name', '\x15').line).toBe('');
    expect(typed(OP, '--job-name a b', '\x17').line).toBe('a ');
  });

  it('Ctrl-C and Ctrl-D cancel, and keys after that change nothing', () => {
    expect(typed(OP, '--do', '\x03').status).toBe('cancelled');
    expect(typed(OP, '\x04', 'x').status).toBe('cancelled');
    expect(typed(OP, '\x04', 'x').line).toBe('');
  });

  it('ignores arrows and other escape sequences', () => {
    expect(typed(OP, '--job\x1b[A\x1b[D\x1bOP-name')).toMatchObject({ line: '--job-name' });
  });

  it('reports unknown and repeated parameters', () => {
    expect(typed(OP, '--bogus\r')).toMatchObject({ message: 'Unknown parameter "--bogus".', line: '--bogus' });
    expect(typed([...OP, '--debug'], '--debug\r').message).toBe('--debug is already on the command line (Backspace edits it).');
  });

  it("takes a list option's values as a shell splits them, none for an empty list", () => {
    const untag = ['voice-id', 'untag-resource'];
    expect(typed(untag, '--tag-keys\r', `team 'cost center'\r`).tokens).toEqual([...untag, '--tag-keys', 'team', 'cost center']);
    expect(typed(untag, '--tag-keys\r', '\r').tokens).toEqual([...untag, '--tag-keys']);
    expect(typed(untag, '--tag-keys\r', `'team\r`).message).toBe('No closing quotation in the values of --tag-keys.');
  });

  it('from an empty argv it asks for the service and the operation first', () => {
    expect(typed([], 'voice\t')).toMatchObject({ line: 'voice', menu: ['voice-id', 'voiceid'] });
    expect(typed([], 'voice-\t\r', 'start\t')).toMatchObject({ line: 'start-' });
    expect(typed([], 'voice-\t\r', 'start-sp\t\r')).toMatchObject({ tokens: OP, line: '' });
    expect(typed([], 'ec2\r').message).toBe('Unknown service "ec2": this CLI implements voice-id / voiceid.');
    expect(typed([], '--region us-west-2\r', 'voiceid\r').tokens).toEqual(['--region', 'us-west-2', 'voiceid']);
  });
});

describe(missingRequired.name, () => {
  it('lists the required options not given yet, none with --cli-input-json', () => {
    expect(missingRequired(typed(OP, '--domain-id d\r')).map((o) => o.flag)).toEqual(['--data-access-role-arn', '--input-data-config', '--output-data-config']);
    expect(missingRequired(typed([...OP, '--cli-input-json', '{}']))).toEqual([]);
  });
});
