#!/usr/bin/python3
"""Writes fixtures/output/timestamps.json: what AWS CLI v2.9.19's timestamp parser prints.

Runs botocore's own parse_timestamp(value).isoformat() (awscli's iso_format, with the dateutil
2.8.2 of Debian's python3-dateutil) on wire values, as json.loads gives them, under several TZ
values, with datetime.now() fixed at NOW so that dateutil's default date is stable. Each row is
the result, or the text of the exception that reaches the CLI (which prints it, exit 255), and
any warning's text as Python prints it on stderr.

Run with Debian's python3 (the one /usr/bin/aws runs on):
    /usr/bin/python3 scripts/gen-timestamp-table.py > fixtures/output/timestamps.json
and for AWS CLI v2.36.7's botocore, with the oracle's source tree first on the path:
    ORACLE_SRC=../shared/oracle/awscli-2.36.7 /usr/bin/python3 scripts/gen-timestamp-table.py \
        > fixtures/output/timestamps-2.36.7.json
"""
import datetime
import json
import os
import sys
import time
import types
import warnings

if os.environ.get('ORACLE_SRC'):
    # As the oracle's bin/aws-2.36.7 does: its source first, and the awscrt names it stubs.
    sys.path.insert(0, os.environ['ORACLE_SRC'])
    import awscrt.crypto as crypto
    for name in ['EC', 'ECType', 'ECExportFormat', 'ED25519', 'ED25519ExportFormat', 'RSA', 'RSASignatureAlgorithm']:
        if not hasattr(crypto, name):
            setattr(crypto, name, type(name, (), {}))
import awscli  # noqa: F401  (puts the CLI's botocore on the path)
from botocore.utils import parse_timestamp
import dateutil.parser._parser as dateutil_parser

NOW = 1733140800  # 2024-12-02T12:00:00Z

ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Sydney', 'EST5EDT', 'Asia/Tokyo',
         'CET-1CEST,M3.5.0,M10.5.0/3', 'AEST-10AEDT,M10.1.0,M4.1.0/3', '<+0330>-3:30', 'XYZ']

INTS = [
    0, 1, -1, 59, 86399, 86400, 951782400, 1000000000, 1675080000, 1700000000, 1732554209, 2147483647, 2147483648,
    4102444800, 10000000000, 253402300799, 253402300800, -62135596800, -62135596801, -2208988800, 1e15, 10**15,
    10**16, 10**17, -(10**17), 67767976233316800, 67767976233532799, 67768036191676800, 2**62, 2**63 - 1, 2**63,
    -(2**63), -(2**63) - 1, 10**30, 1710054000, 1710050400, 1710053999, 1730613600, 1730617200, 1730610000,
    1711846800, 1711846799, 1729990800, 1729987200, 1728144000, 1728147600, 1712415600, 10**309, -(10**309),
]
FLOATS = [
    0.0, -0.0, 0.5, 1.5, -1.5, 1675080000.123, 1732554209.123456, 1732554209.9999995, 1732554209.0000005, 1.0000005,
    2.5e-06, 1699999999.999999, 951782400.5, 1e10, 1e17, -1e17, 1e18, 1e19, 9.2e18, 9.3e18, -9.3e18, 1e20, 1e300,
    -1e300, 253402300799.9999999, 253402300799.999999, -62135596800.0, -62135596800.5, 0.1, 0.25, -0.0000005,
    1710054000.5, 1730613600.25,
]
SPECIAL = ['NaN', 'Infinity', '-Infinity', 'true', 'false', 'null', '[]', '[1, 2]', '{}', '{"a": 1}']
STRINGS = [
    # numbers as text: float() first
    '0', '1700000000', ' 1700000000 ', '1700000000.5', '+1700000000', '-1', '1_700_000_000', '1__7', '1e9', '1E9',
    '1e20', '1e400', 'inf', '-inf', 'Infinity', 'nan', 'NaN', '253402300800', '253402300799', '99999999999',
    '\u0661\u0667\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660', '0x10', '1.5e3', '.5', '5.', '\t42\n',
    # ISO 8601
    '2024-11-25', '2024-11-25T17:03:29', '2024-11-25T17:03:29Z', '2024-11-25T17:03:29z', '2024-11-25T17:03:29.123Z',
    '2024-11-25T17:03:29.1234567Z', '2024-11-25T17:03:29,5Z', '2024-11-25T17:03:29+05:30', '2024-11-25T17:03:29-0800',
    '2024-11-25T17:03:29+00:00', '2024-11-25T17:03:29-00:00', '2024-11-25T17:03:29+01', '2024-11-25T17:03:29 +01',
    '2024-11-25 17:03:29', '2024-11-25 17:03', '2024-11-25T17', '2024-11-25T1703', '20241125', '20241125T170329',
    '20241125T170329Z', '20241125T1703', '20241125170329', '202411251703', '241125', '2024-W48', '2024-330',
    '2024-11', '2024', '11-25', '2024/11/25', '11/25/2024', '25/11/2024', '11/25/24', '25.11.2024', '2024.11.25',
    '2024-02-29', '2023-02-29', '2024-02-30', '2024-13-01', '2024-00-10', '2024-11-00', '2024-11-31', '0001-01-01',
    '9999-12-31T23:59:59', '9999-12-31T23:59:59-01:00', '0001-01-01T00:00:00+01:00', '10000-01-01', '99999-01-01',
    '2024-11-25T24:00:00', '2024-11-25T23:60:00', '2024-11-25T23:59:60', '2024-11-25T25:00',
    # RFC 822 / 1123 / 850 and asctime
    'Mon, 25 Nov 2024 17:03:29 GMT', 'Mon, 25 Nov 2024 17:03:29 UTC', 'Mon, 25 Nov 2024 17:03:29 +0000',
    'Mon, 25 Nov 2024 17:03:29 -0500', 'Mon, 25 Nov 2024 17:03:29 EST', 'Mon, 25 Nov 2024 17:03:29 PST',
    'Monday, 25-Nov-24 17:03:29 GMT', 'Mon Nov 25 17:03:29 2024', 'Mon, 25 Nov 2024 17:03:29 Z',
    '25 Nov 2024 17:03:29 GMT', 'Sun, 25 Nov 2024 17:03:29 GMT', 'Tue, 31 Feb 2024 10:00:00 GMT',
    # words, am/pm, units
    'Nov 25 2024', 'November 25, 2024', '25 November 2024', 'Nov 25', 'November', 'Nov 2024', '2024 Nov',
    'Nov-25-2024', 'Nov/25/2024', '25-Nov-2024', '25-Nov', '2024-Nov-25', 'Sept 5 2024', 'Sep. 5, 2024',
    'Jan of 24', 'Jan of 2024', 'the 3rd of May 2024', '3rd May 2024', 'May 3rd, 2024 at 10:00',
    'Monday', 'Mon', 'Friday 10:00', 'Sat', 'Tuesday, November 26, 2024',
    '10:00', '10:00:30', '10:00:30.5', '10:00:30.123456789', '10:00am', '10:00 am', '10 am', '10am', '10 AM',
    '12 am', '12 pm', '12:30 a.m.', '0am', '13pm', '10 pm Nov 25', 'am', 'pm 10',
    '10h', '10h30', '10h30m', '10h30m15s', '10 h', '1.5h', '10 hours 5 minutes', '5 minutes', '30s', '30.5s', '15m',
    '10:30:45 PM', '23:59:59.999999', '00:00', '24:00', '10:61', '10:00:61',
    # zones
    '2024-11-25 10:00 GMT', '2024-11-25 10:00 UTC', '2024-11-25 10:00 Z', '2024-11-25 10:00 EST',
    '2024-11-25 10:00 EDT', '2024-11-25 10:00 BST', '2024-07-01 10:00 BST', '2024-11-25 10:00 IST',
    '2024-11-25 10:00 JST', '2024-11-25 10:00 AEDT', '2024-11-25 10:00 AEST', '2024-11-25 10:00 CET',
    '2024-11-25 10:00 GMT+3', '2024-11-25 10:00 GMT-3', '2024-11-25 10:00 UTC+05:30', '2024-11-25 10:00 BRST+3',
    '2024-11-25 10:00 -0300 (BRST)', '2024-11-25 10:00 +03', '2024-11-25 10:00 +3', '2024-11-25 10:00 +12345',
    '2024-11-25 10:00 -9999', '2024-11-25 10:00 +2400', '2024-11-25 10:00 +2359', '2024-11-25 10:00 pst',
    '2024-11-25 10:00 ABCDEF', '2024-11-25 10:00 XYZ', 'GMT', 'UTC 2024-11-25', '2024-11-25 UTC',
    '2024-03-10 02:30 EST', '2024-11-03 01:30 EST', '2024-11-03 01:30 EDT', '2024-11-03 01:30',
    '2024-03-31 01:30 GMT', '2024-10-27 01:30 BST', '2024-10-27 01:30 GMT', '2024-10-27 01:30',
    # unusual
    '', ' ', 'abc', 'now', 'today', '2024-11-25 foo', 'T', '-', '2024--11--25', '1/2/3', '1/2/3/4',
    '01/02/03', '13/02/03', '31/12/99', '99/12/31', '1 2 3', '2024 11 25', '24 11 25', '2024-11-25T10:00:00Z extra',
    '\x002024-11-25', '2024-11-25\x00', '２０２４-11-25', '2024-11-25T10:00:00\u00a0Z', 'Nov 31 2024',
    '5 Nov 05', '31 Feb', '29 Feb', 'Feb 29', '2024-11-25T10.5', '10.5.2024', '1.2.3.4', '2024.11.25.10',
    '12345678', '123456789', '1234567890123', '12345678901234567', '999999999999999999999999', '2024-11-25 99999999999h',
    '2024-11-25 10:00 (BRST)', 'a.m.', '10.30am', '2024-11-25T10:00:00.Z', '2024-11-25T10:00:00..5',
    '\u00b2024-11-25', '2024-11-25 \u00b9\u00b2:00', 'Jan 1 1', 'Jan 1 0', 'Jan 1 99', 'Jan 1 100', 'Jan 1 49',
    'Jan 1 75', 'Dec 31 9999 23:59:59 -01:00', '4000-02-29', '2100-02-29',
]


class FixedDatetime(datetime.datetime):
    @classmethod
    def now(cls, tz=None):
        return datetime.datetime.fromtimestamp(NOW, tz)


def fixed_now():
    shim = types.ModuleType('datetime')
    shim.__dict__.update(datetime.__dict__)
    shim.datetime = FixedDatetime
    dateutil_parser.datetime = shim
    info = dateutil_parser.DEFAULTPARSER.info
    info._year = time.localtime(NOW).tm_year
    info._century = info._year // 100 * 100


def run(wire):
    value = json.loads(wire)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        try:
            row = {'expected': parse_timestamp(value).isoformat()}
        except Exception as error:  # what reaches the CLI's handler: it prints str(error)
            row = {'error': str(error)}
    texts = [warnings.formatwarning(w.message, w.category, w.filename, w.lineno) for w in caught]
    if texts:
        row['warning'] = ''.join(texts)
    return row


def main():
    wires = [json.dumps(v) for v in INTS + FLOATS] + SPECIAL + [json.dumps(s) for s in STRINGS]
    rows = []
    for tz in ZONES:
        os.environ['TZ'] = tz
        time.tzset()
        fixed_now()
        for wire in wires:
            rows.append({'tz': tz, 'wire': wire, **run(wire)})
    json.dump({'now': NOW, 'rows': rows}, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
