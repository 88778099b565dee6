// The pager as AWS CLI v2 uses it: only on a terminal, AWS_PAGER > cli_pager > PAGER > less,
// LESS=FRX unless set, --no-cli-pager and an empty pager turn it off, empty output never starts
// it, and a pager that cannot start is exit 253. The pager itself is a fake recorded by MemoryIo.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/main.js';
import { startFakeVoiceId, type FakeVoiceId } from '../helpers/fake-voiceid.js';
import { createMemoryIo, type MemoryIoOptions } from '../helpers/memory-io.js';
import { baseEnv, OPERATION, REQUIRED_ARGS } from '../helpers/run-cli.js';

let fake: FakeVoiceId;
let dir: string;
beforeAll(async () => {
  fake = await startFakeVoiceId();
  dir = await mkdtemp(join(tmpdir(), 'pager-'));
  await writeFile(join(dir, 'config'), '[default]\ncli_pager = most -s\n');
});
afterAll(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => fake.script());

async function runWith(options: MemoryIoOptions, extra: string[] = []) {
  const io = createMemoryIo({ stdoutIsTTY: true, stdoutColumns: 100, ...options });
  const code = await run(['--endpoint-url', fake.url, ...OPERATION, ...REQUIRED_ARGS, ...extra], io);
  return { code, io };
}

describe('the pager', () => {
  it('pages through less with LESS=FRX on a terminal by default', async () => {
    const { code, io } = await runWith({ env: baseEnv() });
    expect(code).toBe(0);
    expect(io.pagerRuns).toHaveLength(1);
    expect(io.pagerRuns[0]?.argv).toEqual(['less']);
    expect(io.pagerRuns[0]?.text).toContain('"JobId": "job-0123456789abcdefghijk"');
    expect(io.stdout()).toBe('');
  });

  it('never pages when stdout is not a terminal', async () => {
    const { io } = await runWith({ env: baseEnv({ AWS_PAGER: 'less' }), stdoutIsTTY: false });
    expect(io.pagerRuns).toHaveLength(0);
    expect(io.stdout()).toContain('"JobId"');
  });

  it.each([
    ['AWS_PAGER before cli_pager and PAGER', true, { AWS_PAGER: 'cat -v', PAGER: 'more' }, ['cat', '-v']],
    ['cli_pager before PAGER', true, { PAGER: 'more' }, ['most', '-s']],
    ['PAGER when nothing else is set, split as a shell would', false, { PAGER: "pg '-p x'" }, ['pg', '-p x']],
  ] as const)('takes %s', async (_name, withConfig, env, argv) => {
    const { io } = await runWith({ env: baseEnv({ ...(withConfig ? { AWS_CONFIG_FILE: join(dir, 'config') } : {}), ...env }) });
    expect(io.pagerRuns[0]?.argv).toEqual(argv);
  });

  it('is off with --no-cli-pager or an empty AWS_PAGER', async () => {
    const flag = await runWith({ env: baseEnv() }, ['--no-cli-pager']);
    const empty = await runWith({ env: baseEnv({ AWS_PAGER: '' }) });
    expect(flag.io.pagerRuns).toHaveLength(0);
    expect(empty.io.pagerRuns).toHaveLength(0);
    expect(flag.io.stdout()).toContain('"JobId"');
  });

  it('is not started for empty output', async () => {
    fake.script([{ status: 200, body: {} }]);
    const { io } = await runWith({ env: baseEnv() });
    expect(io.pagerRuns).toHaveLength(0);
  });

  it('that cannot start is exit 253 with the reference message', async () => {
    const { code, io } = await runWith({ env: baseEnv({ AWS_PAGER: '/nonexistent/pager' }), pagerFails: true });
    expect(code).toBe(253);
    expect(io.stderr()).toBe(
      "\nUnable to redirect output to pager. Received the following error when opening pager:\n[Errno 2] No such file or directory: '/nonexistent/pager'\n\nLearn more about configuring the output pager by running \"aws help config-vars\".\n",
    );
  });

  it('gets the colour table without the colorama resets', async () => {
    const { io } = await runWith({ env: baseEnv() }, ['--output', 'table', '--query', 'Job.OutputDataConfig']);
    const text = io.pagerRuns[0]?.text ?? '';
    expect(text).toContain('\x1b[1m\x1b[34m');
    expect(text).not.toContain('\x1b[0m\x1b[0m');
  });
});
