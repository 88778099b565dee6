#!/usr/bin/python3
"""Writes fixtures/credentials/refresh.json: what AWS CLI v2.9.19's botocore does with
credential_process output that has an Expiration.

Runs botocore's own ProcessProvider.load() with a fake Popen that answers each run with the row's
next output (the last one repeats), then get_frozen_credentials() as many times as the row signs
(each signing of a request or of a retry calls it), with datetime.now() fixed at the row's `now`
(RefreshableCredentials' time fetcher and dateutil's default date) under the row's TZ. Each row
records how many times the process ran, the SessionToken each signing got, and the text of the
exception that reaches the CLI (which prints it, exit 255) with any warning's text.

Run with Debian's python3 (the one /usr/bin/aws runs on):
    /usr/bin/python3 scripts/gen-credential-refresh-table.py > fixtures/credentials/refresh.json
`--oracle ../shared/oracle/awscli-2.36.7` runs 2.36.7's botocore instead (with the awscrt stubs of
its bin/aws-2.36.7): the table comes out the same, byte for byte.
"""
import datetime
import importlib.util
import json
import os
import sys
import time
import warnings

if '--oracle' in sys.argv:
    sys.path.insert(0, os.path.abspath(sys.argv[sys.argv.index('--oracle') + 1]))
    import awscrt.crypto as crypto
    import awscrt.io as crt_io
    for name in ['EC', 'ECType', 'ECExportFormat', 'ED25519', 'ED25519ExportFormat', 'RSA', 'RSASignatureAlgorithm']:
        if not hasattr(crypto, name):
            setattr(crypto, name, type(name, (), {}))
    if not hasattr(crt_io, 'set_log_level'):
        crt_io.set_log_level = lambda level: None

import awscli  # noqa: E402, F401  (puts the CLI's botocore on the path)
import botocore.credentials as credentials  # noqa: E402
from dateutil.tz import tzlocal  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
spec = importlib.util.spec_from_file_location('table', os.path.join(ROOT, 'scripts', 'gen-timestamp-table.py'))
table = importlib.util.module_from_spec(spec)
spec.loader.exec_module(table)

NOW = 1795626000.25  # 2026-11-25T17:00:00.25Z
ZONES = ['UTC', 'Asia/Kolkata']
SECRET = 'process-secret'


def iso(seconds, fmt, tz_offset=0):
    moment = datetime.datetime.fromtimestamp(seconds, datetime.timezone(datetime.timedelta(seconds=tz_offset)))
    return moment.strftime(fmt)


# Seconds from now: past, the edges of the mandatory (600) and advisory (900) windows, beyond.
DELTAS = [-86400, -1, 0, 1, 599, 600, 601, 899, 900, 901, 1200, 70 * 365 * 86400]
FORMATS = {
    'Z': lambda s: iso(s, '%Y-%m-%dT%H:%M:%S.%fZ'),
    '+05:30': lambda s: iso(s, '%Y-%m-%dT%H:%M:%S.%f+05:30', 19800),
    '-08:00': lambda s: iso(s, '%Y-%m-%dT%H:%M:%S-08:00', -28800),
    'RFC 1123': lambda s: iso(s, '%a, %d %b %Y %H:%M:%S GMT'),
    'naive': lambda s: iso(s, '%Y-%m-%dT%H:%M:%S'),
}
PAST = '2001-01-01T00:00:00Z'
FUTURE = '2099-01-01T00:00:00Z'
# What run 2 (and later runs) print.
REFRESHED = {
    'same': None,
    'far future': FUTURE,
    'expired': PAST,
    'fail': 'fail',
    'null': 'null',
    'absent': 'absent',
    'naive': '2099-01-01T00:00:00',
    'unparsable': 'garbage',
}
ODD = [
    ['garbage'], [''], ['0000-01-01T00:00:00Z'], ['2099-02-30T00:00:00Z'], ['2099-01-01T00:00:00+24:00'],
    ['2099-01-01T00:00:00-23:59'], ['2099-01-01T00:00:00 XYZ'], ['2001-01-01T00:00:00 XYZ', '2001-01-01T00:00:00 XYZ'],
    ['2099-01-01'], ['9999-12-31T23:59:59Z'], ['0001-01-01T00:00:00+01:00'], ['2099-01-01T00:00:00 UTC'],
    ['10:00 UTC'], ['4070908800'], ['99999999999'],
    [4070908800], [1.5], [True], [False], [[]], [{}], ['null'], ['absent'],
]


def fix_now(now):
    """datetime.now() at `now` for dateutil's default date (gen-timestamp-table.py's shim) and for
    RefreshableCredentials, whose time_fetcher=_local_now default is bound at definition."""
    table.NOW = now
    table.fixed_now()
    init = credentials.RefreshableCredentials.__init__
    init.__defaults__ = (lambda: datetime.datetime.fromtimestamp(now, tzlocal()), *init.__defaults__[1:])


def output(entry, run):
    """The process's answer on run `run` to a plan entry: an Expiration value, 'fail', 'null' or 'absent'."""
    if entry == 'fail':
        return {'exitCode': 1, 'stderr': f'refresh failed (run {run})\n'}
    body = {'Version': 1, 'AccessKeyId': 'AKIDPROCESS', 'SecretAccessKey': SECRET, 'SessionToken': f'run-{run}'}
    if entry != 'absent':
        body['Expiration'] = None if entry == 'null' else entry
    return {'exitCode': 0, 'stdout': json.dumps(body)}


class FakePopen:
    def __init__(self, plan):
        self.plan = plan
        self.runs = 0

    def __call__(self, args, stdout=None, stderr=None):
        self.runs += 1
        answer = output(self.plan[min(self.runs, len(self.plan)) - 1], self.runs)
        return FakeProcess(answer)


class FakeProcess:
    def __init__(self, answer):
        self.answer = answer
        self.returncode = answer['exitCode']

    def communicate(self):
        return self.answer.get('stdout', '').encode(), self.answer.get('stderr', '').encode()


def run(plan, signings):
    popen = FakePopen(plan)
    provider = credentials.ProcessProvider('default', lambda: {'profiles': {'default': {'credential_process': 'proc'}}}, popen=popen)
    tokens = []
    row = {}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('default')
        try:
            creds = provider.load()
            for _ in range(signings):
                tokens.append(creds.get_frozen_credentials().token)
        except Exception as error:  # what reaches the CLI's handler: it prints str(error)
            row['error'] = str(error)
    row = {'runs': popen.runs, 'tokens': tokens, **row}
    texts = [warnings.formatwarning(w.message, w.category, w.filename, w.lineno) for w in caught]
    if texts:
        row['warning'] = ''.join(texts)
    return row


def plans():
    for label, fmt in FORMATS.items():
        for delta in DELTAS:
            first = fmt(NOW + delta)
            refreshed = REFRESHED if label == 'Z' else {'same': None}
            for name, then in refreshed.items():
                plan = [first] if then is None else [first, then]
                yield f'{label} {delta:+d}s, then {name}', plan, 1
    yield 'Z +700s, three signings', [FORMATS['Z'](NOW + 700)], 3
    yield 'Z +700s, three signings, run 3 expired', [FORMATS['Z'](NOW + 700), FORMATS['Z'](NOW + 700), PAST], 3
    yield 'Z +700s, three signings, run 2 fails', [FORMATS['Z'](NOW + 700), 'fail'], 3
    yield 'Z -60s, then +700s, three signings', [FORMATS['Z'](NOW - 60), FORMATS['Z'](NOW + 700)], 3
    for plan in ODD:
        yield f'{json.dumps(plan[0])}', plan, 1


def main():
    rows = []
    for tz in ZONES:
        os.environ['TZ'] = tz
        time.tzset()
        fix_now(NOW)
        for name, plan, signings in plans():
            result = run(plan, signings)
            # The answers of the runs that happened, in order.
            outputs = [output(plan[min(n, len(plan)) - 1], n) for n in range(1, result['runs'] + 1)]
            rows.append({'name': f'{name} in {tz}', 'tz': tz, 'outputs': outputs, 'signings': signings, **result})
    json.dump({'now': NOW, 'rows': rows}, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
