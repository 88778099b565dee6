// help through run(): the operation's manual, byte-identical to the reference's groff output
// through the pager the reference would use; plain text when no pager is set and stdout is not
// a terminal; raw bytes and a newline when the pager cannot start.
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

  it.each([[['help']], [['voice-id', 'help']]])('renders %j', async (argv) => {
    const io = createMemoryIo({ env: baseEnv() });
    expect(await run(argv, io)).toBe(0);
    expect(io.stdout()).toMatch(/^NAME\n/m);
    expect(io.stdout()).toContain('start-speaker-enrollment-job');
  });
});
