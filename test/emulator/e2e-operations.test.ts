// Every operation of the final Voice ID model against voiceid-local, table-driven
// (fixtures/emulator/e2e-operations.json, test/helpers/e2e-table.ts), through the AWS SDK for
// JavaScript. The same table through AWS CLI v2.36.7, and through the clone compared with it byte
// for byte, is test/emulator/e2e-cli.test.ts. The emulator runs in process.
// A row whose operation voiceid-local does not serve yet is skipped, saying so.
import { afterAll, beforeAll, describe, it, type TestContext } from 'vitest';
import type { VoiceIDClient } from '@aws-sdk/client-voice-id';
import { LOCAL_CREDENTIALS, startEmulator, type Emulator } from '../../src/emulator/server.js';
import { E2E_ROWS, failedChecks, fill, makeFixtures, NOT_SERVED, NotServed, sdkSend, type E2eRow } from '../helpers/e2e-table.js';
import { localClient } from '../helpers/voiceid-client.js';

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
