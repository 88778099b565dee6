#!/usr/bin/python3
"""Generates fixtures/values/codecs.json: what open(path, encoding=NAME).read() gives in Python.

Run with the oracle interpreter (both AWS CLI oracles run on /usr/bin/python3) in a UTF-8 locale,
from the repository root:  LC_ALL=C.UTF-8 /usr/bin/python3 scripts/gen-codec-table.py
Each row: the encoding name, the file's bytes (hex) and either the text (newlines untranslated:
newline='') or the error: its kind (LookupError, UnicodeDecodeError, UnicodeError) and, but for
UnicodeDecodeError (awscli prints its own text for that), its message. A row the clone cannot do
carries `gap` (test/unit/values/py-codecs.test.ts expects its "not supported" error instead).
Deterministic (fixed seeds). test/unit/values/py-codecs.test.ts replays the table.
"""
import codecs
import encodings
import encodings.aliases
import io
import json
import locale
import os
import pkgutil
import random
import re
import sys
import warnings

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
OUT = os.path.join(ROOT, 'fixtures', 'values', 'codecs.json')


# Names that test the normalization: punctuation runs, ends, dots, case, non-ASCII, the empty name,
# TextIOWrapper's 'locale', Windows-only modules, the package's own modules that are no codecs.
ODD_NAMES = [
    '', ' ', '-', '_', '.', 'locale', 'LOCALE', ' locale', 'U8', 'UTF8', 'utf8', 'Utf-8', 'UTF 8', 'utf\t8', 'utf\n8',
    'utf.8', 'utf-8.', '.utf-8', 'utf..8', 'utf_-_8', 'utf-8-sig', 'UTF-8-SIG', 'utf_8_sig', 'utf8sig', 'utf-8 sig',
    'utf\u00e98', 'latin\u00e91', '\u00e9utf8', 'utf8\u00e9', 'utf\u30008', 'latin_1', 'Latin-1', 'L1', 'ISO-8859-1',
    'iso_8859_1:1987', 'ISO_8859-1:1987', 'cp65001', 'mbcs', 'dbcs', 'oem', 'aliases', 'encodings', '__init__', 'codecs',
    'search_function', 'utf_16', 'UTF-16', 'utf16', 'utf_32', 'utf32', 'UCS-2', 'ucs4', 'unicode', 'bogus', 'tis620',
    'x-mac-japanese', 'ms932', 'sjis', 'hex', 'zip', 'bz2', 'quopri', 'rot13', 'rot-13', 'uu', 'base-64',
    'base64' + '-' * 500, 'rot13' + '\u00e9' * 300, 'quopri' + ' ' * 10, 'x' * 1000,
]

UTF8 = [b'', b'abc', b'\xef\xbb\xbfabc', b'\xef\xbb\xbf', b'\xc3\xa9', b'\xe2\x82\xac', b'\xf0\x9f\x98\x80', b'\xc0\xaf',
        b'\xe0\x80\xaf', b'\xed\xa0\x80', b'\xed\xbf\xbf', b'\xf4\x90\x80\x80', b'\xf8\x88\x80\x80\x80', b'\xc3', b'\xe2\x82',
        b'\x80', b'\xff', b'a\r\nb\rc\n', b'\x00\x7f']
UTF8_SIG = [b'', b'\xef', b'\xef\xbb', b'\xef\xbb\xbf', b'\xef\xbb\xbfabc', b'\xef\xbb\xbf\xef\xbb\xbf', b'\xef\xbbx',
            b'\xefx', b'x\xef\xbb\xbf', b'\xef\xbb\xbf\xff', b'\xef\xbb\xbf\xc3', b'abc', b'\xc3\xa9', b'\xff']


def wide(text_units, width, order):
    return b''.join(u.to_bytes(width, order) for u in text_units)


def utf_wide_samples(width):
    enc = 'utf-%d' % (width * 8)
    out = []
    for order, tag in (('little', 'le'), ('big', 'be')):
        bom = wide([0xfeff], width, order)
        units = [0x61, 0xe9, 0x20ac, 0xfeff] if width == 4 else [0x61, 0xe9, 0x20ac, 0xfeff]
        for data in [b'', bom, bom + wide(units, width, order), wide(units, width, order), bom + bom, bom + b'\x00',
                     wide([0x61], width, order) + b'\x00']:
            for name in (enc, '%s-%s' % (enc, tag), '%s_%s' % (enc.replace('-', '_'), tag.upper())):
                out.append((name, data, None))
        if width == 2:
            for data in [wide([0xd83d, 0xde00], 2, order), wide([0xd83d], 2, order), wide([0xde00], 2, order),
                         wide([0xd83d, 0x61], 2, order), wide([0x61, 0xd83d], 2, order), bom + wide([0xdc00], 2, order)]:
                for name in (enc, '%s-%s' % (enc, tag)):
                    out.append((name, data, None))
        else:
            for data in [wide([0x10ffff], 4, order), wide([0x110000], 4, order), wide([0xd800], 4, order),
                         wide([0x1f600], 4, order), bom + wide([0xffffffff], 4, order)]:
                for name in (enc, '%s-%s' % (enc, tag)):
                    out.append((name, data, None))
    out += [(enc, b'a', None), (enc, b'\xff', None), (enc, b'\xfe', None), (enc, b'ab', None), (enc, b'abc', None),
            (enc, b'abcd', None), (enc, b'\x00a', None), (enc, b'\xff\xfe\x00\x00a\x00\x00\x00', None),
            (enc, b'\xff\xfea\x00\x00\x00', None), (enc, b'\x00\x00\xfe\xff\x00\x00\x00a', None)]
    return out


UTF7 = [b'', b'abc', b'+', b'+-', b'a+-b', b'+AGE-', b'+AGE', b'+AGEA', b'+AG', b'+A', b'+AGEAYQ-', b'+AOk-x', b'+AOkA6Q-',
        b'+2D3eAA-', b'+2D3eAA', b'+2D0-', b'+2D0', b'+2D0Aa', b'+2D0AYQ-', b'+3gA-', b'+AGE!', b'+!', b'+\xe9', b'\xe9',
        b'~\\', b'+AGF-', b'+AGB-', b'+AG-', b'+ZeVnLIqe-', b'a+AGE-b+AGE-c', b'+AGE.', b'+AGE+AGE-', b'\x00\x7f', b'+/v8-',
        b'+AAA-', b'+AAAA-', b'+AAAAAA-', b'+2D3eAA+-', b'+2D3eAA\xe9']

BS = b'\\'
ESCAPES = [b'', b'abc\xe9\xff', BS, BS + BS, BS + b'n', BS + b'q', BS + b'\xe9', BS + b'0', BS + b'01', BS + b'0123',
           BS + b'777', BS + b'400', BS + b'8', BS + b'x41', BS + b'x4', BS + b'xg1', BS + b'x', BS + b'u00e9',
           BS + b'u00E9', BS + b'u004', BS + b'u', BS + b'U0001f600', BS + b'U00110000', BS + b'UFFFFFFFF', BS + b'U0010ffff',
           BS + b'uD800', BS + b'udc00', BS + b'N{LATIN SMALL LETTER A}', BS + b'N{', BS + b'N{}', BS + b'N{bogus}', BS + b'N',
           BS + b'\n', BS + b'\r\n', BS * 2 + b'u0041', BS * 3 + b'u0041', BS * 4 + b'u0041', BS * 3 + b'U00000041',
           BS + b'a' + BS + b'b' + BS + b'f' + BS + b't' + BS + b'v' + BS + b'r' + BS + b"'" + BS + b'"',
           b'x' + BS + b'u0041y' + BS + b'x42z', BS + b'u0041' + BS + b'u0042', BS + b'u0041' + BS]

PUNYCODE = [b'', b'-', b'abc', b'abc-', b'bcher-kva', b'-kva', b'egbpdaj6bu4bxfgehfvwxn', b'a-99999999999999',
            b'a-999999999999999999999999999999', b'99999999', b'a-!', b'a-\xe9', b'\xe9-a', b'ABC-KVA', b'a-b-c',
            b'ihqwcrb4cv8a8dqg056pqjye', b'3B-ww4c5e180e575a65lsy2b', b'-> $1.00 <--', b'a' * 100 + b'-kva']

IDNA = [b'', b'.', b'..', b'a.b', b'example.com.', b'Example.COM', b'xn--abc-', b'xn--', b'xn--abc', b'XN--abc-',
        b'xn--abc-.def', b'a..b', b'xn--a-', b'xn--' + b'a' * 63 + b'-', b'xn--' + b'a' * 70 + b'-', b'xn--bcher-kva.de',
        b'xn--bcher-kva', b'xn--Bcher-kva', b'\xe9', b'xn--!', b'a-b.c_d', b'xn--9', b'xn--ab-', b'xn--a-bc']


def gap(encoding, data):
    """What the clone leaves out: unicode_escape's \\N{name}, idna's nameprep."""
    try:
        module = codecs.lookup(encoding).name
    except LookupError:
        return None
    if module == 'unicode-escape' and re.search(rb'\\N\{[^}]+\}', data.replace(BS + BS, b'')):
        return 'names'
    if module == 'idna':
        for label in data.split(b'.'):
            if label.startswith(b'xn--'):
                try:
                    result = label[4:].decode('punycode')
                except Exception:
                    return None
                if not result.isascii():
                    return 'nameprep'
    return None


def single_byte_samples(name):
    """All the bytes a single-byte codec defines in one file, then each byte it does not define."""
    defined = []
    out = []
    for b in range(256):
        try:
            read(bytes([b]), name)
            defined.append(b)
        except UnicodeDecodeError:
            out.append((name, b'ok' + bytes([b]), 'undefined byte 0x%02x' % b))
    return [(name, bytes(defined), 'every defined byte')] + out


CJK_STATELESS = ['big5', 'big5hkscs', 'cp932', 'cp949', 'cp950', 'euc_jis_2004', 'euc_jisx0213', 'euc_jp', 'euc_kr',
                 'gb18030', 'gb2312', 'gbk', 'johab', 'shift_jis', 'shift_jis_2004', 'shift_jisx0213']
CJK_STATEFUL = ['hz', 'iso2022_jp', 'iso2022_jp_1', 'iso2022_jp_2', 'iso2022_jp_2004', 'iso2022_jp_3', 'iso2022_jp_ext',
                'iso2022_kr']
ISO2022_PIECES = [b'\x1b(B', b'\x1b(J', b'\x1b(I', b'\x1b$@', b'\x1b$B', b'\x1b$A', b'\x1b$(C', b'\x1b$(D', b'\x1b$)C',
                  b'\x1b$(O', b'\x1b$(P', b'\x1b$(Q', b'\x1b.A', b'\x1b.F', b'\x1b.J', b'\x1bN', b'\x1b&@\x1b$B', b'\x1b',
                  b'\x1bxyzA', b'\x1b(', b'\x0e', b'\x0f', b'\n', b'~{', b'~}', b'~~', b'~\n', b'~']


def decodes(data, name):
    try:
        read(data, name)
        return True
    except (UnicodeDecodeError, RuntimeError):
        return False


def cjk_samples(name, count=30):
    """Runs of characters the codec defines (and a few bytes it may not), from every byte length it uses."""
    atoms = [bytes([a]) for a in range(256)] + [bytes([a, b]) for a in range(0x80, 256) for b in range(256)]
    if name.startswith('euc_j'):
        atoms += [bytes([0x8f, a, b]) for a in range(0xa1, 0xff) for b in range(0xa1, 0xff)]
    if name == 'gb18030':
        atoms += [bytes([a, b, c, d]) for a in (0x81, 0x84, 0x90, 0xe3) for b in (0x30, 0x31, 0x39) for c in (0x81, 0xa4, 0xfe, 0xff)
                  for d in (0x30, 0x35, 0x39)]
    if name == 'euc_kr':
        atoms += [bytes([0xa4, 0xd4, 0xa4, x, 0xa4, y, 0xa4, z]) for x in (0xa1, 0xa9, 0xbe, 0xbf) for y in (0xbf, 0xc9, 0xd3, 0xd4)
                  for z in (0xa1, 0xd4, 0xbe, 0xa3)]
    valid = [a for a in atoms if decodes(a, name)]
    invalid = [a for a in atoms if len(a) > 1 and not decodes(a, name)]
    out = []
    for i in range(count):
        seq = b''.join(random.choice(valid) for _ in range(random.randint(1, 6)))
        if i % 3 == 2:
            seq += random.choice(invalid) if i % 2 else random.choice(valid)[:-1] or b'\xff'
        out.append((name, seq, 'CJK sample'))
    return out


def iso2022_samples(name, count=40):
    out = []
    for _ in range(count):
        seq = b''.join(random.choice(ISO2022_PIECES) if random.random() < 0.3 else
                       bytes([random.randrange(0x21, 0x7f) for _ in range(random.choice((1, 2, 2, 4)))]) for _ in range(random.randint(1, 8)))
        out.append((name, seq, 'ISO-2022 sample'))
    return out


def samples():
    out = []
    out += [('utf-8', d, None) for d in UTF8]
    out += [('utf-8-sig', d, None) for d in UTF8_SIG]
    out += [(n, d, None) for d in [b'', b'\xef\xbb', b'abc'] for n in ('utf_8_sig', 'UTF-8-SIG', 'utf8')]
    out += utf_wide_samples(2) + utf_wide_samples(4)
    out += [('utf-7', d, None) for d in UTF7]
    out += [(n, d, None) for n in ('unicode_escape', 'raw_unicode_escape') for d in ESCAPES]
    out += [('punycode', d, None) for d in PUNYCODE]
    out += [('idna', d, None) for d in IDNA]
    out += [('undefined', d, None) for d in (b'', b'abc')]
    out += [('charmap', bytes(range(256)), None), ('charmap', b'', None)]
    out += single_byte_samples('ascii') + single_byte_samples('latin_1')
    for info in sorted(pkgutil.iter_modules(encodings.__path__), key=lambda m: m.name):
        try:
            module = __import__('encodings.' + info.name, fromlist=['*'])
        except ImportError:
            continue  # mbcs, oem: Windows only
        if hasattr(module, 'decoding_table'):
            out += single_byte_samples(info.name)
    for name in CJK_STATELESS:
        out += cjk_samples(name)
    for name in CJK_STATEFUL:
        out += iso2022_samples(name)
    out += [('hz', d, 'hz escape') for d in (b'~~', b'~\n', b'~{', b'~}', b'~x', b'~', b'a~{!!~}b', b'~{!!~~~}', b'~{~\n~}',
                                              b'~{~{~}', b'~{!!', b'~{!', b'~{\xa1\xa1~}', b'\xa1', b'~}~{~}', b'~{!!~}~~')]
    out += [('gb18030', bytes.fromhex(h), 'four-byte bounds') for h in ('8130fe39', '8130ff30', '8131ff39', '9030ff30', '8130803a',
                                                                       '8430ff30', 'e3329a35', 'e3329a36', '84318130')]
    out += [('iso2022_jp_2', d, 'ISO-2022 escape') for d in (
        b'\x1b.J\x1bNa', b'\x1b.A\x1bNa', b'\x1b.A\x1bN\xe1', b'\x1b.F\x1bNa', b'\x1bNa', b'\x1bN\xe1', b'\x1b&@\x1b$B!!',
        b'\x1b$(C!!\x1b(B', b'\x1b(A!', b'\x1bxyzA\xe9', b'\x1b', b'\x1b$', b'\x1b$(', b'\x1b$$$$$$$$$$$$$$$$B', b'\x0e!!\x0f')]
    out += [('iso2022_kr', d, 'ISO-2022 shift') for d in (b'\x1b$)C\x0e!!\x0fa', b'\x0e!!', b'\x1b$)C\x0e!!\n!!',
                                                         b'\x1b$(C!!', b'\x1b(J!')]
    return out




def read(data, encoding):
    """open(path, encoding=encoding).read() on a file holding `data`, newlines untranslated."""
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')  # awscli never shows the escape codecs' DeprecationWarning
        return io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline='').read()


def row(encoding, data, note=None):
    out = {'encoding': encoding, 'hex': data.hex()}
    if note:
        out['note'] = note
    try:
        out['text'] = read(data, encoding)
    except UnicodeDecodeError:
        out['error'] = {'kind': 'UnicodeDecodeError'}
    except (LookupError, UnicodeError, RuntimeError) as e:
        out['error'] = {'kind': type(e).__name__, 'message': str(e)}
    missing = gap(encoding, data)
    if missing:
        out['gap'] = missing
    return out


def name_rows():
    modules = sorted(m.name for m in pkgutil.iter_modules(encodings.__path__))
    names = sorted(set(encodings.aliases.aliases) | set(modules))
    rows = [row(name, b'abc') for name in names]
    variants = []
    for name in ['utf_8', 'latin_1', 'utf_16_le', 'iso8859_15', 'cp1252', 'shift_jis', 'base64_codec', 'rot_13']:
        variants += [name.upper(), name.replace('_', ' '), name.replace('_', '-'), name.replace('_', '.'),
                     '  %s  ' % name.replace('_', ' - '), '--' + name + '--', name.title()]
    variants += ODD_NAMES
    rows += [row(name, b'abc', 'name variant') for name in variants]
    return rows


def main():
    assert locale.getencoding() == 'UTF-8', 'run in a UTF-8 locale (LC_ALL=C.UTF-8)'
    random.seed(18)
    rows = name_rows()
    for encoding, data, note in samples():
        rows.append(row(encoding, data, note))
    with open(OUT, 'w', encoding='ascii') as f:
        f.write('[\n')
        f.write(',\n'.join(json.dumps(r, ensure_ascii=True, sort_keys=True) for r in rows))
        f.write('\n]\n')
    print('%d rows -> %s' % (len(rows), os.path.relpath(OUT, ROOT)))


if __name__ == '__main__':
    main()
