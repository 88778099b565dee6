// Records golden cases: runs the reference CLI (/usr/bin/aws, AWS CLI v2.9.19) on each case
// against a scripted loopback endpoint and writes fixtures/golden/<case>.json.
//   npx tsx scripts/record-fixtures.ts [--only REGEX] [--jobs N] [--aws PATH] fixtures/cases/*.json
// Cases with `expected_like` are never recorded. `expected` overrides are applied at replay, not here.
import { mkdir, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { startFakeVoiceId, type FakeVoiceId } from '../test/helpers/fake-voiceid.js';
import { GOLDEN_DIR, REFERENCE_CLI, goldenPath, loadCases, mapLimit, runCase, type GoldenCase } from '../test/helpers/golden.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    only: { type: 'string' },
    jobs: { type: 'string', default: '2' },
    aws: { type: 'string', default: REFERENCE_CLI },
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

async function main(): Promise<number> {
  if (positionals.length === 0) {
    console.error('usage: npx tsx scripts/record-fixtures.ts [--only REGEX] [--jobs N] fixtures/cases/*.json');
    return 2;
  }
  const only = values.only ? new RegExp(values.only) : null;
  const cases = (await loadCases(positionals)).filter((c) => !c.expected_like && (!only || only.test(c.name)));
  cases.forEach(assertLoopbackOnly);
  await mkdir(GOLDEN_DIR, { recursive: true });
  const jobs = Math.max(1, Number(values.jobs));
  const fakes: FakeVoiceId[] = await Promise.all(Array.from({ length: jobs }, () => startFakeVoiceId()));
  const free = [...fakes];
  let failures = 0;
  try {
    await mapLimit(cases, jobs, async (c) => {
      const fake = free.pop();
      if (!fake) throw new Error('no free endpoint');
      try {
        const started = Date.now();
        const result = await runCase([values.aws], c, fake, {
          argsKey: 'args',
          timeoutMs: Number(values.timeout) * 1000,
          extraEnv: guardFor(c),
        });
        const guarded = guardFor(c).NO_PROXY !== undefined;
        const leak = /endpoint URL: "https?:\/\/(?!127\.0\.0\.1)[^"]*"|Failed to connect to proxy URL/.exec(result.stderr);
        if (leak && guarded) throw new Error(`the reference tried a non-loopback endpoint: ${leak[0]}`);
        await writeFile(goldenPath(c.name), `${JSON.stringify(result, null, 1)}\n`);
        const secs = ((Date.now() - started) / 1000).toFixed(1);
        console.log(`recorded ${c.name}: exit ${result.exit}, ${result.requests.length} request(s), ${secs}s`);
        if (result.exit === 'timeout') failures++;
      } catch (e) {
        failures++;
        console.error(`FAILED ${c.name}: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        free.push(fake);
      }
    });
  } finally {
    await Promise.all(fakes.map((f) => f.close()));
  }
  console.log(`${cases.length - failures} recorded, ${failures} failed`);
  return failures > 0 ? 1 : 0;
}

process.exitCode = await main();
