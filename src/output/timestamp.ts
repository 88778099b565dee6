// Timestamps as the reference prints them: wire epoch seconds (or an ISO string) → ISO 8601 in
// the local time zone with microseconds when non-zero; or the wire value itself ("wire"). Pure.
import { GeneralError } from '../errors.js';
import { PyFloat, type PyValue } from '../values/py-value.js';
import type { TimestampFormat } from '../config/session-checks.js';
import { pyLocalZone, type PyLocalZone, type ZoneSource } from './local-zone.js';

/** The zone timestamps print in: the TZ value (undefined: the system zone), TZDIR and a file reader. */
export type Zone = ZoneSource;

/** The printed form of a timestamp member's wire value in the local zone `zone`. */
export function formatTimestamp(value: PyValue, format: TimestampFormat, zone: Zone): PyValue {
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
  const offset = tzlocalOffset(ms, timeZone);
  const local = new Date(ms + offset * 1000);
  return `${isoLocal(local)}${fraction(micros)}${offsetText(offset)}`;
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
    return `${base}${offsetText(tzlocalOffset(asUtc - tzlocalOffset(asUtc, timeZone) * 1000, timeZone))}`;
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

// datetime's isoformat of a UTC offset in seconds: ±HH:MM, and :SS when there are seconds.
function offsetText(offset: number): string {
  const abs = Math.abs(offset);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const seconds = abs % 60 ? `:${pad(abs % 60)}` : '';
  return `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 3600))}:${pad(Math.floor(abs / 60) % 60)}${seconds}`;
}

const OFFSET_RANGE = 'offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).';

/**
 * AWS CLI quirk (dateutil tzlocal): the offset, in seconds east, is the zone's *current* standard
 * or daylight offset (time.timezone / time.altzone), picked by whether daylight time is in effect
 * at `ms`; so historic offsets differ from the zone database (Europe/London in 1970 prints
 * +00:00). datetime refuses an offset of a day or more (TZ=ABC24, or ABC+24:59:59) with a crash.
 */
function tzlocalOffset(ms: number, zone: Zone): number {
  const local = localZoneOf(zone);
  const isDst = local.daylight && local.localtime(Math.floor(ms / 1000)).isdst;
  const offset = 0 - (isDst ? local.altzone : local.timezone);
  if (Math.abs(offset) >= 24 * 3600) throw new GeneralError('PYTHON_CRASH', OFFSET_RANGE);
  return offset;
}

// CPython's time module reads the zone once, at import: one PyLocalZone per zone source.
const LOCAL_ZONES = new WeakMap<Zone, PyLocalZone>();

function localZoneOf(zone: Zone): PyLocalZone {
  let local = LOCAL_ZONES.get(zone);
  if (local === undefined) {
    local = pyLocalZone(zone);
    LOCAL_ZONES.set(zone, local);
  }
  return local;
}
