// The local time zone as CPython's `time` module sees it on glibc (time.timezone, time.altzone,
// time.daylight, time.tzname, time.localtime()), which is what dateutil's tzlocal reads. Pure: the
// caller passes the TZ value and, where it has them, the process zone's offsets and a file reader.
//
// TODO(issue 18, cause 5): glibc's tzset (TZif files, POSIX TZ strings with DST rules).
import { civilFromDays, inDatetimeRange, SECONDS_PER_DAY } from './py-datetime.js';

/** Where the zone comes from: the TZ value (undefined: the system zone) and the edge's helpers. */
export interface ZoneSource {
  readonly name: string | undefined;
  /** The process's own zone's offset in minutes east at `ms` (Date#getTimezoneOffset, negated). */
  readonly localOffset?: (ms: number) => number;
  /** Reads a file (a TZif zone file); undefined when it cannot. */
  readonly readFile?: (path: string) => Uint8Array | undefined;
}

/** What time.localtime(t) says of an instant. */
export interface LocalTime {
  readonly isdst: boolean;
  /** tm_gmtoff: seconds east of UTC. */
  readonly gmtoff: number;
  /** tm_zone: the abbreviation. */
  readonly zone: string;
}

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
  const localtime = (t: number): LocalTime => {
    const ms = t * 1000;
    const gmtoff = zoneOffsetMinutes(ms, source) * 60;
    const [std] = yearOffsets(new Date(ms).getUTCFullYear(), source);
    return { isdst: gmtoff > std * 60, gmtoff, zone: source.name ?? 'UTC' };
  };
  // init_timezone: localtime of (now // YEAR) * YEAR and half a YEAR later (YEAR = 365.25 days).
  const YEAR = (365 * 24 + 6) * 3600;
  const jan = Math.floor(Math.floor(nowMs / 1000) / YEAR) * YEAR;
  const janTime = localtime(jan);
  const julyTime = localtime(jan + YEAR / 2);
  const [janZone, julyZone] = [-janTime.gmtoff, -julyTime.gmtoff];
  const southern = janZone < julyZone;
  return {
    timezone: southern ? julyZone : janZone,
    altzone: southern ? janZone : julyZone,
    daylight: janZone !== julyZone,
    tzname: southern ? [julyTime.zone, janTime.zone] : [janTime.zone, julyTime.zone],
    localtime,
  };
}

/** datetime.datetime.now()'s date: the local wall clock at `nowMs` (glibc's own offset, tm_gmtoff). */
export function localToday(local: PyLocalZone, nowMs: number): { year: number; month: number; day: number } {
  const now = Math.floor(nowMs / 1000);
  const wall = now + local.localtime(now).gmtoff;
  const [year, month, day] = civilFromDays(Math.floor(wall / SECONDS_PER_DAY));
  return inDatetimeRange(wall) ? { year, month, day } : { year: 1970, month: 1, day: 1 };
}

// The standard (smaller) and daylight (larger) offsets in minutes in force during `year`.
function yearOffsets(year: number, zone: ZoneSource): [number, number] {
  const jan = zoneOffsetMinutes(Date.UTC(year, 0, 1), zone);
  const jul = zoneOffsetMinutes(Date.UTC(year, 6, 1), zone);
  return [Math.min(jan, jul), Math.max(jan, jul)];
}

// A POSIX TZ value without daylight rules, e.g. `XYZ-03:30` (east of UTC is negative there).
const POSIX_FIXED = /^(?:[A-Za-z]{3,}|<[A-Za-z0-9+-]{3,}>)([+-]?)(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?$/;

/** The zone's UTC offset in minutes at instant `ms` (the system zone when the name is unset or unknown). */
function zoneOffsetMinutes(ms: number, zone: ZoneSource): number {
  const timeZone = zone.name;
  if (timeZone === 'UTC' || timeZone === 'UTC0' || timeZone === 'GMT' || timeZone === 'Etc/UTC') return 0;
  const posix = timeZone ? POSIX_FIXED.exec(timeZone) : null;
  if (posix && !isIanaZone(timeZone as string)) {
    const minutes = Number(posix[2]) * 60 + Number(posix[3] ?? 0);
    return posix[1] === '-' ? minutes : -minutes;
  }
  if (zone.localOffset) return zone.localOffset(ms);
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timeZone ? timeZone.replace(/^:/, '') : undefined,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  } catch {
    return 0;
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const year = parts.era === 'BC' ? 1 - Number(parts.year) : Number(parts.year);
  const wall = Date.UTC(year, Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const floored = Math.floor(ms / 1000) * 1000;
  return Math.round((wall - floored) / 60_000);
}

function isIanaZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
