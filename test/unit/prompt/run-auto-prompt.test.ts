import { describe, expect, it } from 'vitest';
import { runAutoPrompt } from '../../../src/prompt/run-auto-prompt.js';
import { createScriptedPromptIo } from '../../helpers/scripted-prompt-io.js';
import { MODELS } from '../../helpers/models.js';

const MODEL = MODELS['2.9.19'];
const COMMANDS = { model: MODEL, generation: '2.9.19' } as const;

const OP = ['voice-id', 'start-speaker-enrollment-job'];

describe(runAutoPrompt.name, () => {
  it('returns the argv built and prints it as the command line', async () => {
    const io = createScriptedPromptIo(['--dom', '\t', '\r', 'd-1\r', '--output ', 'ya', '\t', '\r', '\r']);
    const argv = await runAutoPrompt([...OP, '--cli-auto-prompt'], io, COMMANDS);
    expect(argv).toEqual([...OP, '--domain-id', 'd-1', '--output', 'yaml']);
    expect(io.stdout()).toBe('> aws-voiceid voice-id start-speaker-enrollment-job --domain-id d-1 --output yaml\n');
    expect(io.stderr()).toBe('');
    expect(io.stopped()).toBe(true);
  });

  it('draws the prompt, then erases it before printing the command line', async () => {
    const io = createScriptedPromptIo(['\r']);
    await runAutoPrompt(OP, io, COMMANDS);
    expect(io.drawn().startsWith('\r\x1b[J> aws-voiceid voice-id start-speaker-enrollment-job \r\n')).toBe(true);
    expect(io.drawn().endsWith('\r\x1b[J')).toBe(true);
  });

  it('uses the program name given', async () => {
    const io = createScriptedPromptIo(['--job-name a b\r\r']);
    expect(await runAutoPrompt(OP, io, COMMANDS, { programName: 'aws' })).toEqual([...OP, '--job-name', 'a b']);
    expect(io.stdout()).toBe("> aws voice-id start-speaker-enrollment-job --job-name 'a b'\n");
  });

  it.each([
    ['Ctrl-C', '\x03'],
    ['Ctrl-D', '\x04'],
  ])('when %s is pressed then it returns undefined and writes the line as it stood to stderr', async (_name, key) => {
    const io = createScriptedPromptIo(['--domain-id d\r', '--job', key, 'never read']);
    expect(await runAutoPrompt(OP, io, COMMANDS)).toBeUndefined();
    expect(io.stderr()).toBe('> aws-voiceid voice-id start-speaker-enrollment-job --domain-id d --job\n');
    expect(io.stdout()).toBe('');
  });

  it('when the input closes then it cancels', async () => {
    const io = createScriptedPromptIo(['--job-name x'], { endInput: true });
    expect(await runAutoPrompt(OP, io, COMMANDS)).toBeUndefined();
    expect(io.stderr()).toBe('> aws-voiceid voice-id start-speaker-enrollment-job --job-name x\n');
  });
});
