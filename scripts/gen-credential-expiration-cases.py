#!/usr/bin/python3
"""Writes fixtures/cases/credential-expiration.json and fixtures/cases-2.36.7/credential-expiration.json
(the same cases): credential_process output with an Expiration, as botocore's ProcessProvider and
RefreshableCredentials handle it.

The process is `/bin/sh {sandbox}/home/proc.sh`. It counts its runs in {sandbox}/home/runs and
prints, on run N, the Nth entry of the case's plan (the last one repeats): an Expiration, "fail"
(exit 1 with a message on stderr) or "absent" (no Expiration key). Its SessionToken is `run-N`, so
each recorded request shows which run's credentials signed it. An Expiration is a JSON value, or
("date", OFFSET, FORMAT[, TZ]): the time `date -d OFFSET` prints when the process runs, so that the
windows (15 minutes advisory, 10 mandatory) are hit whatever the time of the recording or replay.

    /usr/bin/python3 scripts/gen-credential-expiration-cases.py
Then record: npx tsx scripts/record-fixtures.ts --only '^credexp-' fixtures/cases/credential-expiration.json
(and the 2.36.7 file with its oracle).
"""
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'  # AKIDEXAMPLE's, so that the fake checks the signature
LIST = ['--endpoint-url', '{endpoint}', 'voice-id', 'list-domains']
EMPTY = [{'status': 200, 'body': {'DomainSummaries': []}}]
Z = '%Y-%m-%dT%H:%M:%SZ'


def date(offset, fmt=Z, tz='UTC'):
    return ('date', offset, fmt, tz)


def expression(entry):
    """The shell words that print the JSON of one plan entry's Expiration."""
    if isinstance(entry, tuple):
        _, offset, fmt, tz = entry
        return f"\"\\\"$(TZ='{tz}' date -d '{offset}' +'{fmt}')\\\"\""
    return "'" + json.dumps(entry) + "'"


def script(plan):
    lines = [
        'echo run >> "{sandbox}/home/runs"',
        'n=$(wc -l < "{sandbox}/home/runs")',
        'case $n in',
    ]
    for i, entry in enumerate(plan):
        label = '*' if i == len(plan) - 1 else str(i + 1)
        keys = f'"Version": 1, "AccessKeyId": "AKIDEXAMPLE", "SecretAccessKey": "{SECRET}", "SessionToken": "run-%s"'
        if entry == 'fail':
            body = 'echo "refresh failed (run $n)" >&2; exit 1'
        elif entry == 'absent':
            body = f"printf '{{{keys}}}' \"$n\""
        else:
            body = f"printf '{{{keys}, \"Expiration\": %s}}' \"$n\" {expression(entry)}"
        lines.append(f'{label}) {body} ;;')
    lines.append('esac')
    return '\n'.join(lines) + '\n'


def case(name, note, plan, args=LIST, responses=EMPTY, env=None, config=''):
    return {
        'name': f'credexp-{name}',
        'note': note,
        'args': args,
        'responses': responses,
        'env': {'AWS_ACCESS_KEY_ID': None, 'AWS_SECRET_ACCESS_KEY': None, **(env or {})},
        'files': {
            'home/.aws/config': f'[default]\ncredential_process = /bin/sh {{sandbox}}/home/proc.sh\n{config}',
            'home/proc.sh': script(plan),
        },
    }


PAST = '2001-01-01T00:00:00Z'
FUTURE = '2099-01-01T00:00:00Z'
PAGE = lambda token: {'status': 200, 'body': {'DomainSummaries': [{'DomainId': f'domain{token}', 'Name': f'd{token}'}], **({'NextToken': f'tok-{token + 1}'} if token < 2 else {})}}  # noqa: E731
ERROR_500 = [{'status': 500, 'body': {'__type': 'InternalServerException', 'message': 'try again'}}]

CASES = [
    case('expired', 'an Expiration in the past: refreshed (run 2) at signing, still expired', [PAST]),
    case('expired-1s', 'expired a second ago (the time the process runs)', [date('-1 seconds')]),
    case('expired-then-fresh', 'run 2 gives a far Expiration: the request signs with run-2', [PAST, FUTURE]),
    case('expired-refresh-fails', 'expired: the refresh is mandatory, its failure is the error', [PAST, 'fail']),
    case('mandatory', '5 minutes left: refreshed at signing (run-2 signs)', [date('+5 minutes')]),
    case('mandatory-refresh-fails', '5 minutes left, the refresh fails: raised', [date('+5 minutes'), 'fail']),
    case('mandatory-refresh-expired', '5 minutes left, run 2 is expired: refused', [date('+5 minutes'), PAST]),
    case('advisory', '12 minutes left: refreshed at signing (run-2 signs)', [date('+12 minutes')]),
    case('advisory-refresh-fails', '12 minutes left, the refresh fails: ignored, run-1 signs', [date('+12 minutes'), 'fail']),
    case('advisory-refresh-expired', '12 minutes left, run 2 is expired: refused', [date('+12 minutes'), PAST]),
    case('advisory-refresh-naive', '12 minutes left, run 2 is naive: the subtraction fails', [date('+12 minutes'), '2099-01-01T00:00:00']),
    case('advisory-refresh-null', '12 minutes left, run 2 has a null Expiration: parse(None)', [date('+12 minutes'), None]),
    case('advisory-refresh-absent', '12 minutes left, run 2 has no Expiration: parse(None)', [date('+12 minutes'), 'absent']),
    case('outside-windows', '20 minutes left: no refresh (run 2 would fail)', [date('+20 minutes'), 'fail']),
    case('far-future', 'far in the future: no refresh (run 2 would fail)', [FUTURE, 'fail']),
    case('naive', 'no zone: naive, which cannot be subtracted from an aware now (at signing)', ['2099-01-01T00:00:00']),
    case('naive-past', 'naive and in the past: the same TypeError, no refresh', ['2001-01-01T00:00:00']),
    case('date-only', 'a date alone is naive too', ['2099-01-01']),
    case('offset', 'a +05:00 offset, far future', ['2099-01-01T00:00:00+05:00']),
    case('offset-expired', 'a -08:00 offset, in the past', ['2001-01-01T00:00:00-08:00']),
    case('offset-mandatory', '5 minutes left, written at +05:00', [date('+5 minutes', '%Y-%m-%dT%H:%M:%S+05:00', 'Etc/GMT-5')]),
    case('offset-outside-windows', '20 minutes left, written at -03:30 (no refresh)', [date('+20 minutes', '%Y-%m-%dT%H:%M:%S-03:30', '<-0330>3:30'), 'fail']),
    case('utc-name', '"UTC" is in time.tzname under TZ=UTC: tzlocal', ['2099-01-01T00:00:00 UTC']),
    case('gmt-name', 'an RFC 1123 date in GMT', ['Thu, 01 Jan 2099 00:00:00 GMT']),
    case('z-fraction', 'Z with microseconds', ['2099-01-01T00:00:00.123456Z']),
    case('unknown-tzname', 'an unknown zone name: dateutil warns, the value is naive', ['2099-01-01T00:00:00 XYZ']),
    case('unparsable', 'not a date: ParserError at client creation', ['garbage']),
    case('empty-string', 'an empty string is not None: ParserError', ['']),
    case('year-0', "datetime's ValueError inside the parse, with the text", ['0000-01-01T00:00:00Z']),
    case('offset-24h', 'an offset of 24 hours: utcoffset() fails at signing', ['2099-01-01T00:00:00+24:00']),
    case('number', 'a number: dateutil accepts only strings', [4070908800]),
    case('float', 'a float', [1.5]),
    case('false', 'false is not None', [False]),
    case('list', 'a list', [[]]),
    case('object', 'an object', [{}]),
    case('null', 'null: static credentials, never refreshed', [None, 'fail']),
    case('absent', 'no Expiration: static credentials', ['absent', 'fail']),
    case('retries', '12 minutes left and 500s: each attempt is signed anew, after a refresh (runs 2, 3, 4)',
         [date('+12 minutes')], responses=ERROR_500),
    case('retry-expired', 'the refresh before the second attempt gives expired credentials', [date('+12 minutes'), date('+12 minutes'), PAST],
         responses=ERROR_500),
    case('pages', '12 minutes left, two pages: each page is signed after a refresh', [date('+12 minutes')],
         responses=[PAGE(1), PAGE(2)]),
    case('unsigned-unparsable', '--no-sign-request: 2.9.19 still runs the process (and parses), 2.36.7 does not',
         ['garbage'], args=['--no-sign-request', *LIST]),
    case('unsigned-expired', '--no-sign-request: nothing signs, nothing is refreshed', [PAST, 'fail'], args=['--no-sign-request', *LIST]),
    case('unparsable-no-region', 'the parse (client creation, credentials first) comes before the missing region',
         ['garbage'], env={'AWS_DEFAULT_REGION': None}),
    case('naive-no-region', 'a naive expiry fails only at signing: the missing region first', ['2099-01-01T00:00:00'],
         env={'AWS_DEFAULT_REGION': None}),
]


def main():
    for directory in ('cases', 'cases-2.36.7'):
        path = os.path.join(ROOT, 'fixtures', directory, 'credential-expiration.json')
        with open(path, 'w') as out:
            json.dump(CASES, out, indent=1, ensure_ascii=False)
            out.write('\n')
        print(f'wrote {len(CASES)} cases to {os.path.relpath(path, ROOT)}')


if __name__ == '__main__':
    main()
