// Every operation of the final Voice ID model against voiceid-local, table-driven
// (fixtures/emulator/e2e-operations.json, test/helpers/e2e-table.ts), through two clients: the
// AWS SDK for JavaScript (always), and AWS CLI v2.36.7, the oracle of the final model, run from
// ../shared/oracle (or VOICEID_ORACLE_2_36_7), where it, python3 and Debian's awscli (whose
// modules it runs on) are installed. The emulator runs in process; the CLI gets a scratch HOME,
// voiceid-local's local key pair, no instance metadata and an explicit loopback endpoint.
// A row whose operation voiceid-local does not serve yet is skipped, saying so.
import { afterAll, beforeAll, describe, it, type TestContext } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { VoiceIDClient } from '@aws-sdk/client-voice-id';
import { LOCAL_CREDENTIALS, startEmulator, type Emulator } from '../../src/emulator/server.js';
import { operationCliName, optionName } from '../../src/model/names.js';
import { E2E_ROWS, failedChecks, fill, makeFixtures, NOT_SERVED, NotServed, sdkSend, type E2eRow } from '../helpers/e2e-table.js';
import { localClient } from '../helpers/voiceid-client.js';
import { REPO_ROOT } from '../helpers/golden.js';
import { timeoutFor } from '../helpers/budget.js';

const run = promisify(execFile);
const ORACLE = process.env.VOICEID_ORACLE_2_36_7 || resolve(REPO_ROOT, '../shared/oracle/awscli-2.36.7/bin/aws-2.36.7');
const HAS_ORACLE = existsSync(ORACLE) && existsSync('/usr/bin/python3') && existsSync('/usr/lib/python3/dist-packages/awscli');

let emulator: Emulator;
let client: VoiceIDClient;
beforeAll(async () => {
  emulator = await startEmulator({});
  client = localClient(emulator.url, LOCAL_CREDENTIALS);
});
afterAll(async () => {
  client.destroy();
  await emulator.close();
});

/** The fixtures of a row, or a skip saying what is not served yet. */
async function prepare(ctx: TestContext, row: E2eRow): Promise<Record<string, string>> {
  try {
    return await makeFixtures(client, row.needs);
  } catch (error) {
    if (error instanceof NotServed) ctx.skip(error.message);
    throw error;
  }
}

function expectOutcome(ctx: TestContext, row: E2eRow, values: Record<string, string>, outcome: { output?: unknown; error?: string }): void {
  if (outcome.error === NOT_SERVED && row.error !== NOT_SERVED) ctx.skip(`voiceid-local does not serve ${row.operation} yet (${NOT_SERVED})`);
  ctx.expect(outcome.error).toBe(row.exit === 0 ? undefined : row.error);
  if (row.exit === 0) ctx.expect(failedChecks(fill(row.checks, values), outcome.output)).toEqual([]);
}

describe('every operation through the AWS SDK for JavaScript', () => {
  for (const row of E2E_ROWS) {
    it(`${row.operation}: ${row.name}`, async (ctx) => {
      const values = await prepare(ctx, row);
      expectOutcome(ctx, row, values, await sdkSend(client, row.operation, fill(row.input, values)));
    });
  }
});

/** The CLI's options for a request: each top-level member as its option, a structure or list as JSON. */
function cliArguments(input: Record<string, unknown>): string[] {
  return Object.entries(input).flatMap(([member, value]) => [optionName(member), typeof value === 'string' ? value : JSON.stringify(value)]);
}

describe.skipIf(!HAS_ORACLE)(`every operation through AWS CLI v2.36.7 (${ORACLE})`, () => {
  let home: string;
  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'voiceid-e2e-home-'));
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  const oracle = async (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
    const env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      AWS_CONFIG_FILE: join(home, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_PAGER: '',
      TZ: 'UTC',
    };
    try {
      const { stdout, stderr } = await run(ORACLE, ['--endpoint-url', emulator.url, 'voice-id', ...args], { env });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  for (const row of E2E_ROWS) {
    it.concurrent(
      `${row.operation}: ${row.name}`,
      async (ctx) => {
        const values = await prepare(ctx, row);
        const result = await oracle([operationCliName(row.operation), ...cliArguments(fill(row.input, values)), '--output', 'json']);
        const error = /An error occurred \((\w+)\)/.exec(result.stderr)?.[1];
        if (result.code !== 0 && error === undefined) throw new Error(`exit ${result.code} without a service error: ${result.stderr}`);
        const output = result.code === 0 ? (result.stdout.trim() === '' ? {} : JSON.parse(result.stdout)) : undefined;
        expectOutcome(ctx, row, values, error ? { error } : { output });
        ctx.expect({ code: result.code, stderr: result.code === 0 ? result.stderr : '' }).toEqual({ code: row.exit, stderr: '' });
      },
      timeoutFor(2),
    ); // the fixtures, one run of the CLI
  }
});
