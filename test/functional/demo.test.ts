// `npm run demo` (scripts/demo.ts), run as the README says: it starts voiceid-local in process,
// starts a speaker enrollment job with the built CLI, polls it with describe-speaker-enrollment-job
// until it ends and prints the job as it ended. Only PATH comes from the environment (the demo
// sets the rest); loopback only. The test waits for the demo's exit, not for a time.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/golden.js';
import { timeoutFor } from '../helpers/budget.js';

const ORDER = ['SUBMITTED', 'IN_PROGRESS', 'COMPLETED'];

describe('npm run demo', () => {
  it(
    'starts a job, polls it until it ends and shows it COMPLETED, exit 0',
    async () => {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts/demo.ts')], {
        cwd: REPO_ROOT,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
      });
      expect(stderr).toBe('');
      const lines = stdout.split('\n');
      expect(lines[0]).toMatch(/^local Voice ID endpoint: http:\/\/127\.0\.0\.1:\d+ /);
      expect(lines[1]).toMatch(/^\$ aws-voiceid --endpoint-url http:\/\/127\.0\.0\.1:\d+ voice-id start-speaker-enrollment-job --domain-id /);
      const jobId = /"JobId": "(\w{22})"/.exec(stdout)?.[1];
      const poll = lines.findIndex((line) => line.includes(' describe-speaker-enrollment-job ') && line.endsWith('--query Job.JobStatus --output text'));
      expect(poll).toBeGreaterThan(1);
      expect(lines[poll]).toContain(`--job-id ${jobId} `);
      // The statuses, one a poll, in the order a job goes through them (the first poll may come
      // after SUBMITTED on a slow machine), ending with COMPLETED.
      const statuses = lines.slice(
        poll + 1,
        lines.findIndex((line, i) => i > poll && line.startsWith('$ ')),
      );
      expect(statuses.at(-1)).toBe('COMPLETED');
      expect(statuses.map((s) => ORDER.indexOf(s))).toEqual(statuses.map((s) => ORDER.indexOf(s)).sort());
      expect(statuses.every((s) => ORDER.includes(s))).toBe(true);
      const last = stdout.slice(stdout.lastIndexOf('\n{\n') + 1);
      expect(JSON.parse(last).Job).toMatchObject({ JobId: jobId, JobStatus: 'COMPLETED', JobProgress: { PercentComplete: 100 } });
    },
    timeoutFor(8),
  ); // the endpoint, the start, the polls (a job of 1.5 s) and the last describe
});
