// Records golden cases: runs the reference CLI of the case file's generation (fixtures/cases/:
// /usr/bin/aws, AWS CLI v2.9.19; fixtures/cases-2.36.7/: ../shared/oracle's AWS CLI v2.36.7) on
// each case against a scripted loopback endpoint and writes <golden dir>/<case>.json
// (fixtures/golden/, fixtures/golden-2.36.7/).
//   npx tsx scripts/record-fixtures.ts [--only REGEX] [--jobs N] [--aws PATH] fixtures/cases*/*.json
// Cases with `expected_like` are never recorded. `expected` overrides are applied at replay, not here.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { startFakeVoiceId, type FakeVoiceId } from '../test/helpers/fake-voiceid.js';
import { REPO_ROOT, generationOfCaseFile, goldenPath, loadCases, mapLimit, runCase, type GoldenCase, type GoldenGeneration } from '../test/helpers/golden.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    only: { type: 'string' },
    jobs: { type: 'string', default: '2' },
    aws: { type: 'string' },
    timeout: { type: 'string', default: '90' },
  },
});

/**
 * A backstop so that a case which unexpectedly gets as far as the default endpoint
 * (https://voiceid.<region>.amazonaws.com) talks to a closed loopback proxy instead of
 * resolving an AWS host name. Loopback endpoints bypass it. Not used when a case sets a
 * proxy variable itself, and never used at replay.
 */
const NETWORK_GUARD = { HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9', NO_PROXY: '127.0.0.1' };

function guardFor(c: GoldenCase): Record<string, string> {
  return Object.keys(c.env ?? {}).some((k) => /_proxy$/i.test(k)) ? {} : NETWORK_GUARD;
}

/** Refuses any case that could send the reference to a real AWS host. */
function assertLoopbackOnly(c: GoldenCase): void {
  const text = JSON.stringify([c.args, c.env ?? {}, c.files ?? {}]);
  if (/amazonaws\.com|api\.aws/.test(text)) throw new Error(`${c.name}: mentions an AWS host name`);
  for (const url of text.match(/https?:\/\/[^\s"',]+/g) ?? []) {
    const host = /^https?:\/\/([^/:?#]*)/.exec(url)?.[1] ?? '';
    if (host !== '127.0.0.1' && host !== '' && !url.startsWith('http://{')) {
      // URLs inside values that are never used as endpoints (S3 URIs are s3://) are still refused, to be safe.
      throw new Error(`${c.name}: non-loopback URL ${url}`);
    }
  }
}

/**
 * The reference's `--version` must name the generation it records (`aws-cli/2.36.7 …`), so that
 * `--aws` cannot write one release's output into another's recordings.
 */
function assertReferenceIs(aws: string, generation: GoldenGeneration): void {
  const version = execFileSync(aws, ['--version'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/nonexistent', AWS_EC2_METADATA_DISABLED: 'true' },
  });
  if (!version.startsWith(`aws-cli/${generation.name} `)) {
    throw new Error(
      `${aws} is not AWS CLI ${generation.name} (it says ${JSON.stringify(version.trim())}), which ${relative(REPO_ROOT, generation.casesDir)}/ is recorded from`,
    );
  }
}

/** The case files of the command line, by the generation whose directory holds them. */
function filesByGeneration(paths: readonly string[]): Map<GoldenGeneration, string[]> {
  const groups = new Map<GoldenGeneration, string[]>();
  for (const path of paths) {
    const generation = generationOfCaseFile(path);
    groups.set(generation, [...(groups.get(generation) ?? []), path]);
  }
  return groups;
}

interface Job {
  c: GoldenCase;
  generation: GoldenGeneration;
  aws: string;
}

async function main(): Promise<number> {
  if (positionals.length === 0) {
    console.error('usage: npx tsx scripts/record-fixtures.ts [--only REGEX] [--jobs N] [--aws PATH] fixtures/cases*/*.json');
    return 2;
  }
  const only = values.only ? new RegExp(values.only) : null;
  const groups = filesByGeneration(positionals);
  if (values.aws !== undefined && groups.size > 1) {
    console.error('--aws records one generation: give the case files of one directory only');
    return 2;
  }
  const work: Job[] = [];
  for (const [generation, paths] of groups) {
    const aws = values.aws ?? generation.reference;
    assertReferenceIs(aws, generation);
    const cases = (await loadCases(paths)).filter((c) => !c.expected_like && (!only || only.test(c.name)));
    cases.forEach(assertLoopbackOnly);
    await mkdir(generation.goldenDir, { recursive: true });
    work.push(...cases.map((c) => ({ c, generation, aws })));
  }
  const jobs = Math.max(1, Number(values.jobs));
  const fakes: FakeVoiceId[] = await Promise.all(Array.from({ length: jobs }, () => startFakeVoiceId()));
  const free = [...fakes];
  let failures = 0;
  try {
    await mapLimit(work, jobs, async ({ c, generation, aws }) => {
      const fake = free.pop();
      if (!fake) throw new Error('no free endpoint');
      try {
        const started = Date.now();
        const result = await runCase([aws], c, fake, {
          argsKey: 'args',
          timeoutMs: Number(values.timeout) * 1000,
          extraEnv: guardFor(c),
        });
        const guarded = guardFor(c).NO_PROXY !== undefined;
        const leak = /endpoint URL: "https?:\/\/(?!127\.0\.0\.1)[^"]*"|Failed to connect to proxy URL/.exec(result.stderr);
        if (leak && guarded) throw new Error(`the reference tried a non-loopback endpoint: ${leak[0]}`);
        await writeFile(goldenPath(generation, c.name), `${JSON.stringify(result, null, 1)}\n`);
        const secs = ((Date.now() - started) / 1000).toFixed(1);
        console.log(`recorded ${generation.name} ${c.name}: exit ${result.exit}, ${result.requests.length} request(s), ${secs}s`);
        if (result.exit === 'timeout') failures++;
      } catch (e) {
        failures++;
        console.error(`FAILED ${generation.name} ${c.name}: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        free.push(fake);
      }
    });
  } finally {
    await Promise.all(fakes.map((f) => f.close()));
  }
  console.log(`${work.length - failures} recorded, ${failures} failed`);
  return failures > 0 ? 1 : 0;
}

process.exitCode = await main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  return 2;
});
