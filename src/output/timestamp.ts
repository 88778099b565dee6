// Timestamps as the reference prints them: wire epoch seconds (or an ISO string) → ISO 8601 in
// the local time zone with microseconds when non-zero; or the wire value itself ("wire"). Pure.
import { GeneralError } from '../errors.js';
import { PyFloat, type PyValue } from '../values/py-value.js';
import type { TimestampFormat } from '../config/session-checks.js';

/**
 * The zone timestamps print in: the TZ value (undefined: the system zone) and, where the caller
 * knows it, the offset of the process's own zone (Date#getTimezoneOffset: no ICU time zone data
 * to load, which costs some 12 ms at start-up).
 */
export interface Zone {
  readonly name: string | undefined;
  readonly localOffset?: (ms: number) => number;
}

/** The printed form of a timestamp member's wire value. `timeZone` is the TZ env (undefined: system). */
export function formatTimestamp(value: PyValue, format: TimestampFormat, timeZone: string | undefined | Zone): PyValue {
  const zone: Zone = typeof timeZone === 'object' ? timeZone : { name: timeZone };
  if (format === 'wire') return value;
  if (typeof value === 'bigint') return isoFromEpoch(value, 0, zone);
  if (value instanceof PyFloat) return isoFromFloat(value.value, zone);
  if (typeof value === 'string') return isoFromString(value, zone);
  return value;
}

// datetime.fromtimestamp: whole seconds plus microseconds rounded half to even.
function isoFromFloat(seconds: number, timeZone: Zone): string {
  let whole = Math.floor(seconds);
  let micros = roundHalfEven((seconds - whole) * 1e6);
  if (micros >= 1_000_000) {
    whole += 1;
    micros -= 1_000_000;
  }
  return isoFromEpoch(BigInt(whole), micros, timeZone);
}

function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function isoFromEpoch(seconds: bigint, micros: number, timeZone: Zone): string {
  const ms = Number(seconds) * 1000;
  const offsetMinutes = tzlocalOffsetMinutes(ms, timeZone);
  const local = new Date(ms + offsetMinutes * 60_000);
  return `${isoLocal(local)}${fraction(micros)}${offsetText(offsetMinutes)}`;
}

function isoFromString(text: string, timeZone: Zone): string {
  if (/^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(text)) return isoFromFloat(Number(text), timeZone);
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(text.trim());
  if (!m) throw new GeneralError('BAD_RESPONSE', `Invalid timestamp "${text}": Unknown string format: ${text}`);
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac, zone] = m;
  const micros = frac ? Number(`${frac}000000`.slice(0, 6)) : 0;
  const base = `${y}-${mo}-${d}T${h}:${mi}:${s}${fraction(micros)}`;
  if (!zone) {
    // dateutil gives a naive datetime, which botocore takes as local time.
    const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
    return `${base}${offsetText(tzlocalOffsetMinutes(asUtc - tzlocalOffsetMinutes(asUtc, timeZone) * 60_000, timeZone))}`;
  }
  if (zone.toUpperCase() === 'Z') return `${base}+00:00`;
  const digits = zone.replace(':', '');
  return `${base}${digits.slice(0, 3)}:${digits.slice(3)}`;
}

function isoLocal(date: Date): string {
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

function fraction(micros: number): string {
  return micros ? `.${String(micros).padStart(6, '0')}` : '';
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * AWS CLI quirk (dateutil tzlocal): the offset is the zone's *current* standard or daylight
 * offset (time.timezone / time.altzone), picked by whether daylight time is in effect at `ms`;
 * so historic offsets differ from the zone database (Europe/London in 1970 prints +00:00).
 */
export function tzlocalOffsetMinutes(ms: number, timeZone: Zone, nowMs: number = Date.now()): number {
  const year = new Date(nowMs).getUTCFullYear();
  const [stdNow, dstNow] = yearOffsets(year, timeZone);
  const [stdThen] = yearOffsets(new Date(ms).getUTCFullYear(), timeZone);
  const isDst = zoneOffsetMinutes(ms, timeZone) > stdThen;
  return isDst ? dstNow : stdNow;
}

// The standard (smaller) and daylight (larger) offsets in force during `year`.
function yearOffsets(year: number, timeZone: Zone): [number, number] {
  const jan = zoneOffsetMinutes(Date.UTC(year, 0, 1), timeZone);
  const jul = zoneOffsetMinutes(Date.UTC(year, 6, 1), timeZone);
  return [Math.min(jan, jul), Math.max(jan, jul)];
}

// A POSIX TZ value without daylight rules, e.g. `XYZ-03:30` (east of UTC is negative there).
const POSIX_FIXED = /^(?:[A-Za-z]{3,}|<[A-Za-z0-9+-]{3,}>)([+-]?)(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?$/;

/** The zone's UTC offset in minutes at instant `ms` (the system zone when `timeZone` is unset or unknown). */
export function zoneOffsetMinutes(ms: number, zone: Zone): number {
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
