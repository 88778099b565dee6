// ruamel.yaml 0.17.21's !!timestamp (util.timestamp_regexp and create_timestamp): a date, or a
// naive datetime with any offset subtracted (so it reads as UTC). Python's datetime checks and
// messages are reproduced; the result is a PyDateTime holding Python's str(). No I/O.
import { PyDateTime } from '../values/py-value.js';
import { pythonCrash, yamlError } from './errors.js';

const TIMESTAMP =
  /^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:(?:[Tt]|[ \t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\.([0-9]*))?(?:[ \t]*(?:Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?)?\n?$/;

const MAX_FRAC = 999999;
const SECONDS_PER_DAY = 86400;

function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

// Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's algorithms).
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): [number, number, number] {
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

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

// datetime's check_date_args / check_time_args, in their order.
function checkDate(year: number, month: number, day: number): void {
  if (year < 1 || year > 9999) throw pythonCrash(`year ${year} is out of range`);
  if (month < 1 || month > 12) throw pythonCrash('month must be in 1..12');
  if (day < 1 || day > daysInMonth(year, month)) throw pythonCrash('day is out of range for month');
}

function checkTime(hour: number, minute: number, second: number): void {
  if (hour > 23) throw pythonCrash('hour must be in 0..23');
  if (minute > 59) throw pythonCrash('minute must be in 0..59');
  if (second > 59) throw pythonCrash('second must be in 0..59');
}

/** construct_yaml_timestamp for a scalar's text (the caller refuses non-scalar nodes). */
export function constructYamlTimestamp(text: string): PyDateTime {
  const match = TIMESTAMP.exec(text);
  if (match === null) throw yamlError(`failed to construct timestamp from ${JSON.stringify(text)}`);
  const [, yearText, monthText, dayText, hourText, minuteText, secondText, fraction, tzSign, tzHour, tzMinute] = match;
  const [year, month, day] = [yearText, monthText, dayText].map(Number) as [number, number, number];
  if (hourText === undefined) {
    checkDate(year, month, day);
    return new PyDateTime('date', `${pad(year, 4)}-${pad(month)}-${pad(day)}`);
  }
  const [hour, minute, second] = [hourText, minuteText, secondText].map(Number) as [number, number, number];
  let frac = 0;
  if (fraction !== undefined && fraction !== '') {
    frac = Number(fraction.slice(0, 6).padEnd(6, '0'));
    // Rounds on the 7th digit; ruamel quirk: a carry to 1000000 drops the fraction and then
    // *subtracts* a second (adds one without an offset).
    if (fraction.length > 6 && Number(fraction[6]) > 4) frac += 1;
  }
  const micro = frac > MAX_FRAC ? 0 : frac;
  let deltaSeconds = 0;
  if (tzSign !== undefined) {
    deltaSeconds = Number(tzHour) * 3600 + Number(tzMinute ?? 0) * 60 + (frac > MAX_FRAC ? 1 : 0);
    if (tzSign === '-') deltaSeconds = -deltaSeconds;
  } else if (frac > MAX_FRAC) {
    deltaSeconds = -1;
  }
  checkDate(year, month, day);
  checkTime(hour, minute, second);
  const total = daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second - deltaSeconds;
  const days = Math.floor(total / SECONDS_PER_DAY);
  const rest = total - days * SECONDS_PER_DAY;
  const [y, m, d] = civilFromDays(days);
  if (y < 1 || y > 9999) throw pythonCrash('date value out of range');
  const clock = `${pad(Math.floor(rest / 3600))}:${pad(Math.floor((rest % 3600) / 60))}:${pad(rest % 60)}`;
  const fractionText = micro === 0 ? '' : `.${pad(micro, 6)}`;
  return new PyDateTime('datetime', `${pad(y, 4)}-${pad(m)}-${pad(d)} ${clock}${fractionText}`);
}
