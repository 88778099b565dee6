#!/usr/bin/python3
"""Generates fixtures/output/yaml.json: `--output yaml` and `--output yaml-stream` as AWS CLI 2.9.19 prints them.

Run with the oracle interpreter, from the repository root:  /usr/bin/python3 scripts/gen-yaml-output-fixtures.py
Each value goes through awscli's own YAMLFormatter and StreamedYAMLFormatter (ruamel.yaml's safe
dumper with the libyaml C emitter), built as awscli.formatter.get_formatter builds them. The
formatter is handed a dummy response and a --query stand-in that returns the value, which is how a
query result reaches it. Rows: {name, value (typed, see test/helpers/py-tagged.ts), yaml, yamlStream};
a value that appears twice (the same Python object) is written {"anchor": n, "value": v} the first
time and {"alias": n} after. Output is deterministic (fixed seeds).
"""
import collections
import datetime
import io
import json
import math
import os
import random
import struct
import sys

sys.path.insert(0, '/usr/lib/python3/dist-packages')

from awscli.formatter import get_formatter  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
OD = collections.OrderedDict


class _Query:
    def __init__(self, value):
        self.value = value

    def search(self, _response):
        return self.value


class _Args:
    def __init__(self, value):
        self.query = _Query(value)


def run_formatter(output, value):
    stream = io.StringIO()
    formatter = get_formatter(output, _Args(value))
    formatter('start-speaker-enrollment-job', {}, stream)
    return stream.getvalue()


def bits(f):
    return struct.pack('>d', f).hex()


def count_refs(value, counts):
    if isinstance(value, (list, dict, datetime.date)):
        counts[id(value)] = counts.get(id(value), 0) + 1
        if counts[id(value)] > 1:
            return
    if isinstance(value, list):
        for item in value:
            count_refs(item, counts)
    elif isinstance(value, dict):
        for item in value.values():
            count_refs(item, counts)


def tag(value, counts, anchors):
    """A Python value as JSON that keeps its type (and shared objects): the TS tests rebuild it."""
    key = id(value)
    if counts.get(key, 0) > 1:
        if key in anchors:
            return {'alias': anchors[key]}
        anchors[key] = len(anchors) + 1
        return {'anchor': anchors[key], 'value': tag_plain(value, counts, anchors)}
    return tag_plain(value, counts, anchors)


def tag_plain(v, counts, anchors):
    if v is None or isinstance(v, bool) or isinstance(v, str):
        return v
    if isinstance(v, int):
        return {'int': str(v)}
    if isinstance(v, float):
        return {'float': 'nan' if math.isnan(v) else bits(v)}
    if isinstance(v, list):
        return [tag(x, counts, anchors) for x in v]
    if isinstance(v, dict):
        return {'dict': [[k, tag(x, counts, anchors)] for k, x in v.items()], 'ordered': isinstance(v, OD)}
    if isinstance(v, bytes):
        return {'bytes': v.hex()}
    if isinstance(v, datetime.datetime):
        return {'datetime': str(v)}
    if isinstance(v, datetime.date):
        return {'date': str(v)}
    raise TypeError(type(v))


ROWS = []
NAMES = set()


def add(name, value):
    if name in NAMES:
        raise ValueError('duplicate row name ' + name)
    NAMES.add(name)
    counts = {}
    count_refs(value, counts)
    tagged = tag(value, counts, {})
    # the formatters may not mutate the value, but tag it first anyway
    ROWS.append({
        'name': name,
        'value': tagged,
        'yaml': run_formatter('yaml', value),
        'yamlStream': run_formatter('yaml-stream', value),
    })


# --- strings that decide quoting -------------------------------------------------------------

RESOLVER_STRINGS = [
    'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'yes', 'Yes', 'no', 'No', 'on', 'On',
    'off', 'OFF', 'y', 'Y', 'n', 'N', 'null', 'Null', 'NULL', 'nULL', '~', '~a', 'none', 'None',
    '0', '1', '-1', '+1', '00', '017', '08', '0o17', '0o8', '0b101', '0b102', '0x1F', '0X1F', '0xg',
    '1_000', '-_', '+_', '_1', '1__', '1,000', '1.0', '1.', '.5', '+.5', '-.5', '.5e3', '.5e+3', '1e3',
    '1E3', '1e+3', '1e-3', '-1e3', '1.5e3', '1_0.5', 'e3', '1e', '1e+', '.inf', '-.inf', '+.inf',
    '.Inf', '.INF', '.iNF', 'inf', '-inf', 'Infinity', '.nan', '.NaN', '.NAN', '-.nan', 'NaN', 'nan',
    '12:30:45', '1:20', '-1:20', '190:20:30', '=', '==', '<<', '<', '<<<', '---', '...', '---a', '...a',
    '--', '..', '-', '- ', '- x', '-a', '-1a', '?', '?x', '? x', ':', ':x', ': x', 'a:', 'a: b',
    'a:b', 'a :b', 'a #b', 'a#b', '#a', 'a#', 'a # b', '2023-01-30', '2023-1-30', '2023-01-3',
    '2023-01-30T12:00:00', '2023-01-30 12:00:00', '2023-01-30t12:00:00Z', '2023-01-30T12:00:00Z',
    '2023-01-30T12:00:00.123000+00:00', '2023-01-30T12:00:00.+01', '2023-01-30  12:00:00 +01',
    '2023-01-30\t12:00:00', '2023-1-3T1:00:00', '2023-01-30T12:00', '20230130', '2023-01-30x',
    '9999-99-99', '1970-01-01 00:00:00', '!', '&', '*', '!tag', '&anchor', '*alias', '|', '>', '|x',
    '>x', "'", '"', "'quoted'", '"quoted"', "it's", 'say "hi"', '%p', '@at', '`bt', '[x]', ']', '{x}',
    '}', ',', 'a,b', 'a, b', '[', 'a[b]', 'a{b}', 'a?b', 'a!b', 'a&b', 'a*b', 'a|b', 'a>b', 'a%b',
    'a@b', 'a`b', 'a\\b', '\\', 'a=b', 'a~b',
]

for s in RESOLVER_STRINGS:
    add('string value ' + json.dumps(s), {'Value': s})

add('resolver strings as a list', list(RESOLVER_STRINGS))
add('resolver strings as keys', {s: s for s in RESOLVER_STRINGS})
add('resolver strings with a trailing newline', [s + '\n' for s in RESOLVER_STRINGS[:40]])

# every printable ASCII character at the start, inside and at the end
for code in range(0x20, 0x7f):
    c = chr(code)
    variants = [c, c + 'x', c + ' x', c + c, 'x' + c, 'x' + c + 'y', 'x ' + c, 'x ' + c + ' y', 'x' + c + ' y', 'x ' + c + 'y']
    add('ascii character %r in places' % c, {'Value': variants})

# --- whitespace, line breaks -----------------------------------------------------------------

WHITESPACE = [
    '', ' ', '  ', 'a ', ' a', ' a ', 'a  b', 'a   b', '\t', 'a\tb', '\ta', 'a\t', ' \t ',
    'a\nb', 'a\n\nb', 'a\n\n\nb', '\na', '\n\na', 'a\n', 'a\n\n', '\n', '\n\n', 'a \nb', 'a\n b',
    'a\n\n  b', 'a \n b', 'a\r\nb', 'a\rb', '\r', 'line1\n\n    line2', 'a\n#b', 'a\n- b', 'a\n: b',
    "it's\nhere", 'a\u2028b', 'a\u2029b', '\u2028', 'a\u2028', '\u2028a', 'a\u0085b', 'a\n\u2028b',
    'a \u2028b', 'a\u2028 b', 'trail \n', 'multi\n\n  line',
]
for s in WHITESPACE:
    add('whitespace ' + json.dumps(s), {'Value': s})
add('whitespace as list items', list(WHITESPACE))
add('whitespace in a nested mapping', {'Outer': {'Inner': {'Deep': list(WHITESPACE)}}})
add('whitespace as keys', {s: 1 for s in WHITESPACE})

# --- unicode ---------------------------------------------------------------------------------

UNICODE = [
    'é', 'café', 'naïve résumé', 'a\u00a0b', '\u00a0', '\u00a0a', 'a\u00a0', 'ß', 'Ω', '中文字符',
    '日本語のテキスト', '한국어', 'Ünïcödé', 'a\u200bb', '\u200b', 'a\u0301', '\u0301a', 'a\ufeffb',
    '\ufeff', '\ufeffa', 'a\ufffeb', 'a\uffffb', '\ufffd', '\ue000', '\ud7ff', '\uf8ff', 'a\u00adb',
    '\U0001f600', 'smile \U0001f600 face', '\U0001f468\u200d\U0001f469', '\U00010000', '\U0010ffff',
    'a\x7fb', '\x7f', 'a\x80b', 'a\x9fb', 'a\u0085', '\u0085', '\u2029', 'a\u3000b', '\u3000',
    'a\u2009b', 'a\u00a0 b', 'Zürich: 5', 'é: x', '#é', '- é', 'é #x', "l'été", 'é\n', '\U0001f600\n',
    '\u0627\u0644\u0639\u0631\u0628\u064a\u0629', '\u05e2\u05d1\u05e8\u05d9\u05ea', '\u0939\u093f\u0928\u094d\u0926\u0940',
]
for s in UNICODE:
    add('unicode ' + ascii(s), {'Value': s})
add('unicode as list items', list(UNICODE))
add('unicode as keys', {s: 'v' for s in UNICODE})

for code in list(range(0x00, 0x20)) + [0x7f, 0x80, 0x85, 0x9f, 0xa0, 0xad]:
    c = chr(code)
    add('control U+%04X' % code, {'Value': [c, 'a' + c + 'b', c + 'x', 'x' + c, ' ' + c, c + ' ']})

add('escapes together', {'Value': 'nul\x00 bel\x07 bs\x08 tab\t nl\n vt\x0b ff\x0c cr\r esc\x1b quote" bs\\ del\x7f'})
add('double quote and backslash with a tab', {'Value': 'a"b\\c\td'})
add('single quote and a tab', {'Value': "it's\there"})
add('double quotes in a plain scalar', {'Value': 'say "hi" now'})

# --- long lines ------------------------------------------------------------------------------

rnd = random.Random(20230130)
WORDS = ['a', 'an', 'the', 'job', 'speaker', 'enrollment', 'voice', 'identifier', 'x', 'to', 'of',
         'configuration', 'arn:aws:iam::123456789012:role/VoiceIdRole', 'ok', 'data', 'is', 'in']


def sentence(length, words=WORDS, sep=' '):
    out = []
    total = 0
    while total < length:
        w = rnd.choice(words)
        out.append(w)
        total += len(w) + len(sep)
    return sep.join(out)[:length].rstrip(' ')


def nest(value, depth):
    for i in range(depth):
        value = {'Level%d' % (depth - i): value}
    return value


for length in (79, 80, 81, 82, 85, 90, 100, 120, 160, 250, 400):
    add('long plain %d chars' % length, {'Value': sentence(length)})
for depth in range(0, 6):
    add('long plain at depth %d' % depth, nest({'Value': sentence(200)}, depth))
    add('long plain in lists at depth %d' % depth, nest([sentence(150), [sentence(150)]], depth))
for start in range(70, 90):
    add('space at column %d' % start, {'Value': 'x' * (start - 7) + ' yy zzz ' + 'w' * 30 + ' end'})
    add('double space at column %d' % start, {'Value': 'x' * (start - 7) + '  yy  zzz ' + 'w' * 30 + '  end'})
add('long without spaces', {'Value': 'x' * 200})
add('long without spaces then a space', {'Value': 'x' * 120 + ' ' + 'y' * 10})
add('long words', {'Value': ' '.join(['w' * n for n in (50, 40, 30, 60, 5, 90, 1)])})
add('long with trailing space', {'Value': sentence(150) + ' '})
add('long with leading space', {'Value': ' ' + sentence(150)})
add('long with leading double space', {'Value': '  ' + sentence(150)})
add('long single quoted', {'Value': "'" + sentence(200)})
add('long single quoted with colon', {'Value': sentence(100) + ': ' + sentence(100)})
add('long single quoted with quotes', {'Value': "it's " + sentence(100, sep=" '' ")})
add('long double quoted', {'Value': '\t' + sentence(200)})
add('long double quoted with double spaces', {'Value': '\t' + sentence(200, sep='  ')})
add('long double quoted with triple spaces', {'Value': '\t' + sentence(200, sep='   ')})
add('long double quoted with escapes', {'Value': sentence(60) + '\x01 ' + sentence(60) + '\U0001f600 ' + sentence(80)})
add('long double quoted ending in spaces', {'Value': '\t' + sentence(150) + '   '})
add('long multi-line single quoted', {'Value': sentence(150) + '\n' + sentence(150) + '\n\n' + sentence(90)})
add('long multi-line double quoted', {'Value': sentence(150) + ' \n' + sentence(150)})
add('long multi-line with indented lines', {'Value': sentence(100) + '\n  ' + sentence(100)})
add('long unicode', {'Value': sentence(60) + ' é ' + sentence(60) + ' 中文 ' + sentence(60)})
add('long wide characters', {'Value': ' '.join(['中文字符'] * 40)})
add('long list items', [sentence(n) for n in (70, 80, 90, 100, 200)])
add('long in nested lists', [[[[sentence(200)]]]])
add('long empty-ish', {'Value': ' ' * 100})
add('long tabs', {'Value': '\t'.join([sentence(20)] * 10)})
add('long with hash', {'Value': sentence(90) + ' #' + sentence(30)})
for i in range(40):
    prefix = rnd.choice(['', '', '', "'", '- ', '\t', '"', ' ', '@', '* '])
    suffix = rnd.choice(['', '', '', ' ', '\n', ': x', ' #c'])
    seps = rnd.choice([' ', ' ', '  ', ' \t', '\n', ' \n '])
    text = prefix + sentence(rnd.randint(60, 260), sep=seps) + suffix
    add('random long %d' % i, nest({'Value': text, 'List': [text]}, rnd.randint(0, 3)))

# --- keys ------------------------------------------------------------------------------------

add('unsorted keys', {'b': 1, 'a': 2, 'C': 3, 'B': 4, '_': 5, '1': 6, '10': 7, '2': 8, 'aa': 9, 'a_': 10, 'a-': 11})
add('keys sorted by code point', {'\uffff': 1, '\U0001f600': 2, '\ue000': 3, 'z': 4, 'é': 5, 'Z': 6, '\u00ff': 7, '\U00010000': 8})
add('key needing quotes', {'true': 1, 'null': 2, '1': 3, '': 4, ' ': 5, 'a: b': 6, '- x': 7, '#k': 8})
add('multi-line key', {'a\nb': 1, 'c': 2})
add('multi-line key with value list', {'a\nb': [1, 2], 'c\n': {'d': 1}})
add('key with tab', {'a\tb': 1})
add('key with unicode escapes', {'\U0001f600': 1, 'a\x7f': 2})
for n in (127, 128, 129, 130, 200):
    add('key of %d ascii chars' % n, {'k' * n: 'v', 'short': 'v'})
for n in (42, 43, 64, 65):
    add('key of %d three-byte chars' % n, {'中' * n: 'v'})
add('key of 64 two-byte chars', {'é' * 64: 'v'})
add('key of 65 two-byte chars', {'é' * 65: 'v'})
add('long key with spaces', {sentence(200): 'v'})
add('long key with spaces and list value', {sentence(200): [1, {'a': sentence(150)}]})
add('long key needing quotes', {'- ' + sentence(200): {'x': 1}})
add('long key with newline', {sentence(100) + '\n' + sentence(100): 'v'})
add('long key double quoted', {'\t' + sentence(200): 'v'})
add('long key in a list', [{'k' * 150: 'v', 'a': 1}])
add('long key with empty values', {'k' * 150: {}, 'l' * 150: [], 'm' * 150: ''})
add('long key nested', nest({'k' * 140: {'j' * 140: sentence(100)}}, 2))

# --- numbers and other scalars ---------------------------------------------------------------

INTS = [0, 1, -1, 42, 2 ** 31, 2 ** 53 + 1, 2 ** 63, 2 ** 64, 10 ** 30, -(10 ** 40), 12345678901234567890]
FLOATS = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 12.5, 100.0, 1e15, 1e16, 1e17, 1e22, 1.5e300, 1e-4, 1e-5,
          1e-7, 1.2345678901234567e-20, 5e-324, 123456789.123, 0.30000000000000004, float('nan'),
          float('inf'), float('-inf'), 1.7976931348623157e308]
add('ints', {'Value': INTS})
add('floats', {'Value': FLOATS})
add('scalars mixed', {'none': None, 'true': True, 'false': False, 'int': 5, 'float': 5.0, 'str': '5'})
add('list of scalars', [None, True, False, 0, 1.5, 'x', ''])
for v in INTS + FLOATS + [None, True, False]:
    add('top-level %s %r' % (type(v).__name__, v), v)

TOP_STRINGS = ['', 'x', 'true', 'a\nb', 'é', '\U0001f600', 'tab\t', '"quoted"', '\\', '\x00\x1f\x7f', '\u2028',
               '0123456789abcdefghijKL', ' lead', 'a: b']
for s in TOP_STRINGS:
    add('top-level string ' + json.dumps(s), s)

# --- containers ------------------------------------------------------------------------------

add('empty list', [])
add('empty dict', {})
add('list of empty dict', [{}])
add('list of empty list', [[]])
add('empty containers as values', {'a': {}, 'b': [], 'c': [{}], 'd': [[]], 'e': {'f': {}}})
add('nested lists', [[1, [2, [3, [4]]]], [], [[]], [[], []]])
add('list of dicts', [{'a': 1, 'b': 2}, {'c': [1, 2]}, {'d': {'e': [{'f': 1}]}}])
add('dict of lists', {'a': [1, 2], 'b': [[1], [2, [3]]], 'c': [{'x': 1}, {'y': [1]}]})
add('dict in list in dict', {'Jobs': [{'Name': 'a', 'Tags': [{'Key': 'k', 'Value': 'v'}]}, {'Name': 'b'}]})
add('deep nesting', nest([nest([1, {'a': [2]}], 3)], 4))
add('list in list with dicts', [[{'a': 1, 'b': [{'c': 2}]}]])
add('dict with nulls', {'a': None, 'b': [None, None], 'c': {'d': None}})
add('top-level list of strings', ['a', 'b c', 'true', '', '- x'])

# --- datetimes, bytes, ordered dicts, shared objects ------------------------------------------

D = datetime.date(2023, 1, 30)
DT = datetime.datetime(2023, 1, 30, 12, 0, 0)
DTU = datetime.datetime(2023, 1, 30, 12, 0, 0, 123000)
add('datetimes in a mapping', {'date': D, 'datetime': DT, 'micro': DTU, 'epoch': datetime.datetime(1970, 1, 1)})
add('datetimes in a list', [datetime.date(2020, 1, 2), datetime.datetime(2020, 1, 2, 3, 4, 5, 6)])
add('top-level date', datetime.date(2020, 1, 2))
add('top-level datetime', datetime.datetime(2020, 1, 2, 3, 4, 5))
add('top-level datetime with microseconds', datetime.datetime(2020, 1, 2, 3, 4, 5, 600))
add('datetime as a nested list item', [[datetime.datetime(1999, 12, 31, 23, 59, 59)]])
add('bytes', {'Blob': b'abc', 'Empty': b'', 'Long': bytes(range(256)), 'List': [b'x']})
add('top-level bytes', b'abc' * 40)
add('top-level empty bytes', b'')
add('bytes in nested lists', [[b'\x00\xff']])
add('ordered dict', {'Value': OD([('b', 1), ('a', [1, 2]), ('c', {'z': 1, 'y': 2})])})
add('top-level ordered dict', OD([('b', 1), ('a', 2)]))
add('empty ordered dict', {'Value': OD()})
add('ordered dict in a list', [OD([('k', 'v')])])
shared = {'a': 1}
add('shared dict', {'p': [shared, shared, [shared]], 'q': shared})
shared_list = [1, 2]
add('shared list', [shared_list, {'x': shared_list}])
EMPTY_LIST = []
EMPTY_DICT = {}
add('shared empty containers', {'a': EMPTY_LIST, 'b': EMPTY_LIST, 'c': EMPTY_DICT, 'd': EMPTY_DICT})
add('shared datetime', {'a': DT, 'b': DT, 'c': [DT]})
add('shared dict at top of the stream', [shared, shared])
inner = {'x': [1]}
outer = {'i': inner, 'j': inner}
add('shared nested', {'o1': outer, 'o2': outer, 'in': inner})

# --- fuzz: random strings and shapes ----------------------------------------------------------

fuzz = random.Random(4242)
ALPHABET = (list('abcxyz019') * 4 + [' '] * 12 + ['\n'] * 3 + list(":#-?'\"\\.!&*,[]{}|>%@`=~<+_\t") +
            ['é', '中', '\u00a0', '\u2028', '\u2029', '\x85', '\ufeff', '\U0001f600', '\x00', '\x7f', '\r', '\x1b'])


def fuzz_string(max_length):
    return ''.join(fuzz.choice(ALPHABET) for _ in range(fuzz.randint(0, max_length)))


def fuzz_value(depth):
    roll = fuzz.random()
    if depth <= 0 or roll < 0.45:
        pick = fuzz.random()
        if pick < 0.75:
            return fuzz_string(fuzz.choice([3, 8, 30, 120, 200]))
        return fuzz.choice([None, True, False, 0, -7, 2 ** 70, 1.5, 1e16, float('nan'), float('inf'), -0.0, D, DT, b'\x01\x02'])
    if roll < 0.7:
        return [fuzz_value(depth - 1) for _ in range(fuzz.randint(0, 4))]
    return {fuzz_string(fuzz.choice([2, 6, 20, 140])): fuzz_value(depth - 1) for _ in range(fuzz.randint(0, 4))}


for i in range(250):
    add('fuzz %d' % i, fuzz_value(fuzz.randint(1, 5)))

# --- realistic responses ---------------------------------------------------------------------

JOB = {
    'Job': {
        'CreatedAt': '2023-01-30T12:00:00.123000+00:00',
        'DataAccessRoleArn': 'arn:aws:iam::123456789012:role/VoiceIdRole',
        'DomainId': 'abcdefghij0123456789AB',
        'EnrollmentConfig': {
            'ExistingEnrollmentAction': 'SKIP',
            'FraudDetectionConfig': {'FraudDetectionAction': 'IGNORE', 'RiskThreshold': 50, 'WatchlistIds': ['wl1', 'wl2']},
        },
        'InputDataConfig': {'S3Uri': 's3://voiceid-input/manifest.json'},
        'JobId': '0123456789abcdefghijKL',
        'JobName': 'my job: #1 \U0001f600',
        'JobProgress': {'PercentComplete': 0},
        'JobStatus': 'SUBMITTED',
        'OutputDataConfig': {'KmsKeyId': 'alias/key', 'S3Uri': 's3://voiceid-output/results'},
        'FailureDetails': {'Message': 'line one\nline two', 'StatusCode': 400},
    }
}
add('voice id job', JOB)
add('voice id job list', [JOB['Job'], JOB['Job']['EnrollmentConfig']])


def main():
    path = os.path.join(ROOT, 'fixtures', 'output', 'yaml.json')
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(ROWS, f, indent=1, ensure_ascii=True)
        f.write('\n')
    print('%d rows -> %s' % (len(ROWS), os.path.relpath(path, ROOT)))


if __name__ == '__main__':
    main()
