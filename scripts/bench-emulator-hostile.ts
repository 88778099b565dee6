// How voiceid-local holds up against hostile clients, measured (test/emulator/fuzz.test.ts checks
// what it answers; this measures how fast). Runs the built endpoint (bin/voiceid-local.js) as its
// own process and prints:
// - the latency of a normal StartSpeakerEnrollmentJob before, during and after a run of hostile
//   requests (test/helpers/hostile-requests.ts), and the first start right after the run;
// - what single hostile requests cost: a JobName at the body limit, a body nested 2,100 levels,
//   200 MB of unsigned body;
// - each pattern of the model matched against a value of the body limit's size, in process;
// - the endpoint's resident memory (peak and now).
// Build first and run it on a quiet machine:
//   npm run bench:hostile -- [--requests 3000] [--senders 8] [--starts 200]
import { readFileSync } from 'node:fs';
import { DescribeDomainCommand, ListSpeakerEnrollmentJobsCommand, StartSpeakerEnrollmentJobCommand, type VoiceIDClient } from '@aws-sdk/client-voice-id';
import { DEFAULT_LIMITS } from '../src/emulator/http-limits.js';
import { matchesModelPattern } from '../src/emulator/validate-service.js';
import { FINAL_GENERATION } from '../src/model/generation.js';
import { serviceModelFor } from '../src/model/service-model.js';
import { deliver, HostileRequests } from '../test/helpers/hostile-requests.js';
import { startLocalProcess } from '../test/helpers/local-process.js';
import { exchange, RequestSigner, requestBytes } from '../test/helpers/raw-http.js';
import { localClient } from '../test/helpers/voiceid-client.js';

const option = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const REQUESTS = option('requests', 3000);
const SENDERS = option('senders', 8);
const STARTS = option('starts', 200);
const DOMAIN = 'abcdefghij0123456789AB';
const MIB = 1024 * 1024;
const JOB = {
  DomainId: DOMAIN,
  DataAccessRoleArn: 'arn:aws:iam::123456789012:role/VoiceIdRole',
  InputDataConfig: { S3Uri: 's3://voiceid-input/manifest.json' },
  OutputDataConfig: { S3Uri: 's3://voiceid-output/results' },
};

let serial = 0;
async function timedStart(client: VoiceIDClient): Promise<number> {
  serial += 1;
  const begin = performance.now();
  await client.send(new StartSpeakerEnrollmentJobCommand({ ...JOB, ClientToken: `bench-${serial}` }));
  return performance.now() - begin;
}

// A read whose cost does not grow with the number of jobs, to tell the server's own state from the state's.
async function timedDescribe(client: VoiceIDClient): Promise<number> {
  const begin = performance.now();
  await client.send(new DescribeDomainCommand({ DomainId: DOMAIN }));
  return performance.now() - begin;
}

async function jobCount(client: VoiceIDClient): Promise<number> {
  let count = 0;
  let NextToken: string | undefined;
  do {
    const page = await client.send(new ListSpeakerEnrollmentJobsCommand({ DomainId: DOMAIN, MaxResults: 100, NextToken }));
    count += page.JobSummaries?.length ?? 0;
    NextToken = page.NextToken;
  } while (NextToken);
  return count;
}

function summary(ms: readonly number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number): string => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(1);
  return `n=${sorted.length} p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  max ${at(1)} ms`;
}

const memory = (pid: number): string => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string): string => `${(Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1]) / 1024).toFixed(1)} MiB`;
  return `peak ${kb('VmHWM')}, now ${kb('VmRSS')}`;
};

async function main(): Promise<void> {
  const p = await startLocalProcess(['--port', '0', '--domain', DOMAIN, '--credentials', 'AKIDEXAMPLE:secretkey']);
  const port = Number(new URL(p.url).port);
  const pid = p.child.pid as number;
  const client = localClient(p.url);
  const signer = new RequestSigner(p.url);
  try {
    for (let i = 0; i < 20; i += 1) await timedStart(client); // warm-up
    const before: number[] = [];
    for (let i = 0; i < STARTS; i += 1) before.push(await timedStart(client));
    const describedBefore: number[] = [];
    for (let i = 0; i < STARTS; i += 1) describedBefore.push(await timedDescribe(client));
    console.log(`start latency before the run:   ${summary(before)}  (${await jobCount(client)} jobs)`);
    console.log(`describe-domain before the run: ${summary(describedBefore)}`);
    console.log(`memory before the run:          ${memory(pid)}`);

    const requests = new HostileRequests(13, signer, DOMAIN);
    const during: number[] = [];
    let next = 0;
    let running = true;
    const held: Promise<unknown>[] = [];
    const sender = async (): Promise<void> => {
      while (next < REQUESTS) {
        const request = await requests.request(next);
        next += 1;
        const done = exchange(port, (socket) => deliver(request, socket));
        if (request.delivery === 'whole') await done;
        else held.push(done);
      }
    };
    const begin = performance.now();
    const prober = (async () => {
      while (running) during.push(await timedStart(client));
    })();
    await Promise.all(Array.from({ length: SENDERS }, sender));
    running = false;
    await prober;
    const sent = performance.now() - begin;
    const first = await timedStart(client);
    console.log(`${REQUESTS} hostile requests, ${SENDERS} senders: ${(sent / 1000).toFixed(1)} s`);
    console.log(`start latency during the run:   ${summary(during)}`);
    console.log(`first start after the run:      ${first.toFixed(1)} ms`);
    await Promise.all(held);
    const after: number[] = [];
    for (let i = 0; i < STARTS; i += 1) after.push(await timedStart(client));
    const describedAfter: number[] = [];
    for (let i = 0; i < STARTS; i += 1) describedAfter.push(await timedDescribe(client));
    console.log(`start latency after the run:    ${summary(after)}  (${await jobCount(client)} jobs in the state)`);
    console.log(`describe-domain after the run:  ${summary(describedAfter)}`);
    console.log(`memory after the run:           ${memory(pid)}`);

    const single = async (label: string, run: () => Promise<unknown>): Promise<void> => {
      const at = performance.now();
      await run();
      console.log(`${label.padEnd(32)}${(performance.now() - at).toFixed(1)} ms`);
    };
    const jobName = JSON.stringify({ ...JOB, JobName: 'a'.repeat(DEFAULT_LIMITS.maxBodyBytes - 400) });
    const signedName = requestBytes(await signer.sign('VoiceID.StartSpeakerEnrollmentJob', jobName));
    await single('a JobName at the body limit:', () => exchange(port, (s) => s.end(signedName)));
    const deep = JSON.stringify({ ...JOB, EnrollmentConfig: { X: 0 } }).replace('"X":0', `"X":${'['.repeat(2100)}${']'.repeat(2100)}`);
    const signedDeep = requestBytes(await signer.sign('VoiceID.StartSpeakerEnrollmentJob', deep));
    await single('a body nested 2,100 levels:', () => exchange(port, (s) => s.end(signedDeep)));
    const chunk = Buffer.alloc(MIB, 0x61);
    await single('200 MB unsigned, until the 413:', () =>
      exchange(
        port,
        (s) => {
          s.write(`POST / HTTP/1.1\r\nHost: x\r\nContent-Length: ${200 * MIB}\r\n\r\n`);
          const pump = (): void => {
            while (!s.destroyed && s.write(chunk));
            if (!s.destroyed) s.once('drain', pump);
          };
          pump();
        },
        true,
      ),
    );
    console.log(`memory at the end:              ${memory(pid)}`);

    console.log(`\nthe model's patterns on a value of ${DEFAULT_LIMITS.maxBodyBytes} characters that fails near its end:`);
    const evil = `${'a'.repeat(DEFAULT_LIMITS.maxBodyBytes - 1)}\u0000`;
    for (const [name, shape] of Object.entries((await serviceModelFor(FINAL_GENERATION)).shapes)) {
      if (shape.pattern === undefined) continue;
      const at = performance.now();
      matchesModelPattern(shape.pattern, evil);
      console.log(`  ${name.padEnd(20)}${(performance.now() - at).toFixed(2)} ms`);
    }
  } finally {
    client.destroy();
    signer.destroy();
    p.child.kill('SIGKILL');
  }
}

await main();
