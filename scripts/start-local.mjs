// Starts voiceid-local for the build's warm-up, the benchmarks and the install check, and
// resolves with its URL, read from the first line it prints.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * { child, url } of a voiceid-local started with `args` (after --port 0): by default the built
 * one (bin/voiceid-local.js under this node), else `command` (an installed one, `npx ...`), with
 * `env` and `cwd` when given. Rejects when it exits before printing its URL, or after
 * `timeoutMs` without one (then it is killed).
 */
export async function startLocal(args, { command = [process.execPath, join(root, 'bin/voiceid-local.js')], env, cwd, timeoutMs } = {}) {
  const [file, ...prefix] = command;
  const child = spawn(file, [...prefix, '--port', '0', ...args], { env, cwd, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const limit =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            child.kill('SIGKILL');
            reject(new Error(`voiceid-local printed no URL within ${timeoutMs / 1000} s`));
          }, timeoutMs);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (match) {
        clearTimeout(limit);
        resolve(match[0]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(limit);
      reject(new Error(`voiceid-local exited ${code}`));
    });
  });
  return { child, url };
}
