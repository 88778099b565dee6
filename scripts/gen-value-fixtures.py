#!/usr/bin/python3
"""Generates the case tables in fixtures/values/ and src/values/py-nonprintable.ts from Python.

Run with the oracle interpreter, from the repository root:  /usr/bin/python3 scripts/gen-value-fixtures.py
Expectations come from Python itself (repr, json.loads, json.dumps, str.isprintable), so the
vitest tests run without Python. Output is deterministic (fixed seeds).
"""
import collections
import datetime
import json
import math
import os
import random
import struct
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
OD = collections.OrderedDict


def bits(f):
    return struct.pack('>d', f).hex()


def int_text(v):
    """str(v) without the 4300-digit limit (the limit itself is what some rows test)."""
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        return str(v)
    finally:
        sys.set_int_max_str_digits(limit)


def tag(v):
    """A Python value as JSON that keeps its type: the TS tests rebuild PyValues from it."""
    if v is None or isinstance(v, bool) or isinstance(v, str):
        return v
    if isinstance(v, int):
        return {'int': int_text(v)}
    if isinstance(v, float):
        return {'float': 'nan' if math.isnan(v) else bits(v)}
    if isinstance(v, list):
        return [tag(x) for x in v]
    if isinstance(v, dict):
        return {'dict': [[k, tag(x)] for k, x in v.items()], 'ordered': isinstance(v, OD)}
    if isinstance(v, bytes):
        return {'bytes': v.hex()}
    if isinstance(v, datetime.datetime):
        return {'datetime': str(v)}
    if isinstance(v, datetime.date):
        return {'date': str(v)}
    raise TypeError(type(v))


def write(name, data):
    path = os.path.join(ROOT, 'fixtures', 'values', name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='ascii') as f:
        json.dump(data, f, indent=1, ensure_ascii=True)
        f.write('\n')


# ---------------------------------------------------------------- repr(float)

def float_cases():
    named = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 100.0, 1e15, 1e16, 1e17, 123456789012345678.0,
             9999999999999998.0, 1e-4, 1e-5, 0.00012345, 1.2345e-5, 1e22, 1e23, 1.5e300, -1.5e-300,
             5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 2.0 ** 53, 2.0 ** 53 + 2,
             2.0 ** 63, 2.0 ** 64, 0.1 + 0.2, 1 / 3, 2 / 3, 3.141592653589793, 1e100, 123.456,
             float('nan'), float('inf'), float('-inf'), 4.35, 0.3, 1e21, 1e-7, 12345678.9]
    rows = [{'name': repr(f), 'input': bits(f), 'expected': repr(f)} for f in named]
    rng = random.Random(20240611)
    batches = []
    for b in range(6):
        values = []
        for _ in range(700):
            kind = rng.randrange(5)
            if kind == 0:
                f = struct.unpack('>d', rng.getrandbits(64).to_bytes(8, 'big'))[0]
            elif kind == 1:
                f = rng.uniform(-1e6, 1e6)
            elif kind == 2:
                f = float(rng.randrange(-10 ** 18, 10 ** 18))
            elif kind == 3:
                f = round(rng.uniform(0, 1000), rng.randrange(0, 8)) * 10.0 ** rng.randrange(-25, 25)
            else:
                f = rng.random() * 10.0 ** rng.randrange(-320, 308)
            values.append(f)
        batches.append({'name': f'random batch {b}', 'input': [bits(f) for f in values],
                        'expected': [repr(f) for f in values]})
    write('py-float.json', {'named': rows, 'random': batches})


# ---------------------------------------------------------------- json.loads

def loads_row(name, text, ordered=True):
    hook = OD if ordered else None
    try:
        value = json.loads(text, object_pairs_hook=hook)
    except json.JSONDecodeError as e:
        return {'name': name, 'input': text, 'ordered': ordered, 'error': {
            'type': 'JSONDecodeError', 'msg': e.msg, 'pos': e.pos, 'lineno': e.lineno,
            'colno': e.colno, 'message': str(e)}}
    except ValueError as e:
        return {'name': name, 'input': text, 'ordered': ordered,
                'error': {'type': 'ValueError', 'message': str(e)}}
    return {'name': name, 'input': text, 'ordered': ordered, 'expected': tag(value)}


PARSE_NAMED = [
    ('empty', ''), ('only whitespace', ' \t\r\n'), ('object missing value', '{"a":}'),
    ('object missing comma', '{"a":1'), ('extra data', '{"a":1} x'), ('utf-8 bom', '\ufeff{}'),
    ('bom after space', ' \ufeff{}'), ('trailing comma in array', '[1,]'),
    ('trailing comma in object', '{"a":1,}'), ('missing colon', '{"a" 1}'),
    ('single-quoted key', "{'a': 1}"), ('unquoted key', '{a: 1}'), ('nul', 'nul'), ('minus', '-'),
    ('minus letter', '-a'), ('dangling point', '1.'), ('dangling exponent', '1e'), ('exponent sign', '1e+'),
    ('leading zero', '01'), ('unterminated string', '"abc'), ('backslash at end', '"\\'),
    ('invalid escape', '"\\x"'), ('short u escape', '"\\u12"'), ('u escape at end', '"\\u1234'),
    ('bad hex', '"\\u12g4"'), ('control char', '"\x01"'), ('tab in string', '"a\tb"'),
    ('newline in string', '{\n  "a": "x\ny"\n}'), ('del is fine', '"\x7f"'),
    ('error after emoji', '["\U0001F600", x]'), ('error after emoji on line 2', '[\n"\U0001F600\U0001F600",\n x]'),
    ('error column after newline', '{\n\n   "a" 1}'), ('surrogate pair escape', '"\\ud83d\\ude00"'),
    ('lone high surrogate', '"\\ud800"'), ('lone low surrogate', '"\\udc00x"'),
    ('high then non-low', '"\\ud800\\u0041"'), ('high then high then low', '"\\ud800\\ud83d\\ude00"'),
    ('pair near end', '"\\ud800\\udc00'), ('pair bad second hex', '"\\ud800\\udczz"'),
    ('high then other escape', '"\\ud800\\n"'), ('uppercase hex', '"\\u00E9\\u00e9"'),
    ('escapes', '"\\"\\\\\\/\\b\\f\\n\\r\\t"'), ('raw emoji and cjk', '"\U0001F600\u4e2d\u00e9"'),
    ('NaN', 'NaN'), ('Infinity', 'Infinity'), ('-Infinity', '-Infinity'), ('nan lowercase', 'nan'),
    ('-Inf partial', '-Inf'), ('constants in array', '[NaN, Infinity, -Infinity, true, false, null]'),
    ('ints', '[0, -0, 1, -1, 123456789012345678901234567890, -9007199254740993]'),
    ('floats', '[0.0, -0.0, 1.0, 1.5, 1e5, 1E5, 1e+5, 1e-5, 1.5e300, 1e400, -1e400, 1e-400]'),
    ('float rounding', '[2.4703282292062328e-324, 2.4703282292062327e-324, 0.1, 1.7976931348623158e308]'),
    ('float long mantissa', '0.' + '3' * 400), ('int 4300 digits', '9' * 4300),
    ('int 4301 digits', '1' * 4301), ('negative int 4300 digits', '-' + '7' * 4300),
    ('negative int 4301 digits', '-' + '7' * 4301), ('int limit nested', '{"a": [1, ' + '2' * 5000 + ']}'),
    ('float with 5000 digits', '1' * 5000 + '.0'),
    ('duplicate keys', '{"a": 1, "b": 2, "a": 3}'), ('duplicate keys nested', '{"x": {"k": 1, "k": [2]}, "y": 0, "x": {"z": null}}'),
    ('nested', '{"a": [1, {"b": [], "c": {}}], "d": "e"}'), ('whitespace everywhere', ' \n{ "a" \t: [ 1 , 2 ] \r}\n '),
    ('form feed is not whitespace', '\f1'), ('nbsp is not whitespace', '\u00a01'),
    ('unicode line separator in string', '"\u2028"'), ('empty key', '{"": 1}'),
    ('true prefix', 'tru'), ('true extra', 'truex'), ('two values', '1 2'), ('array missing comma', '[1 2]'),
    ('array unclosed', '[1'), ('array unclosed comma', '[1,'), ('object unclosed', '{'), ('object key unclosed', '{"a'),
    ('object colon unclosed', '{"a":'), ('close only', ']'), ('plus sign', '+1'), ('hex number', '0x10'),
    ('dot number', '.5'), ('exp without digits then bracket', '[1e]'), ('lone surrogate raw', '"\udc80"'),
    ('raw lone surrogate error after', '"\udc80" x'), ('comment', '// x\n1'),
]


def parse_fuzz(rng):
    tokens = ['{', '}', '[', ']', '"', ':', ',', ' ', '\n', '\t', '\r', '1', '0', '-', '.', 'e', 'E', '+',
              '5', 'a', '"a"', '"\U0001F600"', '\U0001F600', '\u00e9', '\\', '\\u', 'd83d', 'de00',
              '\\ud83d', '\\ude00', '\\n', '\\x', '\x01', '\x1f', '\x7f', 'null', 'true', 'false', 'NaN',
              'Infinity', '-Infinity', 'nul', 'tru', '\ufeff', '"k":', '{"a":1}', '[1,2]', '1.5', '1e5',
              '\u2028', '\udc80', '"\\ud83d\\ude00"', '\u4e2d']
    rows = []
    for i in range(1200):
        text = ''.join(rng.choice(tokens) for _ in range(rng.randrange(1, 12)))
        rows.append(loads_row(f'token fuzz {i}', text))
    for i in range(200):
        text = json.dumps(random_value(rng, 3), ensure_ascii=rng.random() < 0.5, indent=rng.choice([None, 2]))
        rows.append(loads_row(f'round trip fuzz {i}', text))
    for i in range(800):
        text = json.dumps(random_value(rng, 3), ensure_ascii=rng.random() < 0.3,
                          indent=rng.choice([None, None, 1, 2]))
        pos = rng.randrange(len(text) + 1)
        op = rng.randrange(3)
        if op == 0:
            text = text[:pos] + text[pos + 1:]
        elif op == 1:
            text = text[:pos] + rng.choice(tokens) + text[pos:]
        else:
            text = text[:pos] + rng.choice(tokens) + text[pos + 1:]
        if '\ud800' <= text[-1:] <= '\udbff' or any(
                '\ud800' <= a <= '\udbff' and '\udc00' <= b <= '\udfff' for a, b in zip(text, text[1:])):
            continue  # raw surrogate pairs read differently in UTF-16
        rows.append(loads_row(f'mutation fuzz {i}', text))
    return rows


def parse_cases():
    rows = [loads_row(name, text) for name, text in PARSE_NAMED]
    rows += [loads_row('plain dict ' + name, text, ordered=False) for name, text in
             [('duplicates', '{"a": 1, "b": 2, "a": 3}'), ('nested', '[{"a": {"b": {}}}]')]]
    rows += parse_fuzz(random.Random(7))
    valid = [r for r in rows if 'expected' in r]
    invalid = [r for r in rows if 'error' in r]
    write('py-json-parse.json', {'valid': valid, 'invalid': invalid})


# ---------------------------------------------------------------- random values

STRING_ALPHABET = ['a', 'Z', ' ', '"', "'", '\\', '/', '\n', '\r', '\t', '\b', '\f', '\x00', '\x01', '\x1f',
                   '\x7f', '\x80', '\u00a0', '\u00e9', '\u00ff', '\u0100', '\u2028', '\u200b', '\ufeff',
                   '\u4e2d', '\U0001F600', '\U0001D11E', '\ud800', '\udfff', '\udc80', '\U000E0001', '\uffff']


def random_string(rng):
    s = ''.join(rng.choice(STRING_ALPHABET) for _ in range(rng.randrange(0, 6)))
    # A raw high surrogate followed by a low one is one code point in UTF-16; keep them apart.
    return s.replace('\ud800\udc80', '\ud800x').replace('\ud800\udfff', '\ud800x')


def random_float(rng):
    k = rng.randrange(4)
    if k == 0:
        return struct.unpack('>d', rng.getrandbits(64).to_bytes(8, 'big'))[0]
    if k == 1:
        return rng.choice([0.0, -0.0, 1.0, 1e16, 1e-5, float('inf'), float('-inf'), float('nan')])
    return rng.uniform(-1e4, 1e4)


def random_value(rng, depth):
    k = rng.randrange(10 if depth > 0 else 7)
    if k == 0:
        return rng.choice([None, True, False])
    if k == 1:
        return rng.choice([0, -1, 7, 2 ** 64, -(10 ** 40), int('9' * rng.randrange(1, 60))])
    if k == 2:
        return random_float(rng)
    if k in (3, 4, 5, 6):
        return random_string(rng)
    if k == 7:
        return [random_value(rng, depth - 1) for _ in range(rng.randrange(0, 4))]
    cls = OD if k == 8 else dict
    return cls((random_string(rng), random_value(rng, depth - 1)) for _ in range(rng.randrange(0, 4)))


# ---------------------------------------------------------------- json.dumps

def dumps_row(name, value, indent, ensure_ascii):
    row = {'name': name, 'input': tag(value), 'indent': indent, 'ensureAscii': ensure_ascii}
    try:
        row['expected'] = json.dumps(value, indent=indent, ensure_ascii=ensure_ascii)
    except (TypeError, ValueError) as e:
        row['error'] = {'type': type(e).__name__, 'message': str(e)}
    return row


def dump_cases():
    d = datetime.date(2023, 1, 1)
    dt = datetime.datetime(2023, 1, 1, 10, 0)
    named = [
        ('scalars', [None, True, False, 0, -5, 1.0, 0.1, 1e16, 1e-5, -0.0]),
        ('non-finite floats', [float('nan'), float('inf'), float('-inf')]),
        ('big int', 10 ** 100), ('int 4300 digits', int('8' * 4300)), ('int 4301 digits', 10 ** 4300),
        ('empty containers', [[], {}, OD(), [[]], {'a': {}}]),
        ('nested', OD([('a', [1, {'b': None}]), ('c', 'd')])),
        ('all control chars', ''.join(chr(c) for c in range(0x20))),
        ('quotes and backslash', 'a"b\\c/d\'e'), ('del and latin-1', '\x7f\x80\u00a0\u00e9\u00ff'),
        ('astral', '\U0001F600\U0001D11E\U0010FFFF'), ('lone surrogates', '\ud800x\udfff\udc80'),
        ('line separators', '\u2028\u2029\ufeff'), ('keys escaped', {'\u00e9\n"': 1, '': 2}),
        ('bytes', b'abc'), ('date', d), ('datetime', dt), ('date nested', [1, {'a': d}]),
        ('bytes in dict', {'a': 1, 'b': b'\x00'}), ('string top level', 'x'),
    ]
    rows = []
    for name, value in named:
        for indent in (None, 0, 2, 4):
            for ensure_ascii in (True, False):
                rows.append(dumps_row(f'{name} (indent={indent}, ascii={ensure_ascii})', value, indent, ensure_ascii))
    rng = random.Random(99)
    for i in range(300):
        rows.append(dumps_row(f'random {i}', random_value(rng, 3), rng.choice([None, None, 0, 1, 4]),
                              rng.random() < 0.5))
    write('py-json-dump.json', {'cases': rows})


# ---------------------------------------------------------------- repr / str / type

def nonprintable_ranges():
    ranges, prev = [], False
    for c in range(0x110000):
        np = not chr(c).isprintable()
        if np and not prev:
            ranges.append([c, c])
        elif np:
            ranges[-1][1] = c
        prev = np
    return ranges


def repr_row(name, value):
    row = {'name': name, 'input': tag(value)}
    try:
        row['repr'] = repr(value)
        row['str'] = str(value)
    except ValueError as e:
        row['error'] = {'type': 'ValueError', 'message': str(e)}
    row['type'] = str(type(value))
    return row


def repr_cases(ranges):
    utc = datetime.timezone.utc
    named = [
        ('None', None), ('True', True), ('False', False), ('zero', 0), ('negative int', -42),
        ('big int', -(2 ** 200)), ('int 4300 digits', int('5' * 4300)), ('int 4301 digits', int('5' * 4300) * 10 + 5),
        ('float', 1.0), ('float nan', float('nan')), ('float -inf', float('-inf')), ('float -0.0', -0.0),
        ('float 1e16', 1e16), ('empty str', ''), ('plain str', 'hello'), ('single quote', "it's"),
        ('double quote', 'say "hi"'), ('both quotes', 'it\'s "x"'), ('backslash', 'a\\b'),
        ('escapes', '\n\r\t\x00\x1b\x7f'), ('latin-1', '\x80\x9f\u00a0\u00ad\u00e9\u00ff'),
        ('bmp non-printable', '\u0378\u200b\u2028\u2029\ufeff\ue000\uffff'), ('cjk', '\u4e2d\u6587'),
        ('emoji', '\U0001F600'), ('astral non-printable', '\U000E0001\U000F0000\U0010FFFF\U0001FFFF'),
        ('lone surrogates', '\ud800 \udfff \udc80'), ('empty list', []), ('empty dict', {}),
        ('empty OrderedDict', OD()), ('list', [1, 'x', None, True, 1.5]),
        ('dict', {'a': 1, "b'": [1, 'x'], 'c': {'d': None}}),
        ('OrderedDict', OD([('a', 1), ('b', [1, 'x', None, True])])),
        ('nested OrderedDict', [OD([('k', OD([('z', OD())]))]), {'o': OD([('q', 2.5)])}]),
        ('bytes empty', b''), ('bytes', b'abc'), ('bytes all', bytes(range(256))),
        ('bytes single quote', b"it's"), ('bytes both quotes', b'it\'s "x"'), ('bytes double quote', b'a"b'),
        ('date', datetime.date(2023, 1, 1)), ('date early year', datetime.date(99, 12, 31)),
        ('datetime', datetime.datetime(2023, 1, 1, 10, 0)),
        ('datetime seconds', datetime.datetime(2023, 5, 6, 7, 8, 9)),
        ('datetime micro', datetime.datetime(2023, 5, 6, 0, 0, 0, 500)),
        ('datetime utc', datetime.datetime(2023, 5, 6, 0, 0, tzinfo=utc)),
        ('datetime +05:30', datetime.datetime(2023, 5, 6, 1, 2, 3, tzinfo=datetime.timezone(datetime.timedelta(hours=5, minutes=30)))),
        ('datetime -05:00', datetime.datetime(2023, 5, 6, 1, 2, tzinfo=datetime.timezone(datetime.timedelta(hours=-5)))),
        ('dates in list', [datetime.date(2023, 1, 1), datetime.datetime(2023, 1, 1, 10, 0, 1)]),
    ]
    rows = [repr_row(name, value) for name, value in named]
    for s, e in ranges:
        cps = [c for c in (s - 1, s, e, e + 1) if 0 <= c < 0x110000]
        rows.append(repr_row(f'printable boundary U+{s:04X}..U+{e:04X}', '|'.join(chr(c) for c in cps)))
    rng = random.Random(3)
    for i in range(200):
        cps = [rng.choice([rng.randrange(0x80), rng.randrange(0x3000), rng.randrange(0x110000)])
               for _ in range(rng.randrange(1, 8))]
        rows.append(repr_row(f'random code points {i}', 'x'.join(chr(c) for c in cps)))
    for i in range(200):
        rows.append(repr_row(f'random value {i}', random_value(rng, 3)))
    write('py-repr.json', {'cases': rows})


def write_nonprintable_table(ranges):
    flat = [n for r in ranges for n in r]
    lines = []
    for i in range(0, len(flat), 12):
        lines.append('  ' + ', '.join(f'0x{n:x}' for n in flat[i:i + 12]) + ',')
    text = (
        '// GENERATED by scripts/gen-value-fixtures.py from Python '
        f'{sys.version.split()[0]} (Unicode {__import__("unicodedata").unidata_version}); do not edit.\n'
        '// Code points for which str.isprintable() is False, as inclusive [start, end] pairs, sorted.\n\n'
        '/** Flat list of inclusive ranges: start0, end0, start1, end1, ... */\n'
        'export const NONPRINTABLE_RANGES: readonly number[] = [\n' + '\n'.join(lines) + '\n];\n')
    with open(os.path.join(ROOT, 'src', 'values', 'py-nonprintable.ts'), 'w', encoding='ascii') as f:
        f.write(text)


# Strings around every boundary where code-point order and UTF-16 order part: ASCII, the BMP
# below and above the surrogates, fullwidth forms, astral code points, lone surrogates, prefixes.
ORDER_STRINGS = [
    '', 'a', 'A', 'ab', 'a\U0001F600', 'a\uFF01', 'z', '~', '\x7f', '\xe9', '\u00ff', '\u0100',
    '\ud7ff', '\ud800', '\udbff', '\udc00', '\udfff', '\ue000', '\uFF01', '\uFF01a', '\uFFFD', '\uffff',
    '\U00010000', '\U0001F600', '\U0001F600a', '\U0001F601', '\U0010FFFF', '\ud83d', '\ud83dx',
    '\ude00', 'JobId', 'JobName', 'JobStatus', '\u00e9\U0001F600', '\u00e9\uFF01',
]


def str_order_cases():
    """sorted() of str, and the sign of every pairwise comparison."""
    pairs = [[a, b, (a > b) - (a < b)] for a in ORDER_STRINGS for b in ORDER_STRINGS]
    write('py-str-order.json', {'strings': ORDER_STRINGS, 'sorted': sorted(ORDER_STRINGS), 'pairs': pairs})


# shlex.split(text) inputs: what credential_process, the pagers and [sso-session] headers meet.
SHLEX_INPUTS = [
    '', ' ', ' \t\r\n ', 'a', 'a b  c', ' a ', 'a\tb\nc\rd', 'a\x0bb', 'a\x0cb', 'a\u00a0b', 'a\u3000b',
    "'a b'", '"a b"', "a'b'c", 'a"b"c', "''", '""', "'' ''", 'a ""', "a '' b",
    "'a\\b'", "'a\"b'", '"a\'b"', '"a\\b"', '"a\\\\b"', '"a\\"b"', '"a\\$b"', '"a\\`b"', '"a\\\nb"',
    '"a\\nb"', 'a\\$b', 'a\\ b', 'a\\\\b', 'a\\"b', "a\\'b", '\\', 'a\\', '"a\\', "'a\\",
    '"', "'", '"a', "'a", 'a"', "a'", '"a\'', "'a\"", '"a"b"', "'a'b'", '"\\"', "'\\'",
    '/bin/echo "a\\$b"', '/bin/echo "a\\$b', "/bin/echo 'a", '/bin/echo a\\',
    "less -R", "/bin/sh -c 'printf \"%s|\" \"$@\"' sh", 'a#b', '# a', 'a;b', 'a|b', 'a&&b', '$HOME', '~',
    'sso-session dev', 'sso-session "my dev"', "sso-session 'x", 'sso-session a b', '\u00e9 \U0001F600 \uFF01',
    'a\x00b', 'a "b c" \'d "e"\'', 'a\\ b "c\\"d\\e" \'\'',
]


def shlex_cases():
    import shlex
    rows = []
    for text in SHLEX_INPUTS:
        try:
            rows.append({'input': text, 'words': shlex.split(text)})
        except ValueError as e:
            rows.append({'input': text, 'error': str(e)})
    write('py-shlex.json', {'cases': rows})


def main():
    ranges = nonprintable_ranges()
    write_nonprintable_table(ranges)
    float_cases()
    parse_cases()
    dump_cases()
    repr_cases(ranges)
    str_order_cases()
    shlex_cases()


if __name__ == '__main__':
    main()
