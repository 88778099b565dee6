// One copy of each @aws-sdk / @smithy package in the installed tree (a duplicate would double
// what the bundle ships and the SDK's identity checks can fail across copies).
import { describe, expect, it } from 'vitest';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/golden.js';

function nestedCopies(dir: string, found: string[] = []): string[] {
  for (const entry of existsSync(dir) ? readdirSync(dir, { withFileTypes: true }) : []) {
    if (!entry.isDirectory()) continue;
    const path = join(dir, entry.name);
    if (entry.name === 'node_modules') {
      for (const scope of ['@aws-sdk', '@smithy']) {
        const scoped = join(path, scope);
        if (existsSync(scoped) && !path.endsWith(join(REPO_ROOT, 'node_modules'))) found.push(...readdirSync(scoped).map((n) => `${scoped}/${n}`));
      }
    }
    if (entry.name.startsWith('.')) continue;
    nestedCopies(path, found);
  }
  return found;
}

describe('the installed tree', () => {
  it('holds one copy of each @aws-sdk and @smithy package', () => {
    const top = join(REPO_ROOT, 'node_modules');
    const nested = readdirSync(top, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .flatMap((e) => (e.name.startsWith('@') ? readdirSync(join(top, e.name)).map((n) => join(top, e.name, n)) : [join(top, e.name)]))
      .flatMap((pkg) => nestedCopies(pkg));
    expect(nested).toEqual([]);
  });
});
