#!/usr/bin/python3
"""Writes fixtures/output/local-zones.json: what CPython's time module (glibc's tzset and
localtime) says of the local zone under many TZ values, replayed by
test/unit/output/local-zone.test.ts against src/values/py-local-zone.ts (pyLocalZone).

Run with the reference's Python (/usr/bin/python3, glibc 2.36, Debian's tzdata):
    /usr/bin/python3 scripts/gen-local-zone-table.py

For each TZ value (None: unset) the table holds
  - localtime: [t, tm_isdst, tm_gmtoff, tm_zone] at fixed instants and at the changes found in a
    few years (each change at t-1, t and t+1);
  - probes: time.timezone, altzone, daylight and tzname as init_timezone computes them at import
    for a few fixed "now"s (its probe: localtime of (now // YEAR) * YEAR and half a YEAR later),
    computed here from localtime of those instants;
  - now / own: the time module's own timezone, altzone, daylight and tzname at import, and the time
    then, which the test replays with that now (the probe logic checked against CPython itself);
  - files: the zone files the value may read (sha256, or null when absent), so the test can skip a
    zone whose files differ on the machine it runs on.

Each zone is recorded by a fresh Python process started with TZ (and TZDIR) already set, so that
glibc reads the zone once, at the time module's import, as in the reference: a second tzset()
gives other answers for a TZ string that takes the posixrules file's transitions (AAA3BBB).
"""

import calendar
import hashlib
import json
import os
import platform
import subprocess
import sys
import time

ZONEINFO = '/usr/share/zoneinfo'
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures', 'output', 'local-zones.json')

IANA = [
    'UTC', 'Etc/UTC', 'GMT', 'Universal', 'GMT-0', 'Etc/GMT+12', 'Etc/GMT-14',
    'America/New_York', 'America/Los_Angeles', 'America/St_Johns', 'America/Sao_Paulo', 'America/Santiago',
    'America/Havana', 'America/Caracas', 'America/Godthab', 'America/Nuuk',
    'Europe/London', 'Europe/Paris', 'Europe/Berlin', 'Europe/Dublin', 'Europe/Moscow', 'Europe/Lisbon',
    'Africa/Casablanca', 'Africa/Cairo', 'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Tehran', 'Asia/Tokyo',
    'Asia/Gaza', 'Australia/Sydney', 'Australia/Lord_Howe', 'Australia/Perth', 'Australia/Adelaide',
    'Pacific/Chatham', 'Pacific/Apia', 'Pacific/Kiritimati', 'Pacific/Auckland', 'Antarctica/Troll',
    'EST5EDT', 'CET', 'EST', 'MST7MDT', 'posixrules', 'right/UTC', 'right/America/New_York', 'posix/Europe/Oslo',
]

FILE_FORMS = [
    ':America/New_York', ':UTC', '/usr/share/zoneinfo/Asia/Tokyo', ':/usr/share/zoneinfo/Europe/Paris',
    '/etc/localtime', ':/etc/localtime', '../zoneinfo/Europe/Rome', 'America', 'America/Nowhere', '/nonexistent/zone',
    'Europe/', '/usr/share/zoneinfo/iso3166.tab', 'zone.tab',
]

POSIX = [
    'CET-1CEST,M3.5.0,M10.5.0/3', 'EST5EDT4,M3.2.0/2,M11.1.0/2', 'PST8PDT,M3.2.0,M11.1.0',
    'AEST-10AEDT,M10.1.0,M4.1.0/3', 'NZST-12NZDT,M9.5.0,M4.1.0/3', '<-03>3<-02>,M3.5.0/-2,M10.5.0/-1',
    '<+1245>-12:45<+1345>,M9.5.0/2:45,M4.1.0/3:45', '<-04>4<-03>,M9.1.6/24,M4.1.6/24', 'IST-2IDT,M3.4.4/26,M10.5.0',
    'WART4WARST,J1/0,J365/25', '<+0330>-3:30', 'IST-5:30', 'XYZ-03:30', 'UTC0', 'UTC+3', 'GMT+5', 'GMT-5',
    'AAA3BBB,J60,J300', 'AAA3BBB,J1/0,J365/25', 'AAA3BBB,59,300', 'AAA3BBB,0/0,365/24', 'AAA3BBB,J59/23:59:59,J60/0:0:1',
    'AAA3BBB,M3.2.0/167,M11.1.0/-167', 'AAA3BBB,M2.5.1,M2.5.3', 'AAA3BBB,M12.5.6/23,M1.1.0/1',
    'AAA5BBB', 'AAA3BBB', 'AAA3BBB,', 'AAA3BBB2', 'AAA-14:00BBB-15', 'AAA3BBB4:30:15',
    'ABC+24:59:59', 'ABC25', 'ABC1:60:99', 'ABC-0', 'ABC+0:0:1',
    'XXX-1YYY-2:30:45,J60/-3,300/170', '<ABCDEFGHIJKLMN>5<PQRSTUVWXYZABC>,M3.2.0,M11.1.0', '<A1->2<B+2>,M4.1.0,M9.1.0',
    'EST5EDT,M3.2.0,M11.1.0garbage', 'EST5EDT,M3.2.0/2,M11.1.0/2xyz', 'CET-1CEST,M3.5.0,garbage', 'CET-1CEST,M3.2',
    'AAA3BBB,M3.0.0,M10.1.0', 'AAA3BBB,M3.2.7,M11.1.0', 'AAA3BBB,M3.6.0,M11.1.0', 'AAA3BBB,M3.2.0/,M11.1.0',
    'AAA3BBB,M3.2.0/x,M11.1.0', 'AAA3BBB,M3.2.0/-,M11.1.0', 'EST5EDT,J0,J365', 'AAA3BBB,366,J1', 'AAA3BBB,J366,J1',
    'AAA3BBB;M3.2.0,M11.1.0', 'AAA3BBB,M3.2.0', 'AAA3BBB,M3.2.0,', 'AAA3BBB,,M3.2.0,M11.1.0',
    'EST+-5', 'EST-+5', 'EST 5', 'EST5 EDT', 'EST5EDT 4,M3.2.0,M11.1.0', 'EST5EDT, M3.2.0,M11.1.0', 'EST5EDT,M 3.2.0,M 11.1.0',
    'EST5,M3.2.0,M11.1.0', 'EST5:', 'EST5:30:', 'EST99999', 'EST-70000', 'EST5EDT-99999', 'EST5EDT,M3.2.0/99999,M11.1.0',
    'garbage', '1234', 'AB', '<AB>5', '<ABC', '<A+1>-1', 'ESTX', 'ESTX5', 'AAA3BBBCCC', 'AAA3<>4',
    '', ':', ': ', ' ', 'UTC ', 'Europe/Paris ',
]

# (TZ, TZDIR): other zone folders.
WITH_TZDIR = [
    ('Europe/Paris', '/usr/share/zoneinfo/posix'),
    ('Europe/Paris', '/nonexistent'),
    ('AAA3BBB', '/nonexistent'),
    ('', '/nonexistent'),
    ('UTC', ''),
]

# Zone files glibc reads oddly or refuses, made from America/New_York into fixtures/output/zones/
# (replayed there through TZDIR, written as {zones} in the table).
ZONES_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures', 'output', 'zones')
# Not among them: a footer with a daylight name and no rules (zic never writes one). glibc would
# read posixrules for it at the first instant past the last transition and use what it found (or,
# failing, the footer's TZ string) for every later call: answers that depend on the calls before.
CRAFTED = ['v1-only', 'no-footer', 'footer-one-byte', 'footer-no-newline', 'footer-empty', 'footer-other-rules', 'bad-magic', 'bad-isdst', 'bad-abbr-index', 'bad-type-index', 'truncated', 'all-dst']


def write_crafted():
    """Writes the CRAFTED zone files, each a change to New York's (a version 2+ file)."""
    with open(os.path.join(ZONEINFO, 'America/New_York'), 'rb') as f:
        ny = f.read()

    def counts(at):
        return [int.from_bytes(ny[at + 20 + 4 * i:at + 24 + 4 * i], 'big') for i in range(6)]

    isut, isstd, leaps, times, types, chars = counts(0)
    v1_size = 44 + times * 5 + types * 6 + chars + leaps * 8 + isstd + isut
    isut2, isstd2, leaps2, times2, types2, chars2 = counts(v1_size)
    data_end = v1_size + 44 + times2 * 9 + types2 * 6 + chars2 + leaps2 * 12 + isstd2 + isut2
    types_at = v1_size + 44 + times2 * 9
    body = ny[:data_end]
    changed = {
        'v1-only': ny[:4] + b'\0' + ny[5:v1_size],
        'no-footer': body,
        'footer-one-byte': body + b'\n',
        'footer-no-newline': body + b'XEST5EDT,M3.2.0,M11.1.0\n',
        'footer-empty': body + b'\n\n',
        'footer-other-rules': body + b'\n<-03>3<-02>,M3.5.0/-2,M10.5.0/-1\n',
        'bad-magic': b'TZjf' + ny[4:],
        'bad-isdst': ny[:types_at + 4] + b'\2' + ny[types_at + 5:],
        'bad-abbr-index': ny[:types_at + 5] + bytes([chars2 + 1]) + ny[types_at + 6:],
        'bad-type-index': ny[:v1_size + 44 + times2 * 8] + bytes([types2]) + ny[v1_size + 44 + times2 * 8 + 1:],
        'truncated': ny[:v1_size + 44 + times2 * 4],
        # Every type daylight time: before the first transition glibc takes the first type.
        'all-dst': ny[:types_at] + b''.join(ny[types_at + 6 * i:types_at + 6 * i + 4] + b'\1' + ny[types_at + 6 * i + 5:types_at + 6 * i + 6]
                                            for i in range(types2)) + ny[types_at + 6 * types2:],
    }
    os.makedirs(ZONES_DIR, exist_ok=True)
    for name in CRAFTED:
        with open(os.path.join(ZONES_DIR, name), 'wb') as f:
            f.write(changed[name])


YEAR = (365 * 24 + 6) * 3600
FIXED_NOWS = [631152000, 1433116800, 1767225600, 2208988800]
INSTANTS = sorted({
    -62135596800, -2208988801, -2208988800, -2208988799, -1577923200, -15000000, -1, 0, 1, 86399, 7200, 15778800,
    1000000000, 1675080000, 1688212800, 1700000000, 2147483647, 2147483648, 2145916800, 2161468800, 2208988800,
    2224713600, 2524608000, 4102444800, 4118000000, 253402300799,
} | {n // YEAR * YEAR for n in FIXED_NOWS} | {n // YEAR * YEAR + YEAR // 2 for n in FIXED_NOWS})
SCAN_YEARS = [1969, 1970, 1996, 2018, 2023, 2037, 2038, 2100]


def state(t):
    lt = time.localtime(t)
    return (lt.tm_isdst, lt.tm_gmtoff, lt.tm_zone)


def year_start(year):
    return calendar.timegm((year, 1, 1, 0, 0, 0))


def changes(year):
    """The instants where localtime's (isdst, gmtoff, zone) change during `year`, by day steps and bisection."""
    found = []
    start, end = year_start(year), year_start(year + 1)
    t, before = start, state(start)
    while t < end:
        nxt = min(t + 86400, end)
        after = state(nxt)
        if after != before:
            lo, hi = t, nxt
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if state(mid) == before:
                    lo = mid
                else:
                    hi = mid
            found.append(hi)
            # More than one change within the day: go on from the first.
            t, before = hi, state(hi)
            continue
        t, before = nxt, after
    return found


def probe(now):
    """init_timezone's time.timezone, altzone, daylight and tzname for a process started at `now`."""
    jan = now // YEAR * YEAR
    jan_t, july_t = time.localtime(jan), time.localtime(jan + YEAR // 2)
    jan_zone, july_zone = -jan_t.tm_gmtoff, -july_t.tm_gmtoff
    jan_name, july_name = jan_t.tm_zone[:9], july_t.tm_zone[:9]
    if jan_zone < july_zone:
        return [july_zone, jan_zone, jan_zone != july_zone, [july_name, jan_name]]
    return [jan_zone, july_zone, jan_zone != july_zone, [jan_name, july_name]]


def digest(path):
    try:
        with open(path, 'rb') as f:
            return hashlib.sha256(f.read()).hexdigest()[:16]
    except OSError:
        return None


def zone_files(tz, tzdir):
    """The files glibc may read for this TZ value: the zone file, else posixrules (for a TZ string)."""
    name = 'Universal' if tz == '' else tz
    if name is not None and name.startswith(':'):
        name = name[1:]
    folder = tzdir or ZONEINFO
    files = {}
    if name is None:
        files['/etc/localtime'] = digest('/etc/localtime')
    elif name != '':
        path = name if name.startswith('/') else folder + '/' + name
        files[path] = digest(path) if os.path.isfile(path) else None
        if files[path] is None:
            files[folder + '/posixrules'] = digest(folder + '/posixrules')
    return files


def record_here():
    """The zone this process was started with (TZ, TZDIR), read once at the time module's import."""
    tz, tzdir = os.environ.get('TZ'), os.environ.get('TZDIR')
    now = int(time.time())  # init_timezone's probe ran a moment ago
    own = [time.timezone, time.altzone, bool(time.daylight), list(time.tzname)]
    instants = set(INSTANTS)
    for year in SCAN_YEARS:
        for t in changes(year):
            instants.update((t - 1, t, t + 1))
    rows = []
    for t in sorted(instants):
        isdst, gmtoff, zone = state(t)
        rows.append([t, isdst, gmtoff, zone])
    return {
        'tz': tz,
        'tzdir': tzdir,
        'files': zone_files(tz, tzdir),
        'now': now,
        'own': own,
        'probes': [[n, *probe(n)] for n in FIXED_NOWS],
        'localtime': rows,
    }


def record(tz, tzdir=None):
    """record_here() in a fresh process started with this TZ and TZDIR."""
    if tzdir == '{zones}':
        zone = record(tz, os.path.realpath(ZONES_DIR))
        zone['tzdir'] = '{zones}'
        zone['files'] = {path.replace(os.path.realpath(ZONES_DIR), '{zones}'): digest for path, digest in zone['files'].items()}
        return zone
    env = {'PATH': '/usr/bin:/bin', 'LC_ALL': 'C.UTF-8'}
    if tz is not None:
        env['TZ'] = tz
    if tzdir is not None:
        env['TZDIR'] = tzdir
    out = subprocess.run([sys.executable, os.path.abspath(__file__), '--here'], env=env, check=True, capture_output=True)
    return json.loads(out.stdout)


def main():
    if sys.argv[1:] == ['--here']:
        json.dump(record_here(), sys.stdout)
        return
    zones = [record(None)]
    zones += [record(tz) for tz in IANA + FILE_FORMS + POSIX]
    zones += [record(tz, tzdir) for tz, tzdir in WITH_TZDIR]
    write_crafted()
    zones += [record(name, '{zones}') for name in CRAFTED]
    with open(os.path.join(ZONEINFO, 'tzdata.zi')) as f:
        tzdata = f.readline().strip().replace('# version ', '')
    table = {
        'note': 'Written by scripts/gen-local-zone-table.py; replayed by test/unit/output/local-zone.test.ts.',
        'python': platform.python_version(),
        'libc': ' '.join(platform.libc_ver()),
        'tzdata': tzdata,
        'zones': zones,
    }
    with open(OUT, 'w') as f:
        f.write('{\n')
        for key in ('note', 'python', 'libc', 'tzdata'):
            f.write(f' {json.dumps(key)}: {json.dumps(table[key])},\n')
        f.write(' "zones": [\n')
        for i, zone in enumerate(zones):
            f.write('  ' + json.dumps(zone, ensure_ascii=False, separators=(',', ':')) + (',\n' if i + 1 < len(zones) else '\n'))
        f.write(' ]\n}\n')
    print(f'{OUT}: {len(zones)} zones, {sum(len(z["localtime"]) for z in zones)} instants', file=sys.stderr)


if __name__ == '__main__':
    main()
