// What checking an install that its user cannot write needs (scripts/check-install.mjs,
// scripts/bench-install.mjs, test/functional/read-only-install.test.ts): a user who cannot write
// it, and a listing that tells whether a run wrote anything there. The user is nobody (setpriv)
// when this runs as root, whom no file mode stops; else the caller makes the files read-only.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const NOBODY = 65534;
export const asRoot = process.getuid?.() === 0;

/** [file, argv] that run `command args` as the user who cannot write: nobody under root, else as is. */
export const asRunner = (command, args) =>
  asRoot ? ['setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', command, ...args]] : [command, args];

/** Every file under `dir` with its size and mtime, in order. */
export function listing(dir) {
  const out = [];
  const walk = (path) => {
    for (const name of readdirSync(path).sort()) {
      const file = join(path, name);
      const stat = statSync(file);
      if (stat.isDirectory()) walk(file);
      else out.push(`${file} ${stat.size} ${stat.mtimeMs}`);
    }
  };
  walk(dir);
  return out;
}
