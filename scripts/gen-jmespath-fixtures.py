#!/usr/bin/python3
"""Generates fixtures/jmespath/python.json and fixtures/jmespath/compliance-python.json.

Run with the oracle interpreter, from anywhere:  /usr/bin/python3 scripts/gen-jmespath-fixtures.py
The python3 on PATH has jmespath 1.1.0; AWS CLI v2.9.19 uses 1.0.1 from dist-packages, so that
copy is put first on sys.path and its version is checked. Every row records what
jmespath.compile()/search() did: the typed result, or the exception's class, message (str(e))
and phase (compile or search). The vitest tests replay the rows without Python.

Typed values: {"$int": "12"}, {"$float": "<repr>"}, {"$dict": [[key, value], ...]}; null,
booleans, strings and lists as they are (the format of test/helpers/tagged-value.ts).
"""
import glob
import json
import os
import re
import sys

sys.path.insert(0, '/usr/lib/python3/dist-packages')
import jmespath  # noqa: E402

assert jmespath.__version__ == '1.0.1', jmespath.__version__

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')


def int_text(v):
    """str(v) without the 4300-digit limit (some rows hold ints past it on purpose)."""
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        return str(v)
    finally:
        sys.set_int_max_str_digits(limit)


def tag(v):
    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, int):
        return {'$int': int_text(v)}
    if isinstance(v, float):
        return {'$float': repr(v)}
    if isinstance(v, list):
        return [tag(x) for x in v]
    if isinstance(v, dict):
        return {'$dict': [[k, tag(x)] for k, x in v.items()]}
    raise TypeError(type(v))


def run(expression, data):
    """One row: the compile or search outcome of `expression` on `data`."""
    row = {'expression': expression, 'data': tag(data)}
    try:
        compiled = jmespath.compile(expression)
    except Exception as e:  # noqa: BLE001 - every exception is an outcome to record
        row['error'] = {'phase': 'compile', 'type': type(e).__name__, 'message': str(e)}
        return row
    try:
        result = compiled.search(data)
    except Exception as e:  # noqa: BLE001
        row['error'] = {'phase': 'search', 'type': type(e).__name__, 'message': str(e)}
        return row
    row['result'] = tag(result)
    return row


# ---------------------------------------------------------------- data sets

JOB = {
    'Job': {
        'JobId': 'j1', 'JobName': 'x', 'JobStatus': 'SUBMITTED', 'DomainId': 'd1',
        'DataAccessRoleArn': 'arn:aws:iam::123456789012:role/r',
        'CreatedAt': '2023-01-01T00:00:00+00:00',
        'InputDataConfig': {'S3Uri': 's3://b/in.json'},
        'OutputDataConfig': {'S3Uri': 's3://b/out/', 'KmsKeyId': 'k'},
        'EnrollmentConfig': {
            'ExistingEnrollmentAction': 'SKIP',
            'FraudDetectionConfig': {'FraudDetectionAction': 'IGNORE', 'RiskThreshold': 50, 'WatchlistIds': ['w1', 'w2']},
        },
        'JobProgress': {'PercentComplete': 12},
    }
}
NUMS = {'ints': [3, 1, 2], 'floats': [1.5, 0.5, 2.0], 'mixed': [1, 2.5, 3], 'big': [12345678901234567890, 1],
        'empty': [], 'zero': 0, 'zerof': 0.0, 'neg': -3, 'negf': -2.5, 'half': 2.5, 'one': 1, 'onef': 1.0,
        'huge': 10 ** 400, 'strs': ['b', 'a', 'c'], 'str': 'abc', 'obj': {'a': 1}, 't': True, 'f': False,
        'n': None, 'nested': [[1, 2], [3], 4, [[5]]], 'people': [
            {'name': 'b', 'age': 30}, {'name': 'a', 'age': 20}, {'name': 'c', 'age': 20.0},
            {'name': 'd', 'age': 40}]}
UNI = {'s': '😀a', 'bmp': '！', 'astral': '😀', 'mix': ['😀', '！', 'a', 'Z', 'é'], 'e': 'é',
       'objs': [{'k': '😀'}, {'k': '！'}, {'k': 'a'}], 'keys': {'😀': 1, '！': 2, 'a': 3}}
ORDER = {'o': {'b': 1, '2': 2, '1': 3, 'a': 4}, 'p': {'1': 'x', 'z': 'y'}, 'q': {'b': 9, '0': 8}}
TRUTH = {'zero': 0, 'zerof': 0.0, 'emptys': '', 'emptyl': [], 'emptyo': {}, 'f': False, 'n': None,
         'one': 1, 'items': [0, 0.0, '', [], {}, False, None, 1, 'a', [0], {'a': None}, True]}
SMALL = {'a': {'b': 1}, 'Job': {'JobId': 'j1'}}
LIST = [{'a': 1, 'b': 'x'}, {'a': 2, 'b': 'y'}, {'a': 3}, {'b': 'z'}, 5, None, [1, 2]]

# ---------------------------------------------------------------- probe expressions

PROBES = [
    # basics and projections
    ('Job.JobId', JOB), ('Job.InputDataConfig.S3Uri', JOB), ('Job.Missing', JOB), ('Job.JobId.Nope', JOB),
    ('@', JOB), ('Job.*', JOB), ('Job.EnrollmentConfig.*.RiskThreshold', JOB), ('*.JobId', JOB),
    ('Job.EnrollmentConfig.FraudDetectionConfig.WatchlistIds[0]', JOB),
    ('Job.EnrollmentConfig.FraudDetectionConfig.WatchlistIds[-1]', JOB),
    ('Job.EnrollmentConfig.FraudDetectionConfig.WatchlistIds[5]', JOB),
    ('Job.{Id: JobId, Status: JobStatus}', JOB), ('Job.[JobId, JobStatus, Missing]', JOB),
    ('Job.{"2": JobId, "1": JobStatus, b: DomainId}', JOB), ('{b: `1`, a: `2`, b: `3`}', JOB),
    ('Job | JobId', JOB), ('Job.JobId || Job.JobName', JOB), ('Job.Missing || Job.JobName', JOB),
    ('Job.JobId && Job.JobName', JOB), ('!Job.JobId', JOB), ('Job.JobProgress.PercentComplete > `10`', JOB),
    ('[*].a', LIST), ('[].a', LIST), ('[?a > `1`].a', LIST), ('[?b == \'y\']', LIST), ('[?a]', LIST),
    ('[?!a]', LIST), ('[0:2]', LIST), ('[::-1]', LIST), ('[-2:]', LIST), ('[::2].a', LIST), ('[5:1:-2]', LIST),
    ('[100:]', LIST), ('[-100:1]', LIST), ('[:-100]', LIST), ('[::-100]', LIST), ('[1:99999999999999999999]', LIST),
    ('[-99999999999999999999:2]', LIST), ('[::99999999999999999999]', LIST), ('[::-99999999999999999999]', LIST),
    ('[99999999999999999999]', LIST), ('[-99999999999999999999]', LIST), ('[-1]', LIST), ('[-0]', LIST),
    ('[1:2 3]', LIST), ('[*][0]', LIST), ('[*].[a, b]', LIST), ('[6][1]', LIST), ('[6][]', LIST),
    ('nested[]', NUMS), ('nested[][]', NUMS), ('nested[*][0]', NUMS), ('people[*].name | [0]', NUMS),
    ('people[?age == `20`].name', NUMS), ('people[?age >= `30`] | length(@)', NUMS), ('str[0]', NUMS),
    ('str[:1]', NUMS), ('obj[0]', NUMS), ('obj.*', NUMS), ('ints.*', NUMS), ('n.a', NUMS), ('n[0]', NUMS),
    ('n.{a: a}', NUMS), ('n.[a]', NUMS), ('t.{a: a}', NUMS), ('`null`.[a]', NUMS), ('@.@', NUMS),
    ('"ints"[0]', NUMS), ('ints[?@ > `1`]', NUMS), ('[?@ > `1`]', NUMS), ('*[?@ > `1`]', NUMS),
    ('ints[*] | [1]', NUMS), ('ints | [1]', NUMS), ('ints[1:][0]', NUMS), ('ints[0][0]', NUMS),
    # literals: floats stay floats, ints exact, Python json semantics
    ('`1.0`', None), ('`1e20`', None), ('`1E2`', None), ('`-0.0`', None), ('`0.1`', None), ('`1e-7`', None),
    ('`12345678901234567890`', None), ('`-9223372036854775809`', None), ('`1.5e300`', None),
    ('`[1, 1.0, "a", true, null, {"b": 1, "a": 2}]`', None), ('`{"a": 1, "a": 2}`', None),
    ('`NaN`', None), ('`Infinity`', None), ('`-Infinity`', None), ('`"\\u00e9"`', None),
    ('`"\\ud83d\\ude00"`', None), ('\'raw\'', None), ('\'it\\\'s\'', None), ('\'back\\\\slash\'', None),
    ('\'\\n\'', None), ('`"a\\`b"`', None), ('``', None), ('` `', None), ('`  1`', None),
    # JEP-12 legacy literals
    ('`foo`', None), ('`[1, 2`', None), ('`  spaced out`', None), ('`{a}`', None), ('`1.`', None),
    ('`01`', None), ('`tru`', None), ('`True`', None), ('`nul`', None), ('`\\u00e9x`', None),
    ('`a\\nb`', None), ('`tab\there`', None), ('`\u2003lead`', None), ('`' + '1' * 4301 + '`', None),
    ('`a"b`', None), ('`"a`', None), ('`\\`', None),
    # float vs int in functions
    ('abs(`-1.0`)', None), ('abs(`-1`)', None), ('abs(`-12345678901234567890`)', None), ('abs(`-0.0`)', None),
    ('avg(ints)', NUMS), ('avg(floats)', NUMS), ('avg(mixed)', NUMS), ('avg(empty)', NUMS), ('avg(big)', NUMS),
    ('avg(`[1, 2]`)', None), ('avg([huge])', NUMS),
    ('sum(ints)', NUMS), ('sum(floats)', NUMS), ('sum(mixed)', NUMS), ('sum(empty)', NUMS), ('sum(big)', NUMS),
    ('sum(`[12345678901234567890, 0.5]`)', None), ('sum(`[0.1, 0.2, 0.3]`)', None), ('sum([huge, one])', NUMS),
    ('sum([huge, half])', NUMS), ('sum([half, huge])', NUMS), ('sum(`[9223372036854775807, 1, 0.5]`)', None),
    ('floor(`1.5`)', None), ('floor(`-1.5`)', None), ('ceil(`1.5`)', None), ('ceil(`-0.5`)', None),
    ('floor(`3`)', None), ('ceil(`1e20`)', None), ('floor(`1e300`)', None), ('floor(`NaN`)', None),
    ('ceil(`Infinity`)', None), ('floor(`-Infinity`)', None), ('ceil(big[0])', NUMS),
    ('max(ints)', NUMS), ('max(mixed)', NUMS), ('min(floats)', NUMS), ('max(`[1, 1.0]`)', None),
    ('max(`[1.0, 1]`)', None), ('min(`[2, 2.0]`)', None), ('max(empty)', NUMS), ('min(empty)', NUMS),
    ('max(`[NaN, 1, 2]`)', None), ('max(`[1, NaN, 2]`)', None), ('min(`[NaN, 1]`)', None),
    ('sort(mixed)', NUMS), ('sort(`[2, 1.0, 1, 0.5]`)', None), ('sort(`[3, NaN, 1, 2]`)', None),
    ('sort(`[1, 12345678901234567891, 12345678901234567890.0]`)', None),
    ('to_string(`1.0`)', None), ('to_string(`1e20`)', None), ('to_string(`[1.0, "\\u00e9", {"k": 2}]`)', None),
    ('to_string(`{"b": 1, "a": [true, null]}`)', None), ('to_string(\'str\')', None), ('to_string(`NaN`)', None),
    ('to_string(`-Infinity`)', None), ('to_string(`"\\ud83d\\ude00"`)', None), ('to_string(`["\\ud83d"]`)', None),
    ('to_string(`["\\u0000\\u001f\\u007f\\u0080\\n\\t\\"\\\\/"]`)', None), ('to_string(@)', JOB),
    ('to_string(`12345678901234567890`)', None), ('to_string(`-0.0`)', None), ('to_string(`1e-7`)', None),
    # to_number: Python int() then float()
    ('to_number(\'1.0\')', None), ('to_number(\'5.\')', None), ('to_number(\'1e3\')', None), ('to_number(\'12\')', None),
    ('to_number(\'\')', None), ('to_number(\'0x10\')', None), ('to_number(\'0b11\')', None), ('to_number(\'0o7\')', None),
    ('to_number(\'  \')', None), ('to_number(\'1_000\')', None), ('to_number(\'1__0\')', None), ('to_number(\'_1\')', None),
    ('to_number(\'1_\')', None), ('to_number(\'1_0.5_0\')', None), ('to_number(\'nan\')', None), ('to_number(\'-NaN\')', None),
    ('to_number(\'inf\')', None), ('to_number(\'-Infinity\')', None), ('to_number(\'+infinity\')', None),
    ('to_number(\'infinit\')', None), ('to_number(\'١٢\')', None), ('to_number(\'١٫٥\')', None), ('to_number(\'١.٥\')', None),
    ('to_number(\' 42 \')', None), ('to_number(\'\\t7\\n\')', None), ('to_number(\'+5\')', None), ('to_number(\'-0\')', None),
    ('to_number(\'-0.0\')', None), ('to_number(\'.5\')', None), ('to_number(\'1e500\')', None), ('to_number(\'-1e-500\')', None),
    ('to_number(\'abc\')', None), ('to_number(\'1e\')', None), ('to_number(\'12345678901234567890\')', None),
    ('to_number(\'\\u00a012\\u2003\')', None), ('to_number(\'\\u001c5\')', None), ('to_number(\'0012\')', None),
    ('to_number(@)', '1' * 4301), ('to_number(@)', '1_' * 2200 + '1'), ('to_number(@)', '+' + '2' * 4300),
    ('to_number(`1.5`)', None), ('to_number(`7`)', None), ('to_number(`true`)', None), ('to_number(`null`)', None),
    ('to_number(`[1]`)', None), ('to_number(`{}`)', None), ('to_number(\'１２\')', None), ('to_number(\'1.5e+3\')', None),
    # strings are code points
    ('length(s)', UNI), ('length(astral)', UNI), ('reverse(s)', UNI), ('sort(mix)', UNI), ('max(mix)', UNI),
    ('min(mix)', UNI), ('sort_by(objs, &k)[*].k', UNI), ('max_by(objs, &k)', UNI), ('min_by(objs, &k)', UNI),
    ('keys(keys)', UNI), ('bmp < astral', UNI), ('astral < bmp', UNI), ('astral > bmp', UNI), ('e >= e', UNI),
    ('contains(s, \'a\')', UNI), ('contains(s, `"\\ud83d"`)', UNI), ('contains(s, `"\\ude00a"`)', UNI),
    ('starts_with(s, `"\\ud83d"`)', UNI), ('ends_with(s, `"\\ude00a"`)', UNI), ('starts_with(s, astral)', UNI),
    ('ends_with(s, \'a\')', UNI), ('contains(s, \'\')', UNI), ('length(`"\\ud83d"`)', None),
    ('join(\'😀\', mix)', UNI), ('reverse(`"ab\\u0301"`)', None), ('sort(`["b", "B", "a", "é", "\\ud83d\\ude00", "\\uff01"]`)', None),
    # key order
    ('keys(o)', ORDER), ('values(o)', ORDER), ('merge(o, p)', ORDER), ('merge(o, q, p)', ORDER), ('merge(o)', ORDER),
    ('merge(`{}`)', None), ('o', ORDER), ('o.*', ORDER), ('{"2": o.b, "1": o.a}', ORDER), ('o.{"9": a, "10": b}', ORDER),
    ('keys(`{"b": 1, "2": 2, "1": 3}`)', None), ('values(@)', {'z': 1, '10': 2, '9': 3}),
    # equality and ordering
    ('`1` == `1.0`', None), ('`true` == `1`', None), ('`1` == `true`', None), ('`false` == `0`', None),
    ('`0.0` == `false`', None), ('`2` == `true`', None), ('`true` == `true`', None), ('`[true]` == `[1]`', None),
    ('`[1]` == `[1.0]`', None), ('`{"a": 1}` == `{"a": 1.0}`', None), ('`{"a": 1, "b": 2}` == `{"b": 2, "a": 1}`', None),
    ('`null` == `null`', None), ('`NaN` == `NaN`', None), ('`[NaN]` == `[NaN]`', None), ('`"a"` != `"a"`', None),
    ('`12345678901234567891` == `12345678901234567890.0`', None), ('`9007199254740993` > `9007199254740992.0`', None),
    ('`9007199254740993` == `9007199254740992.0`', None), ('`1` < `1.5`', None), ('`2.5` >= `2`', None),
    ('\'a\' < \'b\'', None), ('\'abc\' <= \'abd\'', None), ('\'b\' > \'a\'', None), ('`[]` < `[1]`', None),
    ('`{}` < `1`', None), ('`true` < `false`', None), ('`null` < `1`', None), ('`1` < \'a\'', None),
    ('\'a\' < `1`', None), ('\'a\' >= `1.5`', None), ('`1` <= \'a\'', None), ('`2` > \'a\'', None),
    ('`NaN` < `1`', None), ('`NaN` >= `NaN`', None), ('`Infinity` > `12345678901234567890`', None),
    # truthiness
    ('zero || \'x\'', TRUTH), ('zerof || \'x\'', TRUTH), ('emptys || \'x\'', TRUTH), ('emptyl || \'x\'', TRUTH),
    ('emptyo || \'x\'', TRUTH), ('f || \'x\'', TRUTH), ('n || \'x\'', TRUTH), ('zero && \'x\'', TRUTH),
    ('emptyl && \'x\'', TRUTH), ('!zero', TRUTH), ('!zerof', TRUTH), ('!emptys', TRUTH), ('!emptyl', TRUTH),
    ('!emptyo', TRUTH), ('!one', TRUTH), ('!n', TRUTH), ('!`NaN`', None), ('items[?@]', TRUTH),
    ('items[?!@]', TRUTH), ('items[?@ == `0`]', TRUTH), ('items[?@ == `false`]', TRUTH), ('map(&!@, items)', TRUTH),
    # other functions
    ('type(@)', NUMS), ('map(&type(@), [zero, zerof, str, t, n, ints, obj])', NUMS), ('not_null(n, zero)', NUMS),
    ('not_null(n, n)', NUMS), ('not_null(n)', NUMS), ('to_array(ints)', NUMS), ('to_array(zero)', NUMS),
    ('to_array(n)', NUMS), ('contains(ints, `1.0`)', NUMS), ('contains(`[true]`, `1`)', None),
    ('contains(`[1]`, `true`)', None), ('contains(`[[1]]`, `[1.0]`)', None), ('contains(\'abc\', \'bc\')', None),
    ('join(\', \', strs)', NUMS), ('join(\'\', empty)', NUMS), ('map(&age, people)', NUMS), ('map(&a, ints)', NUMS),
    ('sort_by(people, &age)[*].name', NUMS), ('sort_by(people, &name)[*].name', NUMS), ('sort_by(empty, &a)', NUMS),
    ('max_by(people, &age).name', NUMS), ('min_by(people, &age).name', NUMS), ('min_by(empty, &age)', NUMS),
    ('reverse(ints)', NUMS), ('reverse(empty)', NUMS), ('length(obj)', NUMS), ('length(empty)', NUMS),
    ('starts_with(str, \'ab\')', NUMS), ('ends_with(str, \'bc\')', NUMS), ('keys(obj)', NUMS), ('values(obj)', NUMS),
    ('sort(strs)', NUMS), ('max(strs)', NUMS), ('min(strs)', NUMS),
    ('merge(`{"a": 1}`, `[["b", 2]]`)', None), ('merge(`{"a": 1}`, \'\')', None),
    # run-time errors
    ('unknownfn(@)', JOB), ('unknownfn(abs(`"x"`))', None), ('abs(@)', {'JobId': 'j1', 'JobName': 'x'}), ('abs()', None),
    ('abs(`1`, `2`)', None), ('merge()', None), ('not_null()', None), ('length(`1`)', None), ('length(Job.JobProgress.PercentComplete)', JOB),
    ('abs(\'abc\')', None), ('abs(`true`)', None), ('abs(`null`)', None), ('abs(`[1]`)', None), ('abs(`1.5e300`)', None),
    ('avg(strs)', NUMS), ('avg(`[1, "a"]`)', None), ('avg(`["a", 1]`)', None), ('sum(`[true]`)', None),
    ('sort(`[1, "a"]`)', None), ('sort(`["a", 1]`)', None), ('sort(`[true]`)', None), ('sort(`[[1]]`)', None),
    ('max(`[{"a": 1}]`)', None), ('min(`["a", null]`)', None), ('join(`1`, strs)', NUMS), ('join(\',\', ints)', NUMS),
    ('sort_by(people, &nope)', NUMS), ('sort_by(`[{"a": 1}, {"a": "x"}]`, &a)', None),
    ('sort_by(`[{"a": "x"}, {"a": 1}]`, &a)', None), ('sort_by(`[{"a": 1}, {"b": 1}]`, &a)', None),
    ('max_by(`[{"a": 1}, {"a": "x"}]`, &a)', None), ('min_by(`[{"a": 1}, {"a": "x"}]`, &a)', None),
    ('max_by(`[{"a": true}]`, &a)', None), ('min_by(people, &nope)', NUMS), ('map(`1`, ints)', NUMS),
    ('map(&a, `1`)', None), ('sort_by(people, name)', NUMS), ('keys(`[1]`)', None), ('values(\'a\')', None),
    ('merge(`{}`, `1`)', None), ('merge(`{}`, \'ab\')', None), ('merge(`{}`, `[1]`)', None),
    ('merge(`{}`, `[[1, 2, 3]]`)', None), ('merge(`{}`, `[[[1], 2]]`)', None), ('merge(`{}`, `null`)', None),
    ('merge(`1`)', None), ('contains(`1`, `1`)', None), ('contains(\'abc\', `1`)', None), ('contains(\'abc\', `null`)', None),
    ('contains(\'abc\', `{}`)', None), ('starts_with(`1`, \'a\')', None), ('ends_with(\'a\', `1`)', None),
    ('reverse(`1`)', None), ('to_array()', None), ('type(`1`, `2`)', None), ('ceil(\'1\')', None), ('floor(`null`)', None),
    ('[::0]', LIST), ('[1:2:0]', LIST), ('obj[::0]', NUMS), ('length(@)', '😀'),
    ('`1` < `"a"`', None), ('[?a < \'b\']', LIST), ('ints[?@ > \'1\']', NUMS), ('avg(`[1e308, 1e308]`)', None),
    ('to_string(@)', 10 ** 4301), ('length(to_string(@))', 10 ** 4299), ('not_null(`1`, unknownfn())', None),
    ('abs(`1`, unknownfn())', None), ('max_by(people)', NUMS), ('sort_by(people, &age, &name)', NUMS),
    # odds and ends: digit limits, dict.update pairs, expression references, long sorts
    ('to_number(@)', '0' * 4300 + '1'), ('to_number(@)', '0' * 4299 + '1'), ('to_number(@)', ' ' + '9' * 4300 + ' '),
    ('merge(`{}`, `["ab"]`)', None), ('merge(`{"a": 1}`, `[{"x": 1, "y": 2}]`, `{"a": 2}`)', None),
    ('merge(`{}`, `[["k", [1]]]`)', None), ('merge(`{}`, `[[{"a": 1}, 2]]`)', None), ('merge(`{}`, `true`)', None),
    ('merge(`{}`, `1.5`)', None), ('merge(`{}`, &a)', None), ('type(&a)', None), ('!&a', None),
    ('contains(`[1]`, &a)', None), ('map(&type(@), `[1, 1.5, "a", true, null, [], {}]`)', None),
    ('floor(`-0.0`)', None), ('ceil(`-0.0`)', None), ('abs(`-0`)', None), ('avg(`[NaN]`)', None),
    ('sort(@)', [(i * 7919) % 101 for i in range(100)]), ('sort(@)', [1, 1.0, 0.5, 2, 1, 1.0] * 12),
    ('sort_by(@, &k)[*].i', [{'k': (i * 31) % 7, 'i': i} for i in range(90)]),
    ('sort_by(@, &k)[*].i', [{'k': ['b', 'a', '😀', '！', 'é'][i % 5], 'i': i} for i in range(70)]),
    ('sort(@)', ['x%d' % ((i * 37) % 80) for i in range(80)]), ('[1:2:3]', [0, 1, 2]),
    ('"😀".$', None), ("'😀' b", None), ('"😀"(a)', None), ('a[?b == `1`] c', None), ('`"\\ud83d"` == `"\\ud83d"`', None),
    ('length(`"\\ud83d\\ude00\\ud83d"`)', None), ('reverse(`"a\\ud83d\\ude00b"`)', None),
    ('min(`["\\uff01", "\\ud83d\\ude00"]`)', None), ('max(`["\\uff01", "\\ud83d\\ude00"]`)', None),
]

# ---------------------------------------------------------------- compile errors (every token kind)

COMPILE_ERRORS = [
    # spec §9
    'Job.[', 'Job..x', '"abc', 'Job.$', 'Job[?a==]', 'a b', 'Job.JobId.', '',
    # lexer: unknown tokens, '=' and '-', unclosed delimiters, bad quoted identifiers, bad literals
    '$', 'a.$', '~', 'a ~ b', '#', ';', '+', 'a + b', '/', '%', '^', '?', 'a?', 'é', 'a.é', '😀', 'a😀.$', '\\',
    '=', 'a=', 'a = b', 'a =b', '-', 'a[-]', '[-a]', "'unclosed", '"unclosed', '`unclosed', 'a.`[1', "a.'b",
    '"a\\"', "'a\\'", '`a\\`', '"\\u"', '"\\u12"', '"\\uzzzz"', '"\\x"', '"\\q"', '"a\nb"', '"\\', 'a."\\ud83d',
    '`a"b`', '`"a`', 'foo.`"\\x"`',
    # parser: incomplete expressions
    'Job[', 'Job.', 'a ||', 'a &&', 'a |', '!', '&', 'f(', 'f(a,', 'f(a', '{a: ', '{a: b,', '{a', '[a, ', '[a',
    'a[?', 'a[?b', 'a[1', 'a[1:', 'a[:2', '(a', '(', 'a[*', 'a[*].', 'a.*.', 'a.{', 'a.[', '[', '{', 'a[?b==',
    'a <', 'a.b.',
    # parser: expecting ... got ...
    'a.1', 'a.`1`', "a.'b'", 'a.@', 'a.(b)', 'a.&b', 'a.!b', 'a.[]', 'a.[?b]', 'a.||', 'foo[bar]',
    'foo[`1`]', 'foo["a"]', 'foo[:a]', 'foo[1 2]', 'foo[1:2:3:4]', 'foo[:::]', 'foo[1:a]', '[:::]', 'a[?b]c',
    '{a}', '{a b}', '{a: b c: d}', '{1: a}', '{"a": b, 1: c}', '{a: b, }', "{'a': b}", 'f(a b c', '(a b',
    'a[*]b', '[*]b', '*b', 'a.*b', 'a[]b', '[]b', 'a{foo}', 'a{', 'a{}', 'a[?b]{c}', '@{a}', 'a*', 'a!b', 'a!',
    # parser: invalid token / unexpected token / function names
    '.a', '|a', ']', ')', ',', ':', '}', '==', '<', '||a', '&&a', 'a ==', '@ @', 'a )', 'a ]', 'a }', 'a ,',
    'a :', 'a 1', 'a `1`', "a 'b'", 'a "b"', 'a &b', 'a[0] b', 'f(,)', 'f(:)', '"abs"(a)', 'a."b"()',
    "'a'()", '@(foo)', 'a.b(c)', '`1`()', '[a](b)', '{a: b}(c)', 'a[0](b)', '*(a)', '1', '-1', 'a[?a==]',
    'a[?==b]', 'foo[?==`1`]', 'a[1]]', 'a]', 'f(a))', '@=', '@``', '!=', 'a !', '&&', 'a.b c',
    "'a' 'b'", '`{"a": 1}` b', '`1.5` b', '`true` b', '`null` b', '`[1, "x"]` b', 'a[99999999999999999999 1]',
    '[' + '1' * 4301 + ']', 'a .b', 'a\t|\n|b', 'a[?b == c', 'a[?b == c]]',
]


NAMED = {'JOB': JOB, 'NUMS': NUMS, 'UNI': UNI, 'ORDER': ORDER, 'TRUTH': TRUTH, 'LIST': LIST, 'SMALL': SMALL}


def probe_rows():
    """Rows name a shared data set in `given` (see the file's `data`), or carry their own `data`."""
    rows = []
    pairs = PROBES + [(expression, SMALL) for expression in COMPILE_ERRORS]
    for expression, data in pairs:
        row = run(expression, data)
        name = next((n for n, v in NAMED.items() if v is data), None)
        if name is not None:
            del row['data']
            row = {'expression': row.pop('expression'), 'given': name, **row}
        rows.append(row)
    return rows


def compliance_rows():
    """Python's typed outcome for every compliance case, in file order."""
    rows = []
    for path in sorted(glob.glob(os.path.join(ROOT, 'fixtures', 'jmespath-compliance', '*.json'))):
        with open(path, encoding='utf-8') as f:
            suite = json.load(f)
        for group in suite:
            for case in group['cases']:
                row = run(case['expression'], group['given'])
                del row['data']
                row['file'] = os.path.basename(path)
                rows.append(row)
    return rows


SURROGATE_PAIR = re.compile('[\ud800-\udbff][\udc00-\udfff]')


def check_js_safe(value):
    """A Python str holding a high then a low surrogate would read back in JavaScript as one astral
    character, a different string; rows must not contain one (write "\\ud83d" escapes for json)."""
    if isinstance(value, str):
        assert not SURROGATE_PAIR.search(value), ascii(value)
    elif isinstance(value, list):
        for item in value:
            check_js_safe(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            check_js_safe(key)
            check_js_safe(item)


def write(name, data):
    check_js_safe(data)
    path = os.path.join(ROOT, 'fixtures', 'jmespath', name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='ascii') as f:
        json.dump(data, f, indent=1, ensure_ascii=True)
        f.write('\n')


def main():
    rows = probe_rows()
    seen = set()
    for row in rows:
        key = (row['expression'], row.get('given'), json.dumps(row.get('data'), sort_keys=True))
        assert key not in seen, key
        seen.add(key)
    data = {name: tag(value) for name, value in NAMED.items()}
    write('python.json', {'jmespath': jmespath.__version__, 'data': data, 'cases': rows})
    write('compliance-python.json', {'jmespath': jmespath.__version__, 'cases': compliance_rows()})
    print('python.json: %d rows; compliance-python.json written' % len(rows))


if __name__ == '__main__':
    main()
