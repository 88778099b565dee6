// Python's datetime arithmetic on the proleptic Gregorian calendar: civil dates to days and back,
// calendar.monthrange, the constructor's argument checks with their messages, isoformat(). Pure.
// A naive datetime is held as whole seconds since 1970-01-01T00:00:00 plus microseconds.

export const SECONDS_PER_DAY = 86400;
/** datetime.MINYEAR, datetime.MAXYEAR. */
export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

export function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** calendar.monthrange(year, month)[1]: the number of days in the month (1..12). */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The [year, month, day] of a number of days since 1970-01-01. */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [month <= 2 ? era * 400 + yoe + 1 : era * 400 + yoe, month, day];
}

/** datetime's check_date_args: the ValueError's message, or undefined when the date is valid. */
export function dateArgsError(year: number, month: number, day: number): string | undefined {
  if (year < MIN_YEAR || year > MAX_YEAR) return `year ${year} is out of range`;
  if (month < 1 || month > 12) return 'month must be in 1..12';
  if (day < 1 || day > daysInMonth(year, month)) return 'day is out of range for month';
  return undefined;
}

/** datetime's check_time_args: the ValueError's message, or undefined. */
export function timeArgsError(hour: number, minute: number, second: number, microsecond = 0): string | undefined {
  if (hour < 0 || hour > 23) return 'hour must be in 0..23';
  if (minute < 0 || minute > 59) return 'minute must be in 0..59';
  if (second < 0 || second > 59) return 'second must be in 0..59';
  if (microsecond < 0 || microsecond > 999999) return 'microsecond must be in 0..999999';
  return undefined;
}

/** The seconds since the epoch of a civil date and time (no checks). */
export function civilSeconds(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
}

/** Whether a naive datetime of `seconds` since the epoch lies within datetime.min..datetime.max. */
export function inDatetimeRange(seconds: number): boolean {
  const [year] = civilFromDays(Math.floor(seconds / SECONDS_PER_DAY));
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

export interface CivilTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** The civil fields of `seconds` since the epoch. */
export function civilTime(seconds: number): CivilTime {
  const days = Math.floor(seconds / SECONDS_PER_DAY);
  const rest = seconds - days * SECONDS_PER_DAY;
  const [year, month, day] = civilFromDays(days);
  return { year, month, day, hour: Math.floor(rest / 3600), minute: Math.floor((rest % 3600) / 60), second: rest % 60 };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** str(date): `YYYY-MM-DD`. */
export function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** datetime.isoformat(sep) of a naive datetime: microseconds only when non-zero. */
export function isoDateTime(seconds: number, microsecond: number, sep = 'T'): string {
  const t = civilTime(seconds);
  const fraction = microsecond === 0 ? '' : `.${pad(microsecond, 6)}`;
  return `${isoDate(t.year, t.month, t.day)}${sep}${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${fraction}`;
}

/** datetime's check of a tzinfo's utcoffset(): the ValueError's message unless strictly within a day. */
export function utcOffsetError(seconds: number): string | undefined {
  return Math.abs(seconds) < SECONDS_PER_DAY ? undefined : 'offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).';
}

/** The `+HH:MM[:SS]` isoformat() prints for a utcoffset of `seconds` (|seconds| < 1 day). */
export function isoOffset(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const abs = Math.abs(seconds);
  const ss = abs % 60;
  return `${sign}${pad(Math.floor(abs / 3600))}:${pad(Math.floor((abs % 3600) / 60))}${ss ? `:${pad(ss)}` : ''}`;
}
