// Auto-prompt through run(): on a terminal the prompt completes the command line, which then
// runs; on-partial prompts only for an incomplete command line; without a terminal the
// reference's warning and exit 255.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/main.js';
import { startFakeVoiceId, type FakeVoiceId } from '../helpers/fake-voiceid.js';
import { createMemoryIo } from '../helpers/memory-io.js';
import { baseEnv, OPERATION, REQUIRED_ARGS } from '../helpers/run-cli.js';

let fake: FakeVoiceId;
beforeAll(async () => {
  fake = await startFakeVoiceId();
});
afterAll(() => fake.close());
beforeEach(() => fake.script());

const withoutDomain = REQUIRED_ARGS.slice(2);

describe('auto-prompt', () => {
  it('on a terminal, completes the missing --domain-id, prints the command line and runs it', async () => {
    const io = createMemoryIo({ env: baseEnv(), stdinIsTTY: true, promptKeys: ['--domain-id', ' ', 'abcdefghij0123456789AB', '\r', '\r'] });
    const code = await run(['--cli-auto-prompt', '--endpoint-url', fake.url, ...OPERATION, ...withoutDomain], io);
    expect(code).toBe(0);
    expect(fake.requests).toHaveLength(1);
    expect(JSON.parse(fake.requests[0]!.body).DomainId).toBe('abcdefghij0123456789AB');
    expect(io.stdout()).toContain('"JobId": "job-0123456789abcdefghijk"');
  });

  it('on-partial runs a complete command line without prompting', async () => {
    const io = createMemoryIo({ env: baseEnv({ AWS_CLI_AUTO_PROMPT: 'on-partial' }), stdinIsTTY: true, promptKeys: [] });
    const code = await run(['--endpoint-url', fake.url, ...OPERATION, ...REQUIRED_ARGS], io);
    expect(code).toBe(0);
    expect(fake.requests).toHaveLength(1);
  });

  it('Ctrl-C in the prompt exits 130 and sends nothing', async () => {
    const io = createMemoryIo({ env: baseEnv(), stdinIsTTY: true, promptKeys: ['\x03'] });
    const code = await run(['--cli-auto-prompt', '--endpoint-url', fake.url, ...OPERATION], io);
    expect(code).toBe(130);
    expect(fake.requests).toHaveLength(0);
  });

  it('without a terminal, prints the reference warning and exits 255', async () => {
    const io = createMemoryIo({ env: baseEnv() });
    const code = await run(['--cli-auto-prompt', '--endpoint-url', fake.url, ...OPERATION, ...REQUIRED_ARGS], io);
    expect(code).toBe(255);
    expect(io.stderr()).toBe('Warning: Input is not a terminal (fd=0).\n\n\n');
  });
});
