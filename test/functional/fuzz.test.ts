// Thousands of generated command lines through run(): argv grammar, shorthand, JSON, YAML,
// paramfiles and --query. Each must end in success or the reference-style error with an exit
// code from the table: never a bug of ours (a non-CliError), a stack trace or a hang.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/main.js';
import { createMemoryIo } from '../helpers/memory-io.js';
import { baseEnv } from '../helpers/run-cli.js';
import { startFakeVoiceId, type FakeVoiceId } from '../helpers/fake-voiceid.js';

const EXIT_CODES = new Set([0, 252, 253, 254, 255]);
const STACK = /\n\s+at .+[(:]\d+/;

// A small seeded generator (mulberry32), so a failure can be replayed by its seed.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FLAGS = [
  '--domain-id',
  '--data-access-role-arn',
  '--input-data-config',
  '--output-data-config',
  '--enrollment-config',
  '--job-name',
  '--client-token',
  '--cli-input-json',
  '--cli-input-yaml',
  '--generate-cli-skeleton',
  '--output',
  '--query',
  '--region',
  '--profile',
  '--debug',
  '--color',
  '--no-sign-request',
  '--cli-read-timeout',
  '--cli-connect-timeout',
  '--cli-binary-format',
  '--no-cli-pager',
  '--no-paginate',
  '--endpoint-url',
  '--ca-bundle',
  '--no-verify-ssl',
  '--version',
  '--d',
  '--o',
  '--out',
  '--c',
  '--cli',
  '--dom',
  '--inp',
  '--gen',
  '--foo',
  '-x',
  '--',
  '--job-name=',
  '--output=text',
];
const VALUES = [
  'abcdefghij0123456789AB',
  'arn:aws:iam::123456789012:role/VoiceIdRole',
  'S3Uri=s3://a/b',
  'S3Uri=s3://a/b,KmsKeyId=k',
  'ExistingEnrollmentAction=SKIP,FraudDetectionConfig={RiskThreshold=5}',
  '{"S3Uri": "s3://x/y"}',
  '{"a":',
  '[1,2]',
  '',
  ' ',
  '-',
  '-5',
  'json',
  'text',
  'table',
  'yaml',
  'yaml-stream',
  'on',
  'off',
  'input',
  'output',
  'yaml-input',
  'help',
  'Job.JobId',
  'Job.[',
  '`1`',
  'length(@)',
  'file://missing.json',
  'fileb://missing.bin',
  'file://{dir}/in.json',
  'file://{dir}/in.yaml',
  'file://{dir}',
  '{}',
  'null',
  'A=[1,{b=c}]',
  "A='x\\'y'",
  'é😀',
  'x'.repeat(300),
  '0',
  'abc',
  'DomainId: x\nJobName: [',
  '%YAML 1.1\n---\nJobName: yes',
  '{"DomainId": 1, "Foo": null}',
  'us-east-1',
  'bad region!',
  'http://127.0.0.1:1',
  '127.0.0.1:1',
  'nope',
];
const HEADS = [
  ['voice-id', 'start-speaker-enrollment-job'],
  ['voiceid', 'start-speaker-enrollment-job'],
  ['voice-id'],
  [],
  ['s3', 'ls'],
  ['voice-id', 'list-domains'],
];
const EXPRESSIONS = [
  'Job',
  'Job.JobId',
  'Job.[JobId,JobName]',
  '@',
  '{a: Job.JobId}',
  'Job.*',
  'length(Job)',
  'Job[?x]',
  'sort(@)',
  '`"s"`',
  'Job..',
  '!Job',
  'Job | keys(@)',
  'to_number(`"1_0"`)',
  'abs(@)',
  'a && b || c',
  '[]',
  '[::0]',
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function argvFor(seed: number, dir: string, endpoint: string): string[] {
  const random = rng(seed);
  const argv: string[] = ['--endpoint-url', endpoint, ...pick(random, HEADS)];
  const count = Math.floor(random() * 12);
  for (let i = 0; i < count; i++) {
    const r = random();
    if (r < 0.45) argv.push(pick(random, FLAGS));
    else if (r < 0.9) argv.push(pick(random, VALUES).replace('{dir}', dir));
    else if (r < 0.95) argv.push('--query', pick(random, EXPRESSIONS));
    else argv.push(String.fromCodePoint(Math.floor(random() * 0x2fff)));
  }
  return argv;
}

let fake: FakeVoiceId;
let dir: string;
beforeAll(async () => {
  fake = await startFakeVoiceId();
  dir = await mkdtemp(join(tmpdir(), 'fuzz-'));
  await writeFile(join(dir, 'in.json'), '{"DomainId": "abcdefghij0123456789AB"}');
  await writeFile(join(dir, 'in.yaml'), 'DomainId: abcdefghij0123456789AB\nJobName: 2023-01-01\n');
});
afterAll(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

describe('generated command lines', () => {
  const RUNS = 3000;
  it(`${RUNS} seeded command lines end in an exit code of the table, without a bug or a stack trace`, async () => {
    const env = baseEnv({ AWS_MAX_ATTEMPTS: '1' });
    const problems: string[] = [];
    for (let seed = 1; seed <= RUNS; seed++) {
      const argv = argvFor(seed, dir, fake.url);
      let unexpected: unknown;
      const io = createMemoryIo({ env, cwd: dir, onUnexpectedError: (error) => (unexpected = error) });
      const code = await run(argv, io);
      const stderr = io.stderr();
      if (unexpected !== undefined) problems.push(`seed ${seed}: ${JSON.stringify(argv)} → bug: ${String(unexpected)}`);
      else if (!EXIT_CODES.has(code)) problems.push(`seed ${seed}: ${JSON.stringify(argv)} → exit ${code}`);
      else if (STACK.test(stderr)) problems.push(`seed ${seed}: ${JSON.stringify(argv)} → stack trace`);
      if (problems.length >= 10) break;
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
