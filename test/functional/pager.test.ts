// The pager as AWS CLI v2 uses it: only on a terminal, AWS_PAGER > cli_pager > PAGER > less,
// split by Python's shlex (an unclosed quote is exit 255), LESS=FRX unless set, --no-cli-pager
// and an empty pager turn it off, empty output never starts it, and a pager that does not exist
// is exit 253. The pager itself is a fake recorded by MemoryIo.
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
    ['PAGER when nothing else is set, split by shlex', false, { PAGER: "pg '-p x'" }, ['pg', '-p x']],
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
      '\nUnable to redirect output to pager. Received the following error when opening pager:\n[Errno 2] No such file or directory: \'/nonexistent/pager\'\n\nLearn more about configuring the output pager by running "aws help config-vars".\n',
    );
  });

  it.each([
    ['keeps a backslash before $ inside double quotes', String.raw`/bin/echo "a\$b"`, ['/bin/echo', String.raw`a\$b`]],
    ['takes a backslash outside quotes as an escape', String.raw`/bin/echo a\$b\ c`, ['/bin/echo', 'a$b c']],
    ['keeps an empty quoted word', `pg '' ""`, ['pg', '', '']],
    ['splits only on blanks, tabs and newlines', 'pg\x0ba\u00a0b', ['pg\x0ba\u00a0b']],
  ])('%s, as Python shlex.split does', async (_name, pager, argv) => {
    const { code, io } = await runWith({ env: baseEnv({ AWS_PAGER: pager }) });
    expect(code).toBe(0);
    expect(io.pagerRuns[0]?.argv).toEqual(argv);
  });

  it.each([
    ['an unclosed double quote', 'less "-R', 'No closing quotation'],
    ['an unclosed single quote', "less '-R", 'No closing quotation'],
    ['a trailing backslash', 'less \\', 'No escaped character'],
  ])('with %s is exit 255 after the call, even for empty output', async (_name, pager, message) => {
    for (const body of [undefined, {}]) {
      fake.script(body === undefined ? undefined : [{ status: 200, body }]);
      const { code, io } = await runWith({ env: baseEnv({ PAGER: pager }) });
      expect(code).toBe(255);
      expect(io.stderr()).toBe(`\n${message}\n`);
      expect(io.stdout()).toBe('');
      expect(io.pagerRuns).toHaveLength(0);
      expect(fake.requests).toHaveLength(1);
    }
  });

  it('of blanks only is IndexError (exit 255), but only once there is output to page', async () => {
    const some = await runWith({ env: baseEnv({ AWS_PAGER: ' \t ' }) });
    expect([some.code, some.io.stderr()]).toEqual([255, '\nlist index out of range\n']);
    fake.script([{ status: 200, body: {} }]);
    const none = await runWith({ env: baseEnv({ AWS_PAGER: ' \t ' }) });
    expect([none.code, none.io.stderr(), none.io.stdout()]).toEqual([0, '', '']);
  });

  it('that cannot start for another reason than a missing program prints nothing and exits 0', async () => {
    const { code, io } = await runWith({ env: baseEnv({ AWS_PAGER: "''" }), pagerFails: 'EACCES' });
    expect([code, io.stdout(), io.stderr()]).toEqual([0, '', '']);
  });

  it('gets the colour table without the colorama resets', async () => {
    const { io } = await runWith({ env: baseEnv() }, ['--output', 'table', '--query', 'Job.OutputDataConfig']);
    const text = io.pagerRuns[0]?.text ?? '';
    expect(text).toContain('\x1b[1m\x1b[34m');
    expect(text).not.toContain('\x1b[0m\x1b[0m');
  });
});
