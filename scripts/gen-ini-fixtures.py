#!/usr/bin/python3
"""Writes fixtures/config/ini.json: config-file texts and what botocore's raw_config_parse makes
of them (or that it fails), from the real botocore in Debian's awscli 2.9.19.
Run with /usr/bin/python3 from the repository root."""
import json, os, sys, tempfile
sys.path.insert(0, '/usr/lib/python3/dist-packages/awscli')
from botocore.configloader import raw_config_parse
from botocore.exceptions import ConfigParseError

CASES = [
    ("a default profile", "[default]\nregion = us-east-1\noutput = json\n"),
    ("a named profile", "[profile dev]\nregion=eu-west-1\n"),
    ("colon delimiter", "[default]\nregion: us-west-2\n"),
    ("keys are lower-cased", "[default]\nRegion = us-east-1\nAWS_Access_Key_ID = AKID\n"),
    ("full-line comments", "# top\n[default]\n; semi\n# hash\nregion = us-east-1\n"),
    ("inline comments are kept", "[default]\nregion = us-east-1 # not a comment\n"),
    ("values are stripped", "[default]\nregion =    us-east-1   \n"),
    ("empty value", "[default]\nregion =\n"),
    ("continuation lines", "[default]\nregion = us-east-1\n  more\n"),
    ("a nested section", "[default]\ns3 =\n  max_concurrent_requests = 10\n  addressing_style = path\nregion = x\n"),
    ("blank lines between sections", "[default]\nregion = a\n\n\n[profile b]\nregion = b\n"),
    ("CRLF line ends", "[default]\r\nregion = us-east-1\r\n"),
    ("a value with =", "[default]\nrole_arn = arn:aws:iam::1:role/x=y\n"),
    ("spaces in section names", "[profile  spaced ]\nregion = x\n"),
    ("sso-session and services sections", "[sso-session s]\nsso_region = us-east-1\n[services dev]\nvoice_id =\n  endpoint_url = http://127.0.0.1:1\n"),
    ("indented key after blank line", "[default]\nregion = a\n\n  indented = b\n"),
    ("no section header", "region = us-east-1\n"),
    ("duplicate section", "[default]\nregion = a\n[default]\nregion = b\n"),
    ("duplicate key", "[default]\nregion = a\nregion = b\n"),
    ("a line without delimiter", "[default]\njustakey\n"),
    ("empty file", ""),
    ("only comments", "# nothing\n"),
    ("a key with spaces", "[default]\nmy key = v\n"),
    ("tabs", "[default]\n\tregion = a\n"),
    ("unicode", "[default]\nregion = é\n"),
    ("bad nested", "[default]\ns3 =\n  novalue\n"),
]

rows = []
for name, text in CASES:
    with tempfile.NamedTemporaryFile('w', delete=False, suffix='.ini', encoding='utf-8') as f:
        f.write(text)
    try:
        rows.append({"name": name, "text": text, "expected": raw_config_parse(f.name)})
    except ConfigParseError:
        rows.append({"name": name, "text": text, "error": True})
    finally:
        os.unlink(f.name)
with open('fixtures/config/ini.json', 'w') as out:
    json.dump(rows, out, indent=1, ensure_ascii=False)
print(len(rows))
