// voiceid-local's state files in process (src/emulator/state*.ts): the journal replayed on open,
// a torn last line dropped, other damage refused with one line, a version-1 file migrated,
// compaction (by request and by itself) with writes going on, and a failed write.
import { afterEach, describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DomainRecord, JobRecord } from '../../src/emulator/records.js';
import { EmulatorState } from '../../src/emulator/state.js';
import { StateFileError } from '../../src/emulator/state-paths.js';

const DOMAIN = 'abcdefghij0123456789AB';

const open: EmulatorState[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const state of open.splice(0)) await state.close().catch(() => undefined);
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function stateFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'voiceid-state-'));
  dirs.push(dir);
  return join(dir, 'state.json');
}

async function openState(file: string, options: Parameters<typeof EmulatorState.open>[0] = {}): Promise<EmulatorState> {
  const state = await EmulatorState.open({ file, ...options });
  open.push(state);
  return state;
}

async function reopen(state: EmulatorState, file: string, options: Parameters<typeof EmulatorState.open>[0] = {}): Promise<EmulatorState> {
  await state.close();
  open.splice(open.indexOf(state), 1);
  return openState(file, options);
}

function domain(id: string, name: string): DomainRecord {
  return {
    DomainId: id,
    Arn: `arn:aws:voiceid:us-east-1:123456789012:domain/${id}`,
    Name: name,
    DomainStatus: 'ACTIVE',
    ServerSideEncryptionConfiguration: { KmsKeyId: 'alias/aws/voiceid' },
    CreatedAt: 1,
    UpdatedAt: 1,
  };
}

function job(id: string, extra: Partial<JobRecord> = {}): JobRecord {
  return {
    JobId: id,
    DomainId: DOMAIN,
    DataAccessRoleArn: 'arn:aws:iam::123456789012:role/VoiceIdRole',
    InputDataConfig: { S3Uri: 's3://voiceid-input/manifest.json' },
    OutputDataConfig: { S3Uri: 's3://voiceid-output/results' },
    CreatedAt: 1_700_000_000_000,
    request: '{}',
    ...extra,
  };
}

/** Commits a job and its token, and waits until it is on disk. */
async function startJob(state: EmulatorState, id: string): Promise<void> {
  state.commit([
    { collection: 'jobs', key: id, value: job(id) },
    { collection: 'tokens', key: `StartSpeakerEnrollmentJob/token-${id}`, value: id },
  ]);
  await state.durable();
}

const jobIds = (state: EmulatorState): string[] => [...state.values('jobs')].map((j) => j.JobId).sort();
const lines = (path: string): string[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l !== '');

describe('the journal', () => {
  it('replays every change set on open: puts, deletes and a reset', async () => {
    const file = stateFile();
    let state = await openState(file);
    for (const id of ['j1', 'j2', 'j3']) await startJob(state, id);
    state.commit([{ collection: 'jobs', key: 'j2' }]);
    await state.durable();
    state = await reopen(state, file);
    expect(jobIds(state)).toEqual(['j1', 'j3']);
    expect(state.token('StartSpeakerEnrollmentJob', 'token-j3')).toBe('j3');
    expect(lines(`${file}.journal`)).toHaveLength(5); // the header and four change sets
    state.reset([]);
    await startJob(state, 'j4');
    state = await reopen(state, file);
    expect(jobIds(state)).toEqual(['j4']);
    expect(state.count('tokens')).toBe(1);
  });

  it('drops a torn last line, cuts it off, and goes on appending', async () => {
    const file = stateFile();
    let state = await openState(file);
    await startJob(state, 'j1');
    await startJob(state, 'j2');
    await state.close();
    open.splice(0);
    const journal = `${file}.journal`;
    const whole = statSync(journal).size;
    appendFileSync(journal, '{"seq":3,"ops":[["jobs","j3",{"JobId":"j3","Dom');
    state = await openState(file);
    expect(jobIds(state)).toEqual(['j1', 'j2']);
    expect(statSync(journal).size).toBe(whole);
    await startJob(state, 'j3');
    state = await reopen(state, file);
    expect(jobIds(state)).toEqual(['j1', 'j2', 'j3']);
  });

  it('drops a last line of zeros (a torn write after a power loss)', async () => {
    const file = stateFile();
    let state = await openState(file);
    await startJob(state, 'j1');
    await state.close();
    open.splice(0);
    appendFileSync(`${file}.journal`, Buffer.alloc(4096));
    state = await openState(file);
    expect(jobIds(state)).toEqual(['j1']);
  });

  it.each([
    [
      'a damaged line before the last',
      (j: string[]) => [j[0], j[1], '{"seq":2,"ops":[["jobs"', j[2]],
      /journal .*state\.json\.journal is damaged at line 3: not a change set/,
    ],
    ['a gap in the change sets', (j: string[]) => [j[0], j[1], j[2]!.replace('"seq":2', '"seq":5')], /line 3: change sets 2 to 4 are missing/],
    ['change sets out of order', (j: string[]) => [j[0], j[2], j[1]], /line 2: change set 1 is missing/],
    ['an unknown collection', (j: string[]) => [j[0], j[1]!.replace('["jobs"', '["speakerz"'), j[2]], /line 2: unknown collection "speakerz"/],
    ['no header', (j: string[]) => [j[1], j[2]], /line 1: its first line is not a voiceid-local journal header/],
  ])('refuses a journal with %s, naming the file and the line', async (_name, damage, message) => {
    const file = stateFile();
    const state = await openState(file);
    await startJob(state, 'j1');
    await startJob(state, 'j2');
    await state.close();
    open.splice(0);
    const journal = lines(`${file}.journal`);
    writeFileSync(`${file}.journal`, `${damage(journal).join('\n')}\n`);
    const error = await EmulatorState.open({ file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StateFileError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('refuses a damaged snapshot and a journal without its snapshot', async () => {
    const file = stateFile();
    const state = await openState(file);
    await startJob(state, 'j1');
    await state.compact();
    await state.close();
    open.splice(0);
    const snapshot = lines(file);
    writeFileSync(file, `${snapshot[0]}\n["jobs","j1"\n`);
    await expect(EmulatorState.open({ file })).rejects.toThrow(/state file .* is damaged at line 2: not a record/);
    writeFileSync(file, `${snapshot[0]}\n`);
    await expect(EmulatorState.open({ file })).rejects.toThrow(/it holds 0 records, its header says 2/);
    rmSync(file);
    await expect(EmulatorState.open({ file })).rejects.toThrow(/the journal .* exists without its state file/);
  });
});

describe('temp files', () => {
  it("removes the temp files a kill left of this state, and no other state's", async () => {
    const file = stateFile();
    const dir = join(file, '..');
    const left = [join(dir, '.state.json.tmp-snapshot-99999'), join(dir, '.state.json.tmp-journal-1')];
    const others = [join(dir, '.state.json.2.tmp-snapshot-99999'), join(dir, '.state.json.tmp-notes')];
    for (const path of [...left, ...others]) writeFileSync(path, 'x');
    await openState(file);
    expect(left.filter(existsSync)).toEqual([]);
    expect(others.filter(existsSync)).toEqual(others);
  });
});

describe('a version-1 state file', () => {
  it('opens, and is rewritten in the current form with every record', async () => {
    const file = stateFile();
    const old = domain(DOMAIN, 'old');
    // As voiceid-local 0.1.0 wrote it.
    const version1 = { version: 1, domains: { [DOMAIN]: old }, jobs: { j1: job('j1'), j2: job('j2') }, tokens: { 'StartSpeakerEnrollmentJob/t1': 'j1' } };
    writeFileSync(file, `${JSON.stringify(version1, null, 1)}\n`);
    let state = await openState(file);
    expect(jobIds(state)).toEqual(['j1', 'j2']);
    expect(state.get('domains', DOMAIN)).toEqual(old);
    expect(state.token('StartSpeakerEnrollmentJob', 't1')).toBe('j1');
    expect(readFileSync(file, 'utf8')).toMatch(/^\{"format":"voiceid-local-state","version":2,"seq":0,"records":4\}\n/);
    await startJob(state, 'j3');
    state = await reopen(state, file);
    expect(jobIds(state)).toEqual(['j1', 'j2', 'j3']);
  });

  it('is refused with one line when it is not a state', async () => {
    const file = stateFile();
    writeFileSync(file, '{"version": 1, "jobs": [');
    await expect(EmulatorState.open({ file })).rejects.toThrow(/^the state file .* is not a voiceid-local state: it is not valid JSON$/);
    writeFileSync(file, '{"version": 7}');
    await expect(EmulatorState.open({ file })).rejects.toThrow(/is not a voiceid-local state: it is not a voiceid-local state \(version 1 or 2\)/);
  });
});

describe('compaction', () => {
  it('writes a snapshot of every record and starts an empty journal', async () => {
    const file = stateFile();
    let state = await openState(file);
    for (let i = 0; i < 50; i += 1) await startJob(state, `j${i}`);
    const report = await state.compact();
    expect(report).toMatchObject({ seq: 50, records: 100 });
    expect(lines(`${file}.journal`)).toHaveLength(1);
    expect(lines(file)).toHaveLength(101);
    expect(existsSync(`${file}.journal.next`)).toBe(false);
    state = await reopen(state, file);
    expect(jobIds(state)).toHaveLength(50);
    expect(state.count('tokens')).toBe(50);
  });

  it('keeps the writes made while it runs, deletes and resets included', async () => {
    const file = stateFile();
    const options = { journalLimit: 2 ** 40 }; // no compaction but those asked for
    let state = await openState(file, options);
    for (let i = 0; i < 2000; i += 1) state.commit([{ collection: 'jobs', key: `old${i}`, value: job(`old${i}`, { JobName: 'x'.repeat(200) }) }]);
    await state.durable();
    // compact() moves to the next journal at once; the snapshot is then written over many turns
    // of the event loop, so what follows (before any await) happens while it is written.
    const compaction = state.compact();
    state.commit([{ collection: 'domains', key: DOMAIN, value: domain(DOMAIN, 'kept') }]);
    state.commit([{ collection: 'jobs', key: 'old0', value: job('old0', { JobName: 'changed' }) }]);
    state.commit([{ collection: 'jobs', key: 'old1' }]);
    for (let i = 0; i < 100; i += 1) await startJob(state, `new${i}`);
    expect((await compaction)?.records).toBe(2000);
    state = await reopen(state, file, options);
    expect(state.count('jobs')).toBe(2000 + 100 - 1);
    expect(state.get('jobs', 'old0')?.JobName).toBe('changed');
    expect(state.get('jobs', 'old1')).toBeUndefined();
    const again = state.compact();
    state.commit([{ collection: 'domains', key: 'other', value: domain('other', 'gone') }]);
    state.reset([DOMAIN]);
    for (let i = 0; i < 10; i += 1) await startJob(state, `after${i}`);
    expect((await again)?.records).toBe(2000 + 100 - 1 + 100 + 1);
    state = await reopen(state, file, options);
    expect(jobIds(state)).toHaveLength(10);
    expect([...state.values('domains')].map((d) => d.Name)).toEqual(['kept']);
  });

  it('runs by itself once the journal outgrows its limit and the snapshot', async () => {
    const file = stateFile();
    let state = await openState(file, { journalLimit: 4096 });
    for (let i = 0; i < 40; i += 1) await startJob(state, `j${i}`);
    await state.compacting;
    const snapshotSeq = JSON.parse(lines(file)[0] as string).seq as number;
    expect(snapshotSeq).toBeGreaterThan(0);
    state = await reopen(state, file, { journalLimit: 4096 });
    expect(jobIds(state)).toHaveLength(40);
  });
});

describe('a failed write', () => {
  it('fails the commits waiting for it and every later one, and says so once', async () => {
    const file = stateFile();
    const failures: Error[] = [];
    let broken = false;
    const state = await openState(file, {
      onFailure: (error) => failures.push(error),
      failpoint: (point) => {
        if (broken && point === 'journal:written') throw new Error('ENOSPC: no space left on device');
      },
    });
    await startJob(state, 'j1');
    broken = true;
    await expect(startJob(state, 'j2')).rejects.toThrow(/^cannot write the state file .*state\.json: ENOSPC: no space left on device$/);
    expect(() => state.commit([{ collection: 'jobs', key: 'j3', value: job('j3') }])).toThrow(/cannot write the state file/);
    await expect(state.durable()).rejects.toThrow(/cannot write the state file/);
    expect(failures).toHaveLength(1);
  });
});
