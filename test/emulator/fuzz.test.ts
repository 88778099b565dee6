// voiceid-local against a few thousand hostile requests (test/helpers/hostile-requests.ts): every
// answer is an AWS-shaped 4xx or a 200, never a 5xx or a crash; afterwards it still answers a
// normal start and has kept every job it answered before and during the run. How fast it
// answers after the run is measured by scripts/bench-emulator-hostile.ts, not asserted here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListSpeakerEnrollmentJobsCommand, StartSpeakerEnrollmentJobCommand, type VoiceIDClient } from '@aws-sdk/client-voice-id';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { timeoutFor } from '../helpers/budget.js';
import { deliver, type HostileRequest, HostileRequests } from '../helpers/hostile-requests.js';
import { type Exchange, exchange, RequestSigner } from '../helpers/raw-http.js';
import { localClient } from '../helpers/voiceid-client.js';

const DOMAIN = 'abcdefghij0123456789AB';
const SEED = 13;
const COUNT = 3000;
const SENDERS = 8;
const JOB = {
  DomainId: DOMAIN,
  DataAccessRoleArn: 'arn:aws:iam::123456789012:role/VoiceIdRole',
  InputDataConfig: { S3Uri: 's3://voiceid-input/manifest.json' },
  OutputDataConfig: { S3Uri: 's3://voiceid-output/results' },
};
const ALLOWED = new Set([200, 400, 403, 408, 413, 431]);

let emulator: Emulator;
let client: VoiceIDClient;
let signer: RequestSigner;

beforeAll(async () => {
  // Short timeouts, so that the held-open requests end soon; a hostile request answered 408 is
  // allowed, and the client's calls are retried (a RequestTimeoutException is retryable) should a
  // stalled machine time one of them out.
  emulator = await startEmulator({
    domains: [DOMAIN],
    credentials: new Map([['AKIDEXAMPLE', 'secretkey']]),
    limits: { headersTimeoutMs: 1000, requestTimeoutMs: 2000, keepAliveTimeoutMs: 1000 },
  });
  client = localClient(emulator.url, undefined, undefined, 3);
  signer = new RequestSigner(emulator.url);
});
afterAll(async () => {
  client.destroy();
  signer.destroy();
  await emulator.close();
});

async function allJobs(): Promise<string[]> {
  const ids: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await client.send(new ListSpeakerEnrollmentJobsCommand({ DomainId: DOMAIN, MaxResults: 100, NextToken }));
    ids.push(...(page.JobSummaries ?? []).map((j) => j.JobId as string));
    NextToken = page.NextToken;
  } while (NextToken);
  return ids;
}

/** What is wrong with an exchange, if anything; the job id of an answered valid start. */
function judge(request: HostileRequest, index: number, result: Exchange): { problem?: string; jobId?: string } {
  const { response } = result;
  const label = `#${index} ${request.kind} (seed ${SEED})`;
  if (!response) {
    // No whole answer: only a dropped or aborted request may go without one.
    return result.raw === '' ? {} : { problem: `${label}: a partial answer ${JSON.stringify(result.raw.slice(0, 200))}` };
  }
  if (!ALLOWED.has(response.status)) return { problem: `${label}: status ${response.status} ${response.body.slice(0, 300)}` };
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(response.body) as Record<string, unknown>;
  } catch {
    return { problem: `${label}: a body that is not JSON: ${response.body.slice(0, 200)}` };
  }
  if (response.status !== 200) {
    const shaped = typeof body.__type === 'string' && /#\w+$/.test(body.__type) && typeof (body.message ?? body.Message) === 'string';
    return shaped && response.headers['x-amzn-requestid'] ? {} : { problem: `${label}: not AWS-shaped: ${response.body.slice(0, 300)}` };
  }
  if (request.kind === 'unknown-members' && /Extra\d|Unknown/.test(response.body)) return { problem: `${label}: unknown members echoed` };
  const job = body.Job as { JobId?: string } | undefined;
  return request.validStart && job?.JobId ? { jobId: job.JobId } : {};
}

describe('voiceid-local under hostile requests', () => {
  it(
    `answers ${COUNT} hostile requests with 4xx or 200, then a start, and keeps every job`,
    async () => {
      const jobs: string[] = [];
      for (let i = 0; i < 5; i += 1)
        jobs.push((await client.send(new StartSpeakerEnrollmentJobCommand({ ...JOB, ClientToken: `before-${i}` }))).Job?.JobId as string);
      const requests = new HostileRequests(SEED, signer, DOMAIN);
      const problems: string[] = [];
      const held: Promise<void>[] = [];
      let next = 0;
      const sender = async (): Promise<void> => {
        while (next < COUNT) {
          const index = next;
          next += 1;
          const request = await requests.request(index);
          const done = exchange(emulator.port, (socket) => deliver(request, socket)).then((result) => {
            const { problem, jobId } = judge(request, index, result);
            if (problem) problems.push(problem);
            if (jobId) jobs.push(jobId);
          });
          // A held-open request ends when the endpoint times it out; the sender goes on meanwhile.
          if (request.delivery === 'whole') await done;
          else held.push(done);
        }
      };
      await Promise.all(Array.from({ length: SENDERS }, sender));
      await Promise.all(held);
      expect(problems).toEqual([]);
      expect(jobs.length).toBeGreaterThan(5);
      const after = await client.send(new StartSpeakerEnrollmentJobCommand({ ...JOB, ClientToken: 'after-the-fuzz' }));
      expect(after.Job?.JobStatus).toBe('SUBMITTED');
      const listed = new Set(await allJobs());
      expect(jobs.filter((id) => !listed.has(id))).toEqual([]);
      expect(listed.has(after.Job?.JobId as string)).toBe(true);
    },
    timeoutFor(12),
  ); // the run: about a second per thousand requests on a quiet machine, many on a loaded one
});
