import { describe, expect, it } from 'vitest';
import { CliError } from '../../../src/errors.js';
import type { Io, ProcessResult } from '../../../src/io.js';
import { loadCredentials } from '../../../src/credentials/credentials.js';
import { loadProcessCredentials } from '../../../src/credentials/process.js';
import { expiryClockOf, refreshNeeded, secondsRemaining } from '../../../src/credentials/refreshable.js';
import { dateutilParse } from '../../../src/values/dateutil-parse.js';
import type { TzLocal } from '../../../src/values/dateutil-tzlocal.js';
import { CREDENTIAL_CLIENTS } from '../../../src/service/credential-clients.js';
import { createMemoryIo } from '../../helpers/memory-io.js';
import table from '../../../fixtures/credentials/refresh.json' with { type: 'json' };

// Expectations from botocore itself: ProcessProvider.load() and get_frozen_credentials() with a
// fake Popen and datetime.now() fixed, under each TZ (scripts/gen-credential-refresh-table.py).
interface Output {
  readonly exitCode: number;
  readonly stdout?: string;
  readonly stderr?: string;
}

interface Row {
  readonly name: string;
  readonly tz: string;
  readonly outputs: readonly Output[];
  readonly signings: number;
  readonly runs: number;
  readonly tokens: readonly (string | null)[];
  readonly error?: string;
  readonly warning?: string;
}

const NOW_MS = table.now * 1000;
const encode = (text: string | undefined): Uint8Array => new TextEncoder().encode(text ?? '');

/** A memory Io at the table's now whose credential_process answers with the row's outputs, in order. */
function processIo(row: Row): { io: Io & { stderr(): string }; runs: () => number } {
  let runs = 0;
  const io = {
    ...createMemoryIo({ env: { TZ: row.tz } }),
    now: () => new Date(NOW_MS),
    runProcess: async (): Promise<ProcessResult> => {
      const output = row.outputs[runs++];
      if (!output) throw new Error(`run ${runs}: botocore ran the process ${row.runs} time(s)`);
      return { exitCode: output.exitCode, stdout: encode(output.stdout), stderr: encode(output.stderr) };
    },
  };
  return { io, runs: () => runs };
}

async function replay(row: Row): Promise<{ runs: number; tokens: (string | null)[]; error?: string; warning?: string }> {
  const { io, runs } = processIo(row);
  const tokens: (string | null)[] = [];
  let error: string | undefined;
  try {
    const source = await loadProcessCredentials({ kind: 'process', profileName: 'default', command: 'proc', env: {} }, io);
    for (let i = 0; i < row.signings; i++) tokens.push((await loadCredentials(source, io, CREDENTIAL_CLIENTS)).sessionToken ?? null);
  } catch (caught) {
    if (!(caught instanceof CliError)) throw caught;
    error = caught.message;
  }
  const warning = io.stderr();
  return { runs: runs(), tokens, ...(error === undefined ? {} : { error }), ...(warning ? { warning } : {}) };
}

describe('credential_process with an Expiration (botocore RefreshableCredentials)', () => {
  it.each(table.rows as Row[])('$name', async (row) => {
    const { name: _name, tz: _tz, outputs: _outputs, signings: _signings, ...expected } = row;
    expect(await replay(row)).toEqual(expected);
  });
});

describe(refreshNeeded.name, () => {
  const io = { ...createMemoryIo({ env: { TZ: 'UTC' } }), now: () => new Date('2026-11-25T17:00:00Z') };
  const clock = expiryClockOf(io);
  const parse = (text: string) => dateutilParse(text, { today: { year: 2026, month: 11, day: 25 }, local: fixedLocal(['UTC', 'UTC'], 0), tzinfos: 'none' });

  it.each([
    ['2026-11-25T17:15:00Z', 900, false],
    ['2026-11-25T17:14:59.999999Z', 900, true],
    ['2026-11-25T17:10:00Z', 600, false],
    ['2026-11-25T17:09:59Z', 600, true],
    ['2026-11-25T17:00:00Z', 0, false],
    ['2026-11-25T16:59:59.999999Z', 0, true],
  ])('%s with %d seconds to go: %s', (text, refreshIn, expected) => {
    expect(refreshNeeded(parse(text), refreshIn, clock)).toBe(expected);
  });

  it('counts from now in UTC, whatever the offset the expiry is written at', () => {
    expect(secondsRemaining(parse('2026-11-25T22:30:00+05:30'), clock)).toBe(0);
    expect(secondsRemaining(parse('2026-11-25T09:00:01.5-08:00'), clock)).toBe(1.5);
  });
});

// A zone of a fixed offset (seconds east) whose time.tzname is given, as TZ=GMT-14 is.
function fixedLocal(tznames: [string, string], offset: number): TzLocal {
  return { tznames, utcoffset: () => offset, tzname: () => tznames[0], fromutc: (utc) => ({ wall: utc + offset, fold: 0 }) };
}

describe('dateutil parse without tzinfos (an Expiration) and with botocore’s {GMT: tzutc()}', () => {
  const context = { today: { year: 2026, month: 11, day: 25 }, local: fixedLocal(['GMT', 'GMT'], 14 * 3600) };

  it('a GMT in time.tzname (TZ=GMT-14) is tzlocal without tzinfos, UTC with them', () => {
    expect(dateutilParse('2026-11-25T12:00:00 GMT', { ...context, tzinfos: 'none' }).tz).toEqual({ kind: 'local', fold: 0 });
    expect(dateutilParse('2026-11-25T12:00:00 GMT', { ...context, tzinfos: 'GMT=UTC' }).tz).toEqual({ kind: 'utc' });
  });

  it('a GMT outside time.tzname is UTC either way', () => {
    const local = fixedLocal(['XYZ', 'XYZ'], 3600);
    expect(dateutilParse('2026-11-25T12:00:00 GMT', { ...context, local, tzinfos: 'none' }).tz).toEqual({ kind: 'utc' });
  });
});
