// help through run(): the operation's manual, byte-identical to the reference's groff output
// through the pager the reference would use; plain text when no pager is set and stdout is not
// a terminal; raw bytes and a newline when the pager cannot start; Python's error (exit 255) for
// a pager that shlex cannot split or that splits into nothing.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../src/main.js';
import { createMemoryIo } from '../helpers/memory-io.js';
import { baseEnv } from '../helpers/run-cli.js';
import { REPO_ROOT } from '../helpers/golden.js';

const MANUAL = readFileSync(join(REPO_ROOT, 'fixtures/help/help-start-speaker-enrollment-job.groff-ascii.txt'), 'utf8');
const PLAIN = readFileSync(join(REPO_ROOT, 'fixtures/help/help-start-speaker-enrollment-job.plain.txt'), 'utf8');
const HELP = ['voice-id', 'start-speaker-enrollment-job', 'help'];

describe('help', () => {
  it('goes through MANPAGER before PAGER, with the reference bytes', async () => {
    const io = createMemoryIo({ env: baseEnv({ MANPAGER: 'most', PAGER: 'cat' }) });
    expect(await run(HELP, io)).toBe(0);
    expect(io.pagerRuns[0]?.argv).toEqual(['most']);
    expect(io.pagerRuns[0]?.text).toBe(MANUAL);
  });

  it("follows the generation: AWS_VOICEID_COMPAT=2.36.7 shows 2.36.7's page of the final model", async () => {
    const io = createMemoryIo({ env: baseEnv({ AWS_VOICEID_COMPAT: '2.36.7', PAGER: 'cat' }) });
    expect(await run(HELP, io)).toBe(0);
    expect(io.pagerRuns[0]?.text).toBe(readFileSync(join(REPO_ROOT, 'fixtures/help/help-start-speaker-enrollment-job-2.36.7.groff-ascii.txt'), 'utf8'));
  });

  it('uses less -R on a terminal by default', async () => {
    const io = createMemoryIo({ env: baseEnv(), stdoutIsTTY: true });
    await run(HELP, io);
    expect(io.pagerRuns[0]?.argv).toEqual(['less', '-R']);
  });

  it('prints plain text when no pager is set and stdout is not a terminal', async () => {
    const io = createMemoryIo({ env: baseEnv() });
    await run(HELP, io);
    expect(io.pagerRuns).toHaveLength(0);
    expect(io.stdout()).toBe(PLAIN);
  });

  it('writes the raw manual and a newline when the pager cannot start', async () => {
    const io = createMemoryIo({ env: baseEnv({ PAGER: '/nonexistent/pager' }), pagerFails: true });
    expect(await run(HELP, io)).toBe(0);
    expect(io.stdout()).toBe(`${MANUAL}\n`);
  });

  it.each([
    ['an unclosed quote in MANPAGER', { MANPAGER: 'less "-R', PAGER: 'cat' }, 'No closing quotation'],
    ['an unclosed quote in PAGER', { PAGER: "less '-R" }, 'No closing quotation'],
    ['a trailing backslash in MANPAGER', { MANPAGER: 'less \\' }, 'No escaped character'],
    ['a MANPAGER of blanks', { MANPAGER: '  ', PAGER: 'cat' }, 'list index out of range'],
    ['an empty MANPAGER', { MANPAGER: '' }, 'list index out of range'],
  ])('with %s is exit 255, as help.py lets the Python error through', async (_name, env, message) => {
    const io = createMemoryIo({ env: baseEnv(env) });
    expect(await run(HELP, io)).toBe(255);
    expect(io.stderr()).toBe(`\n${message}\n`);
    expect(io.stdout()).toBe('');
    expect(io.pagerRuns).toHaveLength(0);
  });

  it('splits the pager as Python shlex.split does', async () => {
    const io = createMemoryIo({ env: baseEnv({ MANPAGER: String.raw`/bin/sh -c 'head "$@"' "a\$b" c\ d`, PAGER: 'less "' }) });
    expect(await run(HELP, io)).toBe(0);
    expect(io.pagerRuns[0]?.argv).toEqual(['/bin/sh', '-c', 'head "$@"', String.raw`a\$b`, 'c d']);
  });

  it.each([
    [['help'], 'voice-id commands are implemented here'],
    [['voice-id', 'help'], 'start-speaker-enrollment-job'],
  ])('renders %j', async (argv, shown) => {
    const io = createMemoryIo({ env: baseEnv() });
    expect(await run(argv, io)).toBe(0);
    expect(io.stdout()).toMatch(/^NAME\n/m);
    expect(io.stdout()).toContain(shown);
  });
});
