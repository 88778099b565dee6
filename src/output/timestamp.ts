// Timestamps as the reference prints them: awscli's iso_format, botocore's parse_timestamp(value)
// .isoformat(): a number through datetime.fromtimestamp(value, tzlocal()), anything else through
// float() and then dateutil's parser; or the wire value itself ("wire"). Python's exceptions are
// reproduced with their texts: the ValueErrors botocore wraps as `Invalid timestamp "...": ...`,
// and the ValueErrors, OverflowErrors and RuntimeErrors that reach the CLI raw (rc 255). Pure.
import { GeneralError, PyOverflowError } from '../errors.js';
import { inDatetimeRange, isoDateTime, isoOffset, MAX_YEAR, MIN_YEAR, civilFromDays, utcOffsetError } from '../values/py-datetime.js';
import { parsePyFloat, pyFloat } from '../values/py-number.js';
import { pyFloatRepr } from '../values/py-float.js';
import { pyStr } from '../values/py-repr.js';
import { PyFloat, type PyValue } from '../values/py-value.js';
import type { TimestampFormat } from '../config/session-checks.js';
import { localToday, pyLocalZone, type PyLocalZone, type ZoneSource } from '../values/py-local-zone.js';
import {
  dateutilParse,
  DateutilParserError,
  notAStringMessage,
  type ParsedDatetime,
  parsedUtcOffset,
  unknownTimezoneWarning,
} from '../values/dateutil-parse.js';
import { tzlocal, type TzLocal } from '../values/dateutil-tzlocal.js';

/**
 * The zone timestamps print in: the TZ value (undefined: the system zone) and, where the caller
 * knows it, the offset of the process's own zone (Date#getTimezoneOffset: no ICU time zone data
 * to load, which costs some 12 ms at start-up).
 */
export type Zone = ZoneSource;

/** What the parse needs besides the zone: the time now (dateutil's default date) and a warnings sink. */
export interface TimestampClock {
  readonly nowMs?: number;
  /** Receives a Python warning's text for stderr (UnknownTimezoneWarning). */
  readonly warn?: (text: string) => void;
  /** Later botocore: an OverflowError is caught too, and a number retried as epoch + timedelta. */
  readonly epochFallback?: boolean;
}

/** The printed form of a timestamp member's wire value. `timeZone` is the TZ env (undefined: system). */
export function formatTimestamp(value: PyValue, format: TimestampFormat, timeZone: string | undefined | Zone, clock: TimestampClock = {}): PyValue {
  if (format === 'wire') return value;
  const zone: Zone = typeof timeZone === 'object' ? timeZone : { name: timeZone };
  return isoFormat(value, localZoneOf(zone), clock);
}

function crash(message: string, cause?: unknown): GeneralError {
  return new GeneralError('PYTHON_CRASH', message, cause === undefined ? undefined : { cause });
}

/** gmtime's EOVERFLOW: parse_timestamp turns the OSError into this RuntimeError. */
class GmtimeOverflow extends Error {}

// botocore.utils.parse_timestamp(value).isoformat().
function isoFormat(value: PyValue, local: PyLocalZone, clock: TimestampClock): string {
  const tz = tzlocal(local);
  let result: { iso: () => string } | undefined;
  try {
    result = parseWithTzinfo(value, local, tz, clock);
  } catch (error) {
    // parse_timestamp catches the OSError (later releases: and the OverflowError).
    if (!(error instanceof GmtimeOverflow) && !(clock.epochFallback && error instanceof PyOverflowError)) throw error;
    if (clock.epochFallback) result = epochFallback(value, tz);
    if (result === undefined) throw crash(`Unable to calculate correct timezone offset for "${wireStr(value)}"`, error);
  }
  return result.iso();
}

// _parse_timestamp_with_tzinfo(value, tzlocal): the result's isoformat is deferred (it may raise
// outside parse_timestamp, as isoformat does).
function parseWithTzinfo(value: PyValue, local: PyLocalZone, tz: TzLocal, clock: TimestampClock): { iso: () => string } {
  if (typeof value === 'bigint' || typeof value === 'boolean' || value instanceof PyFloat) {
    try {
      return fromTimestamp(value, tz);
    } catch (error) {
      if (error instanceof FromTimestampValueError) throw crash(error.message, error);
      throw error;
    }
  }
  let number: PyFloat | undefined;
  try {
    number = typeof value === 'string' ? parsePyFloat(value) : undefined;
  } catch {
    number = undefined;
  }
  if (number !== undefined) {
    try {
      return fromTimestamp(number, tz);
    } catch (error) {
      // fromtimestamp's ValueErrors (NaN, a year out of range) send the text on to dateutil.
      if (!(error instanceof FromTimestampValueError)) throw error;
    }
  }
  if (typeof value !== 'string') {
    throw crash(`Invalid timestamp "${pyStr(value)}": ${notAStringMessage(value)}`);
  }
  let parsed: ParsedDatetime;
  try {
    parsed = dateutilParse(value, { today: localToday(local, clock.nowMs ?? Date.now()), local: tz, tzinfos: 'GMT=UTC' });
  } catch (error) {
    if (error instanceof DateutilParserError) throw crash(`Invalid timestamp "${value}": ${error.message}`, error);
    throw error;
  }
  if (parsed.unknownTzname !== undefined) clock.warn?.(unknownTimezoneWarning(parsed.unknownTzname));
  return { iso: () => isoOfParsed(parsed, tz) };
}

// Later botocore's _epoch_seconds_to_datetime: epoch_zero.astimezone(tzlocal()) + timedelta(seconds=float(value)).
function epochFallback(value: PyValue, tz: TzLocal): { iso: () => string } | undefined {
  // float(value) catches TypeError and ValueError only: an int past a float's range escapes as
  // its OverflowError (exit 255).
  if (typeof value === 'bigint' && !Number.isFinite(Number(value))) throw new PyOverflowError('int too large to convert to float');
  let seconds: number;
  try {
    seconds = pyFloat(value).value;
  } catch {
    return undefined;
  }
  // timedelta(seconds=x): microseconds rounded half to even; past 999999999 days an OverflowError.
  const micros = roundHalfEven(seconds * 1e6);
  if (!Number.isFinite(micros) || Math.abs(micros) > 999999999 * 86400e6) return undefined;
  const { wall: epochWall } = tz.fromutc(0);
  const totalMicros = epochWall * 1e6 + micros;
  const wall = Math.floor(totalMicros / 1e6);
  if (!inDatetimeRange(wall)) return undefined;
  const micro = totalMicros - wall * 1e6;
  return { iso: () => `${isoDateTime(wall, micro)}${offsetText(tz.utcoffset(wall, 0))}` };
}

// '%s' % value.
function wireStr(value: PyValue): string {
  if (value instanceof PyFloat) return pyFloatRepr(value.value);
  return pyStr(value);
}

/** A ValueError of datetime.fromtimestamp (not caught for a number, caught for a string). */
class FromTimestampValueError extends Error {}

const TIME_T_LIMIT = 2 ** 63;
const MAX_TM_YEAR = 2147483647 + 1900;
const MIN_TM_YEAR = -2147483648 + 1900;

// datetime.datetime.fromtimestamp(value, tzlocal()).isoformat().
function fromTimestamp(value: bigint | boolean | PyFloat, tz: TzLocal): { iso: () => string } {
  let seconds: bigint;
  let micros = 0;
  if (value instanceof PyFloat) {
    const d = value.value;
    if (Number.isNaN(d)) throw new FromTimestampValueError('Invalid value NaN (not a number)');
    // _PyTime_DoubleToDenominator: modf, the fraction in microseconds rounded half to even.
    let whole = Math.trunc(d);
    let fraction = roundHalfEven((d - whole) * 1e6);
    if (fraction >= 1e6) {
      fraction -= 1e6;
      whole += 1;
    } else if (fraction < 0) {
      fraction += 1e6;
      whole -= 1;
    }
    if (!(whole >= -TIME_T_LIMIT && whole < TIME_T_LIMIT)) throw new PyOverflowError('timestamp out of range for platform time_t');
    seconds = BigInt(whole);
    micros = fraction;
  } else {
    seconds = typeof value === 'boolean' ? (value ? 1n : 0n) : value;
    if (seconds >= 2n ** 63n || seconds < -(2n ** 63n)) throw new PyOverflowError('timestamp out of range for platform time_t');
  }
  // gmtime (tm_year is a C int), then datetime's year check on tm_year + 1900 (a C int too).
  const day = seconds >= 0n ? seconds / 86400n : -((-seconds + 86399n) / 86400n);
  const [year] = civilFromDays(Number(day));
  if (year > MAX_TM_YEAR || year < MIN_TM_YEAR) throw new GmtimeOverflow();
  if (year < MIN_YEAR || year > MAX_YEAR) throw new FromTimestampValueError(`year ${BigInt.asIntN(32, BigInt(year))} is out of range`);
  const { wall, fold } = tz.fromutc(Number(seconds));
  return { iso: () => `${isoDateTime(wall, micros)}${offsetText(tz.utcoffset(wall, fold))}` };
}

function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

// isoformat()'s offset: utcoffset() must lie strictly within a day.
function offsetText(seconds: number): string {
  const error = utcOffsetError(seconds);
  if (error !== undefined) throw crash(error);
  return isoOffset(seconds);
}

function isoOfParsed(parsed: ParsedDatetime, tz: TzLocal): string {
  const offset = parsedUtcOffset(parsed, tz);
  return `${isoDateTime(parsed.seconds, parsed.microsecond)}${offset === undefined ? '' : isoOffset(offset)}`;
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
