#!/usr/bin/python3
"""Writes fixtures/shorthand/*.json from the real AWS CLI code, 2.9.19 or 2.36.7.

Run with Debian's Python (the one that has awscli), from anywhere:
    /usr/bin/python3 scripts/gen-shorthand-fixtures.py                       # 2.9.19
    /usr/bin/python3 scripts/gen-shorthand-fixtures.py --generation 2.36.7   # after 2.9.19's
The inputs live here, grouped by rule ("group: what"); the expectations come from
awscli.shorthand.ShorthandParser and BackCompatVisitor, so the TypeScript tests replay them
without Python. Each parser input lands in valid.json or invalid.json by what the parser does;
coerce.json holds the model pass, recursion.json the recursion-limit crashes at the CLI's stack
depth, fuzz.json seeded random inputs. Output is deterministic (fixed seeds, forked parses).

2.36.7 (the oracle's source in ../shared/oracle/awscli-2.36.7) writes <name>-2.36.7.json beside
each: only the rows whose outcome differs from 2.9.19's row of the same name (the same input, for
fuzz.json), and the rows of inputs only 2.36.7 has (`key@=value`). The tests replay 2.9.19's rows
with these laid over them. Parse and coerce rows read `@=` values through FAKE_PARAMFILES (below),
which the TypeScript tests mirror; recursion rows read real files, in a temp folder.
"""
import argparse
import json
import math
import os
import random
import struct
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'fixtures', 'shorthand')
ORACLE_2_36_7 = os.path.join(ROOT, '..', 'shared', 'oracle', 'awscli-2.36.7')


def load_awscli(generation):
    """Imports the generation's awscli (2.36.7 as its launcher does: awscrt's newer names stubbed)."""
    if generation == '2.9.19':
        sys.path.insert(0, '/usr/lib/python3/dist-packages')
    else:
        sys.path.insert(0, ORACLE_2_36_7)
        import awscrt.crypto as crypto
        import awscrt.io as crt_io
        for name in ['EC', 'ECType', 'ECExportFormat', 'ED25519', 'ED25519ExportFormat', 'RSA', 'RSASignatureAlgorithm']:
            if not hasattr(crypto, name):
                setattr(crypto, name, type(name, (), {}))
        if not hasattr(crt_io, 'set_log_level'):
            crt_io.set_log_level = lambda level: None
    import awscli.shorthand as shorthand
    return shorthand


ARGS = argparse.ArgumentParser(description='Writes fixtures/shorthand/ from awscli.')
ARGS.add_argument('--generation', choices=['2.9.19', '2.36.7'], default='2.9.19')
GENERATION = ARGS.parse_args().generation
SHORTHAND = load_awscli(GENERATION)
ShorthandParser = SHORTHAND.ShorthandParser
ShorthandParseError = SHORTHAND.ShorthandParseError
BackCompatVisitor = SHORTHAND.BackCompatVisitor
from awscli.botocore.model import ShapeResolver  # noqa: E402
from awscli.paramfile import ResourceLoadingError  # noqa: E402
SUFFIX = '' if GENERATION == '2.9.19' else '-' + GENERATION

PARSE_CASES = [
    # basics
    ('basic: one key', 'A=b'),
    ('basic: two keys', 'A=b,C=d'),
    ('basic: model member names', 'ExistingEnrollmentAction=SKIP,FraudDetectionConfig={FraudDetectionAction=FAIL,RiskThreshold=50}'),
    ('basic: nothing after = is an empty string', 'A='),
    ('basic: empty value then a key', 'A=,B={}'),
    ('basic: empty value between keys', 'A=b,C=,D=e'),
    ('basic: value with = inside', 'A=a=b'),
    ('basic: value with spaces inside', 'A=a b c'),
    ('basic: value with [ and { inside', 'A=a[b]{c'),
    ('basic: two keys written with a space are one value', 'A=1 B=2'),
    ('basic: value may start with ] or }', 'A=],B=}'),
    ('basic: value may start with a backslash', 'A=\\x'),
    ('basic: value of punctuation', 'A=!#$%&()*+-./:;<>?@^_`|~'),
    ('basic: value may start with | or ~', 'A=|x,B=~y'),
    ('basic: spec example, quotes in two members', 'ExistingEnrollmentAction="SKIP, x",FraudDetectionConfig={FraudDetectionAction=\'a\\\'b\'}'),
    ('basic: spec example, a value that is only ]', 'ExistingEnrollmentAction=]'),
    ('basic: spec example, nothing after =', 'ExistingEnrollmentAction='),
    ('basic: spec example, junk after a quoted value', 'ExistingEnrollmentAction="x"y'),
    ('basic: spec example, trailing comma', 'ExistingEnrollmentAction=a,'),
    ('basic: spec example, unterminated double quote', 'ExistingEnrollmentAction="unterminated'),
    ('basic: spec example, unterminated single quote', "ExistingEnrollmentAction='unterminated"),
    ('basic: empty input', ''),
    ('basic: whitespace-only input', '   '),
    ('basic: a lone key', 'ExistingEnrollmentAction'),
    ('basic: a lone comma', ','),
    ('basic: = twice', 'A==b'),
    ('basic: value stops at a quote', 'A=x"y"'),
    ('basic: value then a single quote', "A=a'b"),
    # keys
    ('keys: the empty key', '=x'),
    ('keys: only =', '='),
    ('keys: every key character', 'aZ09-_.#/:=1'),
    ('keys: digits only (order kept)', '2=a,1=b,0=c'),
    ('keys: __proto__ is a plain key', '__proto__=x,constructor=y'),
    ('keys: space inside a key', 'Exist ing=1'),
    ('keys: non-ASCII letter', 'Ä=b'),
    ('keys: empty key after a value', 'A=a,=b'),
    ('keys: a bracket in the key', 'A[0]=b'),
    ('keys: a quote as key', '"A"=b'),
    # csv lists
    ('csv: three values', 'A=a,b,c'),
    ('csv: list then key', 'A=a,b,C=d'),
    ('csv: backtrack at the first second value', 'A=a,C=d'),
    ('csv: two lists', 'A=a,b,C=d,e,F=g'),
    ('csv: spaces after commas', 'A=a, b, c'),
    ('csv: spaces before commas', 'A=a ,b ,c'),
    ('csv: spaces around commas and a key', 'A=a , b , C = d'),
    ('csv: quoted second values', 'A=a,\'b,c\',"d,e"'),
    ('csv: quoted first value', "A='a',b"),
    ('csv: quoted values with trailing spaces', 'A="a" , "b" '),
    ('csv: second value with [ and {', 'A=a,b[c]{d'),
    ('csv: second value may start with ]', 'A=a,],}'),
    ('csv: second value cannot hold =', 'A=a,b=c'),
    ('csv: empty key after a list', 'A=a,b,=c'),
    ('csv: backtrack to a comma inside a quoted value', 'A=a,"x,y"z'),
    ('csv: backtrack to an escaped comma', 'A=a,b\\,c=d'),
    ('csv: trailing comma', 'A=a,'),
    ('csv: trailing comma and space', 'A=a, '),
    ('csv: trailing comma after a list', 'A=a,b,'),
    ('csv: double comma', 'A=a,,b'),
    ('csv: comma then [', 'A=a,[b]'),
    ('csv: comma then {', 'A=a,{b}'),
    ('csv: comma then unterminated quote', 'A=a,"b'),
    ('csv: comma then unterminated single quote', "A=a,'b"),
    ('csv: quoted second value then junk', 'A=a,"b"c'),
    ('csv: long list', 'A=' + ','.join('v%d' % i for i in range(200))),
    ('csv: first value empty then list', 'A=,b,c'),
    ('csv: lists are not allowed inside {}', 'FraudDetectionConfig={FraudDetectionAction=a,b}'),
    ('csv: list of escaped commas', 'A=a\\,b,c\\,d'),
    ('csv: second value newline inside', 'A=a,b\nc'),
    # escapes in bare values
    ('escape: escaped comma', 'A=a\\,b'),
    ('escape: only an escaped comma', 'A=\\,'),
    ('escape: trailing backslash stays', 'A=a\\'),
    ('escape: lone backslash', 'A=\\'),
    ('escape: double backslash before a comma', 'A=a\\\\,b'),
    ('escape: backslash n stays literal', 'A=a\\nb'),
    ('escape: escaped comma then trailing space', 'A=a\\, '),
    # quoted values
    ('quotes: single', "A='a b'"),
    ('quotes: double', 'A="a b"'),
    ('quotes: single with a comma', "A='a,b'"),
    ('quotes: double with = and brackets', 'A="x=[{}]"'),
    ('quotes: escaped single quote', "A='it\\'s'"),
    ('quotes: escaped double quote', 'A="say \\"hi\\""'),
    ('quotes: escaped backslash', "A='a\\\\b'"),
    ('quotes: backslash n stays literal', 'A="a\\nb"'),
    ('quotes: other quote inside single', "A='a\"b'"),
    ('quotes: other quote inside double', 'A="a\'b"'),
    ('quotes: empty single', "A=''"),
    ('quotes: empty double', 'A=""'),
    ('quotes: trailing space after a quote', 'A="x" '),
    ('quotes: spaces kept inside', "A='  a  '"),
    ('quotes: newline inside', 'A="a\nb"'),
    ('quotes: only an escaped backslash', "A='\\\\'"),
    ('quotes: escaped quote before the end', "A='\\''"),
    ('quotes: escaped quote at the end backtracks', "A='a\\'"),
    ('quotes: escaped quote backtracks to the last one', "A='a\\'b\\'c"),
    ('quotes: backtracked value then a key', "A='a\\',B=c"),
    ('quotes: double backslash before the closing quote', 'A="a\\\\"'),
    ('quotes: three backslashes then a quote', 'A="a\\\\\\"'),
    ('quotes: escaped double quote inside single quotes stays', "A='a\\\"b'"),
    ('quotes: quoted then junk', 'A="x"y'),
    ('quotes: quoted then space and junk', "A='x' y"),
    ('quotes: unterminated double', 'A="unterminated'),
    ('quotes: unterminated single', "A='unterminated"),
    ('quotes: lone double quote', 'A="'),
    ('quotes: lone single quote', "A='"),
    ('quotes: unterminated after escaped backslash', "A='a\\\\"),
    ('quotes: unterminated with backslashes', "A='" + '\\' * 20),
    ('quotes: unterminated double with backslashes', 'A="' + '\\' * 21),
    ('quotes: quoted key-like text', "A='B=c',D=e"),
    ('quotes: control character inside', "A='\x01'"),
    # whitespace
    ('whitespace: around =', 'A = b'),
    ('whitespace: after =', 'A= b'),
    ('whitespace: before =', 'A =b'),
    ('whitespace: trailing after a bare value', 'A=b  '),
    ('whitespace: around commas', 'A=b  ,  C=d'),
    ('whitespace: tab after =', 'A=\tb'),
    ('whitespace: newline before a comma', 'A=b\n,C=d'),
    ('whitespace: newline after a comma', 'A=b,\nC=d'),
    ('whitespace: vertical tab and form feed', 'A=\x0b\x0cb\x0c,\x0bC=d'),
    ('whitespace: carriage return', 'A=b\r\n,C=d'),
    ('whitespace: spaces in a list', 'A=[ a , b ]'),
    ('whitespace: spaces in a hash', 'A={ B = c , D = e }'),
    ('whitespace: spaced example from the spec', 'ExistingEnrollmentAction = SKIP , FraudDetectionConfig = { FraudDetectionAction = FAIL , RiskThreshold = 050 }'),
    ('whitespace: empty list with spaces', 'A=[ ]'),
    ('whitespace: empty hash with spaces', 'A={ }'),
    ('whitespace: ideographic space is stripped at the end', 'A=a\u3000'),
    ('whitespace: no-break space is stripped at the end', 'A=a\xa0'),
    ('whitespace: ideographic space starts a value', 'A=\u3000a'),
    ('whitespace: \\x1c is stripped at the end', 'A=a\x1c'),
    ('whitespace: \\x1c cannot start a value', 'A=\x1ca'),
    ('whitespace: \\x85 is stripped at the end', 'A=a\x85'),
    ('whitespace: zero-width space is kept', 'A=a\u200b'),
    ('whitespace: leading space at the start', ' A=1'),
    ('whitespace: leading newline at the start', '\nA=1'),
    ('whitespace: trailing space after }', 'A={} '),
    ('whitespace: trailing space after ]', 'A=[] '),
    ('whitespace: trailing newline after ]', 'A=[a]\n'),
    ('whitespace: space then comma after ]', 'A=[a] ,B=c'),
    ('whitespace: space before ] in a hash value', 'A={B=c }'),
    ('whitespace: space inside a key', 'A B=c'),
    # explicit lists
    ('lists: empty', 'A=[]'),
    ('lists: one value', 'A=[a]'),
    ('lists: two values', 'A=[a,b]'),
    ('lists: trailing comma', 'A=[a,b,]'),
    ('lists: nested lists', 'A=[[a,b],[c],[]]'),
    ('lists: list of hashes', 'A=[{B=c},{D=e}]'),
    ('lists: quoted values', 'A=[\'a,b\',"c"]'),
    ('lists: value with spaces', 'A=[a b]'),
    ('lists: value with =', 'A=[a=b]'),
    ('lists: value with [', 'A=[a[b,c]'),
    ('lists: empty items', 'A=[,]'),
    ('lists: two empty items', 'A=[,,]'),
    ('lists: empty items with spaces', 'A=[ , ]'),
    ('lists: list then key', 'A=[a],B=c'),
    ('lists: list value stops at }', 'A=[a}]'),
    ('lists: unclosed', 'A=['),
    ('lists: unclosed after a value', 'A=[a'),
    ('lists: unclosed after a comma', 'A=[a,'),
    ('lists: junk after ]', 'A=[a]b'),
    ('lists: extra ]', 'A=[]]'),
    ('lists: nested extra ]', 'A=[a[b]]'),
    ('lists: missing comma between lists', 'A=[[a][b]]'),
    ('lists: bare = inside', 'A=[=]'),
    ('lists: a hash missing =', 'A=[{B}]'),
    ('lists: escaped comma inside', 'A=[a\\,b,c]'),
    ('lists: backslash before ]', 'A=[a\\]'),
    ('lists: unterminated quote inside', "A=['a]"),
    ('lists: space before a comma', 'A=[a ,b]'),
    ('lists: newline and tab inside', 'A=[\ta,\n\tb\n]'),
    ('lists: csv-looking value then key', 'A=[a],b=c'),
    ('lists: deeply nested, closed', 'A=' + '[' * 60 + ']' * 60),
    ('lists: deeply nested, unclosed', 'A=' + '[' * 60),
    # hash literals
    ('hashes: empty', 'A={}'),
    ('hashes: one key', 'A={B=c}'),
    ('hashes: two keys', 'A={B=c,D=e}'),
    ('hashes: trailing comma', 'A={B=c,}'),
    ('hashes: list value', 'A={B=[c,d]}'),
    ('hashes: nested hash', 'A={B={C=d}}'),
    ('hashes: duplicate key keeps the last value in the first place', 'A={B=1,C=2,B=3}'),
    ('hashes: empty value before a comma', 'A={B=,C=d}'),
    ('hashes: empty key', 'A={=c}'),
    ('hashes: quoted value with a comma', "A={B='c,d'}"),
    ('hashes: value with spaces', 'A={B=c d}'),
    ('hashes: value with =', 'A={B=c=d}'),
    ('hashes: empty list value', 'A={B=[]}'),
    ('hashes: RiskThreshold then comma', 'FraudDetectionConfig={RiskThreshold=1,}'),
    ('hashes: empty FraudDetectionConfig', 'FraudDetectionConfig={}'),
    ('hashes: value that is only }', 'A={B=}'),
    ('hashes: unclosed', 'A={'),
    ('hashes: key without =', 'A={B'),
    ('hashes: unclosed after a value', 'FraudDetectionConfig={RiskThreshold=1'),
    ('hashes: unclosed after a comma', 'A={B=c,'),
    ('hashes: = twice', 'A={x==1}'),
    ('hashes: junk after }', 'A={}x'),
    ('hashes: space inside a key', 'A={B C=d}'),
    ('hashes: missing comma between keys', 'A={B=[c]D=e}'),
    ('hashes: quoted key', 'A={"B"=c}'),
    ('hashes: escaped comma in a value', 'A={B=a\\,b}'),
    ('hashes: space before =', 'A={B =c}'),
    ('hashes: space before a comma', 'A={B=c ,D=e}'),
    ('hashes: unterminated quote inside', 'A={B="c}'),
    ('hashes: second = in a value is kept', 'A={B=c=d,E=f}'),
    ('hashes: bare value may start with ]', 'A={B=]}'),
    ('hashes: deeply nested, closed', 'A=' + '{a=' * 40 + '[]' + '}' * 40),
    # duplicate keys
    ('duplicates: top level', 'A=a,A=b'),
    ('duplicates: model member', 'ExistingEnrollmentAction=a,ExistingEnrollmentAction=b'),
    ('duplicates: after another key', 'A=1,B=2,A=3'),
    ('duplicates: after a list value', 'A=a,b,A=c'),
    ('duplicates: after a hash', 'A={},A={}'),
    ('duplicates: spaces around the comma', 'A=1 , A=2'),
    ('duplicates: after } and a space', 'A={} , A=2'),
    ('duplicates: empty key twice', '=a,=b'),
    ('duplicates: multi-line', 'A=1,\nB=2,\nA=3'),
    ('duplicates: nested keys are fine', 'A={B=1,B=2},C=[{D=1,D=2}]'),
    # non-ASCII
    ('unicode: accented value', 'A=é'),
    ('unicode: CJK value', 'A=日本語,B=[ä,ö]'),
    ('unicode: astral in quotes', "A='😀'"),
    ('unicode: astral ends a bare value', 'A=a😀'),
    ('unicode: astral cannot start a value', 'A=😀'),
    ('unicode: caret counts code points', "A='😀😀',B"),
    ('unicode: caret after astral on a second line', "A='😀',\n😀=x"),
    ('unicode: BOM starts a value', 'A=\ufeffx'),
    ('unicode: U+FFFF is a value character', 'A=\uffff'),
    ('unicode: combining mark', 'A=e\u0301'),
    # control characters
    ('control: \\x01 cannot start a value', 'A=\x01'),
    ('control: \\x01 ends a value', 'A=a\x01b'),
    ('control: NUL ends a value', 'A=a\x00'),
    ('control: DEL is a value character', 'A=\x7f'),
    # multi-line carets
    ('multiline: error on the second line', 'A=a,\nB={x==1}\nmore'),
    ('multiline: spec example', 'ExistingEnrollmentAction=a,\nFraudDetectionConfig={x==1}\nmore'),
    ('multiline: error on the first line with more lines', 'A==\nB=c'),
    ('multiline: error at a newline', 'A=[a\n'),
    ('multiline: error right after a newline', 'A=a,\n,'),
    ('multiline: error at the start of the last line', 'A=[1]\nB'),
    ('multiline: csv list across lines', 'A=1,\nB'),
    ('multiline: many lines', 'A=[a,\nb,\nc\n]\n'),
    ('multiline: newlines only', '\n\n'),
    ('multiline: value spans lines', 'A=a\nb'),
    # pathological but small enough for Python
    ('pathological: many commas', 'A=a' + ',' * 1000),
    ('pathological: long csv with a trailing comma', 'A=a' + ',b' * 500 + ','),
    ('pathological: long bare value', 'A=' + 'x' * 5000),
    ('pathological: many escaped commas', 'A=' + '\\,' * 500),
    ('pathological: many keys', ','.join('K%d=v' % i for i in range(300))),
    ('pathological: many empty list items', 'A=[' + ',' * 500 + ']'),
    # backslashes in quoted values: 2.9.19's regexes take \\ as one escape, 2.36.7's do not
    ('backslashes: escaped backslash then a quote and more', "A='a\\\\'b'"),
    ('backslashes: escaped backslash then a double quote and more', 'A="a\\\\"b"'),
    ('backslashes: escaped backslash then a quote, more and a key', "A='a\\\\'b',C=d"),
    ('backslashes: escaped backslash then a quote, a comma and a key', "A='a\\\\',B='c'"),
    ('backslashes: four backslashes before the closing quote', "A='a\\\\\\\\'"),
    ('backslashes: four backslashes then a quote and more', "A='\\\\\\\\'x'"),
    ('backslashes: in a list', "A=['a\\\\',b]"),
    ('backslashes: in a list, then a quote', "A=['a\\\\'b']"),
    ('backslashes: in a hash', 'A={B="c\\\\"}'),
    ('backslashes: in a hash, then a quote', 'A={B="c\\\\"d"}'),
    ('backslashes: a second value', "A=x,'a\\\\'b'"),
    ('backslashes: a second value, then a key', "A=x,'a\\\\',B=c"),
    ('backslashes: unterminated after an escaped quote', "A='\\\\\\'"),
    ('backslashes: two escaped backslashes then a quote and more', 'A="\\\\\\\\"\\\\"x"'),
    # key@=value: 2.36.7 reads the value through a paramfile (2.9.19 expects '=' at the '@')
    ('paramfile: file:// first value', 'A@=file://abc'),
    ('paramfile: fileb:// first value', 'A@=fileb://abc'),
    ('paramfile: a value without a prefix stays', 'A@=abc'),
    ('paramfile: = alone does not read', 'A=file://abc'),
    ('paramfile: the prefix only', 'A@=file://'),
    ('paramfile: nothing after @=', 'A@='),
    ('paramfile: an empty first value then a file', 'A@=,file://b'),
    ('paramfile: single-quoted', "A@='file://a b'"),
    ('paramfile: double-quoted with a comma', 'A@="file://a,b"'),
    ('paramfile: quoted with an escaped quote', "A@='file://it\\'s'"),
    ('paramfile: escaped comma before reading', 'A@=file://a\\,b'),
    ('paramfile: trailing spaces stripped before reading', 'A@=file://a  '),
    ('paramfile: second values', 'A@=file://a,fileb://b,c'),
    ('paramfile: quoted second values', 'A@=x,\'file://a\',"fileb://b"'),
    ('paramfile: a backtracked second value is read too', 'A@=x,file://b=y'),
    ('paramfile: the next key resets it', 'A@=file://a,B=file://b'),
    ('paramfile: the next key may use it too', 'A=file://a,B@=file://b'),
    ('paramfile: list items', 'A@=[file://a,fileb://b,c]'),
    ('paramfile: nested list items', 'A@=[[file://a],[\'fileb://b\']]'),
    ('paramfile: a hash key', 'A={B@=file://b,C=file://c}'),
    ('paramfile: a nested hash key', 'A={B={C@=fileb://c}}'),
    ('paramfile: a hash key list', 'A={B@=[file://b,file://c]}'),
    ('paramfile: not inside a hash given with @=', 'A@={B=file://b}'),
    ('paramfile: a hash key clears it for later list items', 'A@=[{B=c},file://d]'),
    ('paramfile: a hash key sets it for later list items', 'A=[{B@=c},file://d]'),
    ('paramfile: an empty hash keeps it', 'A@=[{},file://d]'),
    ('paramfile: the next key after a hash resets it', 'A@={B=c},D=file://d'),
    ('paramfile: a list of hashes', 'A@=[{B@=file://b},{C=file://c}]'),
    ('paramfile: spaces around @=', 'A @ = file://a'),
    ('paramfile: a space before @=', 'A @=file://a'),
    ('paramfile: a space after @', 'A@ =file://a'),
    ('paramfile: spaces around @= in a hash', 'A={ B @ = file://b }'),
    ('paramfile: a newline before @', 'A\n@=file://a'),
    ('paramfile: the empty key', '@=file://a'),
    ('paramfile: the empty key in a hash', 'A={@=file://b}'),
    ('paramfile: two keys', 'A@=file://a,B@=fileb://b'),
    ('paramfile: a file:// value with = inside', 'A@=file://a=b'),
    ('paramfile: @ in a value is a character', 'A=@=b'),
    ('paramfile: @ without =', 'A@b'),
    ('paramfile: @ at the end', 'A@'),
    ('paramfile: @ twice', 'A@@=b'),
    ('paramfile: @ in a hash without =', 'A={B@c}'),
    ('paramfile: @ after = in a hash', 'A={B=@c}'),
    ('paramfile: a duplicate key with @=', 'A=a,A@=file://b'),
    ('paramfile: a missing file', 'A@=file://missing.txt'),
    ('paramfile: a missing fileb', 'A@=fileb://missing.bin'),
    ('paramfile: a missing file before a syntax error', 'A@=file://missing.txt,B'),
    ('paramfile: a missing file in a backtracked second value', 'A@=x,file://missing=y'),
    ('paramfile: a syntax error before a missing file', 'A@=[x}file://missing]'),
    ('paramfile: a missing file in an unterminated quote is not read', "A@='file://missing"),
    ('paramfile: a missing file after a read one', 'A@=[file://a,file://missing.txt]'),
    ('paramfile: a missing file not read without @', 'A=file://missing.txt'),
]

# How parse and coerce rows read `@=` values (2.36.7), in place of awscli.paramfile.get_paramfile:
# file://NAME reads the text NAME, fileb://NAME the UTF-8 bytes of NAME, and a NAME that starts
# with 'missing' is not there (paramfile.py's message). test/helpers/shorthand-fixtures.ts does the same.
def fake_get_paramfile(path, cases):
    for prefix in ('file://', 'fileb://'):
        if isinstance(path, str) and path.startswith(prefix):
            name = path[len(prefix):]
            if name.startswith('missing'):
                raise ResourceLoadingError('Unable to load paramfile %s: [Errno 2] No such file or directory: %r' % (path, name))
            return name.encode('utf-8') if prefix == 'fileb://' else name
    return None


def voice_id_model():
    with open(os.path.join(ROOT, 'src', 'model', 'voice-id-%s.json' % GENERATION)) as f:
        return json.load(f)


# A made-up model with every shape type the visitor treats differently.
SYNTHETIC = {
    'metadata': {'apiVersion': '2000-01-01', 'endpointPrefix': 'test', 'serviceId': 'Test',
                 'signingName': 'test', 'targetPrefix': 'Test', 'jsonVersion': '1.0'},
    'operationNames': ['TestOperation'],
    'operations': {'TestOperation': {'name': 'TestOperation', 'http': {'method': 'POST', 'requestUri': '/'},
                                     'input': {'shape': 'TestInput'}}},
    'shapes': {
        'TestInput': {'type': 'structure', 'members': {
            'Int': {'shape': 'Integer'}, 'Long': {'shape': 'Long'}, 'Float': {'shape': 'Float'},
            'Double': {'shape': 'Double'}, 'Bool': {'shape': 'Boolean'}, 'Str': {'shape': 'String'},
            'Blob': {'shape': 'Blob'}, 'Time': {'shape': 'Timestamp'}, 'StrList': {'shape': 'StrList'},
            'IntList': {'shape': 'IntList'}, 'BoolList': {'shape': 'BoolList'},
            'StructList': {'shape': 'StructList'}, 'ListOfLists': {'shape': 'ListOfLists'},
            'IntMap': {'shape': 'IntMap'}, 'StructMap': {'shape': 'StructMap'}, 'Nested': {'shape': 'Inner'},
            'Doc': {'shape': 'Document'}, 'DocList': {'shape': 'DocList'}}},
        'Inner': {'type': 'structure', 'members': {
            'Int': {'shape': 'Integer'}, 'Float': {'shape': 'Double'}, 'Flag': {'shape': 'Boolean'},
            'Names': {'shape': 'StrList'}, 'Doc': {'shape': 'Document'}, 'Deeper': {'shape': 'Inner'}}},
        'Integer': {'type': 'integer'}, 'Long': {'type': 'long'}, 'Float': {'type': 'float'},
        'Double': {'type': 'double'}, 'Boolean': {'type': 'boolean'}, 'String': {'type': 'string'},
        'Blob': {'type': 'blob'}, 'Timestamp': {'type': 'timestamp'},
        'StrList': {'type': 'list', 'member': {'shape': 'String'}},
        'IntList': {'type': 'list', 'member': {'shape': 'Integer'}},
        'BoolList': {'type': 'list', 'member': {'shape': 'Boolean'}},
        'StructList': {'type': 'list', 'member': {'shape': 'Inner'}},
        'ListOfLists': {'type': 'list', 'member': {'shape': 'IntList'}},
        'IntMap': {'type': 'map', 'key': {'shape': 'String'}, 'value': {'shape': 'Integer'}},
        'StructMap': {'type': 'map', 'key': {'shape': 'String'}, 'value': {'shape': 'Inner'}},
        'Document': {'type': 'structure', 'members': {}, 'document': True},
        'DocList': {'type': 'list', 'member': {'shape': 'Document'}},
    },
}

RT = 'FraudDetectionConfig={RiskThreshold=%s}'
# (name, model, path from the operation's input shape, shorthand)
COERCE_CASES = [
    ('int: the spec example', 'voice-id', 'EnrollmentConfig', 'ExistingEnrollmentAction=SKIP,FraudDetectionConfig={FraudDetectionAction=FAIL,RiskThreshold=50}'),
    ('int: leading zeros', 'voice-id', 'EnrollmentConfig', RT % '050'),
    ('int: plus sign', 'voice-id', 'EnrollmentConfig', RT % '+5'),
    ('int: minus sign', 'voice-id', 'EnrollmentConfig', RT % '-5'),
    ('int: minus zero', 'voice-id', 'EnrollmentConfig', RT % '-0'),
    ('int: underscore between digits', 'voice-id', 'EnrollmentConfig', RT % '1_000'),
    ('int: surrounding spaces in quotes', 'voice-id', 'EnrollmentConfig', RT % "' 7 '"),
    ('int: tabs and newlines in quotes', 'voice-id', 'EnrollmentConfig', RT % "'\t7\n'"),
    ('int: Unicode spaces in quotes', 'voice-id', 'EnrollmentConfig', RT % "'\u30007\x85'"),
    ('int: Arabic-Indic digits', 'voice-id', 'EnrollmentConfig', RT % '\u0661\u0662'),
    ('int: fullwidth digits', 'voice-id', 'EnrollmentConfig', RT % '\uff15\uff10'),
    ('int: mathematical digits (astral, in quotes)', 'voice-id', 'EnrollmentConfig', RT % "'\U0001d7d7\U0001d7ce'"),
    ('int: a digit newer than Unicode 14', 'voice-id', 'EnrollmentConfig', RT % "'\U00011f51'"),
    ('int: above the model maximum', 'voice-id', 'EnrollmentConfig', RT % '101'),
    ('int: big', 'voice-id', 'EnrollmentConfig', RT % '123456789012345678901234567890'),
    ('int: 4300 digits', 'voice-id', 'EnrollmentConfig', RT % ('9' * 4300)),
    ('int: 4301 digits', 'voice-id', 'EnrollmentConfig', RT % ('9' * 4301)),
    ('int: 4301 digits then junk', 'voice-id', 'EnrollmentConfig', RT % ('9' * 4301 + 'x')),
    ('int: 4301 digits then a trailing underscore', 'voice-id', 'EnrollmentConfig', RT % ('9' * 4301 + '_')),
    ('int: decimal point', 'voice-id', 'EnrollmentConfig', RT % '5.0'),
    ('int: exponent', 'voice-id', 'EnrollmentConfig', RT % '1e2'),
    ('int: hex', 'voice-id', 'EnrollmentConfig', RT % '0x10'),
    ('int: empty', 'voice-id', 'EnrollmentConfig', RT % "''"),
    ('int: space inside', 'voice-id', 'EnrollmentConfig', RT % '1 2'),
    ('int: leading underscore', 'voice-id', 'EnrollmentConfig', RT % '_1'),
    ('int: trailing underscore', 'voice-id', 'EnrollmentConfig', RT % '1_'),
    ('int: double underscore', 'voice-id', 'EnrollmentConfig', RT % '1__0'),
    ('int: sign only', 'voice-id', 'EnrollmentConfig', RT % '+'),
    ('int: \\x1c is not stripped', 'voice-id', 'EnrollmentConfig', RT % "'\x1c1'"),
    ('int: NUL inside', 'voice-id', 'EnrollmentConfig', RT % "'1\x00'"),
    ('int: repr uses double quotes around a single quote', 'voice-id', 'EnrollmentConfig', RT % '"it\'s"'),
    ('int: repr escapes a backslash', 'voice-id', 'EnrollmentConfig', RT % 'a\\b'),
    ('int: repr escapes control and non-printable characters', 'voice-id', 'EnrollmentConfig', RT % "'\x01\u200b\x7f'"),
    ('int: repr keeps printable non-ASCII', 'voice-id', 'EnrollmentConfig', RT % "'é😀'"),
    ('int: repr is cut at 200 characters', 'voice-id', 'EnrollmentConfig', RT % ('x' * 300)),
    ('int: a list', 'voice-id', 'EnrollmentConfig', RT % '[1]'),
    ('int: a dict', 'voice-id', 'EnrollmentConfig', RT % '{a=1}'),
    ('int: empty list', 'voice-id', 'EnrollmentConfig', RT % '[]'),
    ('int: a list of dicts', 'voice-id', 'EnrollmentConfig', RT % '[{a=1}]'),
    ('int: nothing after =', 'voice-id', 'EnrollmentConfig.FraudDetectionConfig', 'RiskThreshold='),
    ('int: a csv list', 'voice-id', 'EnrollmentConfig.FraudDetectionConfig', 'RiskThreshold=1,2'),
    ('int: trailing space of a bare value is stripped first', 'voice-id', 'EnrollmentConfig', RT % '7 '),
    ('int: em space and no-break space in quotes', 'voice-id', 'EnrollmentConfig', RT % "'\u20037\xa0'"),
    ('int: line separator in quotes', 'voice-id', 'EnrollmentConfig', RT % "'\u20287'"),
    ('int: zero width space is not a space', 'voice-id', 'EnrollmentConfig', RT % "'\u200b7'"),
    ('int: leading zeros only', 'voice-id', 'EnrollmentConfig', RT % '000'),
    ('int: underscore after a leading zero', 'voice-id', 'EnrollmentConfig', RT % '0_7'),
    ('int: underscore after the sign', 'voice-id', 'EnrollmentConfig', RT % '+_7'),
    ('int: two signs', 'voice-id', 'EnrollmentConfig', RT % '+-7'),
    ('int: space after the sign', 'voice-id', 'EnrollmentConfig', RT % "'- 7'"),
    ('int: Unicode minus sign', 'voice-id', 'EnrollmentConfig', RT % '\u22127'),
    ('int: fullwidth plus sign', 'voice-id', 'EnrollmentConfig', RT % '\uff0b7'),
    ('int: Thai digits', 'voice-id', 'EnrollmentConfig', RT % '\u0e55\u0e50'),
    ('int: Devanagari digit with a sign and an underscore', 'voice-id', 'EnrollmentConfig', RT % '-\u0967_\u0968'),
    ('int: ASCII and Arabic-Indic digits mixed', 'voice-id', 'EnrollmentConfig', RT % '5\u0660'),
    ('int: superscript two is not a decimal digit', 'voice-id', 'EnrollmentConfig', RT % '\xb2'),
    ('int: circled digit is not a decimal digit', 'voice-id', 'EnrollmentConfig', RT % '\u2460'),
    ('int: Roman numeral', 'voice-id', 'EnrollmentConfig', RT % '\u2167'),
    ('int: digit then a non-ASCII letter', 'voice-id', 'EnrollmentConfig', RT % '5\xe9'),
    ('int: negative exponent', 'voice-id', 'EnrollmentConfig', RT % '1e-2'),
    ('int: binary and octal prefixes', 'voice-id', 'EnrollmentConfig', RT % '0b1'),
    ('int: octal prefix', 'voice-id', 'EnrollmentConfig', RT % '0o7'),
    ('int: inf', 'voice-id', 'EnrollmentConfig', RT % 'inf'),
    ('int: True is not 1', 'voice-id', 'EnrollmentConfig', RT % 'True'),
    ('int: a trailing point', 'voice-id', 'EnrollmentConfig', RT % '5.'),
    ('int: quoted spaces only', 'voice-id', 'EnrollmentConfig', RT % "'  '"),
    ('int: a quoted comma', 'voice-id', 'EnrollmentConfig', RT % "'1,0'"),
    ('int: repr of a string with both quotes', 'voice-id', 'EnrollmentConfig', RT % '"a\'b\\"c"'),
    ('int: repr of a newline', 'voice-id', 'EnrollmentConfig', RT % "'a\nb'"),
    ('int: 4300 digits with a sign and zeros', 'voice-id', 'EnrollmentConfig', RT % ('-' + '0' * 4300)),
    ('int: 4301 zeros', 'voice-id', 'EnrollmentConfig', RT % ('0' * 4301)),
    ('int: 4301 digits with underscores counted without them', 'voice-id', 'EnrollmentConfig', RT % '_'.join('9' * 4301)),
    ('int: 4300 Unicode digits', 'voice-id', 'EnrollmentConfig', RT % ('\u0661' * 4300)),
    ('int: FraudDetectionAction stays a string', 'voice-id', 'EnrollmentConfig', 'FraudDetectionConfig={FraudDetectionAction=50,RiskThreshold=50}'),
    ('int: RiskThreshold outside FraudDetectionConfig stays a string', 'voice-id', 'EnrollmentConfig', 'RiskThreshold=5.0'),
    ('int: FraudDetectionConfig given as a list of structures', 'voice-id', 'EnrollmentConfig', 'FraudDetectionConfig=[{RiskThreshold=x}]'),
    ('int: first member error wins over later members', 'voice-id', 'EnrollmentConfig', 'FraudDetectionConfig={RiskThreshold=x},ExistingEnrollmentAction=[a]'),
    ('input: the baseline', 'voice-id', 'InputDataConfig', 'S3Uri=s3://bucket/in.json'),
    ('input: empty S3Uri', 'voice-id', 'InputDataConfig', 'S3Uri='),
    ('input: a list stays for validation', 'voice-id', 'InputDataConfig', 'S3Uri=a,b'),
    ('input: a dict stays for validation', 'voice-id', 'InputDataConfig', 'S3Uri={a=1}'),
    ('input: unknown keys stay', 'voice-id', 'InputDataConfig', 'Foo=1,S3Uri=s3://b/i'),
    ('input: the empty key stays', 'voice-id', 'InputDataConfig', '=x'),
    ('output: the baseline', 'voice-id', 'OutputDataConfig', 'S3Uri=s3://bucket/out'),
    ('output: written order is kept', 'voice-id', 'OutputDataConfig', 'S3Uri=s3://b/o,KmsKeyId=key'),
    ('output: a numeric KmsKeyId stays a string', 'voice-id', 'OutputDataConfig', 'KmsKeyId=1,S3Uri=2'),
    ('output: quoted values', 'voice-id', 'OutputDataConfig', "KmsKeyId='arn:aws:kms:us-east-1:1:key/a,b',S3Uri=\"s3://b/o p\""),
    ('enrollment: only the enum member', 'voice-id', 'EnrollmentConfig', 'ExistingEnrollmentAction=OVERWRITE'),
    ('enrollment: spaced spec example', 'voice-id', 'EnrollmentConfig', 'ExistingEnrollmentAction = SKIP , FraudDetectionConfig = { FraudDetectionAction = FAIL , RiskThreshold = 050 }'),
    ('enrollment: trailing comma in the hash', 'voice-id', 'EnrollmentConfig', 'FraudDetectionConfig={RiskThreshold=1,}'),
    ('enrollment: a csv list for the enum stays', 'voice-id', 'EnrollmentConfig', 'ExistingEnrollmentAction=a,b,c'),
    ('enrollment: an explicit list for the enum stays', 'voice-id', 'EnrollmentConfig', 'ExistingEnrollmentAction=[a,b]'),
    ('int: a whole path into the structure', 'voice-id', 'EnrollmentConfig.FraudDetectionConfig', 'RiskThreshold=42,FraudDetectionAction=IGNORE'),
    ('structure: unknown keys are left alone', 'voice-id', 'EnrollmentConfig', 'FraudDetectionConfig={RiskThreshold=5,Extra=7},Other=8'),
    ('structure: a scalar where a structure belongs', 'voice-id', 'EnrollmentConfig', 'FraudDetectionConfig=x'),
    ('structure: a list where a structure belongs', 'voice-id', 'EnrollmentConfig', 'FraudDetectionConfig=[a,b]'),
    ('structure: empty', 'voice-id', 'EnrollmentConfig', 'FraudDetectionConfig={}'),
    ('structure: enums are not checked', 'voice-id', 'EnrollmentConfig', 'ExistingEnrollmentAction=é'),
    ('structure: strings stay strings', 'voice-id', 'InputDataConfig', 'S3Uri=123'),
    ('structure: a list for a string stays', 'voice-id', 'OutputDataConfig', 'KmsKeyId=a,b,S3Uri=[c]'),
    ('structure: the whole input shape', 'voice-id', '', 'DomainId=1,EnrollmentConfig={FraudDetectionConfig={RiskThreshold=9}}'),
    ('long: converts', 'synthetic', '', 'Long=9007199254740993'),
    ('long: fails like int', 'synthetic', '', 'Long=1.5'),
    ('float: decimal', 'synthetic', '', 'Float=1.5'),
    ('float: double shape', 'synthetic', '', 'Double=-2.25'),
    ('float: integer text', 'synthetic', '', 'Float=7'),
    ('float: underscores', 'synthetic', '', 'Float=1_0.5_0'),
    ('float: leading point', 'synthetic', '', 'Float=.5'),
    ('float: trailing point', 'synthetic', '', 'Float=1.'),
    ('float: exponent', 'synthetic', '', 'Float=1e5'),
    ('float: small exponent', 'synthetic', '', 'Float=1E-5'),
    ('float: exponent with underscores', 'synthetic', '', 'Float=1e1_0'),
    ('float: inf', 'synthetic', '', 'Float=inf'),
    ('float: -Infinity', 'synthetic', '', 'Float=-Infinity'),
    ('float: nan', 'synthetic', '', 'Float=nAn'),
    ('float: overflow to inf', 'synthetic', '', 'Float=1e400'),
    ('float: minus zero', 'synthetic', '', 'Float=-0'),
    ('float: Unicode digits', 'synthetic', '', 'Float=\u0661.\u0665'),
    ('float: Unicode spaces in quotes', 'synthetic', '', "Float='\xa01.5\u3000'"),
    ('float: \\x1c is not stripped', 'synthetic', '', "Float='\x1c1.5'"),
    ('float: hex', 'synthetic', '', 'Float=0x10'),
    ('float: a point alone', 'synthetic', '', 'Float=.'),
    ('float: dangling exponent', 'synthetic', '', 'Float=1.5e'),
    ('float: underscore before the point', 'synthetic', '', 'Float=1_.5'),
    ('float: words', 'synthetic', '', 'Float=abc'),
    ('float: empty', 'synthetic', '', 'Float='),
    ('float: underscores everywhere allowed', 'synthetic', '', 'Float=1_000.000_1e1_0'),
    ('float: signed leading point', 'synthetic', '', 'Float=+.5'),
    ('float: point and exponent only', 'synthetic', '', 'Float=-.e1'),
    ('float: infinity spelled out', 'synthetic', '', 'Float=+InFiNiTy'),
    ('float: signed nan', 'synthetic', '', 'Float=-nan'),
    ('float: underscore inside inf', 'synthetic', '', 'Float=in_f'),
    ('float: hex float', 'synthetic', '', 'Float=0x1p3'),
    ('float: double underscore', 'synthetic', '', 'Float=1__0'),
    ('float: leading underscore', 'synthetic', '', 'Float=_1'),
    ('float: trailing underscore', 'synthetic', '', 'Float=1.5_'),
    ('float: underscore after the point', 'synthetic', '', 'Float=1._5'),
    ('float: underscore before the exponent', 'synthetic', '', 'Float=1_e5'),
    ('float: spaces around nan', 'synthetic', '', "Float=' nan '"),
    ('float: Unicode digits in the exponent', 'synthetic', '', 'Float=1e\u0662'),
    ('float: underflow to zero', 'synthetic', '', 'Float=1e-5000'),
    ('float: the smallest subnormal', 'synthetic', '', 'Float=4.9e-324'),
    ('float: 5000 digits', 'synthetic', '', 'Float=' + '1' * 5000),
    ('float: 400 digits after the point', 'synthetic', '', 'Float=0.' + '3' * 400),
    ('float: long text is not cut in the error', 'synthetic', '', 'Float=' + 'x' * 300),
    ('float: a newer Unicode digit', 'synthetic', '', "Float='\U00011f51'"),
    ('float: exponent without digits after a sign', 'synthetic', '', 'Float=1e+'),
    ('float: a list', 'synthetic', '', 'Float=[1]'),
    ('float: a dict', 'synthetic', '', 'Double={a=1}'),
    ('bool: true', 'synthetic', '', 'Bool=true'),
    ('bool: FALSE', 'synthetic', '', 'Bool=FALSE'),
    ('bool: mixed case', 'synthetic', '', 'Bool=TrUe'),
    ('bool: anything else stays a string', 'synthetic', '', 'Bool=yes'),
    ('bool: spaces are not stripped', 'synthetic', '', "Bool=' true'"),
    ('bool: empty stays', 'synthetic', '', 'Bool='),
    ('bool: a list crashes', 'synthetic', '', 'Bool=[true]'),
    ('bool: a dict crashes', 'synthetic', '', 'Bool={a=true}'),
    ('scalars: string, blob and timestamp stay', 'synthetic', '', 'Str=1,Blob=2,Time=3'),
    ('list: a bare value is wrapped', 'synthetic', '', 'StrList=a'),
    ('list: an empty value is wrapped', 'synthetic', '', 'StrList='),
    ('list: a csv list stays', 'synthetic', '', 'StrList=a,b'),
    ('list: an explicit list stays', 'synthetic', '', 'StrList=[a]'),
    ('list: a dict is wrapped', 'synthetic', '', 'StrList={a=b}'),
    ('list: ints converted', 'synthetic', '', 'IntList=1,2,3'),
    ('list: a wrapped int is not converted', 'synthetic', '', 'IntList=5'),
    ('list: a bad int in a list', 'synthetic', '', 'IntList=1,2,x'),
    ('list: a list inside an int list', 'synthetic', '', 'IntList=[1,[2]]'),
    ('list: booleans converted', 'synthetic', '', 'BoolList=[true,False,maybe]'),
    ('list: structures visited', 'synthetic', '', 'StructList=[{Int=1,Flag=true},{Float=2}]'),
    ('list: a wrapped structure is not visited', 'synthetic', '', 'StructList={Int=1}'),
    ('list: list of lists', 'synthetic', '', 'ListOfLists=[1,[2,3],[]]'),
    ('map: values converted', 'synthetic', '', 'IntMap={a=1,b=-2}'),
    ('map: bad value', 'synthetic', '', 'IntMap={a=1,b=x}'),
    ('map: scalar stays', 'synthetic', '', 'IntMap=5'),
    ('map: structures visited', 'synthetic', '', 'StructMap={k={Int=3,Names=n}}'),
    ('structure: nested conversions', 'synthetic', '', 'Nested={Int=1,Float=2,Flag=TRUE,Names=x,Deeper={Int=4}}'),
    ('structure: model order decides which error wins', 'synthetic', '', 'Float=x,Int=y'),
    ('structure: model order inside a member', 'synthetic', '', 'Nested={Flag=[x],Int=z}'),
    ('document: a dict', 'synthetic', '', 'Doc={a=1}'),
    ('document: a scalar', 'synthetic', '', 'Doc=x'),
    ('document: in a list', 'synthetic', '', 'DocList=[{a=1}]'),
    ('document: nested member', 'synthetic', '', 'Nested={Deeper={Doc={}}}'),
    ('document: absent is fine', 'synthetic', '', 'Int=1'),
    ('document: the top-level shape', 'synthetic', 'Doc', 'a=1'),
    ('top level: a list shape keeps the dict', 'synthetic', 'StructList', 'Int=1'),
    ('top level: a map shape converts its values', 'synthetic', 'IntMap', 'a=1,b=2'),
    ('top level: a scalar shape crashes on the dict', 'synthetic', 'Int', 'a=1'),
    ('top level: a string shape keeps the dict', 'synthetic', 'Str', 'a=1'),
]

# 2.36.7 only: values read by `@=` (through fake_get_paramfile: fileb:// gives bytes).
COERCE_PARAMFILE_CASES = [
    ('paramfile: an int from a file', 'voice-id', 'EnrollmentConfig', 'FraudDetectionConfig={RiskThreshold@=file://50}'),
    ('paramfile: an int from bytes', 'voice-id', 'EnrollmentConfig', 'FraudDetectionConfig={RiskThreshold@=fileb://050}'),
    ('paramfile: a bad int from bytes', 'voice-id', 'EnrollmentConfig', 'FraudDetectionConfig={RiskThreshold@=fileb://5x}'),
    ('paramfile: a file name is no int without @', 'voice-id', 'EnrollmentConfig', 'FraudDetectionConfig={RiskThreshold=file://50}'),
    ('paramfile: bytes for a string stay', 'voice-id', 'EnrollmentConfig', 'ExistingEnrollmentAction@=fileb://SKIP'),
    ('paramfile: bytes for a list are wrapped', 'voice-id', 'EnrollmentConfig', 'FraudDetectionConfig={WatchlistIds@=fileb://w}'),
    ('paramfile: files in a list', 'voice-id', 'EnrollmentConfig', 'FraudDetectionConfig={WatchlistIds@=[file://a,fileb://b]}'),
    ('paramfile: a float from bytes', 'synthetic', '', 'Float@=fileb://1.5'),
    ('paramfile: a bad float from bytes', 'synthetic', '', 'Double@=fileb://x'),
    ('paramfile: a boolean from bytes stays bytes', 'synthetic', '', 'Bool@=fileb://true'),
    ('paramfile: a boolean from a file', 'synthetic', '', 'Bool@=file://TRUE'),
    ('paramfile: ints in a list', 'synthetic', '', 'IntList@=[fileb://1,file://2]'),
    ('paramfile: a map value from bytes', 'synthetic', '', 'IntMap={a@=fileb://7}'),
    ('paramfile: non-ASCII bytes for an int', 'synthetic', '', 'Int@=fileb://\xe9'),
    ('paramfile: Unicode digits from a file', 'synthetic', '', 'Int@=file://\u0665'),
    ('paramfile: Unicode digits from bytes', 'synthetic', '', 'Long@=fileb://\u0665'),
    ('paramfile: bytes in a nested structure', 'synthetic', '', 'Nested={Int@=fileb://3,Deeper={Float@=fileb://-0.5}}'),
]


def int_text(v):
    """str(v) without the 4300-digit limit."""
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        return str(v)
    finally:
        sys.set_int_max_str_digits(limit)


def tag(value):
    """A value as JSON that keeps Python's types apart (the format of test/helpers/py-tagged.ts)."""
    if isinstance(value, bool) or isinstance(value, str):
        return value
    if isinstance(value, int):
        return {'int': int_text(value)}
    if isinstance(value, float):
        return {'float': 'nan' if math.isnan(value) else struct.pack('>d', value).hex()}
    if isinstance(value, list):
        return [tag(v) for v in value]
    if isinstance(value, dict):
        return {'dict': [[k, tag(v)] for k, v in value.items()], 'ordered': False}
    if isinstance(value, bytes):
        return {'bytes': value.hex()}
    raise TypeError(type(value))


def error_row(e):
    """What the TypeScript port must throw: the error code, Python's class, index and str()."""
    if isinstance(e, ShorthandParseError):
        row = {'code': 'SHORTHAND_SYNTAX', 'type': type(e).__name__}
        if hasattr(e, 'index'):
            row['index'] = e.index
    elif isinstance(e, ResourceLoadingError):  # 2.36.7's `@=`: what the CLI prints, exit 255
        row = {'code': 'PARAMFILE_UNREADABLE', 'type': type(e).__name__}
    else:  # what the CLI prints raw, exit 255
        row = {'code': 'PYTHON_CRASH', 'type': type(e).__name__}
    row['message'] = str(e)
    return row


def parse_outcome(text):
    try:
        return {'expected': tag(ShorthandParser().parse(text))}
    except (ShorthandParseError, ResourceLoadingError) as e:
        return {'error': error_row(e)}


def parse_rows():
    valid, invalid = [], []
    for name, text in PARSE_CASES:
        row = dict(name=name, input=text, **parse_outcome(text))
        (valid if 'expected' in row else invalid).append(row)
    return valid, invalid


# The operation whose input shape a coerce row's path starts from.
OPERATIONS = {'voice-id': 'StartSpeakerEnrollmentJob', 'synthetic': 'TestOperation'}


def resolve(model, operation, path):
    resolver = ShapeResolver(model['shapes'])
    shape = resolver.get_shape_by_name(model['operations'][operation]['input']['shape'])
    for part in filter(None, path.split('.')):
        shape = shape.members[part]
    return shape


def coerce_rows():
    models = {'voice-id': voice_id_model(), 'synthetic': SYNTHETIC}
    rows = []
    cases = COERCE_CASES + (COERCE_PARAMFILE_CASES if GENERATION != '2.9.19' else [])
    for name, model, path, text in cases:
        row = {'name': name, 'model': model, 'path': path, 'input': text}
        parsed = ShorthandParser().parse(text)
        try:
            BackCompatVisitor().visit(parsed, resolve(models[model], OPERATIONS[model], path))
            row['expected'] = tag(parsed)
        except Exception as e:  # noqa: BLE001 - every exception is an expectation here
            row['error'] = error_row(e)
        rows.append(row)
    return rows


# ------------------------------------------------------------------ recursion depth
# Python's recursion limit ends the recursive descent. In `aws` 2.9.19 the shorthand value of the
# first structure option is parsed with a stack as deep as CALLER_DEPTH frames here, checked
# against the binary (`/usr/bin/aws voice-id start-speaker-enrollment-job ... --enrollment-config
# <value> --generate-cli-skeleton input`, which unpacks arguments and sends nothing): 486 nested []
# parse and 487 crash, 485 [x] parse and 486 crash "... while calling a Python object". 2.36.7
# calls it 4 frames deeper (the oracle: 484 nested [] parse, 485 crash; [x], {a=x}, `@=` in lists
# and hashes, with a bare value, a quoted one and a file, all agree with the forks at 25). Each
# parse runs in a fresh fork, so the bytecode is as un-specialized as in a CLI process
# (specialization changes which C calls count against the limit).
CALLER_DEPTH = {'2.9.19': 21, '2.36.7': 25}[GENERATION]


def _stack_depth():
    frame, n = sys._getframe(1), 0
    while frame:
        n, frame = n + 1, frame.f_back
    return n


def cold_parse(text):
    """The outcome of parsing `text` in a fresh process at the CLI's stack depth."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)

        def descend():
            if _stack_depth() < CALLER_DEPTH:
                return descend()
            try:
                ShorthandParser().parse(text)
                # Too deep to compare as JSON (json.dump recurses too); parsing is the point.
                return {'expected': 'ok'}
            except (ShorthandParseError, ResourceLoadingError) as e:
                return {'error': error_row(e)}
            except RecursionError as e:
                return {'error': error_row(e)}
        with os.fdopen(write_end, 'w') as out:
            json.dump(descend(), out)
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end) as data:
        outcome = json.load(data)
    os.waitpid(pid, 0)
    return outcome


def crashes(outcome):
    return outcome.get('error', {}).get('code') == 'PYTHON_CRASH'


def pieces_text(pieces):
    return ''.join(text * count for text, count in pieces)


# (name, pieces builder for a nesting depth n); pieces are [text, repeat] pairs.
RECURSION_TEMPLATES = [
    ('empty lists', lambda n: [['A=', 1], ['[', n], [']', n]]),
    ('a bare value in lists', lambda n: [['A=', 1], ['[', n], ['x', 1], [']', n]]),
    ('a single-quoted value in lists', lambda n: [['A=', 1], ['[', n], ["'x'", 1], [']', n]]),
    ('a double-quoted value in lists', lambda n: [['A=', 1], ['[', n], ['"x"', 1], [']', n]]),
    ('an empty value in lists', lambda n: [['A=', 1], ['[', n], [',', 1], [']', n]]),
    ('an empty hash in lists', lambda n: [['A=', 1], ['[', n], ['{}', 1], [']', n]]),
    ('a hash with a value in lists', lambda n: [['A=', 1], ['[', n], ['{a=b}', 1], [']', n]]),
    ('spaces in lists', lambda n: [['A=', 1], ['[ ', n], [' ]', n]]),
    ('values beside each level', lambda n: [['A=', 1], ['[a,', n], [']', n]]),
    ('a bare value in hashes', lambda n: [['A=', 1], ['{a=', n], ['x', 1], ['}', n]]),
    ('a quoted value in hashes', lambda n: [['A=', 1], ['{a=', n], ['"x"', 1], ['}', n]]),
    ('an empty list in hashes', lambda n: [['A=', 1], ['{a=', n], ['[]', 1], ['}', n]]),
    ('an empty hash in hashes', lambda n: [['A=', 1], ['{a=', n], ['{}', 1], ['}', n]]),
    ('hashes and lists alternating', lambda n: [['A=', 1], ['[{a=', n // 2], ['[]', n % 2], ['x', 1 - n % 2], ['}]', n // 2]]),
    ('a top-level hash', lambda n: [['A=', 1], ['{a=', n], ['{}', 1], ['}', n], [',B=c', 1]]),
    ('unclosed lists', lambda n: [['A=', 1], ['[', n]]),
    ('unclosed lists after a value', lambda n: [['A=', 1], ['[', n], ['x', 1]]),
    ('unclosed lists after a comma', lambda n: [['A=', 1], ['[', n], ['x,', 1]]),
    ('an unterminated quote in lists', lambda n: [['A=', 1], ['[', n], ["'x", 1]]),
    ('an unterminated quote in hashes', lambda n: [['A=', 1], ['{a=', n], ['"x', 1]]),
    ('unclosed hashes', lambda n: [['A=', 1], ['{a=', n]]),
    ('a key without = in lists', lambda n: [['A=', 1], ['[', n], ['{a', 1]]),
    ('junk after a value in lists', lambda n: [['A=', 1], ['[', n], ['x}', 1], [']', n]]),
    ('a missing comma after a list', lambda n: [['A=', 1], ['[', n], ['[]x', 1], [']', n]]),
    ('unclosed lists on two lines', lambda n: [['A=\n', 1], ['[', n]]),
    ('an unterminated quote on two lines', lambda n: [['A=', 1], ['[', n], ["\n'x", 1]]),
    ('a newline after the error', lambda n: [['A=', 1], ['[', n], ['x}\n', 1], [']', n]]),
]
# 2.36.7's `@=`: values that get_paramfile looks at, files it reads (RECURSION_FILES, in the
# current folder) or fails to read, and the '@' each hash key looks for.
RECURSION_PARAMFILE_TEMPLATES = [
    ('@=, a bare value in lists', lambda n: [['A@=', 1], ['[', n], ['x', 1], [']', n]]),
    ('@=, a quoted value in lists', lambda n: [['A@=', 1], ['[', n], ['"x"', 1], [']', n]]),
    ('@=, a file in lists', lambda n: [['A@=', 1], ['[', n], ['file://v.txt', 1], [']', n]]),
    ('@=, a fileb in lists', lambda n: [['A@=', 1], ['[', n], ['fileb://v.txt', 1], [']', n]]),
    ('@=, a quoted file in lists', lambda n: [['A@=', 1], ['[', n], ["'file://v.txt'", 1], [']', n]]),
    ('@=, a missing file in lists', lambda n: [['A@=', 1], ['[', n], ['file://missing.txt', 1], [']', n]]),
    ('@=, an empty value in lists', lambda n: [['A@=', 1], ['[', n], [',', 1], [']', n]]),
    ('@= in hashes, a bare value', lambda n: [['A=', 1], ['{a@=', n], ['x', 1], ['}', n]]),
    ('@= in hashes, a file', lambda n: [['A=', 1], ['{a@=', n], ['file://v.txt', 1], ['}', n]]),
    ('@= in hashes, a missing file', lambda n: [['A=', 1], ['{a@=', n], ['file://missing.txt', 1], ['}', n]]),
    ('@= in hashes, unclosed', lambda n: [['A=', 1], ['{a@=', n]]),
    ('@= in hashes, spaces around', lambda n: [['A=', 1], ['{ a @ = ', n], ['x', 1], [' }', n]]),
    ('@= in hashes, @ without =', lambda n: [['A=', 1], ['{a@=', n], ['{b@x', 1]]),
    ('@= in hashes, a newline before the error', lambda n: [['A=\n', 1], ['{a@=', n], ['{b', 1]]),
]
RECURSION_FILES = {'v.txt': 'v'}


def recursion_rows():
    rows = []
    templates = RECURSION_TEMPLATES + (RECURSION_PARAMFILE_TEMPLATES if GENERATION != '2.9.19' else [])
    for name, build in templates:
        n = 470
        while not crashes(cold_parse(pieces_text(build(n)))):
            n += 1
        for depth in (n - 2, n - 1, n):
            pieces = build(depth)
            rows.append(dict(name='%s, %d deep' % (name, depth), pieces=pieces, **cold_parse(pieces_text(pieces))))
    for name, build in RECURSION_TEMPLATES[:3] + RECURSION_TEMPLATES[9:10] + RECURSION_TEMPLATES[15:16]:
        pieces = build(2000)  # far past the limit
        rows.append(dict(name='%s, 2000 deep' % name, pieces=pieces, **cold_parse(pieces_text(pieces))))
    rng = random.Random(20240601)
    openers = ['[', '[ ', '{a=', '{ a = ', '[x,', '{k=v,a=']
    inners = ['', 'x', "'q'", '"q"', '{}', '[]', '{b=c}', "'open", 'x}', '{b', ',', '\nx}', '[x]y', ' ']
    for i in range(120):
        depth = rng.randrange(474, 494)
        levels = [rng.choice(openers[:2] if rng.random() < 0.5 else openers) for _ in range(3)]
        pieces = [['A=', 1]]
        for opener, count in zip(levels, (depth - 6, 3, 3)):
            pieces.append([opener, count])
        pieces.append([rng.choice(inners), 1])
        closers = [']' if opener.startswith('[') else '}' for opener in reversed(levels)]
        for closer, count in zip(closers, (3, 3, depth - 6 - rng.choice([0, 0, 1]))):
            pieces.append([closer, count])
        rows.append(dict(name='random deep input %d' % i, pieces=pieces, **cold_parse(pieces_text(pieces))))
    return rows


# ------------------------------------------------------------------ differential fuzz
FUZZ_ALPHABET = list('=,[]{}\'"\\ \t\nab_Z09.:/#-') + ['é', '日', '\u3000', '\xa0', '\x1c', '😀', '\x00']
FUZZ_PLAIN = list('abcXYZ0189_-./: ') + ['\\,', 'é']


def fuzz_value(rng, depth):
    roll = rng.random()
    if depth < 3 and roll < 0.15:
        return '[' + ','.join(fuzz_value(rng, depth + 1) for _ in range(rng.randrange(4))) + rng.choice(['', ',']) + ']'
    if depth < 3 and roll < 0.3:
        items = ['%s=%s' % (fuzz_key(rng), fuzz_value(rng, depth + 1)) for _ in range(rng.randrange(4))]
        return '{' + rng.choice(['', ' ']) + ','.join(items) + rng.choice(['', ',', ' ']) + '}'
    if roll < 0.45:
        quote = rng.choice('\'"')
        body = ''.join(rng.choice(['a', ' ', ',', '\\', '\\' + quote, quote if rng.random() < 0.1 else 'b', 'é']) for _ in range(rng.randrange(6)))
        return quote + body + (quote if rng.random() < 0.9 else '')
    return ''.join(rng.choice(FUZZ_PLAIN if rng.random() < 0.85 else FUZZ_ALPHABET) for _ in range(rng.randrange(6)))


def fuzz_key(rng):
    return ''.join(rng.choice('abAB09-_.:/# ') for _ in range(rng.randrange(4)))


def fuzz_input(rng):
    kind = rng.random()
    if kind < 0.25:  # raw characters
        return ''.join(rng.choice(FUZZ_ALPHABET) for _ in range(rng.randrange(1, 16)))
    keyvals = []
    for _ in range(rng.randrange(1, 4)):
        value = fuzz_value(rng, 0)
        if rng.random() < 0.3:
            value += ''.join(',' + fuzz_value(rng, 3) for _ in range(rng.randrange(1, 3)))
        ws = lambda: rng.choice(['', '', ' ', '\t', '\n'])  # noqa: E731
        keyvals.append(fuzz_key(rng) + ws() + '=' + ws() + value)
    text = rng.choice([',', ', ', ',\n']).join(keyvals)
    for _ in range(rng.randrange(3) if kind > 0.7 else 0):  # mutations
        i = rng.randrange(len(text) + 1)
        text = text[:i] + rng.choice(FUZZ_ALPHABET) + text[i + 1:]
    return text


def fuzz_rows(count=1200):
    rng = random.Random(1234)
    seen, rows = set(), []
    while len(rows) < count:
        text = fuzz_input(rng)
        if text not in seen:
            seen.add(text)
            rows.append(dict(input=text, **parse_outcome(text)))
    return rows


def write(name, data, compact=False):
    with open(os.path.join(OUT, name), 'w', encoding='utf-8') as f:
        if compact:  # one row a line
            f.write('[\n' + ',\n'.join(json.dumps(row, ensure_ascii=False) for row in data) + '\n]\n')
        else:
            json.dump(data, f, ensure_ascii=False, indent=2)
            f.write('\n')


def fuzz_paramfile_rows(count=600):
    """2.36.7: seeded inputs of the same grammar with `@=` and paramfile prefixes mixed in."""
    rng = random.Random(3670)
    seen, rows = set(), []
    while len(rows) < count:
        out = []
        for char in fuzz_input(rng):
            if char == '=' and rng.random() < 0.6:
                out.append(rng.choice(['@', '@', ' @', '@ ', '@@']))
            out.append(char)
            if char == '=' and rng.random() < 0.5:
                out.append(rng.choice(['file://', 'fileb://', "'file://", '[file://', 'file://missing']))
        text = ''.join(out)
        if text not in seen:
            seen.add(text)
            rows.append(dict(input=text, **parse_outcome(text)))
    return rows


def read_base(name):
    with open(os.path.join(OUT, name), encoding='utf-8') as f:
        return json.load(f)


def outcome_of(row):
    return {k: row[k] for k in ('expected', 'error') if k in row}


def changed(rows, base_rows, key='name'):
    """The rows of this generation whose outcome is not the base row's (or that the base lacks)."""
    base = {row[key]: outcome_of(row) for row in base_rows}
    return [row for row in rows if base.get(row[key]) != outcome_of(row)]


def in_folder(files, run):
    """run() in a temp folder holding `files` (name → text), then back."""
    cwd = os.getcwd()
    with tempfile.TemporaryDirectory() as folder:
        for name, text in files.items():
            with open(os.path.join(folder, name), 'w') as f:
                f.write(text)
        os.chdir(folder)
        try:
            return run()
        finally:
            os.chdir(cwd)


def main():
    os.makedirs(OUT, exist_ok=True)
    # First, while this process has never run the parser: the forks must start cold.
    recursion = in_folder(RECURSION_FILES, recursion_rows)
    if GENERATION != '2.9.19':
        base = read_base('recursion.json')
        named = {row['name'] for row in recursion}
        recursion += in_folder(RECURSION_FILES, lambda: [
            dict(name=row['name'], pieces=row['pieces'], **cold_parse(pieces_text(row['pieces'])))
            for row in base if row['name'] not in named])
        recursion = changed(recursion, base)
        # The fake reads no file: parse and coerce rows stay pure (see fake_get_paramfile).
        SHORTHAND.get_paramfile = fake_get_paramfile
    valid, invalid = parse_rows()
    coerce = coerce_rows()
    fuzz = fuzz_rows()
    if GENERATION != '2.9.19':
        base = read_base('valid.json') + read_base('invalid.json')
        valid, invalid = changed(valid, base), changed(invalid, base)
        coerce = changed(coerce, read_base('coerce.json')['cases'])
        fuzz = changed(fuzz, read_base('fuzz.json'), key='input') + fuzz_paramfile_rows()
    write('valid%s.json' % SUFFIX, valid)
    write('invalid%s.json' % SUFFIX, invalid)
    write('coerce%s.json' % SUFFIX, {
        'note': 'Generated by scripts/gen-shorthand-fixtures.py%s. Values are tagged as in test/helpers/py-tagged.ts.'
                % ('' if GENERATION == '2.9.19' else ' --generation ' + GENERATION),
        'models': {'synthetic': SYNTHETIC},
        'cases': coerce,
    })
    write('recursion%s.json' % SUFFIX, recursion, compact=True)
    write('fuzz%s.json' % SUFFIX, fuzz, compact=True)
    print('%s: valid %d, invalid %d, coerce %d, recursion %d, fuzz %d'
          % (GENERATION, len(valid), len(invalid), len(coerce), len(recursion), len(fuzz)))


if __name__ == '__main__':
    main()
