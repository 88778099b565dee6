// ruamel.yaml 0.17.21's !!timestamp (util.timestamp_regexp and create_timestamp): a date, or a
// naive datetime with any offset subtracted (so it reads as UTC). Python's datetime checks and
// messages are reproduced; the result is a PyDateTime holding Python's str(). No I/O.
import { civilSeconds, dateArgsError, inDatetimeRange, isoDate, isoDateTime, timeArgsError } from '../values/py-datetime.js';
import { PyDateTime } from '../values/py-value.js';
import { pythonCrash, yamlError } from './errors.js';

const TIMESTAMP =
  /^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:(?:[Tt]|[ \t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\.([0-9]*))?(?:[ \t]*(?:Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?)?\n?$/;

const MAX_FRAC = 999999;

function checkDate(year: number, month: number, day: number): void {
  const error = dateArgsError(year, month, day);
  if (error !== undefined) throw pythonCrash(error);
}

function checkTime(hour: number, minute: number, second: number): void {
  const error = timeArgsError(hour, minute, second);
  if (error !== undefined) throw pythonCrash(error);
}

/** construct_yaml_timestamp for a scalar's text (the caller refuses non-scalar nodes). */
export function constructYamlTimestamp(text: string): PyDateTime {
  const match = TIMESTAMP.exec(text);
  if (match === null) throw yamlError(`failed to construct timestamp from ${JSON.stringify(text)}`);
  const [, yearText, monthText, dayText, hourText, minuteText, secondText, fraction, tzSign, tzHour, tzMinute] = match;
  const [year, month, day] = [yearText, monthText, dayText].map(Number) as [number, number, number];
  if (hourText === undefined) {
    checkDate(year, month, day);
    return new PyDateTime('date', isoDate(year, month, day));
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
  const total = civilSeconds(year, month, day, hour, minute, second) - deltaSeconds;
  if (!inDatetimeRange(total)) throw pythonCrash('date value out of range');
  return new PyDateTime('datetime', isoDateTime(total, micro, ' '));
}
