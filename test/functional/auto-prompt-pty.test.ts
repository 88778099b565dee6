// The auto-prompt through a real pseudo-terminal (python3's pty.spawn in front of
// test/helpers/prompt-harness.ts, which runs runAutoPrompt over nodePromptIo), and the bash
// completion script run by bash with COMP_LINE/COMP_POINT set as bash sets them.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { completionScript } from '../../src/cli/completion.js';
import { EVENT_MS, timeoutFor } from '../helpers/budget.js';

const ROOT = resolve(import.meta.dirname, '../..');
const HARNESS = join(ROOT, 'test/helpers/prompt-harness.ts');
const OP = ['voice-id', 'start-speaker-enrollment-job'];
const HAS_PYTHON = spawnSync('python3', ['-c', 'import pty'], { stdio: 'ignore' }).status === 0;
const HAS_BASH = spawnSync('bash', ['-c', 'true'], { stdio: 'ignore' }).status === 0;

// Copies our stdin (a pipe) to the terminal and the terminal to our stdout; exits with the child's code.
const PTY_DRIVER = 'import os, pty, sys\nsys.exit(os.waitstatus_to_exitcode(pty.spawn(sys.argv[1:])))';
const ENV = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', TERM: 'xterm' };

interface PtySession {
  /** Everything the terminal showed so far. */
  output(): string;
  /**
   * Resolves once the output (after `from`) matches; rejects when the harness exits first. A
   * prompt that hangs is stopped by the test's timeout, which shows what the terminal showed.
   */
  waitFor(pattern: string | RegExp, from?: number): Promise<void>;
  type(keys: string): void;
  readonly exit: Promise<number | null>;
}

/** Stops the harnesses a failed test left running. */
const running = new Set<() => void>();

/** The harness on a 100x30 pseudo-terminal, started with `args`. */
function startPrompt(args: readonly string[]): PtySession {
  const command = ['sh', '-c', 'stty cols 100 rows 30 && exec "$0" "$@"', process.execPath, '--import', 'tsx', HARNESS, ...args];
  const child = spawn('python3', ['-c', PTY_DRIVER, ...command], { cwd: ROOT, env: ENV, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  let ended = false;
  const waiters = new Set<() => void>();
  const wakeWaiters = (): void => {
    for (const check of waiters) check();
  };
  const onData = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
    wakeWaiters();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  // 'close': exited, and everything it wrote has been read.
  const exit = new Promise<number | null>((done) => child.once('close', (code) => done(code)));
  const kill = (): void => void child.kill('SIGKILL');
  running.add(kill);
  void exit.then(() => {
    ended = true;
    running.delete(kill);
    wakeWaiters();
  });
  let waitingFor = '';
  onTestFailed(() => {
    console.error(`the terminal showed${waitingFor ? ` while waiting for ${waitingFor}` : ''}:\n${JSON.stringify(output)}`);
  });
  return {
    output: () => output,
    waitFor: (pattern, from = 0) =>
      new Promise<void>((done, fail) => {
        const matches = (): boolean => (typeof pattern === 'string' ? output.indexOf(pattern, from) >= 0 : pattern.test(output.slice(from)));
        waitingFor = String(pattern);
        const check = (): void => {
          if (!matches() && !ended) return;
          waiters.delete(check);
          waitingFor = '';
          if (matches()) done();
          else fail(new Error(`the harness exited while waiting for ${String(pattern)}; the terminal showed:\n${JSON.stringify(output.slice(from))}`));
        };
        waiters.add(check);
        check();
      }),
    type: (keys) => {
      child.stdin.write(keys);
    },
    exit,
  };
}

/** Types `keys`, then waits until the terminal shows `expected` in what it drew after them. */
async function step(session: PtySession, keys: string, expected: string | RegExp): Promise<void> {
  const from = session.output().length;
  session.type(keys);
  await session.waitFor(expected, from);
}

function printedArgv(output: string): unknown {
  const match = /ARGV (.*)\r?\n/.exec(output);
  return match ? JSON.parse(match[1] as string) : undefined;
}

describe.skipIf(!HAS_PYTHON)('auto-prompt on a pseudo-terminal', () => {
  afterEach(() => {
    for (const kill of running) kill();
  });

  it(
    'when a parameter is typed and an enum value Tab-completed then it prints the command line and returns the argv',
    async () => {
      const session = startPrompt([...OP, '--cli-auto-prompt']);
      await session.waitFor('Missing required parameters: --data-access-role-arn, --domain-id');
      await step(session, '--dom', '--domain-id (required)');
      await step(session, '\t', 'start-speaker-enrollment-job --domain-id');
      await step(session, '\r', 'Type the value of --domain-id');
      await step(session, 'abcdefghij0123456789AB\r', 'Missing required parameters: --data-access-role-arn, --input-data-config');
      await step(session, '--output ', 'Values: json | text | table | yaml | yaml-stream');
      await step(session, 'ta\t', '--output table');
      await step(session, '\r', '--domain-id abcdefghij0123456789AB --output table \r');
      await step(session, '--enrollment-config Ex\t', 'ExistingEnrollmentAction=');
      await step(session, 'OV\t', 'ExistingEnrollmentAction=OVERWRITE');
      await step(session, '\r\r', 'ARGV');
      expect(await session.exit).toBe(0);
      const line =
        '> aws-voiceid voice-id start-speaker-enrollment-job --domain-id abcdefghij0123456789AB --output table --enrollment-config ExistingEnrollmentAction=OVERWRITE';
      expect(session.output()).toContain(`\x1b[J${line}\r\n`);
      expect(printedArgv(session.output())).toEqual([
        ...OP,
        '--domain-id',
        'abcdefghij0123456789AB',
        '--output',
        'table',
        '--enrollment-config',
        'ExistingEnrollmentAction=OVERWRITE',
      ]);
    },
    timeoutFor(13),
  ); // twelve screens, the exit

  it(
    'from an empty command line it completes the service and the operation',
    async () => {
      const session = startPrompt([]);
      await session.waitFor('Type the service name');
      await step(session, 'voice-\t', 'voice-id');
      await step(session, ' start-sp\t', 'start-speaker-enrollment-job');
      await step(session, ' --job-name my job\r', "--job-name 'my job'");
      await step(session, '\r', 'ARGV');
      expect(await session.exit).toBe(0);
      expect(session.output()).toContain("> aws-voiceid voice-id start-speaker-enrollment-job --job-name 'my job'\r\n");
      expect(printedArgv(session.output())).toEqual([...OP, '--job-name', 'my job']);
    },
    timeoutFor(6),
  ); // five screens, the exit

  it(
    'when Ctrl-C is pressed then it writes the line as it stood and the caller gets nothing (exit 130)',
    async () => {
      const session = startPrompt(OP);
      await session.waitFor('Missing required parameters');
      await step(session, '--job-name', 'start-speaker-enrollment-job --job-name');
      await step(session, '\x03', 'ARGV');
      expect(await session.exit).toBe(130);
      expect(session.output()).toContain('> aws-voiceid voice-id start-speaker-enrollment-job --job-name\r\n');
      expect(printedArgv(session.output())).toBeNull();
    },
    timeoutFor(4),
  ); // three screens, the exit
});

describe.skipIf(!HAS_BASH)('bash completion script', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'voiceid-completion-'));
    mkdirSync(join(dir, 'inputs'));
    writeFileSync(join(dir, 'inputs', 'request.json'), '{}');
    writeFileSync(join(dir, 'completion.bash'), completionScript('bash'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** COMPREPLY for the command line `line` with the cursor at its end, as bash would compute it. */
  function completeLine(line: string): string[] {
    const script = [
      // tsx is resolved from the project directory.
      `aws-voiceid() { (cd "${ROOT}" && "${process.execPath}" --import tsx "${HARNESS}" "$@"); }`,
      'source ./completion.bash',
      'COMP_LINE="$1"; COMP_POINT=${#1}',
      'read -r -a COMP_WORDS <<< "$1"; COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))',
      '[[ "$1" == *" " ]] && COMP_CWORD=${#COMP_WORDS[@]}',
      '_aws_voiceid_complete',
      'printf "%s\\n" "${COMPREPLY[@]}"',
    ].join('\n');
    // Synchronous, so out of reach of the test's timeout: it gets its own.
    const result = spawnSync('bash', ['-c', script, 'bash', line], { cwd: dir, env: ENV, encoding: 'utf8', timeout: EVENT_MS });
    expect(result.error).toBeUndefined();
    expect(result.stderr).toBe('');
    return result.stdout.split('\n').filter(Boolean);
  }

  it('registers itself for aws-voiceid', () => {
    const result = spawnSync('bash', ['-c', 'source ./completion.bash && complete -p aws-voiceid'], { cwd: dir, encoding: 'utf8' });
    expect(result.stdout).toBe('complete -o default -F _aws_voiceid_complete aws-voiceid\n');
  });

  it(
    'completes an enum value and an option name through __complete',
    () => {
      expect(completeLine('aws-voiceid voice-id start-speaker-enrollment-job --output ta')).toEqual(['table']);
      expect(completeLine('aws-voiceid voiceid start-speaker-enrollment-job --domain-id x --d')).toEqual(['--data-access-role-arn', '--debug']);
    },
    timeoutFor(2),
  );

  it(
    'completes file:// paths locally, leaving out what bash keeps before the colon',
    () => {
      expect(completeLine('aws-voiceid voice-id start-speaker-enrollment-job --cli-input-json file://inp')).toEqual(['//inputs/']);
      expect(completeLine('aws-voiceid voice-id start-speaker-enrollment-job --cli-input-json file://inputs/r')).toEqual(['//inputs/request.json']);
    },
    timeoutFor(2),
  );
});
