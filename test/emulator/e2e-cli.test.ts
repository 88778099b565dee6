// Every operation of the 2.36.7 model against voiceid-local through AWS CLI v2.36.7 (the oracle)
// and through the built clone (AWS_VOICEID_COMPAT=2.36.7), table-driven
// (fixtures/emulator/e2e-operations.json), compared byte for byte: stdout, stderr, exit code.
// The oracle's answer must also pass the row's own checks (what the emulator must answer).
// - A row that only reads (Describe/List/Evaluate) runs both CLIs at once on the same records.
// - A row that changes something runs each CLI on its own fresh records (a domain each, and what
//   the row needs in it); both results are compared with those records' ids named ({domain}, ...)
//   and the ids of what the command itself created masked (<generated id>). The emulator's clock
//   stands still, so the timestamps of both runs are the same and need no mask, and jobs stay
//   SUBMITTED, so a read of a job never races its progress.
// - ListDomains reads every domain, so its rows run alone, after the rest.
// A row whose operation the clone does not serve yet (src/cli/served-operations.ts) still runs the
// oracle and its checks, then is skipped, saying so. Skipped as a whole where the oracle, python3
// or Debian's awscli is missing. One voiceid-local for the file, in process; loopback only.
import { afterAll, beforeAll, describe, it, type TestContext } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'node:http';
import { VoiceIDClient } from '@aws-sdk/client-voice-id';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { LOCAL_CREDENTIALS, startEmulator, type Emulator } from '../../src/emulator/server.js';
import { operationCliName } from '../../src/model/names.js';
import { servedOperation } from '../../src/cli/served-operations.js';
import { E2E_ROWS, failedChecks, fill, makeFixtures, NOT_SERVED, NotServed, type E2eRow } from '../helpers/e2e-table.js';
import { cliArguments, HAS_ORACLE, masked, ORACLE, readsAccount, readsOnly, runCli, type Cli, type CliResult } from '../helpers/e2e-clis.js';
import { MODELS } from '../helpers/models.js';
import { timeoutFor } from '../helpers/budget.js';

const MODEL = MODELS['2.36.7'];
let emulator: Emulator;
let client: VoiceIDClient;
let home: string;
beforeAll(async () => {
  const frozen = Date.now();
  emulator = await startEmulator({ now: () => frozen });
  // A connection per request: the file runs long enough, on a loaded machine, for a kept-alive
  // socket to be reused just as voiceid-local closes it for being idle (ECONNRESET).
  client = new VoiceIDClient({
    endpoint: emulator.url,
    region: 'us-east-1',
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
    useFipsEndpoint: false,
    useDualstackEndpoint: false,
    defaultsMode: 'standard',
    authSchemePreference: [],
    userAgentAppId: async () => undefined,
    requestHandler: new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: false }) }),
  });
  home = mkdtempSync(join(tmpdir(), 'voiceid-e2e-cli-home-'));
});
afterAll(async () => {
  client.destroy();
  await emulator.close();
  rmSync(home, { recursive: true, force: true });
});

/** The fixtures of a row, or a skip saying what voiceid-local does not serve yet. */
async function prepare(ctx: TestContext, row: E2eRow): Promise<Record<string, string>> {
  try {
    return await makeFixtures(client, row.needs);
  } catch (error) {
    if (error instanceof NotServed) ctx.skip(error.message);
    throw error;
  }
}

const command = (row: E2eRow, values: Record<string, string>): string[] => [
  operationCliName(row.operation),
  ...cliArguments(fill(row.input, values)),
  '--output',
  'json',
];

/** The row's checks on the oracle's answer: the emulator answers as the table says. */
function checkOracle(ctx: TestContext, row: E2eRow, values: Record<string, string>, result: CliResult): void {
  const error = /An error occurred \((\w+)\)/.exec(result.stderr)?.[1];
  if (result.code !== 0 && error === undefined) throw new Error(`the oracle exited ${result.code} without a service error: ${result.stderr}`);
  if (error === NOT_SERVED && row.error !== NOT_SERVED) ctx.skip(`voiceid-local does not serve ${row.operation} yet (${NOT_SERVED})`);
  ctx.expect({ code: result.code, error }).toEqual({ code: row.exit, error: row.exit === 0 ? undefined : row.error });
  if (row.exit === 0) {
    ctx.expect(result.stderr).toBe('');
    ctx.expect(failedChecks(fill(row.checks, values), result.stdout.trim() === '' ? {} : JSON.parse(result.stdout))).toEqual([]);
  }
}

async function compareRow(ctx: TestContext, row: E2eRow): Promise<void> {
  const served = servedOperation(MODEL, operationCliName(row.operation)) !== undefined;
  const clis: Cli[] = served ? ['oracle', 'clone'] : ['oracle'];
  if (readsOnly(row.operation)) {
    const values = await prepare(ctx, row);
    const [oracle, clone] = await Promise.all(clis.map((cli) => runCli(cli, home, emulator.url, command(row, values))));
    checkOracle(ctx, row, values, oracle as CliResult);
    if (!clone) return ctx.skip(`the clone does not serve ${row.operation} on this branch yet (the oracle's answer passed the row's checks)`);
    ctx.expect(clone).toEqual(oracle);
    return;
  }
  const runs = await Promise.all(
    clis.map(async (cli) => {
      const values = await prepare(ctx, row);
      return { values, result: await runCli(cli, home, emulator.url, command(row, values)) };
    }),
  );
  const [oracle, clone] = runs;
  if (!oracle) throw new Error('no oracle run');
  checkOracle(ctx, row, oracle.values, oracle.result);
  if (!clone) return ctx.skip(`the clone does not serve ${row.operation} on this branch yet (the oracle's answer passed the row's checks)`);
  ctx.expect(masked(clone.result, clone.values)).toEqual(masked(oracle.result, oracle.values));
}

const title = (row: E2eRow): string => `${row.operation}: ${row.name}`;

describe.skipIf(!HAS_ORACLE)(`every operation: the clone (AWS_VOICEID_COMPAT=2.36.7) and AWS CLI v2.36.7 (${ORACLE}), byte for byte`, () => {
  // The fixtures, then the two CLIs at once.
  for (const row of E2E_ROWS.filter((r) => !readsAccount(r.operation))) it.concurrent(title(row), (ctx) => compareRow(ctx, row), timeoutFor(2));
});

describe.skipIf(!HAS_ORACLE)('the account-wide reads, alone after the rest', () => {
  for (const row of E2E_ROWS.filter((r) => readsAccount(r.operation))) it(title(row), (ctx) => compareRow(ctx, row), timeoutFor(2));
});
