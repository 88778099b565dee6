// POSIX TZ strings (`CET-1CEST,M3.5.0,M10.5.0/3`) as glibc 2.36 reads them (time/tzset.c:
// __tzset_parse_tz, parse_tzname, parse_offset, parse_rule) and which of the two rules is in
// force at an instant (compute_change, __tz_compute). Pure. The quirks are glibc's and kept:
// offsets are clamped to 24:59:59 but rule times are not, a rule that fails to parse keeps what
// it had read so far (and is still used), the rules of years up to 1970 are computed from
// 1970-01-01, and sscanf's %hu reads white space, a second sign and numbers modulo 65536.

/** One of tz_rules[2]: standard time (0) or daylight time (1). */
interface TzRule {
  name: string;
  /** J1: Jn (1..365, no Feb 29); J0: n (0..365); M: Mm.n.d. */
  type: 'J0' | 'J1' | 'M';
  m: number;
  n: number;
  d: number;
  /** The time of day of the change, in seconds (may be negative or past 24 hours). */
  secs: number;
  /** Seconds east of UTC. */
  offset: number;
}

export interface PosixZone {
  readonly rules: readonly [TzRule, TzRule];
  /**
   * A daylight name came without rules (`EST5EDT`, `AAA3BBB,`): glibc first tries the rules of
   * the `posixrules` zone file (__tzfile_default); `rules` hold what it falls back to.
   */
  readonly wantsDefaultRules: boolean;
}

/** What localtime's tm_isdst, tm_gmtoff and tm_zone say of an instant. */
export interface ZoneAt {
  readonly isdst: boolean;
  readonly gmtoff: number;
  readonly zone: string;
}

const SECSPERDAY = 86400;

/** __tzset_parse_tz: reads `text` (no leading colon) the way glibc does, never failing. */
export function parsePosixTz(text: string): PosixZone {
  // memset (tz_rules, 0): both unnamed UTC, rules J0 day 0 at 00:00.
  const rules: [TzRule, TzRule] = [unsetRule(), unsetRule()];
  let wantsDefaultRules = false;
  const std = parseTzname(text, 0);
  if (std === undefined) return { rules, wantsDefaultRules };
  rules[0].name = std.name;
  let at = parseOffset(text, std.end, 0, rules);
  if (at === undefined) return { rules, wantsDefaultRules };
  if (at >= text.length) {
    // No daylight time.
    rules[1].name = rules[0].name;
    rules[1].offset = rules[0].offset;
    return { rules, wantsDefaultRules };
  }
  const dst = parseTzname(text, at);
  if (dst !== undefined) {
    rules[1].name = dst.name;
    at = parseOffset(text, dst.end, 1, rules) as number;
    wantsDefaultRules = at >= text.length || (text[at] === ',' && at + 1 === text.length);
  }
  const next = parseRule(text, at, rules[0], 0);
  if (next !== undefined) parseRule(text, next, rules[1], 1);
  return { rules, wantsDefaultRules };
}

function unsetRule(): TzRule {
  return { name: '', type: 'J0', m: 0, n: 0, d: 0, secs: 0, offset: 0 };
}

const LETTERS = /[A-Za-z]/;
const QUOTED = /[A-Za-z0-9+-]/;

// parse_tzname: three or more letters, or `<...>` with three or more letters, digits, + and -.
function parseTzname(text: string, start: number): { name: string; end: number } | undefined {
  let end = start;
  while (LETTERS.test(text.charAt(end))) end++;
  if (end - start >= 3) return { name: text.slice(start, end), end };
  if (text[start] !== '<') return undefined;
  end = start + 1;
  while (QUOTED.test(text.charAt(end))) end++;
  if (text[end] !== '>' || end - start - 1 < 3) return undefined;
  return { name: text.slice(start + 1, end), end: end + 1 };
}

// parse_offset: [+-]hh[:mm[:ss]], west of UTC positive. The standard offset is required; a
// missing daylight offset is the standard one plus an hour. Returns where parsing goes on.
function parseOffset(text: string, start: number, which: 0 | 1, rules: [TzRule, TzRule]): number | undefined {
  let at = start;
  const c = text.charAt(at);
  if (which === 0 && c !== '+' && c !== '-' && !isDigit(c)) return undefined;
  let sign = -1;
  if (c === '+' || c === '-') {
    sign = c === '-' ? 1 : -1;
    at++;
  }
  const { values, consumed } = scanHms(text, at);
  const [hh, mm = 0, ss = 0] = values;
  // compute_offset: each field clamped (24:59:59 at most); `+ 0`: no -0.
  if (hh !== undefined) (rules[which] as TzRule).offset = sign * (Math.min(ss, 59) + Math.min(mm, 59) * 60 + Math.min(hh, 24) * 3600) + 0;
  else if (which === 0) return undefined;
  else rules[1].offset = rules[0].offset + 3600;
  return at + consumed;
}

// parse_rule: `,` then Jn, n or Mm.w.d (nothing: the US rules M3.2.0 / M11.1.0), then an
// optional /time. What a failed rule has read so far stays in `rule`, as in glibc.
function parseRule(text: string, start: number, rule: TzRule, which: 0 | 1): number | undefined {
  let at = start + (text[start] === ',' ? 1 : 0);
  const c = text.charAt(at);
  if (c === 'J' || isDigit(c)) {
    rule.type = c === 'J' ? 'J1' : 'J0';
    if (c === 'J' && !isDigit(text.charAt(++at))) return undefined;
    const digits = /^\d+/.exec(text.slice(at))?.[0] ?? '';
    const d = Number(digits);
    if (d > 365 || (rule.type === 'J1' && d === 0)) return undefined;
    rule.d = d;
    at += digits.length;
  } else if (c === 'M') {
    rule.type = 'M';
    const end = scanMonthRule(text, at + 1, rule);
    if (end === undefined || rule.m < 1 || rule.m > 12 || rule.n < 1 || rule.n > 5 || rule.d > 6) return undefined;
    at = end;
  } else if (c === '') {
    rule.type = 'M';
    [rule.m, rule.n, rule.d] = which === 0 ? [3, 2, 0] : [11, 1, 0];
  } else {
    return undefined;
  }
  const after = text.charAt(at);
  if (after !== '' && after !== '/' && after !== ',') return undefined;
  if (after !== '/') {
    rule.secs = 2 * 3600;
    return at;
  }
  at++;
  if (at >= text.length) return undefined;
  const negative = text[at] === '-';
  if (negative) at++;
  const { values, consumed } = scanHms(text, at);
  const [hh = 2, mm = 0, ss = 0] = values;
  rule.secs = (negative ? -1 : 1) * (hh * 3600 + mm * 60 + ss);
  return at + consumed;
}

// sscanf (tz, "M%hu.%hu.%hu%n", ...) after the M: each value read is stored, even on failure.
function scanMonthRule(text: string, start: number, rule: TzRule): number | undefined {
  let at = start;
  const fields = ['m', 'n', 'd'] as const;
  for (const [index, field] of fields.entries()) {
    if (index > 0) {
      if (text[at] !== '.') return undefined;
      at++;
    }
    const read = scanHu(text, at);
    if (read === undefined) return undefined;
    rule[field] = read.value;
    at = read.end;
  }
  return at;
}

// sscanf (tz, "%hu%n:%hu%n:%hu%n", ...): the values read and the characters consumed by them.
function scanHms(text: string, start: number): { values: number[]; consumed: number } {
  const values: number[] = [];
  let at = start;
  let consumed = 0;
  for (let index = 0; index < 3; index++) {
    if (index > 0) {
      if (text[at] !== ':') break;
      at++;
    }
    const read = scanHu(text, at);
    if (read === undefined) break;
    values.push(read.value);
    at = read.end;
    consumed = at - start;
  }
  return { values, consumed };
}

const ULONG_MAX = (1n << 64n) - 1n;

// sscanf's %hu: white space, an optional sign, decimal digits; strtoul's value (ULONG_MAX on
// overflow, negated modulo 2^64 after a minus) cut to an unsigned short.
function scanHu(text: string, start: number): { value: number; end: number } | undefined {
  let at = start;
  while (at < text.length && ' \t\n\v\f\r'.includes(text.charAt(at))) at++;
  const sign = text.charAt(at);
  if (sign === '+' || sign === '-') at++;
  const digits = /^\d+/.exec(text.slice(at))?.[0];
  if (digits === undefined) return undefined;
  let value = BigInt(digits);
  if (value > ULONG_MAX) value = ULONG_MAX;
  else if (sign === '-') value = -value & ULONG_MAX;
  return { value: Number(value & 0xffffn), end: at + digits.length };
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9' && c.length === 1;
}

/** __tz_compute: the rule in force at epoch second `timer`, from the changes of its UTC year. */
export function posixZoneAt(zone: PosixZone, timer: number): ZoneAt {
  const year = utcYear(timer);
  const [std, dst] = zone.rules;
  const start = changeTime(std, year);
  const end = changeTime(dst, year);
  // Southern hemisphere: daylight time runs over the new year.
  const isdst = start > end ? timer < end || timer >= start : timer >= start && timer < end;
  const rule = isdst ? dst : std;
  return { isdst, gmtoff: rule.offset, zone: rule.name };
}

// __mon_yday, both rows in a row: an out-of-range month (a rule that failed) reads the next row
// as glibc does, and 0 past the table (memory glibc reads there is not knowable).
const MON_YDAY = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365, 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366];

function monYday(leap: boolean, month: number): number {
  return MON_YDAY[(leap ? 13 : 0) + month] ?? 0;
}

// compute_change: the instant the rule's change happens in `year`.
function changeTime(rule: TzRule, year: number): number {
  // January 1st, 00:00 UTC: of 1970 for every year up to 1970.
  let t = 0;
  if (year > 1970) {
    const y = year - 1;
    t = ((year - 1970) * 365 + (Math.floor(y / 4) - 492) - (Math.floor(y / 100) - 19) + (Math.floor(y / 400) - 4)) * SECSPERDAY;
  }
  const leap = isLeap(year);
  if (rule.type === 'J1') t += (rule.d - 1) * SECSPERDAY + (rule.d >= 60 && leap ? SECSPERDAY : 0);
  else if (rule.type === 'J0') t += rule.d * SECSPERDAY;
  else t += (monYday(leap, rule.m - 1) + dayOfMonth(rule, year, leap)) * SECSPERDAY;
  return t - rule.offset + rule.secs;
}

// Mm.n.d: the zero-based day of the month of the n-th weekday d (n = 5: the last one).
function dayOfMonth(rule: TzRule, year: number, leap: boolean): number {
  // Zeller's congruence: the weekday of the month's first day (C's truncating / and %).
  const m1 = ((rule.m + 9) % 12) + 1;
  const yy0 = rule.m <= 2 ? year - 1 : year;
  const yy1 = Math.trunc(yy0 / 100);
  const yy2 = yy0 % 100;
  let dow = (Math.trunc((26 * m1 - 2) / 10) + 1 + yy2 + Math.trunc(yy2 / 4) + Math.trunc(yy1 / 4) - 2 * yy1) % 7;
  if (dow < 0) dow += 7;
  let d = rule.d - dow;
  if (d < 0) d += 7;
  const monthDays = monYday(leap, rule.m) - monYday(leap, rule.m - 1);
  for (let i = 1; i < rule.n && d + 7 < monthDays; i++) d += 7;
  return d;
}

function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** The proleptic Gregorian year of epoch second `t` in UTC (__offtime's tm_year + 1900). */
export function utcYear(t: number): number {
  // Howard Hinnant's civil_from_days.
  const z = Math.floor(t / SECSPERDAY) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  return yoe + era * 400 + (mp < 10 ? 0 : 1);
}
