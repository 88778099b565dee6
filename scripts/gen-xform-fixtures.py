#!/usr/bin/env python3
"""fixtures/model/xform-names.json: botocore.xform_name(name, '-') as AWS CLI 2.9.19 computes it,
over every operation and member name of the final Voice ID model (argv[1]) and a few special cases."""
import json
import sys

sys.path.insert(0, '/usr/lib/python3/dist-packages/awscli')
from botocore import xform_name  # noqa: E402

model = json.load(open(sys.argv[1]))
names = set(model['operations'])
for shape in model['shapes'].values():
    names.update(shape.get('members', {}))
names.update(['DataAccessRoleARNs', 'ACLs', 'HTTPSProxy', 'IPv6Address', 'S3Uri', 'already-dashed'])
rows = [{'name': n, 'expected': xform_name(n, '-')} for n in sorted(names)]
note = "botocore.xform_name(name, '-') from AWS CLI 2.9.19's botocore (scripts/gen-xform-fixtures.py)"
json.dump({'note': note, 'rows': rows}, open('fixtures/model/xform-names.json', 'w'), indent=1)
