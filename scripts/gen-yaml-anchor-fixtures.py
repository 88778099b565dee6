#!/usr/bin/python3
"""Writes fixtures/yaml-input/reused-anchors.json: what ruamel.yaml 0.17.21 prints on stderr when a
--cli-input-yaml document defines an anchor more than once (its ReusedAnchorWarning).

Run with Debian's Python (the one that has awscli and ruamel.yaml 0.17.21), from anywhere:
    /usr/bin/python3 scripts/gen-yaml-anchor-fixtures.py
Each document is loaded as awscli/customizations/cliinput.py loads it (YAML(typ='safe', pure=True)
.load(text)), in a child Python of its own with the default warning filters, so that the text
captured is exactly what Python's warnings module writes to stderr (the once-per-text registry
included). Rows: {"name", "input", "stderr", "outcome"}; outcome is "ok" (with "repr": repr() of
the loaded value), "YAML_ERROR" or "PYTHON_CRASH".
"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'fixtures', 'yaml-input', 'reused-anchors.json')

CHILD = r'''
import json, sys
sys.path.insert(0, '/usr/lib/python3/dist-packages')
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
text = json.loads(sys.stdin.read())
try:
    value = YAML(typ='safe', pure=True).load(text)
except YAMLError:
    print(json.dumps({'outcome': 'YAML_ERROR'}))
except Exception:
    print(json.dumps({'outcome': 'PYTHON_CRASH'}))
else:
    print(json.dumps({'outcome': 'ok', 'repr': repr(value)}))
'''

LONG = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'

DOCS = [
    ('two scalars', 'DomainId: &a abcdefghij0123456789AB\nJobId: &a xyz\n'),
    ('three uses: each warning names the latest earlier one', 'a: &x 1\nb: &x 2\nc: &x 3\n'),
    ('four uses', '- &x 1\n- &x 2\n- &x 3\n- &x 4\n'),
    ('two anchors each reused', 'a: &x 1\nb: &y 2\nc: &x 3\nd: &y 4\n'),
    ('same text anchors are one anchor, others are not', 'a: &x 1\nb: &X 2\nc: &xx 3\n'),
    ('tag before the anchor: the anchor marks the node', '!!str &a x: 1\n&a y: 2\n'),
    ('anchor before the tag', '&a !!str x: 1\n? !!str &a y\n: 2\n'),
    ('verbatim tag before the anchor', 'a: !<tag:yaml.org,2002:str> &a x\nb: !<tag:yaml.org,2002:str>   &a y\n'),
    ('anchored flow sequence and an item in it', 'a: &x [&x 1, *x]\nb: *x\n'),
    ('anchored flow mapping, its key and value', 'a: &x {&x k: &x v}\nb: *x\n'),
    ('flow sequence pair', '[&x a: &x b, &x c]\n'),
    ('anchored block mapping and block sequence', 'a: &x\n  b: 1\nc: &x\n  - 2\nd: *x\n'),
    ('anchored indentless sequence', 'a: &x\n- 1\nb: &x\n- 2\n'),
    ('anchored block mapping inside itself', '&x\na: &x 1\nb: *x\n'),
    ('an alias gets the latest node', 'a: &x one\nb: *x\nc: &x two\nd: *x\n'),
    ('an alias to a reused collection', 'a: &x [1]\nb: &x [2]\nc: *x\n'),
    ('empty anchored scalars', 'a: &x\nb: &x\nc: *x\n'),
    ('anchor at the very end', 'a: &x 1\nb: &x'),
    ('a block scalar first', 'a: &x |\n  line one\n  line two\nb: &x y\n'),
    ('a multi-line plain scalar first', 'a: &x one\n  two\n  three\nb: &x y\n'),
    ('a multi-line quoted scalar second', 'a: &x 1\nb: &x "one\n  two"\n'),
    ('anchor on its own line before the node', 'a: &x\n  one\nb:\n  &x\n  two\n'),
    ('deep in block collections', 'a:\n  b:\n    - c: &x 1\n    - d:\n        e: &x 2\n'),
    ('indented snippet', '    a: &x 1\n    b: &x 2\n'),
    ('a comment line between', 'a: &x 1\n# a comment with &x in it\nb: &x 2\n'),
    ('tab in the line before the anchor', '{a: "\t", b: &x 1, c: &x 2}\n'),
    ('tab in the snippet after the anchor', 'a: &x "\t1"\nb: &x 2\n'),
    ('non-ASCII before the anchor', '\u00e9: &x 1\n\u00fc\U0001F600: &x 2\n'),
    ('astral characters around the anchor', '\U0001F600\U0001F601: &x \U0001F602\nb: &x \U0001F603\U0001F604\n'),
    ('a BOM at the start', '\ufeffa: &x 1\nb: &x 2\n'),
    ('a BOM on the anchor line only', '\ufeff&x a: 1\n&x b: 2\n'),
    ('CRLF line ends', 'a: &x 1\r\nb: &x 2\r\n'),
    ('lone CR line ends', 'a: &x 1\rb: &x 2\r'),
    ('NEL in a flow sequence: no new line for the mark', '[&x 1,\x85&x 2]\n'),
    ('LS and PS in a flow sequence', '[&x 1,\u2028&x 2,\u2029&x 3]\n'),
    ('a long line: head cut', 'k: [' + LONG + ', &x 1]\nb: &x 2\n'),
    ('a long line: tail cut', 'a: &x ' + LONG + '\nb: &x 2\n'),
    ('a long line: both cut', 'k: [' + LONG + ', &x ' + LONG + ']\nb: &x 2\n'),
    ('36 characters before the anchor: no cut', 'k: [' + 'a' * 30 + ', &x 1]\nb: &x 2\n'),
    ('37 characters before the anchor: cut', 'k: [' + 'a' * 31 + ', &x 1]\nb: &x 2\n'),
    ('38 characters before the anchor', 'k: [' + 'a' * 32 + ', &x 1]\nb: &x 2\n'),
    ('36 characters from the anchor on: no cut', 'a: &x ' + 'b' * 33 + '\nb: &x 2\n'),
    ('37 characters from the anchor on: cut', 'a: &x ' + 'b' * 34 + '\nb: &x 2\n'),
    ('38 characters from the anchor on', 'a: &x ' + 'b' * 35 + '\nb: &x 2\n'),
    ('a long line of non-ASCII', 'k: [' + '\u00e9' * 50 + ', &x ' + '\U0001F600' * 50 + ']\nb: &x 2\n'),
    ('line numbers past 9', ''.join('k%d: %d\n' % (i, i) for i in range(12)) + 'a: &x 1\nb: &x 2\n'),
    ('anchor names repr: a quote', "- &a'b 1\n- &a'b 2\n"),
    ('anchor names repr: both quotes', "- &a'b\"c 1\n- &a'b\"c 2\n"),
    ('anchor names repr: a backslash', '- &a\\b 1\n- &a\\b 2\n'),
    ('anchor names repr: non-ASCII', '- &\u00e9\U0001F600 1\n- &\u00e9\U0001F600 2\n'),
    ('anchor names repr: NBSP and soft hyphen', '- &\u00a0\u00ad 1\n- &\u00a0\u00ad 2\n'),
    ('anchor names repr: LS inside the name', '[&a\u2028b 1, &a\u2028b 2]\n'),
    ('a long anchor name', 'a: &' + LONG + ' 1\nb: &' + LONG + ' 2\n'),
    ('directives before the document', '%YAML 1.1\n---\na: &x 1\nb: &x 2\n'),
    ('explicit document with an inline node', '--- &x [&x 1]\n'),
    ('merge keys of reused anchors', 'a: &x {k: 1}\nb: &x {j: 2}\nc:\n  <<: *x\n'),
    ('warnings, then a scanner error', 'a: &x 1\nb: &x 2\nc: &x - 3\n'),
    ('warnings, then an undefined alias', 'a: &x 1\nb: &x 2\nc: *y\n'),
    ('a warning, then a second document', 'a: &x 1\nb: &x 2\n---\nc: 3\n'),
    ('a warning, then a constructor error', 'a: &x 1\nb: &x !!binary "YQ"\n'),
    ('a warning, then a Python crash (int() of z)', 'a: &x 1\nb: &x !!int z\n'),
    ('a tab after an anchor is an error, no warning', 'a: &x 1\nb: &x\t2\n'),
    ('no reuse: one anchor and aliases', 'a: &x 1\nb: *x\nc: *x\n'),
    ('no reuse: aliases are no anchors', 'a: &x 1\nb: [*x, *x]\n'),
]


def measure(name, text):
    child = subprocess.run(
        ['/usr/bin/python3', '-c', CHILD],
        input=json.dumps(text).encode(),
        capture_output=True,
        env={},
        check=True,
    )
    row = {'name': name, 'input': text, 'stderr': child.stderr.decode('utf-8')}
    row.update(json.loads(child.stdout))
    return row


def main():
    names = [n for n, _ in DOCS]
    assert len(names) == len(set(names)), 'duplicate case names'
    rows = [measure(n, t) for n, t in DOCS]
    with open(OUT, 'w', encoding='utf-8') as f:
        f.write('[\n' + ',\n'.join(json.dumps(r, ensure_ascii=False) for r in rows) + '\n]\n')
    print('%s: %d rows' % (os.path.relpath(OUT, ROOT), len(rows)), file=sys.stderr)


if __name__ == '__main__':
    main()
