#!/usr/bin/python3
"""Writes fixtures/cases/cli-input-bytes.json and fixtures/cases-2.36.7/cli-input-bytes.json:
`--cli-input-json fileb://` and `--cli-input-yaml fileb://`, whose bytes json.loads decodes by
json.detect_encoding with 'surrogatepass' and ruamel's Reader by its BOM (UTF-16) or as strict
UTF-8. Each document's NextToken shows on the wire what the decoding made of it.

    /usr/bin/python3 scripts/gen-cli-input-bytes-cases.py
Then record: npx tsx scripts/record-fixtures.ts --only '^bytes-' fixtures/cases/cli-input-bytes.json
(and the 2.36.7 file with its oracle).
"""
import base64
import codecs
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOMAIN = 'abcdefghij0123456789AB'
JSON = '{"DomainId": "%s", "NextToken": "t\\u00e9\u65e5"}' % DOMAIN
YAML = 'DomainId: %s\nNextToken: "t\u00e9\u65e5"\n' % DOMAIN


def u16(text, order):
    return text.encode('utf-16-' + order)


JSON_DOCS = [
    ('utf8', 'UTF-8', JSON.encode()),
    ('utf8-bom', 'UTF-8 with a BOM: utf-8-sig', codecs.BOM_UTF8 + JSON.encode()),
    ('utf16le-bom', 'UTF-16-LE with a BOM', codecs.BOM_UTF16_LE + u16(JSON, 'le')),
    ('utf16be-bom', 'UTF-16-BE with a BOM', codecs.BOM_UTF16_BE + u16(JSON, 'be')),
    ('utf16le', 'UTF-16-LE told by its zero bytes', u16(JSON, 'le')),
    ('utf16be', 'UTF-16-BE told by its zero bytes', u16(JSON, 'be')),
    ('utf32le', 'UTF-32-LE told by its zero bytes', JSON.encode('utf-32-le')),
    ('utf32be', 'UTF-32-BE told by its zero bytes', JSON.encode('utf-32-be')),
    ('utf32-bom', 'UTF-32 with a BOM', JSON.encode('utf-32')),
    ('utf16-lone', 'UTF-16 with a lone surrogate: surrogatepass keeps it',
     codecs.BOM_UTF16_LE + u16('{"DomainId": "%s", "NextToken": "a' % DOMAIN, 'le') + b'\x00\xd8' + u16('b"}', 'le')),
    ('utf8-surrogate', 'UTF-8 with an encoded surrogate: surrogatepass keeps it',
     ('{"DomainId": "%s", "NextToken": "a' % DOMAIN).encode() + b'\xed\xa0\x80' + b'b"}'),
    ('invalid-utf8', 'a byte UTF-8 refuses: UnicodeDecodeError, a ValueError',
     ('{"DomainId": "%s", "NextToken": "a' % DOMAIN).encode() + b'\xff"}'),
    ('latin1', 'Latin-1 is no UTF-8', ('{"DomainId": "%s", "NextToken": "\u00e9"}' % DOMAIN).encode('latin-1')),
    ('utf16-odd', 'UTF-16 cut in the middle of a unit', codecs.BOM_UTF16_LE + u16(JSON, 'le') + b'\x00'),
    ('two-bytes', 'two bytes, the second zero: UTF-16-LE', b'{\x00'),
]
YAML_DOCS = [
    ('utf8', 'UTF-8', YAML.encode()),
    ('utf8-bom', 'UTF-8 with a BOM: the scanner skips it', codecs.BOM_UTF8 + YAML.encode()),
    ('utf16le-bom', 'UTF-16-LE with a BOM', codecs.BOM_UTF16_LE + u16(YAML, 'le')),
    ('utf16be-bom', 'UTF-16-BE with a BOM', codecs.BOM_UTF16_BE + u16(YAML, 'be')),
    ('utf16le', 'UTF-16-LE without a BOM is read as UTF-8: NUL is not printable', u16(YAML, 'le')),
    ('invalid-utf8', 'a byte UTF-8 refuses: ReaderError', ('DomainId: %s\nNextToken: a' % DOMAIN).encode() + b'\xff\n'),
    ('utf8-surrogate', 'an encoded surrogate: strict UTF-8 refuses it', ('DomainId: %s\nNextToken: a' % DOMAIN).encode() + b'\xed\xa0\x80\n'),
    ('utf16-odd', 'UTF-16 cut in the middle of a unit', codecs.BOM_UTF16_LE + u16(YAML, 'le') + b'\x00'),
]
RESPONSE = [{'status': 200, 'body': {'SpeakerSummaries': []}}]


def case(kind, name, note, data):
    return {
        'name': 'bytes-%s-%s' % (kind, name),
        'note': '--cli-input-%s fileb://: %s' % (kind, note),
        'args': ['--endpoint-url', '{endpoint}', 'voice-id', 'list-speakers', '--cli-input-%s' % kind, 'fileb://in.%s' % kind],
        'files': {'cwd/in.%s' % kind: {'base64': base64.b64encode(data).decode()}},
        'responses': RESPONSE,
    }


def main():
    cases = [case('json', *doc) for doc in JSON_DOCS] + [case('yaml', *doc) for doc in YAML_DOCS]
    for folder in ('cases', 'cases-2.36.7'):
        with open(os.path.join(ROOT, 'fixtures', folder, 'cli-input-bytes.json'), 'w') as out:
            json.dump(cases, out, indent=2, ensure_ascii=False)
            out.write('\n')


main()
