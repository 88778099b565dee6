// The local time zone as CPython's `time` module sees it on glibc (time.timezone, time.altzone,
// time.daylight, time.tzname, time.localtime()), which is what dateutil's tzlocal reads. Pure: the
// caller passes the TZ value and a file reader. The zone is glibc 2.36's (time/tzset.c
// tzset_internal, time/tzfile.c __tzfile_compute and __tzfile_default): a zone file first (TZ
// unset: /etc/localtime; `name` or `:name`: under TZDIR or /usr/share/zoneinfo; `/path`: that
// file), else the TZ value as a POSIX TZ string (posix-tz.ts); TZ empty is `Universal`.
import { civilFromDays, inDatetimeRange, SECONDS_PER_DAY } from './py-datetime.js';
import { parsePosixTz, posixZoneAt, type PosixZone, type ZoneAt } from './posix-tz.js';
import { parseTzif, type Tzif, type TzifType } from './tzif.js';

/** Where the zone comes from: the TZ value (undefined: the system zone) and the edge's helpers. */
export interface ZoneSource {
  readonly name: string | undefined;
  /** TZDIR: the folder of zone files (unset or empty: /usr/share/zoneinfo). */
  readonly dir?: string | undefined;
  /** Reads a file (a TZif zone file); undefined when it cannot. Without it no zone file is found. */
  readonly readFile?: (path: string) => Uint8Array | undefined;
}

/** What time.localtime(t) says of an instant: tm_isdst, tm_gmtoff (seconds east of UTC) and tm_zone. */
export type LocalTime = ZoneAt;

/** CPython's view of the local zone (its `time` module's init_timezone and localtime). */
export interface PyLocalZone {
  /** time.timezone: seconds west of UTC of standard time. */
  readonly timezone: number;
  /** time.altzone: seconds west of UTC of daylight time. */
  readonly altzone: number;
  /** time.daylight. */
  readonly daylight: boolean;
  /** time.tzname. */
  readonly tzname: readonly [string, string];
  /** time.localtime(t) for epoch seconds t. */
  localtime(t: number): LocalTime;
}

/** The local zone of a process started at `nowMs` with the zone `source`. */
export function pyLocalZone(source: ZoneSource, nowMs: number = Date.now()): PyLocalZone {
  const localtime = glibcLocaltime(source);
  // init_timezone (glibc has tzname but CPython probes instead): localtime of
  // (time(NULL) / YEAR) * YEAR and half a YEAR later (YEAR = 365.25 days); names cut to 9 bytes.
  const YEAR = (365 * 24 + 6) * 3600;
  const jan = Math.trunc(Math.floor(nowMs / 1000) / YEAR) * YEAR;
  const janTime = localtime(jan);
  const julyTime = localtime(jan + YEAR / 2);
  const [janZone, julyZone] = [0 - janTime.gmtoff, 0 - julyTime.gmtoff];
  const [janName, julyName] = [janTime.zone.slice(0, 9), julyTime.zone.slice(0, 9)];
  // DST is reversed in the southern hemisphere.
  const southern = janZone < julyZone;
  return {
    timezone: southern ? julyZone : janZone,
    altzone: southern ? janZone : julyZone,
    daylight: janZone !== julyZone,
    tzname: southern ? [julyName, janName] : [janName, julyName],
    localtime,
  };
}

const TZDEFAULT = '/etc/localtime';
const UTC: ZoneAt = { isdst: false, gmtoff: 0, zone: 'UTC' };

/** tzset_internal, then localtime_r's zone fields for epoch seconds t. */
function glibcLocaltime(source: ZoneSource): (t: number) => LocalTime {
  let tz = source.name === '' ? 'Universal' : source.name;
  if (tz?.startsWith(':')) tz = tz.slice(1);
  const file = tz ?? TZDEFAULT;
  const data = file === '' ? undefined : readZoneFile(file, source);
  if (data) return tzfileLocaltime(data);
  if (file === '' || file === TZDEFAULT) return () => UTC;
  const posix = parsePosixTz(file);
  const defaulted = posix.wantsDefaultRules ? tzfileDefault(posix, source) : undefined;
  if (defaulted) return tzfileLocaltime(defaulted);
  return (t) => posixZoneAt(posix, t);
}

function readZoneFile(file: string, source: ZoneSource): Tzif | undefined {
  const path = file.startsWith('/') ? file : `${source.dir || '/usr/share/zoneinfo'}/${file}`;
  const bytes = source.readFile?.(path);
  return bytes && parseTzif(bytes);
}

// __tzfile_compute: before the first transition the first standard type; from the last one on the
// footer's rules (or the last type without a footer); else the type of the last transition passed.
// A footer with a daylight name but no rules (zic never writes one) is read as the TZ string would
// be without a posixrules file; glibc would load posixrules then and keep it (or the footer's
// rules) for every later instant, answers that depend on the calls before.
function tzfileLocaltime(data: Tzif): (t: number) => LocalTime {
  const { transitions, typeIdxs, types } = data;
  const footer = data.spec === undefined ? undefined : parsePosixTz(data.spec);
  const last = transitions.length - 1;
  const typeAt = (index: number): LocalTime => typeView(types[typeIdxs[index] as number] as TzifType);
  const first = typeView(types.find((type) => !type.isdst) ?? (types[0] as TzifType));
  return (t) => {
    if (last < 0 || t < (transitions[0] as number)) return first;
    if (t >= (transitions[last] as number)) return footer ? posixZoneAt(footer, t) : typeAt(last);
    // The first transition after t (transitions[0] <= t < transitions[last]).
    let lo = 0;
    let hi = last;
    while (lo + 1 < hi) {
      const mid = (lo + hi) >>> 1;
      if (t < (transitions[mid] as number)) hi = mid;
      else lo = mid;
    }
    return typeAt(hi - 1);
  };
}

function typeView(type: TzifType): LocalTime {
  return { isdst: type.isdst, gmtoff: type.offset, zone: type.abbr };
}

// __tzfile_default: a TZ string with daylight names but no rules takes the transitions of the
// `posixrules` file (America/New_York on Debian), moved to its own offsets and named as it says.
// As measured (Python and C on glibc 2.36, one tzset per process, as in the reference): a
// transition out of daylight time given in wall-clock time moves by the TZ string's daylight
// offset itself (rule_dstoff is still 0 then; a second tzset would use the daylight offset the
// first one set), the others by the change of standard offset, in glibc's direction (so
// `AAA3BBB` starts daylight time at 09:00 UTC where New York does at 07:00). Past the file's last
// transition glibc 2.36 uses the file's footer, its names and offsets included.
function tzfileDefault(posix: PosixZone, source: ZoneSource): Tzif | undefined {
  const rules = readZoneFile('posixrules', source);
  if (!rules || rules.types.length < 2) return undefined;
  const [std, dst] = posix.rules;
  let inDst = false;
  const transitions = rules.transitions.map((time, i) => {
    const type = rules.types[rules.typeIdxs[i] as number] as TzifType;
    // Times in UTC stay; wall-clock times move.
    const moved = type.isgmt ? time : inDst && !type.isstd ? time + dst.offset : time + std.offset - rules.stdoff;
    inDst = type.isdst;
    return moved;
  });
  const typeIdxs = rules.typeIdxs.map((index) => ((rules.types[index] as TzifType).isdst ? 1 : 0));
  const types: TzifType[] = [
    { ...(rules.types[0] as TzifType), offset: std.offset, isdst: false, abbr: std.name },
    { ...(rules.types[1] as TzifType), offset: dst.offset, isdst: true, abbr: dst.name },
  ];
  return { transitions, typeIdxs, types, spec: rules.spec, stdoff: std.offset };
}

/** datetime.datetime.now()'s date: the local wall clock at `nowMs` (glibc's own offset, tm_gmtoff). */
export function localToday(local: PyLocalZone, nowMs: number): { year: number; month: number; day: number } {
  const now = Math.floor(nowMs / 1000);
  const wall = now + local.localtime(now).gmtoff;
  const [year, month, day] = civilFromDays(Math.floor(wall / SECONDS_PER_DAY));
  return inDatetimeRange(wall) ? { year, month, day } : { year: 1970, month: 1, day: 1 };
}
