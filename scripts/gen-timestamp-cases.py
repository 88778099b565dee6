#!/usr/bin/python3
"""Writes fixtures/cases/timestamps.json and fixtures/cases-2.36.7/timestamps.json: the wire
values of scripts/gen-timestamp-table.py through the CLI itself.

- `ts-batch-*`: every value botocore formats without an error, and whose result does not depend
  on today's date, as the CreatedAt/StartedAt/EndedAt of list-speaker-enrollment-jobs' job
  summaries, in each output format, under two zones.
- `ts-error-*`: one case per distinct error text (the first value that gives it).
- `ts-warn-*`: UnknownTimezoneWarning once per name and run, across members and pages.
- `ts-wire-*`: cli_timestamp_format = wire keeps odd values as they came.

    /usr/bin/python3 scripts/gen-timestamp-cases.py
Then record: npx tsx scripts/record-fixtures.ts --only '^ts-' fixtures/cases/timestamps.json (and
the 2.36.7 file with its oracle).
"""
import importlib.util
import json
import os
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
spec = importlib.util.spec_from_file_location('table', os.path.join(ROOT, 'scripts', 'gen-timestamp-table.py'))
table = importlib.util.module_from_spec(spec)
spec.loader.exec_module(table)

DOMAIN = 'abcdefghij0123456789AB'
LIST = ['--endpoint-url', '{endpoint}', 'voice-id', 'list-speaker-enrollment-jobs', '--domain-id', DOMAIN]
DESCRIBE = ['--endpoint-url', '{endpoint}', 'voice-id', 'describe-speaker-enrollment-job', '--domain-id', DOMAIN,
            '--job-id', 'job0123456789abcdefghi']
FORMATS = ['json', 'text', 'table', 'yaml', 'yaml-stream']


def outcome(wire, tz, now):
    os.environ['TZ'] = tz
    time.tzset()
    table.NOW = now
    table.fixed_now()
    return table.run(wire)


def summaries(wires):
    jobs = []
    for i in range(0, len(wires), 3):
        trio = (wires[i:i + 3] + [wires[0]] * 3)[:3]
        job = {'JobId': f'job{i:06d}', 'JobStatus': 'COMPLETED'}
        for member, wire in zip(['CreatedAt', 'StartedAt', 'EndedAt'], trio):
            job[member] = json.loads(wire)
        jobs.append(job)
    return {'JobSummaries': jobs}


def main():
    wires = [json.dumps(v) for v in table.INTS + table.FLOATS] + table.SPECIAL + [json.dumps(s) for s in table.STRINGS]
    cases = []
    for tz in ['UTC', 'America/New_York']:
        good = []
        for wire in wires:
            first = outcome(wire, tz, 1733140800)
            second = outcome(wire, tz, 1433140800 + 3600 * 7)
            if first == second and 'expected' in first and 'warning' not in first and wire != 'null':
                good.append(wire)
        zone = tz.split('/')[-1].lower()
        for fmt in FORMATS:
            cases.append({
                'name': f'ts-batch-{zone}-{fmt}',
                'note': f'{len(good)} wire timestamps botocore formats under TZ={tz}, through --output {fmt}',
                'args': LIST + ['--output', fmt],
                'responses': [{'status': 200, 'body': summaries(good)}],
                'env': {'TZ': tz},
            })
    errors = {}
    for wire in wires:
        result = outcome(wire, 'UTC', 1733140800)
        if 'error' in result and result['error'] not in errors:
            errors[result['error']] = wire
    for n, (text, wire) in enumerate(errors.items()):
        cases.append({
            'name': f'ts-error-{n:02d}',
            'note': f'CreatedAt {wire}: {text}',
            'args': DESCRIBE,
            'responses': [{'status': 200, 'body': {'Job': {'JobId': 'j', 'CreatedAt': json.loads(wire)}}}],
            'env': {'TZ': 'UTC'},
        })
    warn = lambda *values: {'JobSummaries': [{'JobId': f'j{i}', 'CreatedAt': v} for i, v in enumerate(values)]}
    cases += [
        {'name': 'ts-warn-one', 'note': 'an unknown zone name: naive, and a warning', 'args': DESCRIBE,
         'responses': [{'status': 200, 'body': {'Job': {'JobId': 'j', 'CreatedAt': '2024-11-25 10:00 PST'}}}]},
        {'name': 'ts-warn-same-twice', 'note': 'the same name twice: one warning (Python warns once per text)',
         'args': LIST, 'responses': [{'status': 200, 'body': warn('2024-11-25 10:00 PST', '2024-11-26 11:00 PST')}]},
        {'name': 'ts-warn-two-names', 'note': 'two names: two warnings, in order', 'args': LIST + ['--output', 'text'],
         'responses': [{'status': 200, 'body': warn('2024-11-25 10:00 PST', '2024-11-26 11:00 CET', '2024-11-26 12:00 PST')}]},
        {'name': 'ts-warn-pages', 'note': 'a name on two pages: one warning', 'args': LIST + ['--output', 'table'],
         'responses': [{'status': 200, 'body': {**warn('2024-11-25 10:00 PST'), 'NextToken': 'next'}},
                       {'status': 200, 'body': warn('2024-11-26 10:00 PST', '2024-11-26 10:00 XYZ')}]},
        {'name': 'ts-warn-then-error', 'note': 'a warning, then an invalid timestamp later in the answer',
         'args': LIST, 'responses': [{'status': 200, 'body': warn('2024-11-25 10:00 PST', 'not a date')}]},
        {'name': 'ts-local-name', 'note': 'a name of the local zone (time.tzname) takes the local offset',
         'args': LIST + ['--output', 'text'], 'env': {'TZ': 'America/New_York'},
         'responses': [{'status': 200, 'body': warn('2024-11-25 10:00 EST', '2024-07-01 10:00 EDT', '2024-07-01 10:00 EST',
                                                    '2024-11-03 01:30 EST', '2024-11-03 01:30 EDT', '2024-11-25 10:00 GMT')}]},
        {'name': 'ts-local-name-london', 'note': 'GMT and BST in Europe/London',
         'args': LIST + ['--output', 'text'], 'env': {'TZ': 'Europe/London'},
         'responses': [{'status': 200, 'body': warn('2024-07-01 10:00 GMT', '2024-07-01 10:00 BST', '2024-12-01 10:00 BST',
                                                    '2024-10-27 01:30 BST', '2024-10-27 01:30 GMT', '2024-12-01 10:00 UTC')}]},
    ]
    for fmt in ['json', 'text', 'table', 'yaml']:
        cases.append({
            'name': f'ts-wire-{fmt}', 'note': 'cli_timestamp_format = wire: odd values as they came',
            'args': LIST + ['--output', fmt],
            'files': {'home/.aws/config': '[default]\ncli_timestamp_format = wire\n'},
            'responses': [{'status': 200, 'body': warn(True, 1e20, 'not a date', 1.5, 10**30, [1, 2], {'a': 1})}],
        })
    # Raw bodies: NaN, Infinity and integers past 2**53 must reach the CLI as written.
    for case in cases:
        case['responses'] = [{'status': r['status'], 'raw': json.dumps(r['body'])} for r in case['responses']]
    text = json.dumps(cases, indent=1, ensure_ascii=False) + '\n'
    for directory in ['fixtures/cases', 'fixtures/cases-2.36.7']:
        with open(os.path.join(ROOT, directory, 'timestamps.json'), 'w') as out:
            out.write(text)


if __name__ == '__main__':
    main()
