// Starts bin/voiceid-local.js (the built endpoint) for the build's warm-up and the benchmark,
// and resolves with its URL, read from the first line it prints.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));

/** { child, url } of a voiceid-local started with `args` (after --port 0). */
export async function startLocal(args) {
  const child = spawn(process.execPath, [join(root, 'bin/voiceid-local.js'), '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (match) resolve(match[0]);
    });
    child.on('exit', (code) => reject(new Error(`voiceid-local exited ${code}`)));
  });
  return { child, url };
}
