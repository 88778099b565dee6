// The README's "A whole enrollment batch with the real AWS CLI v2", run as written: its shell
// blocks in order, with the built voiceid-local for `npx voiceid-local`, a free port for 8400 and
// /usr/bin/aws (AWS CLI 2.9.19) as `aws`; skipped where that CLI or python3 (the WAV maker) is
// missing. A scratch folder as HOME and working directory; loopback only.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/golden.js';

const HAS_CLI = existsSync('/usr/bin/aws') && existsSync('/usr/bin/python3');
const SECTION = '#### A whole enrollment batch with the real AWS CLI v2';

/** The section's shell blocks, made runnable here. */
function walkthroughScript(port: number): string {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(SECTION);
  // Up to the next heading outside a code block: the next `### `.
  const section = readme.slice(start, readme.indexOf('\n### ', start + SECTION.length));
  const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  const script = blocks
    .join('\n')
    .replaceAll('npx voiceid-local', `node ${join(REPO_ROOT, 'bin/voiceid-local.js')}`)
    .replaceAll('8400', String(port))
    // Wait for the URL line instead of a guessed time: the first line of stdout, here the log's neighbour.
    .replace(/(2>batch\/requests\.log) &/, `$1 >batch/stdout.log &\nuntil grep -q listening batch/stdout.log 2>/dev/null; do sleep 0.05; done`);
  return `set -eu\n${script}\nkill %1\nwait\n`;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.skipIf(!HAS_CLI)('the README walkthrough of a whole enrollment batch', () => {
  const dir = mkdtempSync(join(tmpdir(), 'voiceid-walkthrough-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs as written: the job ends COMPLETED_WITH_ERRORS, its output file and the speakers are there', async () => {
    const script = walkthroughScript(await freePort());
    const { stdout } = await promisify(execFile)('bash', ['-c', script], {
      cwd: dir,
      env: { PATH: '/usr/bin:/bin', HOME: dir, LANG: 'C.UTF-8' },
      timeout: 120_000,
    });
    expect(stdout).toContain('COMPLETED_WITH_ERRORS\n');
    expect(stdout).toMatch(/"RequestId": "req-3",\s+"ErrorCode": 404/);
    expect(stdout).toMatch(/^alice\t\S{22}\tENROLLED$/m);
    expect(stdout).toMatch(/^bob\t\S{22}\tENROLLED$/m);
    expect(readFileSync(join(dir, 'batch/requests.log'), 'utf8')).toContain(' POST ListSpeakers 200 ');
  }, 150_000);
});
