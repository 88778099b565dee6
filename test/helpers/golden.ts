// Shared pieces of the golden cases (fixtures/cases → fixtures/golden): the case format,
// the per-case sandbox and environment, running one command, normalizing what it did and
// comparing two results. Same rules as ../shared/conformance/conformance.py.
// The recorder (scripts/record-fixtures.ts) and the replay test both use this module, for each
// generation of the AWS CLI that has golden cases (GOLDEN_GENERATIONS).
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { ENV_COMPAT, type Generation } from '../../src/model/generation.js';
import { SECRETS, type FakeVoiceId, type RecordedRequest, type ScriptedResponse } from './fake-voiceid.js';

export type CompareRule = 'exact' | 'nonempty' | 'startswith' | 'ignore' | 'json';

/** A file of the sandbox: text, or bytes given as base64 (an extension of conformance.py). */
export type SandboxFile = string | { base64: string };

export interface GoldenCase {
  name: string;
  /** argv after the program name; `{endpoint}` becomes http://127.0.0.1:PORT, `{sandbox}` the sandbox path. */
  args: string[];
  note?: string;
  /** Variables to set; null unsets a default. */
  env?: Record<string, string | null>;
  /** Paths relative to the sandbox (`home/.aws/config`, `cwd/in.json`). */
  files?: Record<string, SandboxFile>;
  stdin?: string;
  responses?: ScriptedResponse[];
  compare?: { stdout?: CompareRule; stderr?: CompareRule; body?: 'exact' | 'json' };
  stdout_prefix?: string;
  stderr_prefix?: string;
  /** argv for the clone where it must accept what the reference rejects. */
  clone_args?: string[];
  /** Replay this case against another case's recording; never recorded itself. */
  expected_like?: string;
  /** Hand-written overrides of the recording, for reference bugs the clone must not copy. */
  expected?: Partial<GoldenResult>;
  /** Run with stdout on a pseudo-terminal (80x24, output bytes unchanged); stdin and stderr stay as they are. */
  tty?: boolean;
}

/** A request as stored in a golden file. */
export interface GoldenRequest {
  method: string;
  path: string;
  target: string | null;
  contentType: string | null;
  signature: string;
  credentialScope: string | null;
  securityToken: string | null;
  /** The body parsed as JSON (a generated UUID v4 ClientToken reads "<uuid4>"), the raw text if it is not JSON, null if empty. */
  body: unknown;
  /** The exact body text, with the generated ClientToken replaced the same way. */
  bodyText: string;
  /** Header names in the order they were sent (informational; never compared). */
  headerNames: string[];
}

export interface GoldenResult {
  exit: number | 'timeout';
  stdout: string;
  stderr: string;
  requests: GoldenRequest[];
}

export const REPO_ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');

/**
 * A generation of the AWS CLI the golden cases follow: its case files, its recordings, the
 * oracle that records them and what the clone's environment gets at replay to follow it.
 * Case names are unique within a generation; a case of the same name in two generations runs
 * the same command line (how the generations differ).
 */
export interface GoldenGeneration {
  name: Generation;
  casesDir: string;
  goldenDir: string;
  /** The reference that records this generation's cases, by full path. */
  reference: string;
  /** Added to the clone's environment at replay, before the case's own env (never given to a reference). */
  cloneEnv: Readonly<Record<string, string>>;
}

export const GOLDEN_GENERATIONS: readonly GoldenGeneration[] = [
  { name: '2.9.19', casesDir: join(REPO_ROOT, 'fixtures/cases'), goldenDir: join(REPO_ROOT, 'fixtures/golden'), reference: '/usr/bin/aws', cloneEnv: {} },
  {
    name: '2.36.7',
    casesDir: join(REPO_ROOT, 'fixtures/cases-2.36.7'),
    goldenDir: join(REPO_ROOT, 'fixtures/golden-2.36.7'),
    reference: resolve(REPO_ROOT, '../shared/oracle/awscli-2.36.7/bin/aws-2.36.7'),
    cloneEnv: { [ENV_COMPAT]: '2.36.7' },
  },
];

/** The generation by name (`2.9.19`, `2.36.7`); an unknown name throws, naming the known ones. */
export function goldenGeneration(name: string): GoldenGeneration {
  const found = GOLDEN_GENERATIONS.find((g) => g.name === name);
  if (!found) throw new Error(`unknown golden generation ${JSON.stringify(name)}; known: ${GOLDEN_GENERATIONS.map((g) => g.name).join(', ')}`);
  return found;
}

/** The generation whose cases directory holds this case file; a file elsewhere throws. */
export function generationOfCaseFile(path: string): GoldenGeneration {
  const dir = dirname(resolve(path));
  const found = GOLDEN_GENERATIONS.find((g) => g.casesDir === dir);
  if (!found) throw new Error(`${path}: not in a golden cases directory (${GOLDEN_GENERATIONS.map((g) => relative(REPO_ROOT, g.casesDir)).join(', ')})`);
  return found;
}

/** The environment every case starts from (DEFAULT_ENV in conformance.py). */
export const DEFAULT_ENV: Readonly<Record<string, string>> = {
  LANG: 'C.UTF-8',
  LC_ALL: 'C.UTF-8',
  TZ: 'UTC',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: SECRETS.AKIDEXAMPLE ?? '',
  AWS_DEFAULT_REGION: 'us-east-1',
};

const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Reads case files (each a JSON list of cases) and rejects duplicate names across them. */
export async function loadCases(paths: readonly string[]): Promise<GoldenCase[]> {
  const cases: GoldenCase[] = [];
  for (const path of paths) {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (!Array.isArray(parsed)) throw new Error(`${path}: expected a JSON list of cases`);
    for (const item of parsed) {
      if (!isCase(item)) throw new Error(`${path}: not a case: ${JSON.stringify(item).slice(0, 200)}`);
      cases.push(item);
    }
  }
  const seen = new Set<string>();
  const dupes: string[] = [];
  for (const { name } of cases) {
    if (seen.has(name)) dupes.push(name);
    seen.add(name);
  }
  if (dupes.length > 0) throw new Error(`duplicate case names: ${[...new Set(dupes)].sort().join(', ')}`);
  return cases;
}

function isCase(value: unknown): value is GoldenCase {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return typeof c.name === 'string' && Array.isArray(c.args) && c.args.every((a) => typeof a === 'string');
}

export function goldenPath(generation: GoldenGeneration, name: string): string {
  return join(generation.goldenDir, `${name}.json`);
}

/** The recording a case replays against, with its hand-written `expected` overrides applied. */
export async function loadExpected(c: GoldenCase, generation: GoldenGeneration, options: { overrides: boolean }): Promise<GoldenResult> {
  const recorded = JSON.parse(await readFile(goldenPath(generation, c.expected_like ?? c.name), 'utf8')) as GoldenResult;
  return options.overrides ? { ...recorded, ...c.expected } : recorded;
}

/** Replaces `{key}` placeholders in strings, recursively. */
export function substitute<T>(value: T, mapping: Readonly<Record<string, string>>): T {
  if (typeof value === 'string') {
    let text: string = value;
    for (const [key, repl] of Object.entries(mapping)) text = text.split(`{${key}}`).join(repl);
    return text as T;
  }
  if (Array.isArray(value)) return value.map((v: unknown) => substitute(v, mapping)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, mapping)])) as T;
  }
  return value;
}

export interface Sandbox {
  root: string;
  home: string;
  cwd: string;
  mapping: Record<string, string>;
  remove(): Promise<void>;
}

/** A fresh temp dir with home/ and cwd/, the case's files written into it. */
export async function createSandbox(c: GoldenCase, endpointPort: number): Promise<Sandbox> {
  const root = await realpath(await mkdtemp(join(tmpdir(), 'golden-')));
  const mapping = { endpoint: `http://127.0.0.1:${endpointPort}`, sandbox: root, port: String(endpointPort) };
  await mkdir(join(root, 'home'));
  await mkdir(join(root, 'cwd'));
  for (const [rel, content] of Object.entries(c.files ?? {})) {
    const path = join(root, rel);
    await mkdir(dirname(path), { recursive: true });
    const data = typeof content === 'string' ? substitute(content, mapping) : Buffer.from(content.base64, 'base64');
    await writeFile(path, data);
  }
  return {
    root,
    home: join(root, 'home'),
    cwd: join(root, 'cwd'),
    mapping,
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/** The child's environment, built from nothing: PATH, HOME, DEFAULT_ENV, `extra`, then the case's env (null unsets). */
export function buildEnv(c: GoldenCase, sandbox: Sandbox, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: sandbox.home, ...DEFAULT_ENV, ...extra };
  for (const [key, value] of Object.entries(substitute(c.env ?? {}, sandbox.mapping))) {
    if (value === null) delete env[key];
    else env[key] = value;
  }
  return env;
}

export interface RunOutput {
  exit: number | 'timeout';
  stdout: string;
  stderr: string;
}

/**
 * Runs argv on a pseudo-terminal for stdout (python3's pty module): the command sees a terminal of
 * 80x24 with output post-processing off, so its bytes arrive as written (no \n -> \r\n). It runs
 * in a session of its own without a controlling terminal (a pager that opens /dev/tty fails
 * instead of waiting for keys); stdin and stderr are the driver's. SIGTERM stops its group.
 */
const PTY_DRIVER = `
import fcntl, os, pty, signal, struct, subprocess, sys, termios
master, slave = pty.openpty()
attrs = termios.tcgetattr(slave)
attrs[1] &= ~termios.OPOST
termios.tcsetattr(slave, termios.TCSANOW, attrs)
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 80, 0, 0))
child = subprocess.Popen(sys.argv[1:], stdout=slave, start_new_session=True)
os.close(slave)
def stop(signum, frame):
    os.killpg(child.pid, signal.SIGKILL)
    sys.exit(128 + signum)
signal.signal(signal.SIGTERM, stop)
while True:
    try:
        data = os.read(master, 65536)
    except OSError:
        break
    if not data:
        break
    sys.stdout.buffer.write(data)
sys.stdout.buffer.flush()
code = child.wait()
sys.exit(128 - code if code < 0 else code)
`;

let ptyPython: string | null | undefined;

/** The python3 that can run PTY_DRIVER (resolved once, in the runner's own environment), or null. */
export function ptyPythonPath(): string | null {
  if (ptyPython === undefined) {
    const probe = spawnSync('python3', ['-c', 'import pty, termios, sys; print(sys.executable)'], { encoding: 'utf8' });
    ptyPython = probe.status === 0 && probe.stdout.trim() !== '' ? probe.stdout.trim() : null;
  }
  return ptyPython;
}

/** Runs argv[0] with the rest; stdin is the given text or /dev/null (as conformance.py does); `tty` puts stdout on a terminal. */
export function runCommand(
  argv: readonly string[],
  options: { cwd: string; env: Record<string, string>; stdin?: string | undefined; timeoutMs: number; tty?: boolean | undefined },
): Promise<RunOutput> {
  return new Promise((resolvePromise, reject) => {
    let python: string | null = null;
    if (options.tty === true) {
      python = ptyPythonPath();
      if (python === null) throw new Error('a tty case needs python3 with the pty module');
    }
    const [cmd, ...args] = python === null ? argv : [python, '-c', PTY_DRIVER, ...argv];
    if (cmd === undefined) throw new Error('empty command');
    const child = spawn(cmd, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (b: Buffer) => out.push(b));
    child.stderr?.on('data', (b: Buffer) => err.push(b));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill(python === null ? 'SIGKILL' : 'SIGTERM'); // the pty driver passes it on to the command's group
    }, options.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({
        exit: timedOut ? 'timeout' : (code ?? 128 + signalNumber(signal)),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
    if (options.stdin !== undefined && child.stdin) {
      child.stdin.on('error', () => undefined); // the command may exit without reading
      child.stdin.end(options.stdin);
    }
  });
}

function signalNumber(signal: NodeJS.Signals | null): number {
  const numbers: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 2, SIGKILL: 9, SIGSEGV: 11, SIGPIPE: 13, SIGTERM: 15 };
  return (signal && numbers[signal]) ?? 0;
}

/** Replaces every digit-bounded occurrence of `needle` (a port) so ARNs and epochs stay intact. */
function replaceNumber(text: string, needle: string, repl: string): string {
  return needle ? text.replace(new RegExp(`(?<![0-9])${needle}(?![0-9])`, 'g'), repl) : text;
}

/**
 * Sandbox path → {sandbox}, endpoint port → {port}, the kernel release in a user-agent string
 * (`aws-cli/2.9.19 Python/3.11.2 Linux/<uname -r> …`) → `Linux/{kernel}`, and the address in
 * Python's `<… object at 0x7f3a…>` (a different one each run; the clone prints a fixed one) →
 * as many `#` as it has digits, so a table's widths still match.
 */
export function normalizeText(text: string, mapping: Readonly<Record<string, string>>): string {
  let out = text;
  if (mapping.sandbox) out = out.split(mapping.sandbox).join('{sandbox}');
  if (mapping.port) out = replaceNumber(out, mapping.port, '{port}');
  out = out.replace(/( object at 0x)([0-9a-f]+)/g, (_, prefix: string, digits: string) => prefix + '#'.repeat(digits.length));
  return out.replace(/(\S+\/\S+ \S+\/\S+ Linux\/)\d\S*/g, '$1{kernel}');
}

/** A recorded request as stored in golden files: ClientToken UUID v4 → "<uuid4>". */
export function normalizeRequest(req: RecordedRequest, mapping: Readonly<Record<string, string>>): GoldenRequest {
  let body: unknown = null;
  let bodyText = req.body;
  if (req.body) {
    try {
      body = JSON.parse(req.body);
    } catch {
      body = req.body;
    }
  }
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const token = (body as Record<string, unknown>).ClientToken;
    if (typeof token === 'string' && UUID4.test(token)) {
      body = { ...(body as Record<string, unknown>), ClientToken: '<uuid4>' };
      bodyText = bodyText.split(JSON.stringify(token)).join('"<uuid4>"');
    }
  }
  return {
    method: req.method,
    path: normalizeText(req.path, mapping),
    target: req.target,
    contentType: req.contentType,
    signature: req.signature,
    credentialScope: req.credentialScope,
    securityToken: req.securityToken,
    body,
    bodyText,
    headerNames: req.rawHeaders.map(([name]) => name),
  };
}

/** Runs one case with `cli` (argv prefix) against `fake`, in a fresh sandbox, and normalizes the result. */
export async function runCase(
  cli: readonly string[],
  c: GoldenCase,
  fake: FakeVoiceId,
  options: {
    argsKey: 'args' | 'clone_args';
    timeoutMs: number;
    extraEnv?: Readonly<Record<string, string>>;
    /** run() from src/ in this process instead of `cli` (test/helpers/golden-in-process.ts). */
    inProcess?: boolean;
  },
): Promise<GoldenResult> {
  const sandbox = await createSandbox(c, fake.port);
  try {
    fake.script(c.responses);
    const args = substitute(options.argsKey === 'clone_args' ? (c.clone_args ?? c.args) : c.args, sandbox.mapping);
    const env = buildEnv(c, sandbox, options.extraEnv);
    const run = options.inProcess
      ? await (await import('./golden-in-process.js')).runInProcess(args, env, sandbox.cwd, options.timeoutMs)
      : await runCommand([...cli, ...args], { cwd: sandbox.cwd, env, stdin: c.stdin, timeoutMs: options.timeoutMs, tty: c.tty });
    return {
      exit: run.exit,
      stdout: normalizeText(run.stdout, sandbox.mapping),
      stderr: normalizeText(run.stderr, sandbox.mapping),
      requests: fake.requests.map((r) => normalizeRequest(r, sandbox.mapping)),
    };
  } finally {
    await sandbox.remove();
  }
}

const STACK_TRACE = /^\s+at .+\(.+:\d+:\d+\)$/m;

/** Human-readable differences between what a case expects and what happened (empty: the case passes). */
export function compareResults(c: GoldenCase, expected: GoldenResult, actual: GoldenResult): string[] {
  const problems: string[] = [];
  if (expected.exit !== actual.exit) problems.push(`exit code: expected ${expected.exit}, got ${actual.exit}`);
  for (const stream of ['stdout', 'stderr'] as const) {
    const rule = c.compare?.[stream] ?? 'exact';
    const problem = compareStream(stream, rule, expected[stream], actual[stream], c[`${stream}_prefix`] ?? '');
    if (problem) problems.push(problem);
  }
  problems.push(...compareRequests(c, expected.requests, actual.requests));
  return problems;
}

function compareStream(stream: string, rule: CompareRule, want: string, got: string, prefix: string): string | null {
  switch (rule) {
    case 'ignore':
      return null;
    case 'startswith':
      return got.startsWith(prefix) ? null : `${stream}: expected it to start with ${JSON.stringify(prefix)}, got ${JSON.stringify(got.slice(0, 300))}`;
    case 'nonempty': {
      if (got.includes('Traceback') || STACK_TRACE.test(got)) return `${stream}: shows a stack trace: ${JSON.stringify(got.slice(0, 500))}`;
      const wantSome = want.trim() !== '';
      return wantSome === (got.trim() !== '') ? null : `${stream}: expected ${wantSome ? 'some' : 'no'} output, got ${JSON.stringify(got)}`;
    }
    case 'json': {
      let same = false;
      try {
        same = isDeepEqual(JSON.parse(want), JSON.parse(got));
      } catch {
        same = false;
      }
      return same ? null : `${stream} differs as JSON:\n${diffText(want, got)}`;
    }
    case 'exact':
      return want === got ? null : `${stream} differs:\n${diffText(want, got)}`;
  }
}

const COMPARED_KEYS = ['target', 'contentType', 'signature', 'credentialScope', 'securityToken', 'body'] as const;

function compareRequests(c: GoldenCase, want: readonly GoldenRequest[], got: readonly GoldenRequest[]): string[] {
  const pick = (r: GoldenRequest): Record<string, unknown> => Object.fromEntries(COMPARED_KEYS.map((k) => [k, r[k]]));
  if (want.length !== got.length || !want.every((w, i) => isDeepEqual(pick(w), pick(got[i] as GoldenRequest)))) {
    return [`requests differ:\n${diffText(stableJson(want.map(pick)), stableJson(got.map(pick)))}`];
  }
  if ((c.compare?.body ?? 'exact') === 'exact') {
    const i = want.findIndex((w, k) => w.bodyText !== got[k]?.bodyText);
    if (i >= 0) {
      return [`request ${i + 1}: body bytes differ (same JSON):\n      expected ${want[i]?.bodyText}\n      actual   ${got[i]?.bodyText}`];
    }
  }
  return [];
}

/** Structural equality with order-insensitive object keys (Python dict ==). */
export function isDeepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => isDeepEqual(v, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const rb = b as Record<string, unknown>;
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(rb, k) && isDeepEqual((a as Record<string, unknown>)[k], rb[k]));
}

function stableJson(value: unknown): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (typeof v === 'object' && v !== null) {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(sortKeys(value), null, 1);
}

/** A small line diff: the first differing line with a little context, then both remainders (capped). */
export function diffText(want: string, got: string): string {
  const a = want.split('\n');
  const b = got.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 2);
  const show = (lines: string[], mark: string): string =>
    lines
      .slice(from, i + 12)
      .map((l, k) => `      ${from + k < i ? ' ' : mark} ${JSON.stringify(l)}`)
      .join('\n');
  return `      (first difference at line ${i + 1})\n${show(a, '-')}\n      ---\n${show(b, '+')}`;
}

/** Runs tasks with at most `limit` at a time, keeping result order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
