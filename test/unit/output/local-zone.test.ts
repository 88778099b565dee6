// pyLocalZone against CPython's time module on glibc: fixtures/output/local-zones.json, written by
// scripts/gen-local-zone-table.py with /usr/bin/python3 (its header says which Python, glibc and
// tzdata). The zone files are this machine's own (/usr/share/zoneinfo, /etc/localtime): a zone
// whose files differ from those the table was recorded with is skipped, naming the file. The
// table's `{zones}` is fixtures/output/zones/: zone files the script made from New York's that
// glibc reads oddly or refuses (a version 1 file, footers missing or odd, bad indexes, truncation).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pyLocalZone, type ZoneSource } from '../../../src/values/py-local-zone.js';
import table from '../../../fixtures/output/local-zones.json' with { type: 'json' };

/** [now, time.timezone, time.altzone, time.daylight, time.tzname]. */
type Probe = [number, number, number, boolean, [string, string]];

interface Row {
  tz: string | null;
  tzdir: string | null;
  files: Record<string, string | null>;
  now: number;
  /** The time module's own values at `now`. */
  own: [number, number, boolean, [string, string]];
  probes: Probe[];
  localtime: [number, number, number, string][];
}

const ZONES = fileURLToPath(new URL('../../../fixtures/output/zones', import.meta.url));
const zones = (table.zones as Row[]).map((row) => ({
  ...row,
  tzdir: row.tzdir === '{zones}' ? ZONES : row.tzdir,
  files: Object.fromEntries(Object.entries(row.files).map(([path, digest]) => [path.replace('{zones}', ZONES), digest])),
}));

function readFile(path: string): Uint8Array | undefined {
  try {
    return new Uint8Array(readFileSync(path));
  } catch {
    return undefined;
  }
}

/** The first recorded file that differs here (other contents, or present where it was absent). */
function changedFile(files: Row['files']): string | undefined {
  for (const [path, digest] of Object.entries(files)) {
    const bytes = readFile(path);
    const here = bytes && createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    if ((here ?? null) !== digest) return path;
  }
  return undefined;
}

function source(row: Row): ZoneSource {
  return { name: row.tz ?? undefined, dir: row.tzdir ?? undefined, readFile };
}

function label(row: Row): string {
  const tz = row.tz === null ? '(unset)' : JSON.stringify(row.tz);
  if (row.tzdir === null) return `TZ=${tz}`;
  return `TZ=${tz} TZDIR=${row.tzdir === ZONES ? 'fixtures/output/zones' : JSON.stringify(row.tzdir)}`;
}

describe(`${pyLocalZone.name} (CPython ${table.python}, ${table.libc}, tzdata ${table.tzdata})`, () => {
  for (const row of zones) {
    const changed = changedFile(row.files);
    const name = changed ? `${label(row)} (skipped: ${changed} differs from the recording)` : label(row);
    it.skipIf(changed !== undefined)(`${name}: localtime`, () => {
      const zone = pyLocalZone(source(row), 0);
      const got = row.localtime.map(([t]) => {
        const local = zone.localtime(t);
        return [t, local.isdst ? 1 : 0, local.gmtoff, local.zone];
      });
      expect(got).toEqual(row.localtime);
    });

    it.skipIf(changed !== undefined)(`${name}: time.timezone, altzone, daylight, tzname`, () => {
      const at = (now: number): Probe => {
        const zone = pyLocalZone(source(row), now * 1000);
        return [now, zone.timezone, zone.altzone, zone.daylight, [...zone.tzname]];
      };
      expect(row.probes.map(([now]) => at(now))).toEqual(row.probes);
      expect(at(row.now).slice(1)).toEqual(row.own);
    });
  }
});
