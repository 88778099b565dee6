#!/usr/bin/python3
"""Generates fixtures/output/table.json, fixtures/output/table-spec.json and
src/output/east-asian-width.ts by running awscli's own TableFormatter.

Run with the oracle interpreter, from anywhere:  /usr/bin/python3 scripts/gen-table-fixtures.py
Each value is formatted three ways: colour off; colour on written to sys.stdout after
colorama.init() has wrapped it (autoreset, as on a real stdout: the formatter is built first,
then clidriver takes compat.get_stdout_text_writer()); colour on written to a plain stream
(as into the pager pipe). Output is deterministic (fixed seeds); rows whose Python error text
depends on the hash seed (sorting a set of mixed str/int keys) are left out.
"""
import io
import json
import math
import os
import random
import struct
import sys
import unicodedata

sys.path.insert(0, '/usr/lib/python3/dist-packages')

import colorama  # noqa: E402
import awscli.table  # noqa: E402
from awscli import compat  # noqa: E402
from awscli.formatter import TableFormatter  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
SPEC = '/work/shared/spec/fixtures'
TITLE = 'StartSpeakerEnrollmentJob'


# ---------------------------------------------------------------- running the formatter

class Args:
    def __init__(self, color):
        self.color = color
        self.query = None


def run_formatter(value, width, color, stream_for):
    """Formats `value`; returns (text, error). `stream_for(buf)` gives the stream to write to."""
    buf = io.StringIO()
    saved = sys.stdout, sys.stderr
    sys.stdout = buf
    try:
        formatter = TableFormatter(Args(color))
        # MultiTable only sets _terminal_width when it measures the terminal itself.
        formatter.table._terminal_width = width
        stream = stream_for(buf)
        formatter._format_response(TITLE, value, stream)
        return buf.getvalue(), None
    except Exception as e:  # the CLI prints str(e) for these crashes
        return buf.getvalue(), (type(e).__name__, str(e))
    finally:
        if color == 'on':
            colorama.deinit()
        sys.stdout, sys.stderr = saved


def formats(value, width):
    plain, err = run_formatter(value, width, 'off', lambda buf: buf)
    # As clidriver: the formatter (and so colorama.init) first, then the stdout writer.
    auto, err2 = run_formatter(value, width, 'on', lambda buf: compat.get_stdout_text_writer())
    pager, err3 = run_formatter(value, width, 'on', lambda buf: buf)
    assert err == err2 == err3, (err, err2, err3)
    if err:
        assert plain == auto == pager == '', (plain, auto, pager)
        return {'error': err[1], 'errorType': err[0]}
    assert '\x1b' not in plain
    return {'plain': plain, 'colorAutoreset': auto, 'colorPager': pager}


# ---------------------------------------------------------------- typed values

def bits(f):
    return struct.pack('>d', f).hex()


def tag(v):
    """A value as JSON that keeps its type (test/helpers/py-tagged.ts reads it back)."""
    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, int):
        return {'int': str(v)}
    if isinstance(v, float):
        return {'float': 'nan' if math.isnan(v) else bits(v)}
    if isinstance(v, list):
        return [tag(x) for x in v]
    if isinstance(v, dict):
        return {'dict': [[k, tag(x)] for k, x in v.items()], 'ordered': False}
    raise TypeError(type(v))


def sample_value():
    """The sample body as the CLI hands it to the formatter (TZ=UTC): modeled members in model
    order, the null and the unknown key dropped, CreatedAt formatted."""
    with open(os.path.join(SPEC, 'sample-response-body.json'), encoding='utf-8') as f:
        job = json.load(f)['Job']
    order = ['CreatedAt', 'DataAccessRoleArn', 'DomainId', 'EndedAt', 'EnrollmentConfig',
             'FailureDetails', 'InputDataConfig', 'JobId', 'JobName', 'JobProgress', 'JobStatus',
             'OutputDataConfig']
    out = {k: job[k] for k in order if job.get(k) is not None}
    out['CreatedAt'] = '2023-01-30T12:00:00.123000+00:00'
    return {'Job': out}


# ---------------------------------------------------------------- the corpus

def named_cases():
    """(name, value[, width]) triples; the width defaults to 80 (stdout not a TTY)."""
    s = sample_value()
    job = s['Job']
    nested = {'L1': {'a': 1, 'L2': {'b': 2, 'L3': {'c': 3, 'L4': {'d': 4, 'L5': {'e': 5}}}}}}
    ten = {f'col{i}': f'value{i}' for i in range(10)}
    multi = {'A': {'k1': 'v' * 30, 'k2': 'w' * 30}, 'B': [{'x': 1, 'y': 2}, {'x': 3, 'y': 4}],
             'C': {'only': 'one'}, 'D': [1, 2]}
    cases = [(f'sample at {w}', s, w) for w in (80, 40, 60, 70, 71, 72, 100, 120, 200)]
    cases += [(f'multi sections at {w}', multi, w) for w in (20, 40, 60, 80, 100, 120, 200)]
    cases += [(f'half-even widths at {w}', {'aa': 'b', 'ccc': 'dddd', 'e': 'ffffff'}, w) for w in (40, 80, 120, 200)]
    cases += [(f'falsy {v!r}', v) for v in (None, {}, [], '', 0, False, 0.0, -0.0)]
    cases += [(f'scalar {v!r}', v) for v in (
        'x', ' ', 'long ' * 30, '日本語のタイトル', 1, -1, 12345678901234567890, -9223372036854775809, 1.5,
        1.0, 1e16, 1e-7, 5e-324, float('nan'), float('inf'), float('-inf'), True, 'tab\there', 'new\nline', 'é±°§①Ω')]
    return cases + [
        # the sample and the spec's --query examples
        ('sample job', job), ('query OutputDataConfig', job['OutputDataConfig']), ('query JobId', job['JobId']),
        ('query [JobId, JobName]', [job['JobId'], job['JobName']]), ('query EnrollmentConfig', job['EnrollmentConfig']),
        ('query EnrollmentConfig narrow', job['EnrollmentConfig'], 30), ('query values', list(job.values())),
        ('query values wide', list(job.values()), 200), ('query keys', sorted(job)), ('query RiskThreshold', 50),
        ('query comparison', True), ('spec list of dicts flat', [{'Name': 'a', 'Val': 1}, {'Name': 'bb', 'Other': True}]),
        ('spec list of dicts nested', [{'Name': 'a', 'Val': 1, 'Sub': {'X': 1, 'Y': 2}},
                                       {'Name': 'b', 'Val': 2, 'Extra': 'e', 'Sub': {'X': 3, 'Y': 4}}]),
        ('spec shapes mix', {'a': [1, 2], 'b': [{'c': 1, 'd': [3]}, {'x': 5}], 'e': {}, 'f': [], 'g': None, 'h': [[1, 2], []]}),
        ('spec list of lists', [[1, 'a'], [True, None]]), ('spec row width crash', [1, 'two', [3, 4]]),
        ('spec nested empty', {'a': {}, 'b': [], 'c': {'d': {}}}), ('spec wide dict', {'Short': 'x', 'Long': 'y' * 90}),
        ('spec functions', {'len': 22, 'keys': sorted(job), 'str': '{"PercentComplete":0}', 'num': None}),
        # dicts
        ('dict one key', {'a': 1}), ('dict one None', {'a': None}), ('dict nested only', {'n': {'a': 1}}),
        ('dict falsy cells', {'a': '', 'b': 0, 'c': False, 'd': None, 'e': 0.0}),
        ('dict sorted keys', {'b': 1, 'a': 2, 'C': 3, '_': 4, '1': 5}),
        ('dict unicode key order', {'é': 1, 'Z': 2, 'a': 3, '日': 4, '\uffff': 5, '\U0001F600': 6}),
        ('dict bmp vs astral keys', {'\U00010000': 1, '\ufb01': 2}), ('dict empty key', {'': 'v', 'k': 'w'}),
        ('dict empty key nested', {'': {'a': 1, 'b': 2}}), ('dict empty title list', {'': [1, 2]}),
        ('dict deep', nested), ('dict deep narrow', nested, 20), ('dict deep wide', nested, 200),
        ('dict list of scalars', {'a': 1, 'items': [1, 2, 3]}),
        ('dict list of dicts', {'a': 1, 'items': [{'x': 1, 'y': 2}, {'x': 3, 'y': 4}]}),
        ('dict list of dicts nested', {'items': [{'x': 1, 'n': {'p': 1}}, {'x': 2, 'n': {'p': 2}}]}),
        ('dict ten columns', ten), ('dict ten columns wide', ten, 200),
        ('dict floats', {'a': 1.0, 'b': 0.1, 'c': 1e22, 'd': -1.5, 'e': 1.7976931348623157e308}),
        ('dict big ints', {'a': 12345678901234567890, 'b': -9223372036854775809, 'c': 2 ** 64}),
        ('dict bools', {'t': True, 'f': False, 'n': None}), ('dict empty containers', {'a': 1, 'b': {}, 'c': [], 'd': [[]]}),
        ('dict of empty dict list', {'a': [{}]}), ('dict list with empty dicts', {'a': [{}, {}]}),
        # lists
        ('list one', [1]), ('list scalars', [1, 2, 3]), ('list mixed scalars', ['a', None, True, 1.5, 0, '']),
        ('list of lists', [[1, 2], [3, 4]]), ('list of empty list', [[]]), ('list of empty lists', [[], []]),
        ('list of empty dict', [{}]), ('list of empty dicts', [{}, {}]), ('list one dict', [{'a': 1}]),
        ('list dicts different keys', [{'a': 1}, {'b': 2}]),
        ('list dicts nested repeat headers', [{'a': 1, 'n': {'x': 1}}, {'a': 2, 'n': {'x': 2}}]),
        ('list dicts nested missing', [{'a': 1, 'n': {'x': 1}}, {'a': 2}, {'a': 3, 'm': [1]}]),
        ('list dicts only nested', [{'n': {'x': 1}}, {'n': {'y': 2}}]),
        ('list dicts nested falsy', [{'a': 1, 'n': {}}, {'a': 2, 'n': []}]),
        ('list dicts nested lists', [{'a': 1, 'l': [1, 2]}, {'a': 2, 'l': [[3, 4], [5, 6]]}]),
        ('list dicts deep', [{'a': 1, 'n': [{'b': 2, 'm': {'c': 3}}, {'b': 4, 'm': {'c': 5}}]}]),
        ('list scalar then list', [1, [2]]), ('list scalar then dict key', [1, {'a': 1}]),
        ('list pair then dict keys', [[1, 2], {'a': 1, 'b': [2]}]), ('list nested list inside', [[1, [2]]]),
        ('list nested lists deep', [[[1, 2], [3, 4]], [[5, 6]]]),
        ('list of list of dicts', [[{'a': 1, 'b': {'c': 1}}, {'a': 2, 'b': {'c': 2}}]]),
        ('list of lists of dicts', [[{'a': 1}], [{'a': 2}]]), ('list scalar then list of dicts', [1, [{'a': 1}]]),
        ('list scalar then list of dicts nested', [1, [{'a': 1, 'n': {'z': 1}}, {'a': 2, 'n': {'z': 2}}]]),
        ('list empty list then list of dicts', [[], [{}]]), ('list of dicts with non-dict later ok', [{}, {'a': [1]}]),
        ('list wide rows', [['x' * 40, 'y' * 40], ['a', 'b']]), ('list wide scalar rows', ['w' * 100, 'v']),
        ('list dicts wide', [{'k': 'v' * 100, 'j': 1}]), ('list dicts wide two', [{'k': 'v' * 100, 'j': 1}, {'k': 'u', 'j': 2}]),
        ('list dicts wide nested', [{'k': 'v' * 100, 'n': {'a': 1, 'b': 2}}, {'k': 'u', 'n': {'a': 3, 'b': 4}}]),
        ('list of none', [None]), ('list of false', [False, False]),
        # crashes: rows of different widths, and lists of dicts holding other values
        ('crash row width', [1, [2, 3]]), ('crash row width dict', [1, {'a': 1, 'b': 2}]),
        ('crash row width empty dict', [1, {}]), ('crash row width empty list', [[], [1]]),
        ('crash row width lists', [[1], [1, 2], [1, 2, 3]]), ('crash header longer', [1, [{'a': 1, 'b': 2}]]),
        ('crash header shorter', [[1, 2], [{'a': 1}]]), ('crash header after empty row', [[], [{'a': 1}]]),
        ('crash int element', [{'a': 1}, 5]), ('crash none element', [{'a': 1}, None]),
        ('crash bool element', [{'a': 1}, True]), ('crash float element', [{'a': 1}, 1.5]),
        ('crash str element', [{'a': 1}, 'xy']), ('crash empty str element', [{'a': 1}, '']),
        ('crash empty list element', [{'a': 1}, []]), ('crash list index', [{'a': 1}, [5]]),
        ('crash list str index', [{'a': 1}, ['x']]), ('crash list float index', [{}, [1.5]]),
        ('crash list none index', [{}, [None]]), ('crash list list index', [{}, [[0]]]),
        ('crash list int header', [{}, [0]]), ('crash list bool header', [{}, [True, 0]]),
        ('crash list negative index', [{}, [-1]]), ('crash list nested value', [{}, [1, [0]]]),
        ('crash nested before element', [{'n': [1, [1, 2]]}, 5]), ('crash nested in dict', {'a': {'b': [1, [2, 3]]}}),
        ('crash deep in list', [{'a': 1, 'n': [[1], [2, 3]]}]),
        # display width
        ('cjk values', {'name': '日本語', 'city': '東京', 'n': 1}), ('cjk title keys', {'日本': {'a': '值', 'b': 'ｆｕｌｌ'}}),
        ('ambiguous', {'a': 'é±°§①Ω', 'b': '×÷'}), ('emoji', ['😀', 'a😀b', '👍🏽']),
        ('combining', ['e\u0301', '\u200b', '\u200dx']), ('halfwidth', ['ｶﾀｶﾅ', '한국어']),
        ('cjk wide conversion', {'a': '漢' * 30, 'b': '字' * 20}),
        ('cjk list of dicts', [{'名前': '太郎', '年': 20}, {'名前': '花子', '年': 30}]),
        ('private use ambiguous', ['\ue000', '\U000f0000']), ('control chars', ['a\x01b', 'c\x7fd', '\u2028']),
        ('odd title centring', {'abc': {'x': 1}, 'abcd': {'x': 1}}), ('scalar at width 10', 'hello', 10),
        ('scalar long at width 20', 'z' * 50, 20),
    ]


def random_key(rng):
    pool = ['a', 'b', 'Name', 'Value', 'Id', 'x', 'é', '日本', 'KeyWithLongerName', '', 'Z', 'k2']
    return rng.choice(pool)


def random_scalar(rng):
    kind = rng.randrange(9)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice([True, False])
    if kind == 2:
        return rng.randrange(-1000, 10 ** rng.randrange(1, 22))
    if kind == 3:
        return rng.choice([0.5, 1.25, -2.0, 1e16, 3.14159, 1e-5])
    alphabet = 'abcdefXYZ -_/:.é日±😀'
    return ''.join(rng.choice(alphabet) for _ in range(rng.randrange(0, 1 + rng.choice([3, 8, 30, 70]))))


def random_value(rng, depth):
    kind = rng.randrange(10) if depth > 0 else 0
    if kind <= 3:
        return random_scalar(rng)
    if kind <= 6:
        return {random_key(rng): random_value(rng, depth - 1) for _ in range(rng.randrange(0, 5))}
    if kind == 7:
        keys = [random_key(rng) for _ in range(rng.randrange(1, 4))]
        return [{k: random_value(rng, depth - 2) for k in keys if rng.random() < 0.8}
                for _ in range(rng.randrange(1, 4))]
    if kind == 8:
        n = rng.randrange(1, 3)
        return [[random_scalar(rng) for _ in range(n)] for _ in range(rng.randrange(1, 4))]
    return [random_value(rng, depth - 1) for _ in range(rng.randrange(0, 4))]


def random_cases():
    rng = random.Random(20240711)
    out = []
    while len(out) < 160:
        value = {random_key(rng): random_value(rng, 3) for _ in range(rng.randrange(1, 4))}
        if rng.random() < 0.3:
            value = random_value(rng, 4)
        width = rng.choice([20, 40, 60, 80, 80, 100, 120, 200])
        out.append((f'random {len(out)}', value, width))
    return out


def round_half_up(x, *args):
    return math.floor(x + 0.5) if not args else round(x, *args)


def half_even_cases():
    """Small nested tables whose output changes if awscli.table's round() rounded half up."""
    rng = random.Random(20240712)
    out = []
    while len(out) < 30:
        inner = {'k' * rng.randrange(1, 6): 'v' * rng.randrange(0, 9) for _ in range(rng.randrange(1, 4))}
        value = {'T' * rng.randrange(1, 30): inner, 'a': 'b' * rng.randrange(0, 30)}
        if rng.random() < 0.5:
            value['L'] = [{'x': 'y' * rng.randrange(0, 7), 'zz': rng.randrange(0, 10 ** 5)}]
        expected, _ = run_formatter(value, 200, 'off', lambda buf: buf)
        awscli.table.round = round_half_up  # module globals shadow the builtin
        try:
            half_up, _ = run_formatter(value, 200, 'off', lambda buf: buf)
        finally:
            del awscli.table.round
        if half_up != expected:
            out.append((f'half-even {len(out)}', value, 200))
    return out


# ---------------------------------------------------------------- files

def nondeterministic(result):
    return "'<' not supported" in result.get('error', '')


def table_rows():
    rows = []
    names = set()
    for name, value, *width in named_cases() + half_even_cases() + random_cases():
        width = width[0] if width else 80
        assert name not in names, name
        names.add(name)
        result = formats(value, width)
        if nondeterministic(result):
            continue
        rows.append({'name': name, 'value': tag(value), 'width': width, **result})
    return rows


def spec_fixture():
    def read(name):
        with open(os.path.join(SPEC, name), encoding='utf-8', newline='') as f:
            return f.read()
    value = sample_value()
    body = read('sample-response-body.json')
    plain, color = read('sample-output.table.txt'), read('sample-output.table-color-on.txt')
    # The generator's own colorama emulation must give the captured bytes.
    assert formats(value, 80) == {'plain': plain, 'colorAutoreset': color,
                                  'colorPager': formats(value, 80)['colorPager']}
    return {'note': 'copied from ../shared/spec/fixtures (AWS CLI 2.9.19, TZ=UTC, non-TTY)',
            'body': body, 'plain': plain, 'colorOn': color}


def east_asian_ranges():
    ranges, start = [], None
    for cp in range(0x110000):
        wide = unicodedata.east_asian_width(chr(cp)) in 'WFA'
        if wide and start is None:
            start = cp
        elif not wide and start is not None:
            ranges.append((start, cp - 1))
            start = None
    if start is not None:
        ranges.append((start, 0x10FFFF))
    return ranges


def write_east_asian_table():
    flat = [n for r in east_asian_ranges() for n in r]
    lines = ['  ' + ', '.join(f'0x{n:x}' for n in flat[i:i + 12]) + ','
             for i in range(0, len(flat), 12)]
    text = (
        '// GENERATED by scripts/gen-table-fixtures.py from Python '
        f'{sys.version.split()[0]} (Unicode {unicodedata.unidata_version}); do not edit.\n'
        "// Code points whose unicodedata.east_asian_width() is W, F or A: awscli's table counts them\n"
        '// as two columns. Inclusive [start, end] pairs, sorted.\n\n'
        '/** Flat list of inclusive ranges: start0, end0, start1, end1, ... */\n'
        'export const EAST_ASIAN_WIDE_RANGES: readonly number[] = [\n' + '\n'.join(lines) + '\n];\n')
    with open(os.path.join(ROOT, 'src', 'output', 'east-asian-width.ts'), 'w', encoding='ascii') as f:
        f.write(text)


def write_json(name, data):
    with open(os.path.join(ROOT, 'fixtures', 'output', name), 'w', encoding='utf-8') as f:
        json.dump(data, f, indent=1, ensure_ascii=False)
        f.write('\n')


def main():
    write_east_asian_table()
    write_json('table-spec.json', spec_fixture())
    rows = table_rows()
    write_json('table.json', rows)
    errors = sum(1 for r in rows if 'error' in r)
    print(f'{len(rows)} rows ({errors} errors)')


if __name__ == '__main__':
    main()
