#!/usr/bin/python3
"""Writes fixtures/yaml-input/*.json from the real --cli-input-yaml loader of AWS CLI v2.9.19.

Run with Debian's Python (the one that has awscli and ruamel.yaml 0.17.21), from anywhere:
    /usr/bin/python3 scripts/gen-yaml-input-fixtures.py
Every document is loaded the way awscli/customizations/cliinput.py does it, with a fresh
YAML(typ='safe', pure=True) each time. A YAMLError becomes {"error": "YAML_ERROR"} (the CLI prints
"Invalid YAML received.", rc 252); any other exception escapes the CLI, which prints str(exc) with
rc 255: {"error": "PYTHON_CRASH", "message": str(exc)}. Values are tagged with their Python type:
{"int": "12"}, {"float": repr}, {"bytes": hex}, {"date": str}, {"datetime": str},
{"dict": [[key, value]], "ordered": bool} (a non-str key as str(key), the clone's convention),
{"set": sorted keys}, tuples as lists, {"cycle": n} for a reference to the container n levels up.
documents.json holds the hand-written cases; scalars.json plain scalars under YAML 1.2 and 1.1
plus generated ones, and explicit !!int/!!float/!!binary/!!timestamp values; fuzz.json seeded
random documents (token soup and structured ones); recursion.json the recursion-limit crashes at
the CLI's stack depth, as {shape, n} rows (the TS test rebuilds the same documents). Output is
deterministic (fixed seeds, forked loads for the recursion rows).
"""
import collections
import datetime
import json
import os
import random
import sys
import warnings

sys.path.insert(0, '/usr/lib/python3/dist-packages')
from ruamel.yaml import YAML  # noqa: E402
from ruamel.yaml.error import YAMLError  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'fixtures', 'yaml-input')
warnings.simplefilter('ignore')


def int_text(v):
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        return str(v)
    finally:
        sys.set_int_max_str_digits(limit)


def key_text(k):
    return k if isinstance(k, str) else str(k)


def enc(v, stack=()):
    for depth, outer in enumerate(reversed(stack)):
        if outer is v:
            return {'cycle': depth}
    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, int):
        return {'int': int_text(v)}
    if isinstance(v, float):
        return {'float': repr(v)}
    if isinstance(v, bytes):
        return {'bytes': v.hex()}
    if isinstance(v, datetime.datetime):
        return {'datetime': str(v)}
    if isinstance(v, datetime.date):
        return {'date': str(v)}
    inner = stack + (v,)
    if isinstance(v, (list, tuple)):
        return [enc(x, inner) for x in v]
    if isinstance(v, set):
        return {'set': sorted(key_text(k) for k in v)}
    if isinstance(v, dict):
        # A JS Map keyed by str(key): a later key with the same text keeps the first position.
        out = collections.OrderedDict()
        for k, x in v.items():
            out[key_text(k)] = enc(x, inner)
        return {'dict': [[k, x] for k, x in out.items()], 'ordered': isinstance(v, collections.OrderedDict)}
    raise TypeError(type(v))


def load(text):
    try:
        value = YAML(typ='safe', pure=True).load(text)
    except YAMLError:
        return {'error': 'YAML_ERROR'}
    except RecursionError:
        raise  # only recursion.json runs at the CLI's stack depth
    except Exception as exc:  # what escapes awscli's `except YAMLError`
        return {'error': 'PYTHON_CRASH', 'message': str(exc)}
    return {'expected': enc(value)}


def row(name, text):
    out = {'name': name, 'input': text}
    out.update(load(text))
    return out


V11 = '%YAML 1.1\n--- '

# Scalars checked in both versions: each becomes `k: <scalar>` under 1.2 and under %YAML 1.1.
SCALARS = [
    # null
    '~', 'null', 'Null', 'NULL', 'nULL', '', 'none', 'None',
    # bool
    'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'yes', 'Yes', 'YES', 'no', 'No', 'NO',
    'y', 'Y', 'n', 'N', 'on', 'On', 'ON', 'off', 'Off', 'OFF', 'oN', 'yES',
    # int
    '0', '-0', '+0', '1', '-1', '+1', '12', '007', '017', '018', '0o17', '0o18', '-0o17', '0O17', '0b101', '-0b101',
    '0b102', '0B101', '0x1F', '0x1f', '-0x1F', '0X1F', '0xg', '1_000', '_1', '1_', '__', '_', '0_7', '0b_1',
    '0x_1F', '0o_7', '+_1', '12345678901234567890', '-98765432109876543210123', '1:20', '-1:20', '1:20:30',
    '1:60', '0:20', '01:20', '1:2', '190:20:30', '+1:20',
    # float
    '1.0', '-1.0', '+1.5', '1.', '-1.', '.5', '-.5', '+.5', '1e3', '1E3', '-1e3', '1e+3', '1e-3', '1.5e3',
    '1.5E-3', '.5e3', '.5e+3', '.5e-3', '1.e3', '1_0.5', '1.5_5', '._5', '.', '-.', '.e3', '1e', 'e3',
    '1.5e3.2', '0.1', '3.141592653589793', '1e400', '-1e400', '1e-400', '123456789.123456789',
    '.inf', '.Inf', '.INF', '-.inf', '+.inf', '.iNF', 'inf', '.nan', '.NaN', '.NAN', '-.nan', '+.nan',
    'nan', '1:20.5', '-1:20.5', '1:20:30.25', '1:70.5', '0.0', '-0.0', '00.5', '1__0.0', '6.8523015e+5',
    # timestamps
    '2023-01-01', '2023-1-1', '2023-01-1', '2023-12-31', '2023-02-30', '2023-13-01', '0000-01-01',
    '0001-01-01', '9999-12-31', '2023-01-01T10:00:00', '2023-01-01t10:00:00', '2023-01-01 10:00:00',
    '2023-01-01  10:00:00', '2023-1-1T1:00:00', '2023-01-01T10:00:00Z', '2023-01-01T10:00:00 Z',
    '2023-01-01T10:00:00.5', '2023-01-01T10:00:00.123456', '2023-01-01T10:00:00.1234564',
    '2023-01-01T10:00:00.1234565', '2023-01-01T10:00:00.9999995', '2023-01-01T10:00:00.',
    '2023-01-01T10:00:00+01:00', '2023-01-01T10:00:00-05:30', '2023-01-01T10:00:00+1',
    '2023-01-01T10:00:00 +05', '2023-01-01T00:00:00+01:00', '2023-01-01T23:30:00-01:00',
    '2023-01-01T10:00:00.9999995+01:00', '2023-01-01T10:00:00.9999995-01:00', '2023-01-01T24:00:00',
    '2023-01-01T10:60:00', '2023-01-01T10:00:60', '2023-01-01T10:00', '2023-01-01T10:00:00+01:0',
    '0001-01-01T00:00:00+01:00', '9999-12-31T23:59:59-01:00', '2024-02-29', '2023-02-29', '2023-01-01X',
    # others
    '<<', '=', '==', 'a=', '!', 'abc', '-', '- a', 'a b', '1 2', '0x', '0b', '0o', '+', '-a', '~a', 'null ~',
]

DOCS = [
    # documents and streams
    ('stream: empty', ''),
    ('stream: only spaces', '   '),
    ('stream: only newlines', '\n\n\n'),
    ('stream: only a comment', '# nothing'),
    ('stream: explicit empty document', '---'),
    ('stream: explicit empty document with end', '---\n...\n'),
    ('stream: lone document end', '...'),
    ('stream: document end after content', 'a: 1\n...\n'),
    ('stream: document end then comment', 'a: 1\n...\n# trailing\n'),
    ('stream: two documents', 'a: 1\n---\nb: 2\n'),
    ('stream: content then a bare ---', 'a: 1\n---\n'),
    ('stream: two explicit documents', '--- 1\n--- 2\n'),
    ('stream: document end then content', 'a: 1\n...\nb: 2\n'),
    ('stream: two document ends', 'a: 1\n...\n...\n'),
    ('stream: --- with inline scalar', '--- text'),
    ('stream: --- with inline mapping is an error', '--- a: 1'),
    ('stream: --- with inline flow mapping', '--- {a: 1}'),
    ('stream: BOM at start', '\ufeffa: 1'),
    ('stream: BOM later', 'a: \ufeff'),
    ('stream: CRLF line breaks', 'a: 1\r\nb: two\r\n'),
    ('stream: CR line breaks', 'a: 1\rb: 2\r'),
    ('stream: NEL line break', 'a: 1\x85b: 2'),
    ('stream: LS line break', 'a: 1\u2028b: 2'),
    ('stream: control character', 'a: \x07'),
    ('stream: control character in quotes', 'a: "\x01"'),
    ('stream: control character in comment', 'a: 1 # \x1b'),
    ('stream: DEL is allowed', 'a: "x\x7fy"'),
    ('stream: NUL', 'a: 1\x00'),
    ('stream: U+FFFE', 'a: \ufffe'),
    ('stream: astral characters', 'a: 😀\n😀: b'),
    ('stream: unicode keys and values', '名前: 値\nclé: "é"\n'),
    # directives
    ('directive: YAML 1.1', '%YAML 1.1\n---\na: yes\n'),
    ('directive: YAML 1.2', '%YAML 1.2\n---\na: yes\n'),
    ('directive: YAML 1.0', '%YAML 1.0\n--- 1'),
    ('directive: YAML 1.0 with a tagged scalar', '%YAML 1.0\n--- !!int 017'),
    ('directive: YAML 1.3', '%YAML 1.3\n---\na: 1\n'),
    ('directive: YAML 1.3 with only quoted scalars', '%YAML 1.3\n---\n"a": "1"\n'),
    ('directive: YAML 2.0', '%YAML 2.0\n--- 1'),
    ('directive: YAML 1.01', '%YAML 1.01\n--- 0o17'),
    ('directive: YAML 1.1 twice', '%YAML 1.1\n%YAML 1.1\n--- 1'),
    ('directive: without document start', '%YAML 1.1\na: 1\n'),
    ('directive: TAG handle', '%TAG !e! tag:yaml.org,2002:\n---\na: !e!int "12"\n'),
    ('directive: TAG primary handle', '%TAG ! tag:yaml.org,2002:\n---\na: !str 12\n'),
    ('directive: undefined tag handle', 'a: !e!int 12'),
    ('directive: unknown directive', '%FOO bar\n--- 1'),
    ('directive: 1.1 only for its document', '%YAML 1.1\n--- yes\n...\n--- yes\n'),
    # YAML 1.1 specifics
    ('1.1: sexagesimal int', V11 + '190:20:30'),
    ('1.1: sexagesimal float', V11 + '190:20:30.15'),
    ('1.1: octal without o', V11 + '017'),
    ('1.1: 0o is a string', V11 + '0o17'),
    ('1.1: 08 is decimal', V11 + '08'),
    ('1.1: 09 with underscores', V11 + '0_9'),
    ('1.1: yes, no, on, off', V11 + '[yes, no, on, off, y, n, Y, N]'),
    ('1.1: signed .5 is a string', V11 + '-.5'),
    ('1.1: 1e3 without a dot', V11 + '1e3'),
    ('1.1: timestamps', V11 + '[2023-01-01, 2023-01-01 10:00:00+02:00]'),
    ('1.1: null and merge', V11 + '{a: ~, b: &x {c: 1}, d: {<<: *x}}'),
    ('1.1: !!bool yes', V11 + '!!bool yes'),
    ('1.1: !!int sexagesimal', V11 + '!!int "1:30"'),
    ('1.1: !!int 0o17', V11 + '!!int 0o17'),
    ('1.1: !!float sexagesimal', V11 + '!!float "1:30"'),
    # quoting and block scalars
    ('quote: single quoted stays a string', "a: '123'\nb: 'true'\nc: '~'\nd: ''\n"),
    ('quote: double quoted stays a string', 'a: "123"\nb: "null"\nc: "2023-01-01"\n'),
    ('quote: escapes', 'a: "tab\\tnl\\nq\\"u\\u00e9\\U0001F600\\x41\\\\"'),
    ('quote: all short escapes', 'a: "\\0\\a\\b\\t\\n\\v\\f\\r\\e\\ \\"\\/\\\\\\N\\_\\L\\P"'),
    ('quote: bad escape', 'a: "\\q"'),
    ('quote: short unicode escape', 'a: "\\u12"'),
    ('quote: escaped line break', 'a: "one\\\n  two"'),
    ('quote: single quote doubling', "a: 'it''s'"),
    ('quote: multi-line double folds', 'a: "one\n  two\n\n  three"'),
    ('quote: multi-line single folds', "a: 'one\n  two\n\n\n  three  '"),
    ('quote: unclosed double', 'a: "oops'),
    ('quote: unclosed single', "a: 'oops"),
    ('quote: text after closing quote', 'a: "x" y'),
    ('quote: quoted key', '"a b": 1\n\'c\': 2\n'),
    ('quote: document marker inside quotes', 'a: "x\n---\ny"'),
    ('block: literal', 'a: |\n  one\n  two\n'),
    ('block: literal strip', 'a: |-\n  one\n\n'),
    ('block: literal keep', 'a: |+\n  one\n\n'),
    ('block: folded', 'a: >\n  one\n  two\n\n  three\n'),
    ('block: folded more indented', 'a: >\n  one\n    two\n  three\n'),
    ('block: indentation indicator', 'a: |2\n    x\n   y\n'),
    ('block: leading blank lines', 'a: |\n\n\n  x\n'),
    ('block: empty literal', 'a: |\nb: 1\n'),
    ('block: literal of digits stays a string', 'a: |\n  123\n'),
    ('block: top-level literal', '--- |\n  text\n'),
    ('block: bad indentation indicator', 'a: |0\n  x\n'),
    ('block: less indented line', 'a: |\n    x\n  y\n'),
    ('block: comment after indicator', 'a: | # c\n  x\n'),
    ('block: tab inside content', 'a: |\n  x\ty\n'),
    # plain multi-line and comments
    ('plain: multi-line folds', 'a: one\n  two\n\n  three\n'),
    ('plain: multi-line top level', 'one\ntwo\n'),
    ('plain: multi-line int-looking', 'a: 1\n  2\n'),
    ('plain: trailing spaces trimmed', 'a: 12   \n'),
    ('plain: colon without space', 'a: b:c\nurl: http://x.y/z\n'),
    ('plain: hash without space', 'a: b#c\n'),
    ('plain: hash after space is a comment', 'a: b #c\n'),
    ('plain: starts with indicator', 'a: -x\nb: ?x\nc: :x\n'),
    ('plain: @ is reserved', 'a: @x'),
    ('plain: backtick is reserved', 'a: `x'),
    ('plain: % inside a value', 'a: 50%\n'),
    ('plain: key with spaces', 'a b c: d e\n'),
    ('comment: full-line and trailing', '# head\na: 1 # one\n# mid\nb: 2\n'),
    ('comment: indented comment', 'a:\n  # c\n  b: 1\n'),
    ('comment: hash inside quotes', 'a: "# not"\n'),
    # block collections
    ('block: nested mapping', 'a:\n  b:\n    c: 1\n'),
    ('block: sequence of mappings', '- a: 1\n  b: 2\n- c: 3\n'),
    ('block: indentless sequence under a key', 'a:\n- 1\n- 2\nb: 3\n'),
    ('block: nested sequences', '- - 1\n  - 2\n- - 3\n'),
    ('block: top-level list', '- 1\n- two\n'),
    ('block: empty sequence entries', '-\n- \n-   # c\n'),
    ('block: empty value', 'a:\nb: 1\n'),
    ('block: explicit key', '? a\n: 1\n? b\n'),
    ('block: explicit complex key', '? - 1\n  - 2\n: x\n'),
    ('block: explicit mapping key', '? {a: 1}\n: x\n'),
    ('block: empty key', ': 1\n'),
    ('block: bad indentation', 'a:\n  b: 1\n c: 2\n'),
    ('block: sequence then mapping', '- 1\na: 2\n'),
    ('block: mapping in sequence misaligned', '- a: 1\n   b: 2\n'),
    ('block: tab indentation', 'a:\n\tb: 1\n'),
    ('block: tab after colon', 'a:\tb\n'),
    ('block: tab after dash', '-\tb\n'),
    ('block: tab before comment', 'a: 1\t# c\n'),
    ('block: trailing tab', 'a: b\t\n'),
    ('block: tab line', 'a: 1\n\t\nb: 2\n'),
    ('block: dash without space', '-1\n'),
    ('block: key without value space', 'a:1\n'),
    ('block: long implicit key', 'k' * 1100 + ': 1\n'),
    ('block: multi-line implicit key', 'a\nb: 1\n'),
    ('block: anchor before block sequence', 'a: &x\n- 1\n'),
    ('block: anchor and sequence on one line', '&x - 1\n'),
    ('block: deep nesting', ''.join('  ' * i + 'k%d:\n' % i for i in range(40)) + '  ' * 40 + 'v\n'),
    # flow collections
    ('flow: mapping', '{a: 1, b: [x, y], c: {d: e}}'),
    ('flow: trailing comma', '[1, 2, ]'),
    ('flow: trailing comma in mapping', '{a: 1, }'),
    ('flow: empty collections', 'a: []\nb: {}\n'),
    ('flow: key without value', '{a, b: 1}'),
    ('flow: single pair in sequence', '[a: 1, b]'),
    ('flow: explicit key in sequence', '[? a : 1]'),
    ('flow: json-like adjacent colon', '{"a":1, "b":[2]}'),
    ('flow: plain colon adjacent', '{a:1}'),
    ('flow: url value', '[http://x.y]'),
    ('flow: multi-line', 'a: [1,\n  2,\n  3]\n'),
    ('flow: multi-line plain', '[one\n two]'),
    ('flow: unclosed sequence', '[a'),
    ('flow: unclosed mapping', '{a: 1'),
    ('flow: extra bracket', '[a]]'),
    ('flow: missing comma', '[a b, c]'),
    ('flow: double comma', '[a,, b]'),
    ('flow: leading comma', '[, a]'),
    ('flow: mapping as key', '{{a: 1}: 2}'),
    ('flow: sequence as key', '{[1, 2]: x}'),
    ('flow: nested sequence in key', '{[1, [2]]: x}'),
    ('flow: dict in sequence key', '? [1, {a: b}]\n: x\n'),
    ('flow: dash in flow', '[- a]'),
    ('flow: indicator inside plain', '[a?b, c-d, e:f]'),
    ('flow: question mark alone', '[?]'),
    ('flow: colon alone', '{: a}'),
    ('flow: empty key and value', '{: }'),
    ('flow: under-indented continuation', 'a: [1,\n2]\n'),
    ('flow: comment inside', '[1, # c\n 2]'),
    ('flow: quoted keys adjacent colon', "{'a':b}"),
    # anchors, aliases, merge
    ('anchor: alias to scalar', 'a: &x 1\nb: *x\n'),
    ('anchor: alias to mapping', 'a: &x {b: 1}\nc: *x\n'),
    ('anchor: undefined alias', 'a: *nope\n'),
    ('anchor: alias before anchor', 'a: *x\nb: &x 1\n'),
    ('anchor: redefined anchor', 'a: &x 1\nb: &x 2\nc: *x\n'),
    ('anchor: anchor on empty value', 'a: &x\nb: *x\n'),
    ('anchor: alias as key', 'a: &k key\n*k : v\n'),
    ('anchor: alias key then more', '&k a: 1\n*k : 2\n'),
    ('anchor: tag and anchor', 'a: !!str &x 12\nb: &y !!int "5"\nc: *x\n'),
    ('anchor: recursive sequence', '&a [*a]'),
    ('anchor: recursive mapping', '&a {b: *a}'),
    ('anchor: recursive key', '? &a [*a]\n: 1\n'),
    ('anchor: deferred key construction', '[[&a [1, 2]], {*a : x}]'),
    ('anchor: list key after its anchor', '- &a [1, 2]\n- {*a : x}\n'),
    ('anchor: alias with properties', 'a: &x 1\nb: !!str *x\n'),
    ('merge: one mapping', 'base: &b {a: 1, b: 2}\nm:\n  <<: *b\n  b: 3\n  c: 4\n'),
    ('merge: list of mappings', 'x: &x {a: 1, b: 1}\ny: &y {b: 2, c: 2}\nm:\n  <<: [*x, *y]\n  d: 4\n'),
    ('merge: inline mapping', 'm: {<<: {a: 1}, b: 2}'),
    ('merge: own key comes first', 'm:\n  a: 0\n  <<: {a: 1, z: 2}\n'),
    ('merge: nested merge', 'a: &a {x: 1}\nb: &b {<<: *a, y: 2}\nc: {<<: *b, z: 3}\n'),
    ('merge: twice is a duplicate', 'm:\n  <<: {a: 1}\n  <<: {b: 2}\n'),
    ('merge: scalar is an error', 'm:\n  <<: 1\n'),
    ('merge: list with a scalar', 'm:\n  <<: [{a: 1}, 2]\n'),
    ('merge: duplicates allowed once merging', 'm:\n  <<: {a: 1}\n  b: 1\n  b: 2\n'),
    ('merge: as a value is an error', 'a: <<\n'),
    ('merge: in a sequence is an error', '- <<\n'),
    ('merge: quoted key is a string', "'<<': 1\n"),
    ('merge: explicit tag key', '!!merge <<: {a: 1}\nb: 2\n'),
    ('merge: empty mapping', 'm: {<<: {}}'),
    ('merge: top level', '<<: {a: 1}\nb: 2\n'),
    # duplicate keys
    ('dup: same key', 'a: 1\na: 2\n'),
    ('dup: quoted and plain', "a: 1\n'a': 2\n"),
    ('dup: in flow', '{a: 1, a: 2}'),
    ('dup: int and float', '1: a\n1.0: b\n'),
    ('dup: true and 1', 'true: a\n1: b\n'),
    ('dup: 1 and quoted 1', "1: a\n'1': b\n"),
    ('dup: null keys', '~: a\nnull: b\n'),
    ('dup: 017 and 17', '017: a\n17: b\n'),
    ('dup: nested', 'a:\n  b: 1\n  b: 2\n'),
    ('dup: .nan twice', '{.nan : 1, .nan : 2}'),
    ('dup: explicit nan twice', '{!!float nan : 1, !!float nan : 2}'),
    ('dup: date and datetime', '2023-01-01: a\n2023-01-01 00:00:00: b\n'),
    ('dup: tuple keys', '? [1, 2]\n: a\n? [1, 2.0]\n: b\n'),
    ('dup: in a set', '!!set {a, a}'),
    # explicit tags
    ('tag: !!str on int', 'a: !!str 123'),
    ('tag: !!str on empty', 'a: !!str\nb: 1\n'),
    ('tag: !!int on quoted', 'a: !!int "123"'),
    ('tag: !!int with sign and underscores', 'a: !!int "-1_000"'),
    ('tag: !!int hex', 'a: !!int 0x1F'),
    ('tag: !!int 0x prefix twice', 'a: !!int 0x0x1F'),
    ('tag: !!int not a number', 'a: !!int abc'),
    ('tag: !!int float text', 'a: !!int 1.5'),
    ('tag: !!int empty', 'a: !!int'),
    ('tag: !!int only a sign', 'a: !!int -'),
    ('tag: !!int 0x empty', 'a: !!int 0x'),
    ('tag: !!int with spaces', 'a: !!int " 12 "'),
    ('tag: !!int unicode digits', 'a: !!int "٣٤"'),
    ('tag: !!int double sign', 'a: !!int "--5"'),
    ('tag: !!int sexagesimal in 1.2', 'a: !!int "1:30"'),
    ('tag: !!int on a sequence', 'a: !!int [1]'),
    ('tag: !!int on a value mapping', 'a: !!int {=: 5}'),
    ('tag: !!int long', 'a: !!int ' + '9' * 5000),
    ('tag: !!int long hex', 'a: !!int 0x' + 'f' * 5000),
    ('tag: !!float on int text', 'a: !!float 1'),
    ('tag: !!float quoted', 'a: !!float "1.5"'),
    ('tag: !!float inf word', 'a: !!float inf'),
    ('tag: !!float infinity', 'a: !!float -Infinity'),
    ('tag: !!float nan word', 'a: !!float NaN'),
    ('tag: !!float not a number', 'a: !!float abc'),
    ('tag: !!float empty', 'a: !!float'),
    ('tag: !!float hex', 'a: !!float 0x10'),
    ('tag: !!float underscores', 'a: !!float "1_000.5"'),
    ('tag: !!float -0', 'a: !!float -0'),
    ('tag: !!float huge', 'a: !!float 1e999'),
    ('tag: !!bool true', 'a: !!bool true'),
    ('tag: !!bool yes in 1.2', 'a: !!bool yes'),
    ('tag: !!bool ON', 'a: !!bool ON'),
    ('tag: !!bool maybe', 'a: !!bool maybe'),
    ('tag: !!bool empty', 'a: !!bool'),
    ('tag: !!null', 'a: !!null anything'),
    ('tag: !!null on a sequence', 'a: !!null [1]'),
    ('tag: !!null on a mapping', 'a: !!null {b: 1}'),
    ('tag: !!binary', 'a: !!binary aGVsbG8='),
    ('tag: !!binary block', 'a: !!binary |\n  aGVs\n  bG8=\n'),
    ('tag: !!binary junk ignored', 'a: !!binary "a*G!V s bG8="'),
    ('tag: !!binary bad padding', 'a: !!binary aGVsbG8'),
    ('tag: !!binary one extra char', 'a: !!binary aGVsb'),
    ('tag: !!binary data after padding', 'a: !!binary "aGVsbG8==xyz"'),
    ('tag: !!binary non-ascii', 'a: !!binary "é"'),
    ('tag: !!binary empty', 'a: !!binary ""'),
    ('tag: !!timestamp date', 'a: !!timestamp 2023-01-01'),
    ('tag: !!timestamp short date', 'a: !!timestamp 2023-1-1'),
    ('tag: !!timestamp bad', 'a: !!timestamp yesterday'),
    ('tag: !!timestamp invalid day', 'a: !!timestamp 2023-02-30'),
    ('tag: !!timestamp on a sequence', 'a: !!timestamp [1]'),
    ('tag: !!seq on a mapping', 'a: !!seq {b: 1}'),
    ('tag: !!seq on a sequence', 'a: !!seq [1]'),
    ('tag: !!map on a sequence', 'a: !!map [1]'),
    ('tag: !!map on a scalar', 'a: !!map x'),
    ('tag: !!str on a sequence', 'a: !!str [1]'),
    ('tag: !!str on a value mapping', 'a: !!str {=: x}'),
    ('tag: !!set', 'a: !!set {x, y, z}'),
    ('tag: !!set block', 'a: !!set\n  ? x\n  ? y\n'),
    ('tag: !!set on a sequence', 'a: !!set [x]'),
    ('tag: !!omap', 'a: !!omap [b: 1, a: 2]'),
    ('tag: !!omap duplicate', 'a: !!omap [b: 1, b: 2]'),
    ('tag: !!omap two pairs in one', 'a: !!omap [{b: 1, c: 2}]'),
    ('tag: !!omap not a sequence', 'a: !!omap {b: 1}'),
    ('tag: !!pairs', 'a: !!pairs [b: 1, b: 2]'),
    ('tag: !!pairs scalar item', 'a: !!pairs [b]'),
    ('tag: !!pairs as a key', '? !!pairs [a: 1]\n: x\n'),
    ('tag: !!value', 'a: !!value x'),
    ('tag: = as a value', 'a: ='),
    ('tag: = alone', '='),
    ('tag: = as a key', '= : 1\n'),
    ('tag: = as a flow key', '{=: 1}'),
    ('tag: = quoted', "a: '='"),
    ('tag: = in a sequence', '- =\n'),
    ('tag: = as omap key', '!!omap [=: 1]'),
    ('tag: unknown local tag', 'a: !foo x'),
    ('tag: unknown global tag', 'a: !!foo x'),
    ('tag: verbatim str', 'a: !<tag:yaml.org,2002:str> 1'),
    ('tag: verbatim local', 'a: !<!bar> 1'),
    ('tag: escaped tag', 'a: !!%69nt "7"'),
    ('tag: non-specific on quoted', 'a: ! "123"'),
    ('tag: non-specific on plain', 'a: ! 123'),
    ('tag: non-specific on sequence', 'a: ! [1]'),
    ('tag: non-specific on empty', 'a: !\n'),
    ('tag: non-specific on block literal', 'a: ! |\n  true\n'),
    ('tag: on a key', '!!int "1": a\n'),
    ('tag: on top-level mapping', '!!map\na: 1\n'),
    ('tag: tag on empty key', '!!str : a\n'),
    # values of many types at the top level
    ('top: scalar', 'hello'),
    ('top: int', '42'),
    ('top: float', '4.5'),
    ('top: null', 'null'),
    ('top: bool', 'true'),
    ('top: date', '2023-01-01'),
    ('top: flow sequence', '[1, 2.0, "3", true, null, 2023-01-01]'),
    # non-string keys
    ('keys: int and float keys', '1: a\n2.5: b\n'),
    ('keys: bool and null keys', 'true: a\n~: b\n'),
    ('keys: date key', '2023-01-01: a\n'),
    ('keys: datetime key', '2023-01-01T10:00:00Z: a\n'),
    ('keys: list key', '? [a, 1, 2.0, null]\n: x\n'),
    ('keys: one-element list key', '? [a]\n: x\n'),
    ('keys: empty list key', '? []\n: x\n'),
    ('keys: bytes key', '? !!binary aGk=\n: x\n'),
    ('keys: mapping key', '? {a: 1}\n: x\n'),
    ('keys: set key', '? !!set {a}\n: x\n'),
    ('keys: int and str with the same text', "1: a\n'1': b\n"),
    # realistic inputs
    ('real: skeleton filled in', 'ClientToken: tok\nJobName: job-1\nDomainId: dom\nDataAccessRoleArn: arn:aws:iam::123456789012:role/r\n'
        'EnrollmentConfig:\n  ExistingEnrollmentAction: SKIP\n  FraudDetectionConfig:\n    FraudDetectionAction: IGNORE\n'
        '    RiskThreshold: 50\nInputDataConfig:\n  S3Uri: s3://bucket/in.json\nOutputDataConfig:\n'
        '  S3Uri: s3://bucket/out/\n  KmsKeyId: key\n'),
    ('real: job name yes', 'JobName: yes\n'),
    ('real: risk threshold octal-looking', 'EnrollmentConfig:\n  FraudDetectionConfig:\n    RiskThreshold: 017\n'),
    ('real: job name 1_000', 'JobName: 1_000\n'),
    ('real: job name date', 'JobName: 2023-01-01\n'),
    ('real: job name datetime', 'JobName: 2023-01-01T10:00:00Z\n'),
    ('real: comments everywhere', '# skeleton\nJobName: x # the name\n\n# end\n'),
    ('real: windows line endings', 'JobName: x\r\nDomainId: y\r\n'),
    ('real: indented document', '  JobName: x\n  DomainId: y\n'),
    ('real: s3 uri with colon and hash', 'S3Uri: s3://b/k#1:2\n'),
    # pathological inputs (the TS test also runs them under a time limit)
    ('pathological: unclosed quote then backslashes', 'a: "' + '\\' * 20000),
    ('pathological: unclosed single quote then quotes', "a: '" + "''" * 10000),
    ('pathological: simple key over 1024 characters', 'k' * 2000 + ': 1'),
    ('pathological: simple key of 1024 characters', 'k' * 1024 + ': 1'),
    ('pathological: simple key of 1025 characters', 'k' * 1025 + ': 1'),
    ('pathological: long plain scalar', 'a: ' + 'x ' * 10000),
    ('pathological: many keys', ''.join('k%d: %d\n' % (i, i) for i in range(500))),
    ('pathological: many aliases', 'a: &a [1, 2]\nb: [' + ', '.join(['*a'] * 300) + ']\n'),
    ('pathological: many flow commas', '[' + ',' * 5000 + ']'),
    ('pathological: many line breaks in quotes', 'a: "' + '\n' * 5000 + '"'),
    ('pathological: unclosed flow sequence', '[' * 300),
]


# Edge cases named by their text: tag handles and URIs, directives, aliases in odd places, YAML 1.1
# flow rules, quoting escapes, and keys that Python finds equal.
EDGE_DOCS = [
    '%TAG !! tag:example.com,2000:\n--- !!int 5',
    '!<tag:yaml.org,2002:int> 5',
    '!!int 0b',
    '!!float .',
    'k: 2023-01-01\t10:00:00',
    'k: 2023-01-01 \t10:00:00',
    '? !!value x\n: 1',
    '? !!value {=: x}\n: 1',
    '&a {<<: *a}',
    '&a {b: 1, <<: *a}',
    'a: &a {x: 1}\nb: {<<: [*a, *a]}',
    '!!set {<<: {a: 1}, b}',
    '!!omap [&k a: 1, *k : 2]',
    '!!omap [[a]: 1]',
    '!!omap [{a: 1}: 1]',
    '!!pairs [[a]: 1]',
    '? !!pairs [[a]: 1]\n: x',
    'a: !!binary |\n  aGVs\n  bG8=\n',
    '! !!int 5',
    '!!int &a 5\nb: *a',
    '&a !!int 5',
    '- !!str\n- !!int',
    'a: !!null\nb: !!bool',
    '%YAML 1.1\n--- !!float 1e2e3',
    '%YAML 1.1\n--- !!float 1:2e5',
    '%YAML 1.1\n--- 1:2:3.5',
    '%YAML 1.1\n--- -1:30',
    '%YAML 1.1\n--- [a:1]',
    '%YAML 1.1\n--- {a:1}',
    '%YAML 1.1\n--- a?b',
    '%YAML 1.1\n--- [a?b]',
    '%YAML 1.1\n--- ?a',
    '{a:1, b: 2}',
    '{"a":1}',
    "{'a':1}",
    '{a: b:c}',
    '{a: :c}',
    '[:a]',
    '[a :b]',
    '{? a: 1}',
    '[? a]',
    '[? : 1]',
    'a: b: c',
    'a:\n  - b\n  c: d',
    '- a\n - b',
    'a: |\n  x\n y',
    '--- |\n  x\n--- y',
    '--- |\nx\n...',
    '--- >\n  a\n\n  b\n',
    '--- |-\n\n',
    "'a\n\n  b'",
    '"a\\\n  b"',
    '"\\U00110000"',
    '"\\ud800"',
    'a: "\\ud83d\\ude00"',
    '!<!> 5',
    '!<!> "5"',
    '! 5',
    '!e!x 5',
    '%TAG !e! tag:yaml.org,2002:\n--- !e!int 5',
    '%TAG !e! !\n--- !e!int 5',
    '%TAG ! tag:yaml.org,2002:\n--- !int 5',
    '!!str%20x a',
    '!!%7 a',
    '!!%ZZ a',
    '!!%c3%a9 a',
    '!!%ff a',
    '%YAML 1.2 # c\n--- 1',
    '%YAML 1.2\t\n--- 1',
    '%YAML  1.2\n--- 1',
    '%YAML 1.2 x\n--- 1',
    '%TAG !a! b\n--- !a!c 1',
    '%FOO\n--- 1',
    '%\n--- 1',
    '% FOO\n--- 1',
    '---\n%YAML 1.1\n---',
    '--- a\n%YAML 1.3\n--- b',
    'yes\n%YAML 1.3\n--- x',
    'a\n%YAML 1.1\n--- b',
    '&a a: &b b\n*b : *a',
    'a: &x\n  b: 1\nc: *x',
    '*x',
    '&x *x',
    '[&x, *x]',
    '[&x ]',
    '{&x : 1}',
    '&x',
    '&x\n',
    '!!str &x',
    '- &x\n- *x',
    '&x [a, *x, {b: *x}]',
    '&x {a: [*x]}',
    '? &x [1, *x]\n: 2',
    '1: 1\n? !!float 1\n: 2',
    '? .nan\n: 1\n? .NaN\n: 2',
    '? !!float nan\n: 1\n? *n\n: 2',
    '? &n .nan\n: 1\n? *n\n: 2',
    '{1: a, 1.0: b}',
    '{0: a, false: b}',
    '{0: a, -0.0: b}',
    '{!!binary aGk=: a, hi: b}',
    '{2023-01-01: a, !!timestamp 2023-1-1: b}',
    '{2023-01-01 00:00:00: a, 2023-01-01T00:00:00Z: b}',
    '{2023-01-01 01:00:00+01:00: a, 2023-01-01 00:00:00: b}',
]


def scalar_rows():
    rows = []
    for s in SCALARS:
        rows.append(row('1.2: %r' % s, 'k: %s' % s))
        rows.append(row('1.1: %r' % s, '%YAML 1.1\n---\nk: ' + s))
    # Generated scalars: random strings over the characters the resolver regexes care about.
    rng = random.Random(20240917)
    alphabet = list('0123456789') * 3 + list('_+-.:eExXoObBaAfFiInNTtZ ') + ['inf', 'nan', 'Inf', 'NaN', '0x', '0o', '0b', '1e', '2023-01-01', 'T10:00:00']
    seen = set(SCALARS)
    while len(rows) < 2000:
        s = ''.join(rng.choice(alphabet) for _ in range(rng.randint(1, 8))).strip()
        if not s or s in seen or s[0] in '#-?:' or ' #' in s or ': ' in s or s.endswith(':'):
            continue
        seen.add(s)
        version = rng.choice(['1.2', '1.1'])
        text = ('k: ' if version == '1.2' else '%YAML 1.1\n---\nk: ') + s
        rows.append(row('%s gen: %r' % (version, s), text))
    rows.extend(tagged_scalar_rows(rng))
    return rows


def tagged_scalar_rows(rng):
    """Explicit tags on generated text: Python's int(), float(), a2b_base64 and datetime rules."""
    rows = []
    number_alphabet = list('0123456789') * 2 + list('_+-.:eExXoObBaAfFiInN ') + ['\t', '\u0663', '\u00a0', '\u2003', 'inf', 'nan', 'infinity', '0x', '0o', '0b']
    b64_alphabet = list('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') + ['=', '=', '=', ' ', '*', '-', '_', '\\n']
    ts_alphabet = list('0123456789') * 3 + list('-:.TtZ +') + ['2023-01-01', '10:00:00', '.999999', '+05:30', '-1']
    version_prefix = {'1.2': '', '1.1': '%YAML 1.1\n--- '}
    for tag, alphabet, count, length in (('int', number_alphabet, 250, 6), ('float', number_alphabet, 250, 6),
                                         ('binary', b64_alphabet, 200, 12), ('timestamp', ts_alphabet, 200, 5)):
        seen = set()
        while len(seen) < count:
            text = ''.join(rng.choice(alphabet) for _ in range(rng.randint(0, length)))
            if text in seen:
                continue
            seen.add(text)
            version = rng.choice(['1.2', '1.1'])
            doc = version_prefix[version] + '!!%s "%s"' % (tag, text)
            rows.append(row('%s !!%s %r' % (version, tag, text), doc))
    # Implicit timestamps with random parts.
    for _ in range(150):
        parts = ['%04d' % rng.choice([0, 1, 1970, 2023, 2024, 9999]), '%0*d' % (rng.choice([1, 2]), rng.randint(0, 13)),
                 '%0*d' % (rng.choice([1, 2]), rng.randint(0, 32))]
        text = '-'.join(parts)
        if rng.random() < 0.7:
            text += rng.choice(['T', 't', ' ', '  ', '\t']) + '%d:%02d:%02d' % (rng.randint(0, 25), rng.randint(0, 61), rng.randint(0, 61))
            if rng.random() < 0.5:
                text += '.' + ''.join(rng.choice('0123456789') for _ in range(rng.randint(0, 9)))
            if rng.random() < 0.6:
                text += rng.choice(['', ' ', '\t']) + rng.choice(['Z', '+01:00', '-05:30', '+1', '-12', '+14:00', '-23:59'])
        rows.append(row('timestamp gen %r' % text, 'k: ' + text))
    return rows


FUZZ_PIECES = ['a', 'b', 'key', '1', '0', '1.5', '0x1', '~', 'null', 'true', 'yes', '2023-01-01', ' ', ' ', '  ', '\n', '\n',
               '\n  ', '- ', '-', ': ', ':', '? ', '?', '[', ']', '{', '}', ', ', ',', ' #c', '#', '&a ', '&b ', '*a', '*b',
               '!!str ', '!!int ', '!!set ', '!', '! ', "'", '"', '|', '>', '|-', '%', '@', '`', '\\', '\t', '---', '...',
               '<<', '=', '.inf', '!!binary ', '\r\n', '\u00e9', '\U0001F600']


LEAVES = ['a', 'b c', '1', '-2', '0x1F', '017', '1.5', '1e3', '.inf', '~', 'null', '', 'true', 'yes', 'on',
          '2023-01-01', '2023-01-01 10:00:00+01:00', "'q'", '"d\\n"', '"a\\x41"', '=', '<<', '!!str 5', '!!int "7"',
          '!!float 1', '!', '&x 1', '*x', '*y', '|\n  lit', '>-\n  fold\n  ed', '[]', '{}', '[1, a]', '{a: 1}',
          'a # c', '"multi\n  line"', '- x', 'k: v', '1:20', '!!binary aGk=', '!!set {a}', '!!omap [a: 1]', '\t', 'é', '😀']
KEYS = ['a', 'b', 'a', '1', '1.0', 'true', '~', '"a"', "'q'", '? c', '<<', '=', '&y k', '*x', '!!str 1', 'x y', '[1]', '{a: 1}']


def structured(rng, depth=0):
    """A random block or flow collection, mostly well formed, with random indentation slips."""
    indent = '  ' * depth
    kind = rng.random()
    if depth > 3 or kind < 0.25:
        return ' ' + rng.choice(LEAVES) + '\n'
    lines = []
    flow = rng.random() < 0.2
    if flow:
        items = [rng.choice(LEAVES[:20]) for _ in range(rng.randint(0, 3))]
        if rng.random() < 0.5:
            return ' [' + ', '.join(items) + ']\n'
        return ' {' + ', '.join('%s: %s' % (rng.choice(KEYS[:8]), i) for i in items) + '}\n'
    seq = kind < 0.55
    for _ in range(rng.randint(1, 3)):
        slip = rng.choice(['', '', '', '', '', ' ', '\t']) if rng.random() < 0.1 else ''
        head = indent + slip + ('-' if seq else rng.choice(KEYS) + ':')
        lines.append(head + structured(rng, depth + 1).replace('\n ', '\n ', 1))
        if rng.random() < 0.1:
            lines.append(indent + '# comment\n')
    body = ''.join(lines)
    if depth == 0:
        return body
    return ' ' + rng.choice(['', '&x', '!!map', '!!seq', '!!set', '!']) + '\n' + body if rng.random() < 0.3 else '\n' + body


FLOW_PIECES = ['[', ']', '{', '}', ', ', ',', ': ', ':', '? ', '?', 'a', 'b', '1', ' ', '"x"', "'y'", '\n', '\n ', '&a ', '*a',
               '!!str ', ':x', 'a:b', '-', '- ', '#c', '\t', '!!set ', '!!omap ', '=', '<<']
BREAK_PIECES = ['a', 'b: ', '- ', 'k: v', ' ', '  ', '\t', '\n', '\r', '\r\n', '\x85', '\u2028', '\u2029', '\ufeff', '"q', "'s",
                '|', '>', '#', '---', '...', ': ']


def block_scalar_document(rng):
    """A key with a literal or folded block scalar: indicators, indentation, blank and odd lines."""
    header = rng.choice(['|', '>']) + rng.choice(['', '', '-', '+', '1', '2', '-2', '+1', '2-', '0', ' # c', '\t', 'x'])
    lines = []
    for _ in range(rng.randint(0, 5)):
        lines.append(rng.choice(['', ' ', '  ', '   ', '    ', '\t']) + rng.choice(['', 'text', 'more  text ', '# not a comment', '---',
                                                                                 '...', '\tx', '- item', 'k: v']))
    prefix = rng.choice(['k: ', '', '- ', '--- ', 'a:\n  k: '])
    return prefix + header + '\n' + '\n'.join(lines) + rng.choice(['', '\n', '\n\n', '\nnext: 1\n'])


def fuzz_rows():
    rng = random.Random(7)
    rows = []
    seen = set()
    while len(rows) < 3000:
        n = rng.randint(1, 14)
        text = ''.join(rng.choice(FUZZ_PIECES) for _ in range(n))
        if rng.random() < 0.3:
            text = 'k: ' + text
        if text in seen:
            continue
        seen.add(text)
        rows.append(row('fuzz %d' % len(rows), text))
    families = [
        ('yaml 1.1', lambda: '%YAML 1.1\n--- ' + ''.join(rng.choice(FUZZ_PIECES) for _ in range(rng.randint(1, 12)))),
        ('flow', lambda: ''.join(rng.choice(FLOW_PIECES) for _ in range(rng.randint(2, 16)))),
        ('block scalar', lambda: block_scalar_document(rng)),
        ('line breaks', lambda: ''.join(rng.choice(BREAK_PIECES) for _ in range(rng.randint(2, 12)))),
    ]
    for family, build in families:
        target = len(rows) + 500
        while len(rows) < target:
            text = build()
            if text in seen:
                continue
            seen.add(text)
            rows.append(row('%s %d' % (family, len(rows)), text))
    while len(rows) < 7000:
        text = structured(rng)
        if rng.random() < 0.1:
            text = rng.choice(['%YAML 1.1\n---\n', '--- ', '---\n', '%YAML 1.2\n---\n']) + text
        if rng.random() < 0.05:
            text += rng.choice(['...\n', '---\n', '... # end\n'])
        if text in seen:
            continue
        seen.add(text)
        rows.append(row('structured %d' % len(rows), text))
    return rows


# ------------------------------------------------------------------ recursion depth
# Python's recursion limit ends ruamel's recursive composer (and the deep construction of keys).
# In aws 2.9.19 yaml.load runs with a stack as deep as CALLER_DEPTH frames here, checked against
# the binary (`/usr/bin/aws voice-id start-speaker-enrollment-job --cli-input-yaml file://deep.yaml`,
# a top-level list fails with "expecting map", a RecursionError with rc 255): e.g. 486 nested []
# load and 487 crash, 484 nested [a] load and 485 crash "... while getting the repr of an object".
# Each load runs in a fresh fork, so the bytecode is as un-specialized as in a CLI process.
CALLER_DEPTH = 16

SHAPES = {
    'flow sequences': lambda n: '[' * n + ']' * n,
    'flow sequences around a scalar': lambda n: '[' * n + 'a' + ']' * n,
    'flow sequences around a quoted scalar': lambda n: '[' * n + '"a"' + ']' * n,
    'flow mappings around a scalar': lambda n: '{a: ' * n + 'b' + '}' * n,
    'flow mappings around an empty mapping': lambda n: '{a: ' * n + '{}' + '}' * n,
    'compact block sequences': lambda n: '- ' * n + 'a\n',
    'indented block sequences': lambda n: ''.join('  ' * i + '-\n' for i in range(n - 1)) + '  ' * (n - 1) + '- a\n',
    'block mappings': lambda n: ''.join('  ' * i + 'k:\n' for i in range(n)) + '  ' * n + 'v\n',
    'block sequences around an empty flow sequence': lambda n: '- ' * n + '[]\n',
    'a mapping key of nested mappings': lambda n: '? ' + '{a: ' * n + 'b' + '}' * n + '\n: 1\n',
    'a mapping key of nested sequences': lambda n: '? ' + '[' * n + ']' * n + '\n: 1\n',
}


def _stack_depth():
    frame, n = sys._getframe(1), 0
    while frame:
        n, frame = n + 1, frame.f_back
    return n


def cold_load(text):
    """What load(text) gives in a fresh process at the CLI's stack depth ('ok' for any value)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)

        def descend():
            if _stack_depth() < CALLER_DEPTH:
                return descend()
            outcome = load_outcome(text)
            return {'expected': 'ok'} if 'expected' in outcome else outcome
        with os.fdopen(write_end, 'w') as out:
            json.dump(descend(), out)
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end) as data:
        outcome = json.load(data)
    os.waitpid(pid, 0)
    return outcome


def load_outcome(text):
    try:
        YAML(typ='safe', pure=True).load(text)
    except YAMLError:
        return {'error': 'YAML_ERROR'}
    except Exception as exc:
        return {'error': 'PYTHON_CRASH', 'message': str(exc)}
    return {'expected': 'ok'}


def recursion_rows():
    rows = []
    for shape, build in SHAPES.items():
        low, high = 100, 600  # the first depth with a RecursionError, by bisection
        while high - low > 1:
            mid = (low + high) // 2
            if 'recursion' in cold_load(build(mid)).get('message', ''):
                high = mid
            else:
                low = mid
        crash = high
        for n in (10, crash - 1, crash, 520):
            out = {'name': '%s, %d deep' % (shape, n), 'shape': shape, 'n': n}
            out.update(cold_load(build(n)))
            rows.append(out)
    return rows


def dump_row(r):
    text = json.dumps(r, ensure_ascii=False)
    try:
        text.encode('utf-8')
    except UnicodeEncodeError:  # a lone surrogate (from a "\ud800" escape) needs JSON's \u escape
        text = json.dumps(r)
    return text


def write(name, rows):
    """A JSON array with one row per line."""
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name), 'w', encoding='utf-8') as f:
        f.write('[\n' + ',\n'.join(dump_row(r) for r in rows) + '\n]\n')


def main():
    names = [n for n, _ in DOCS]
    assert len(names) == len(set(names)), 'duplicate case names'
    write('documents.json', [row(n, t) for n, t in DOCS] + [row('edge: %r' % t, t) for t in EDGE_DOCS])
    write('scalars.json', scalar_rows())
    write('fuzz.json', fuzz_rows())
    write('recursion.json', recursion_rows())


if __name__ == '__main__':
    main()
