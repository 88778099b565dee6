// dateutil 2.8.2's parser.parse(timestr) (the Debian package the AWS CLI runs on), with botocore
// parse_timestamp's tzinfos={'GMT': tzutc()} or without tzinfos (the credential providers' plain
// parse of an Expiration): its _timelex tokens, the _parse state machine with the default parserinfo
// (dayfirst and yearfirst off), _ymd's resolution, _build_naive over today's midnight and
// _build_tzaware. Python's int(), Decimal, str.isdigit/isalpha/isspace and datetime's checks
// are reproduced; so are its messages. Pure: "today" and the local zone are passed in.
import { GeneralError, PyOverflowError } from '../errors.js';
import { civilSeconds, daysFromCivil, daysInMonth, inDatetimeRange, MAX_YEAR, MIN_YEAR, SECONDS_PER_DAY, utcOffsetError } from './py-datetime.js';
import { asciiNumberText, isPyDigit, isPyDigitChar, parsePyFloat, parsePyInt } from './py-number.js';
import { isPySpace } from './py-str.js';
import { pyWarningText } from './py-warning.js';
import type { Fold, TzLocal } from './dateutil-tzlocal.js';
import { pyTypeName } from './py-repr.js';
import type { PyValue } from './py-value.js';

/** dateutil.parser.ParserError (a ValueError): botocore wraps it as `Invalid timestamp "...": <message>`. */
export class DateutilParserError extends Error {}

/** What the parse yields: a naive wall time and the zone it is attached to. */
export interface ParsedDatetime {
  /** The naive datetime: whole seconds since 1970-01-01 and microseconds. */
  readonly seconds: number;
  readonly microsecond: number;
  readonly tz: ParsedZone;
  /** An UnknownTimezoneWarning's tzname, when one was issued. */
  readonly unknownTzname?: string;
}

export type ParsedZone =
  | { readonly kind: 'naive' }
  | { readonly kind: 'utc' }
  | { readonly kind: 'offset'; readonly seconds: number }
  | { readonly kind: 'local'; readonly fold: Fold };

export interface ParseContext {
  /** datetime.datetime.now()'s local date (the default's year, month, day). */
  readonly today: { readonly year: number; readonly month: number; readonly day: number };
  /** The local zone (time.tzname, and tzlocal for names in it). */
  readonly local: TzLocal;
  /**
   * The tzinfos argument: botocore parse_timestamp's {'GMT': tzutc()} (`GMT=UTC`), or none
   * (`none`), where a GMT in time.tzname means tzlocal, as any name there does.
   */
  readonly tzinfos: 'GMT=UTC' | 'none';
}

// parserinfo's tables (lower-cased keys).
const JUMP = new Set([' ', '.', ',', ';', '-', '/', "'", 'at', 'on', 'and', 'ad', 'm', 't', 'of', 'st', 'nd', 'rd', 'th']);
const WEEKDAYS = table([
  ['mon', 'monday'],
  ['tue', 'tuesday'],
  ['wed', 'wednesday'],
  ['thu', 'thursday'],
  ['fri', 'friday'],
  ['sat', 'saturday'],
  ['sun', 'sunday'],
]);
const MONTHS = table([
  ['jan', 'january'],
  ['feb', 'february'],
  ['mar', 'march'],
  ['apr', 'april'],
  ['may'],
  ['jun', 'june'],
  ['jul', 'july'],
  ['aug', 'august'],
  ['sep', 'sept', 'september'],
  ['oct', 'october'],
  ['nov', 'november'],
  ['dec', 'december'],
]);
const HMS = table([
  ['h', 'hour', 'hours'],
  ['m', 'minute', 'minutes'],
  ['s', 'second', 'seconds'],
]);
const AMPM = table([
  ['am', 'a'],
  ['pm', 'p'],
]);
const UTCZONE = ['UTC', 'GMT', 'Z', 'z'];
const UTCZONE_LOWER = new Set(UTCZONE.map((z) => z.toLowerCase()));

function table(rows: readonly (readonly string[])[]): Map<string, number> {
  const map = new Map<string, number>();
  rows.forEach((names, i) => {
    for (const name of names) map.set(name, i);
  });
  return map;
}

const lookup = (map: Map<string, number>, name: string): number | undefined => map.get(name.toLowerCase());
const isJump = (name: string): boolean => JUMP.has(name.toLowerCase());
const isAlpha = (char: string): boolean => /^\p{L}$/u.test(char);
const isUpperAscii = (text: string): boolean => /^[A-Z]*$/.test(text);
/** len() and slicing of a Python str: by code point. */
const chars = (text: string): string[] => Array.from(text);
const slice = (text: string, start: number, end?: number): string => chars(text).slice(start, end).join('');

/** A ValueError inside _parse: caught there, the string is of an unknown format. */
class ParseFailure extends Error {}

function overflow(message: string): PyOverflowError {
  return new PyOverflowError(message);
}

// Python int() of a token (small: digits only); a failure is a ValueError.
function int(text: string): bigint {
  try {
    return parsePyInt(text);
  } catch {
    throw new ParseFailure(text);
  }
}

/** _timelex.split. */
export function timelex(text: string): string[] {
  const input = chars(text).filter((c) => c !== '\x00');
  const tokens: string[] = [];
  const stack: string[] = [];
  let pos = 0;
  while (true) {
    if (stack.length > 0) {
      tokens.push(stack.shift() as string);
      continue;
    }
    if (pos >= input.length) break;
    let seenLetters = false;
    let token = '';
    let state = '';
    while (pos < input.length) {
      const next = input[pos] as string;
      if (!state) {
        token = next;
        pos++;
        if (isAlpha(next)) state = 'a';
        else if (isPyDigitChar(next)) state = '0';
        else {
          if (isPySpace(next)) token = ' ';
          break;
        }
      } else if (state === 'a') {
        seenLetters = true;
        if (isAlpha(next)) token += next;
        else if (next === '.') {
          token += next;
          state = 'a.';
        } else break;
        pos++;
      } else if (state === '0') {
        if (isPyDigitChar(next)) token += next;
        else if (next === '.' || (next === ',' && chars(token).length >= 2)) {
          token += next;
          state = '0.';
        } else break;
        pos++;
      } else if (state === 'a.') {
        seenLetters = true;
        if (next === '.' || isAlpha(next)) token += next;
        else if (isPyDigitChar(next) && token.endsWith('.')) {
          token += next;
          state = '0.';
        } else break;
        pos++;
      } else {
        if (next === '.' || isPyDigitChar(next)) token += next;
        else if (isAlpha(next) && token.endsWith('.')) {
          token += next;
          state = 'a.';
        } else break;
        pos++;
      }
    }
    if ((state === 'a.' || state === '0.') && (seenLetters || token.split('.').length > 2 || /[.,]$/.test(token))) {
      const parts = token.split(/([.,])/);
      token = parts[0] as string;
      for (const part of parts.slice(1)) if (part) stack.push(part);
    }
    if (state === '0.' && !token.includes('.')) token = token.replaceAll(',', '.');
    tokens.push(token);
  }
  return tokens;
}

/** A decimal.Decimal of a numeric token: an integer part and the fraction's digits. */
class Dec {
  constructor(
    readonly whole: bigint,
    /** The fraction's digits, trailing zeros dropped ('' for none). */
    readonly fraction: string,
  ) {}

  /** self._to_decimal: finite decimals only. */
  static of(token: string): Dec {
    const ascii = asciiNumberText(token);
    const m = /^([0-9]*)(?:\.([0-9]*))?$/.exec(ascii);
    if (!m || (m[1] === '' && !m[2])) throw new ParseFailure(`Could not convert ${token} to decimal`);
    return new Dec(BigInt(m[1] || '0'), (m[2] ?? '').replace(/0+$/, ''));
  }

  /** Compared with an integer: -1, 0 or 1. */
  cmp(n: number | bigint): number {
    const b = BigInt(n);
    if (this.whole !== b) return this.whole < b ? -1 : 1;
    return this.fraction ? 1 : 0;
  }

  /** int(self): truncated. */
  int(): bigint {
    return this.whole;
  }

  /** int(60 * (self % 1)). */
  sixtieths(): bigint {
    if (!this.fraction) return 0n;
    return (60n * BigInt(this.fraction)) / 10n ** BigInt(this.fraction.length);
  }
}

/** An element of _ymd and its century flag. */
class Ymd {
  readonly values: bigint[] = [];
  centurySpecified = false;
  dstridx: number | undefined;
  mstridx: number | undefined;
  ystridx: number | undefined;

  get length(): number {
    return this.values.length;
  }

  couldBeDay(value: Dec): boolean {
    if (this.dstridx !== undefined) return false;
    if (this.mstridx === undefined) return value.cmp(1) >= 0 && value.cmp(31) <= 0;
    const month = Number(this.values[this.mstridx]);
    const year = this.ystridx === undefined ? 2000 : this.values[this.ystridx];
    return value.cmp(1) >= 0 && value.cmp(monthDays(year as bigint | number, month)) <= 0;
  }

  append(val: string | Dec | bigint, label?: 'Y' | 'M' | 'D'): void {
    let label_ = label;
    if (typeof val === 'string') {
      if (isPyDigit(val) && chars(val).length > 2) {
        this.centurySpecified = true;
        if (label_ !== undefined && label_ !== 'Y') throw new ParseFailure(label_);
        label_ = 'Y';
      }
    } else if ((val instanceof Dec ? val.cmp(100) : val > 100n ? 1 : -1) > 0) {
      this.centurySpecified = true;
      if (label_ !== undefined && label_ !== 'Y') throw new ParseFailure(label_);
      label_ = 'Y';
    }
    this.values.push(typeof val === 'string' ? int(val) : val instanceof Dec ? val.int() : val);
    const index = this.values.length - 1;
    if (label_ === 'M') {
      if (this.mstridx !== undefined) throw new ParseFailure('Month is already set');
      this.mstridx = index;
    } else if (label_ === 'D') {
      if (this.dstridx !== undefined) throw new ParseFailure('Day is already set');
      this.dstridx = index;
    } else if (label_ === 'Y') {
      if (this.ystridx !== undefined) throw new ParseFailure('Year is already set');
      this.ystridx = index;
    }
  }

  resolve(): [bigint | undefined, bigint | undefined, bigint | undefined] {
    const v = this.values;
    const strids = new Map<'y' | 'm' | 'd', number>();
    if (this.ystridx !== undefined) strids.set('y', this.ystridx);
    if (this.mstridx !== undefined) strids.set('m', this.mstridx);
    if (this.dstridx !== undefined) strids.set('d', this.dstridx);
    if ((v.length === strids.size && strids.size > 0) || (v.length === 3 && strids.size === 2)) {
      if (v.length === 3 && strids.size === 2) {
        const missing = [0, 1, 2].find((x) => ![...strids.values()].includes(x)) as number;
        const key = (['y', 'm', 'd'] as const).find((k) => !strids.has(k)) as 'y' | 'm' | 'd';
        strids.set(key, missing);
      }
      const at = (k: 'y' | 'm' | 'd'): bigint | undefined => (strids.has(k) ? v[strids.get(k) as number] : undefined);
      return [at('y'), at('m'), at('d')];
    }
    const [a, b, c] = v as [bigint, bigint, bigint];
    const m = this.mstridx;
    if (v.length > 3) throw new ParseFailure('More than three YMD values');
    if (v.length === 1 || (m !== undefined && v.length === 2)) {
      let month: bigint | undefined;
      let other: bigint;
      if (m !== undefined) {
        month = v[m];
        other = v[m === 0 ? v.length - 1 : m - 1] as bigint;
      } else other = a;
      if (v.length > 1 || m === undefined) return other > 31n ? [other, month, undefined] : [undefined, month, other];
      return [undefined, month, undefined];
    }
    if (v.length === 2) {
      if (a > 31n) return [a, b, undefined];
      if (b > 31n) return [b, a, undefined];
      return [undefined, a, b];
    }
    if (v.length === 3) {
      if (m === 0) return b > 31n ? [b, a, c] : [c, a, b];
      if (m === 1) return a > 31n ? [a, b, c] : [c, b, a];
      if (m === 2) return b > 31n ? [b, c, a] : [a, c, b];
      if (a > 31n || this.ystridx === 0) return [a, b, c];
      if (a > 12n) return [c, b, a];
      return [c, a, b];
    }
    return [undefined, undefined, undefined];
  }
}

// calendar.monthrange(year, month)[1] for any int year.
function monthDays(year: bigint | number, month: number): number {
  if (month < 1 || month > 12) throw new ParseFailure(`bad month number ${month}; must be 1-12`);
  const y = BigInt(year);
  const leap = y % 4n === 0n && (y % 100n !== 0n || y % 400n === 0n);
  return month === 2 ? (leap ? 29 : 28) : daysInMonth(2001, month);
}

interface Result {
  year?: bigint;
  month?: bigint;
  day?: bigint;
  weekday?: number;
  hour?: bigint;
  minute?: bigint;
  second?: bigint;
  microsecond?: bigint;
  tzname?: string;
  tzoffset?: number;
  ampm?: number;
  centurySpecified?: boolean;
}

/** dateutil.parser.parse(text, tzinfos=…) in the context's today and zone. */
export function dateutilParse(text: string, context: ParseContext): ParsedDatetime {
  const res = parseTokens(text, context.today.year);
  if (res === undefined) throw new DateutilParserError(`Unknown string format: ${text}`);
  if (resultLength(res) === 0) throw new DateutilParserError(`String does not contain a date: ${text}`);
  const naive = buildNaive(res, context.today, text);
  return buildTzaware(naive, res, context);
}

/** The TypeError of _timelex for a value that is no str (nor bytes, nor a stream). */
export function notAStringMessage(value: PyValue): string {
  return `Parser must be a string or character stream, not ${pyTypeName(value)}`;
}

/**
 * datetime.utcoffset() of a parsed datetime in seconds east: undefined when it is naive; a
 * utcoffset outside ±1 day is datetime's ValueError.
 */
export function parsedUtcOffset(parsed: ParsedDatetime, local: TzLocal): number | undefined {
  const offset = offsetOf(parsed, local);
  const error = offset === undefined ? undefined : utcOffsetError(offset);
  if (error !== undefined) throw new GeneralError('PYTHON_CRASH', error);
  return offset;
}

function offsetOf({ seconds, tz }: ParsedDatetime, local: TzLocal): number | undefined {
  switch (tz.kind) {
    case 'naive':
      return undefined;
    case 'utc':
      return 0;
    case 'offset':
      return tz.seconds;
    case 'local':
      return local.utcoffset(seconds, tz.fold);
  }
}

function resultLength(res: Result): number {
  return Object.values({ ...res, centurySpecified: undefined }).filter((v) => v !== undefined).length;
}

// parser._parse: undefined where dateutil returns (None, None).
function parseTokens(text: string, currentYear: number): Result | undefined {
  const res: Result = {};
  const l = timelex(text);
  const ymd = new Ymd();
  const at = (i: number): string => {
    const token = l[i];
    if (token === undefined) throw new ParseFailure('list index out of range');
    return token;
  };
  try {
    let i = 0;
    while (i < l.length) {
      const token = at(i);
      if (isFloat(token)) {
        i = parseNumericToken(l, i, ymd, res);
      } else if (lookup(WEEKDAYS, token) !== undefined) {
        res.weekday = lookup(WEEKDAYS, token);
      } else if (lookup(MONTHS, token) !== undefined) {
        ymd.append(BigInt((lookup(MONTHS, token) as number) + 1), 'M');
        if (i + 1 < l.length) {
          if (at(i + 1) === '-' || at(i + 1) === '/') {
            const sep = at(i + 1);
            ymd.append(at(i + 2));
            if (i + 3 < l.length && at(i + 3) === sep) {
              ymd.append(at(i + 4));
              i += 2;
            }
            i += 2;
          } else if (i + 4 < l.length && at(i + 1) === ' ' && at(i + 3) === ' ' && at(i + 2).toLowerCase() === 'of') {
            if (isPyDigit(at(i + 4))) ymd.append(String(convertYear(int(at(i + 4)), false, currentYear)), 'Y');
            i += 4;
          }
        }
      } else if (lookup(AMPM, token) !== undefined) {
        const value = lookup(AMPM, token) as number;
        if (res.hour === undefined) throw new ParseFailure('No hour specified with AM or PM flag.');
        if (res.hour < 0n || res.hour > 12n) throw new ParseFailure('Invalid hour specified for 12-hour clock.');
        res.hour = adjustAmpm(res.hour, value);
        res.ampm = value;
      } else if (couldBeTzname(res, token)) {
        res.tzname = token;
        res.tzoffset = UTCZONE_LOWER.has(token) ? 0 : undefined;
        if (i + 1 < l.length && (at(i + 1) === '+' || at(i + 1) === '-')) {
          l[i + 1] = at(i + 1) === '+' ? '-' : '+';
          res.tzoffset = undefined;
          if (UTCZONE_LOWER.has(token.toLowerCase())) res.tzname = undefined;
        }
      } else if (res.hour !== undefined && (token === '+' || token === '-')) {
        const signal = token === '+' ? 1 : -1;
        const next = at(i + 1);
        const length = chars(next).length;
        let hourOffset: bigint;
        let minOffset: bigint;
        if (length === 4) {
          hourOffset = int(slice(next, 0, 2));
          minOffset = int(slice(next, 2));
        } else if (i + 2 < l.length && at(i + 2) === ':') {
          hourOffset = int(next);
          minOffset = int(at(i + 3));
          i += 2;
        } else if (length <= 2) {
          hourOffset = int(slice(next, 0, 2));
          minOffset = 0n;
        } else throw new ParseFailure(text);
        res.tzoffset = signal * Number(hourOffset * 3600n + minOffset * 60n);
        if (
          i + 5 < l.length &&
          isJump(at(i + 2)) &&
          at(i + 3) === '(' &&
          at(i + 5) === ')' &&
          chars(at(i + 4)).length >= 3 &&
          couldBeTzname({ ...res, tzoffset: undefined }, at(i + 4))
        ) {
          res.tzname = at(i + 4);
          i += 4;
        }
        i += 1;
      } else if (!isJump(token)) {
        throw new ParseFailure(text);
      }
      i += 1;
    }
    const [year, month, day] = ymd.resolve();
    res.centurySpecified = ymd.centurySpecified;
    res.year = year;
    res.month = month;
    res.day = day;
  } catch (error) {
    if (error instanceof ParseFailure) return undefined;
    throw error;
  }
  // parserinfo.validate.
  if (res.year !== undefined) res.year = convertYear(res.year, res.centurySpecified ?? false, currentYear);
  if ((res.tzoffset === 0 && !res.tzname) || res.tzname === 'Z' || res.tzname === 'z') {
    res.tzname = 'UTC';
    res.tzoffset = 0;
  } else if (res.tzoffset !== 0 && res.tzname && UTCZONE_LOWER.has(res.tzname.toLowerCase())) {
    res.tzoffset = 0;
  }
  return res;
}

// float(token) succeeds (digits, a decimal point, or a word such as "nan" or "inf").
function isFloat(token: string): boolean {
  try {
    parsePyFloat(token);
    return true;
  } catch {
    return false;
  }
}

function couldBeTzname(res: Result, token: string): boolean {
  return (
    res.hour !== undefined &&
    res.tzname === undefined &&
    res.tzoffset === undefined &&
    chars(token).length <= 5 &&
    (isUpperAscii(token) || UTCZONE.includes(token))
  );
}

function adjustAmpm(hour: bigint, ampm: number): bigint {
  if (hour < 12n && ampm === 1) return hour + 12n;
  if (hour === 12n && ampm === 0) return 0n;
  return hour;
}

// parserinfo.convertyear: two-digit years within 50 years of the current one.
function convertYear(year: bigint, centurySpecified: boolean, currentYear: number): bigint {
  if (year < 100n && !centurySpecified) {
    const now = BigInt(currentYear);
    let y = year + (now / 100n) * 100n;
    if (y >= now + 50n) y -= 100n;
    else if (y < now - 50n) y += 100n;
    return y;
  }
  return year;
}

// _parsems: "I[.F]" seconds → (seconds, microseconds).
function parseMs(value: string): [bigint, bigint] {
  if (!value.includes('.')) return [int(value), 0n];
  const parts = value.split('.');
  if (parts.length !== 2) throw new ParseFailure('too many values to unpack');
  const [i, f] = parts as [string, string];
  return [int(i), int(slice(f.padEnd(6, '0'), 0, 6))];
}

function hmsIndex(idx: number, tokens: readonly string[]): number | undefined {
  const hms = (i: number): boolean => tokens[i] !== undefined && lookup(HMS, tokens[i] as string) !== undefined;
  if (idx + 1 < tokens.length && hms(idx + 1)) return idx + 1;
  if (idx + 2 < tokens.length && tokens[idx + 1] === ' ' && hms(idx + 2)) return idx + 2;
  if (idx > 0 && hms(idx - 1)) return idx - 1;
  if (idx > 1 && idx === tokens.length - 1 && tokens[idx - 1] === ' ' && hms(idx - 2)) return idx - 2;
  return undefined;
}

// _parse_numeric_token: returns the index of the last token used.
function parseNumericToken(tokens: string[], start: number, ymd: Ymd, res: Result): number {
  let idx = start;
  const valueRepr = tokens[idx] as string;
  let value: Dec;
  try {
    value = Dec.of(valueRepr);
  } catch {
    throw new ParseFailure('Unknown numeric token');
  }
  const lenLi = chars(valueRepr).length;
  const lenL = tokens.length;
  const tok = (i: number): string => {
    const t = tokens[i];
    if (t === undefined) throw new ParseFailure('list index out of range');
    return t;
  };
  const hmsOf = (t: string): number | undefined => lookup(HMS, t);
  if (
    ymd.length === 3 &&
    (lenLi === 2 || lenLi === 4) &&
    res.hour === undefined &&
    (idx + 1 >= lenL || (tok(idx + 1) !== ':' && hmsOf(tok(idx + 1)) === undefined))
  ) {
    res.hour = int(slice(valueRepr, 0, 2));
    if (lenLi === 4) res.minute = int(slice(valueRepr, 2));
  } else if (lenLi === 6 || (lenLi > 6 && chars(valueRepr).indexOf('.') === 6)) {
    const s = valueRepr;
    if (ymd.length === 0 && !s.includes('.')) {
      ymd.append(slice(s, 0, 2));
      ymd.append(slice(s, 2, 4));
      ymd.append(slice(s, 4));
    } else {
      res.hour = int(slice(s, 0, 2));
      res.minute = int(slice(s, 2, 4));
      [res.second, res.microsecond] = parseMs(slice(s, 4));
    }
  } else if (lenLi === 8 || lenLi === 12 || lenLi === 14) {
    const s = valueRepr;
    ymd.append(slice(s, 0, 4), 'Y');
    ymd.append(slice(s, 4, 6));
    ymd.append(slice(s, 6, 8));
    if (lenLi > 8) {
      res.hour = int(slice(s, 8, 10));
      res.minute = int(slice(s, 10, 12));
      if (lenLi > 12) res.second = int(slice(s, 12));
    }
  } else if (hmsIndex(idx, tokens) !== undefined) {
    const hmsIdx = hmsIndex(idx, tokens) as number;
    let hms: number;
    if (hmsIdx > idx) {
      hms = hmsOf(tok(hmsIdx)) as number;
      idx = hmsIdx;
    } else hms = (hmsOf(tok(hmsIdx)) as number) + 1;
    // _assign_hms.
    if (hms === 0) {
      res.hour = value.int();
      if (value.fraction) res.minute = value.sixtieths();
    } else if (hms === 1) {
      res.minute = value.int();
      res.second = value.fraction ? value.sixtieths() : undefined;
    } else if (hms === 2) {
      [res.second, res.microsecond] = parseMs(valueRepr);
    }
  } else if (idx + 2 < lenL && tok(idx + 1) === ':') {
    res.hour = value.int();
    const minutes = Dec.of(tok(idx + 2));
    res.minute = minutes.int();
    res.second = minutes.fraction ? minutes.sixtieths() : undefined;
    if (idx + 4 < lenL && tok(idx + 3) === ':') {
      [res.second, res.microsecond] = parseMs(tok(idx + 4));
      idx += 2;
    }
    idx += 2;
  } else if (idx + 1 < lenL && ['-', '/', '.'].includes(tok(idx + 1))) {
    const sep = tok(idx + 1);
    ymd.append(valueRepr);
    if (idx + 2 < lenL && !isJump(tok(idx + 2))) {
      if (isPyDigit(tok(idx + 2))) ymd.append(tok(idx + 2));
      else {
        const month = lookup(MONTHS, tok(idx + 2));
        if (month === undefined) throw new ParseFailure('');
        ymd.append(BigInt(month + 1), 'M');
      }
      if (idx + 3 < lenL && tok(idx + 3) === sep) {
        const month = lookup(MONTHS, tok(idx + 4));
        if (month !== undefined) ymd.append(BigInt(month + 1), 'M');
        else ymd.append(tok(idx + 4));
        idx += 2;
      }
      idx += 1;
    }
    idx += 1;
  } else if (idx + 1 >= lenL || isJump(tok(idx + 1))) {
    if (idx + 2 < lenL && lookup(AMPM, tok(idx + 2)) !== undefined) {
      res.hour = adjustAmpm(value.int(), lookup(AMPM, tok(idx + 2)) as number);
      idx += 1;
    } else ymd.append(value);
    idx += 1;
  } else if (lookup(AMPM, tok(idx + 1)) !== undefined && value.cmp(0) >= 0 && value.cmp(24) < 0) {
    res.hour = adjustAmpm(value.int(), lookup(AMPM, tok(idx + 1)) as number);
    idx += 1;
  } else if (ymd.couldBeDay(value)) {
    ymd.append(value);
  } else throw new ParseFailure('');
  return idx;
}

// datetime.replace's "i" arguments: a C int.
function cInt(value: bigint): number {
  if (value > 9223372036854775807n || value < -9223372036854775808n) throw overflow('Python int too large to convert to C long');
  if (value > 2147483647n) throw overflow('signed integer is greater than maximum');
  if (value < -2147483648n) throw overflow('signed integer is less than minimum');
  return Number(value);
}

interface Naive {
  readonly seconds: number;
  readonly microsecond: number;
}

// _build_naive: today's midnight with the parsed fields replaced; a ValueError becomes a ParserError.
function buildNaive(res: Result, today: ParseContext['today'], text: string): Naive {
  const fail = (message: string): never => {
    throw new DateutilParserError(`${message}: ${text}`);
  };
  let dayDefault: bigint | undefined;
  if (res.day === undefined) {
    const cyear = res.year ?? BigInt(today.year);
    const cmonth = res.month ?? BigInt(today.month);
    const cday = BigInt(today.day);
    if (cmonth < 1n || cmonth > 12n) fail(`bad month number ${cmonth}; must be 1-12`);
    const last = BigInt(monthDays(cyear, Number(cmonth)));
    if (cday > last) dayDefault = last;
  }
  const year = cInt(res.year ?? BigInt(today.year));
  const month = cInt(res.month ?? BigInt(today.month));
  const day = cInt(res.day ?? dayDefault ?? BigInt(today.day));
  const hour = cInt(res.hour ?? 0n);
  const minute = cInt(res.minute ?? 0n);
  const second = cInt(res.second ?? 0n);
  const microsecond = cInt(res.microsecond ?? 0n);
  if (year < MIN_YEAR || year > MAX_YEAR) fail(`year ${year} is out of range`);
  if (month < 1 || month > 12) fail('month must be in 1..12');
  if (day < 1 || day > daysInMonth(year, month)) fail('day is out of range for month');
  if (hour < 0 || hour > 23) fail('hour must be in 0..23');
  if (minute < 0 || minute > 59) fail('minute must be in 0..59');
  if (second < 0 || second > 59) fail('second must be in 0..59');
  if (microsecond < 0 || microsecond > 999999) fail('microsecond must be in 0..999999');
  let seconds = civilSeconds(year, month, day, hour, minute, second);
  if (res.weekday !== undefined && !res.day) {
    // relativedelta(weekday=N): the same or the next such weekday (1970-01-01 was a Thursday).
    const days = daysFromCivil(year, month, day);
    const ahead = (((res.weekday - (days + 3)) % 7) + 7) % 7;
    seconds += ahead * SECONDS_PER_DAY;
    if (!inDatetimeRange(seconds)) throw overflow('date value out of range');
  }
  return { seconds, microsecond };
}

// _build_tzaware (tzinfos: {'GMT': tzutc()} or none).
function buildTzaware(naive: Naive, res: Result, { local, tzinfos }: ParseContext): ParsedDatetime {
  const { seconds, microsecond } = naive;
  if (tzinfos === 'GMT=UTC' && res.tzname === 'GMT') return { seconds, microsecond, tz: { kind: 'utc' } };
  if (res.tzname && local.tznames.includes(res.tzname)) {
    let fold: Fold = 0;
    if (local.tzname(seconds, 0) !== res.tzname && local.tzname(seconds, 1) === res.tzname) fold = 1;
    if (local.tzname(seconds, fold) !== res.tzname && UTCZONE.includes(res.tzname)) return { seconds, microsecond, tz: { kind: 'utc' } };
    return { seconds, microsecond, tz: { kind: 'local', fold } };
  }
  if (res.tzoffset === 0) return { seconds, microsecond, tz: { kind: 'utc' } };
  if (res.tzoffset) return { seconds, microsecond, tz: { kind: 'offset', seconds: res.tzoffset } };
  if (!res.tzname) return { seconds, microsecond, tz: { kind: 'naive' } };
  return { seconds, microsecond, tz: { kind: 'naive' }, unknownTzname: res.tzname };
}

/** The UnknownTimezoneWarning dateutil prints to stderr. */
export function unknownTimezoneWarning(tzname: string): string {
  return pyWarningText({
    filename: '/usr/lib/python3/dist-packages/dateutil/parser/_parser.py',
    lineno: 1207,
    category: 'UnknownTimezoneWarning',
    message:
      `tzname ${tzname} identified but not understood.  Pass \`tzinfos\` argument in order to correctly return a ` +
      'timezone-aware datetime.  In a future version, this will raise an exception.',
    sourceLine: '            warnings.warn("tzname {tzname} identified but not understood.  "',
  });
}
