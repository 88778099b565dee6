#!/usr/bin/python3
"""Writes fixtures/output/text.json: values and what awscli 2.9.19's text formatter prints for
them (or the error it raises). Run with /usr/bin/python3 from the repository root."""
import io, json, sys
from collections import OrderedDict
sys.path.insert(0, '/usr/lib/python3/dist-packages')
from awscli.text import format_text

def enc(v):
    if v is None or isinstance(v, (bool, str)): return v
    if isinstance(v, int): return {"$int": str(v)}
    if isinstance(v, float): return {"$float": repr(v)}
    if isinstance(v, list): return [enc(x) for x in v]
    if isinstance(v, dict): return {"$dict": [[k, enc(x)] for k, x in v.items()]}
    raise TypeError(v)

sample = json.load(open('/work/shared/spec/fixtures/sample-response-body.json'))
VALUES = [
    ("sample response", sample),
    ("null", None), ("true", True), ("false", False), ("int", 5), ("big int", 12345678901234567890),
    ("float", 1.5), ("float integral", 1.0), ("float exp", 1e16), ("nan", float('nan')), ("string", "abc"),
    ("empty string", ""), ("string with tab", "a\tb"), ("string with newline", "a\nb"), ("unicode", "é😀"),
    ("empty list", []), ("empty dict", {}), ("list of scalars", [1, "a", None, True, 2.5]),
    ("list of lists", [[1, "a"], [True, None]]), ("mixed scalars and lists", [1, [2, 3], "x", [4]]),
    ("nested lists", [[[1, 2], [3]], [4]]),
    ("dict of scalars", {"b": 1, "a": "x", "c": None}),
    ("dict nested", {"Job": {"JobId": "j", "Progress": {"PercentComplete": 5}, "Tags": ["a", "b"]}}),
    ("list of dicts", [{"a": 1, "b": 2}, {"a": 3, "c": 4}]),
    ("list of dicts with nested", [{"a": 1, "sub": {"x": 1}}, {"b": 2, "sub": [1, 2]}]),
    ("spec query example", {"a": [1, 2], "b": [{"c": 1, "d": [3]}, {"x": 5}], "e": {}, "f": [], "g": None, "h": [[1, 2], []]}),
    ("key scalar in one element, dict in another", [{"k": 1}, {"k": {"z": 2}}]),
    ("unicode keys sorted by code point", {"é": 1, "z": 2, "A": 3, "_": 4, "Z": 5}),
    ("upper-cased identifiers", {"lower": {"ß": 1}, "mixed": [1, 2]}),
    ("list mixing dicts and scalars", [{"a": 1}, 2]),
    ("list mixing dicts and lists", [{"a": 1}, [2]]),
    ("dict with empty containers", {"a": {}, "b": [], "c": 1}),
    ("deep", {"a": {"b": {"c": {"d": [{"e": 1}]}}}}),
    ("list of empty dicts", [{}, {}]),
    ("floats in dict", {"x": 1e-07, "y": -0.0, "z": 100.0}),
    # Code-point order where UTF-16 order differs: U+1F600 (a surrogate pair) sorts after U+FF01.
    ("emoji, fullwidth and ASCII keys", {"\U0001F600": "j", "\uFF01": "n", "a": "s"}),
    ("emoji, fullwidth and ASCII keys, reversed", {"a": "s", "\uFF01": "n", "\U0001F600": "j"}),
    ("emoji keys around U+E000-U+FFFF", {"\uFFFD": 1, "\U00010000": 2, "\uE000": 3, "\uD7FF": 4, "\U0010FFFF": 5}),
    ("emoji and fullwidth nested keys", {"\U0001F600": {"x": 1}, "\uFF01": {"y": 2}, "a": {"z": 3}, "s": 0}),
    ("emoji and fullwidth keys in a list of dicts", [{"\U0001F600": 1, "a": 2}, {"\uFF01": 3, "a": 4}]),
    ("emoji and fullwidth keys sharing a prefix", {"k\U0001F600": 1, "k\uFF01": 2, "k": 3, "ka": 4}),
]
rows = []
for name, value in VALUES:
    out = io.StringIO()
    try:
        format_text(value, out)
        rows.append({"name": name, "value": enc(value), "text": out.getvalue()})
    except Exception as e:  # the reference prints str(e), exit 255
        rows.append({"name": name, "value": enc(value), "error": str(e)})
json.dump(rows, open('fixtures/output/text.json', 'w'), indent=1, ensure_ascii=False)
print(len(rows))
