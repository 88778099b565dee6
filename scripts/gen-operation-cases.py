#!/usr/bin/env python3
"""Writes fixtures/cases/operations.json and fixtures/cases-2.36.7/operations.json: for every
operation of each generation's model that has no paginator, the golden cases of issue 16 (a
success in each output format, a missing required option, a client-side validation error, a
service error); in 2.9.19 also the success cases of the operations only 2.36.7 has (an invalid
choice there). The arguments are a table below; each response is built from the model's output
shape (every member, two items per list), so that timestamps, booleans, lists of scalars and
lists of structures reach every formatter. Same case names in both generations.

    python3 scripts/gen-operation-cases.py
Then record: npx tsx scripts/record-fixtures.ts fixtures/cases/operations*.json,
fixtures/cases-2.36.7/operations.json, and with --aws "$(sh scripts/oracle-with-help.sh DIR)"
fixtures/cases-2.36.7/operations-help.json.
"""
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENERATIONS = {'2.9.19': 'fixtures/cases', '2.36.7': 'fixtures/cases-2.36.7'}

DOMAIN = 'abcdefghij0123456789AB'
ARN = f'arn:aws:voiceid:us-east-1:123456789012:domain/{DOMAIN}'
ROLE = 'arn:aws:iam::123456789012:role/VoiceIdRole'
D = ['--domain-id', DOMAIN]

# The command line of each operation's success: its required options and a few optional ones
# (shorthand lists of structures, lists of strings). The first option is the one the
# missing-required case leaves out; SHORT names the option the invalid-length case shortens.
ARGS = {
    'AssociateFraudster': D + ['--fraudster-id', 'id#fraudster0123456789abcd', '--watchlist-id', 'watchlist0123456789abc'],
    'CreateDomain': ['--name', 'call-center', '--server-side-encryption-configuration', 'KmsKeyId=alias/voiceid',
                     '--description', 'Calls to the help desk', '--tags', 'Key=team,Value=voice', 'Key=env,Value=prod'],
    'CreateWatchlist': D + ['--name', 'known-fraudsters', '--description', 'Reported by the bank'],
    'DeleteDomain': D,
    'DeleteFraudster': D + ['--fraudster-id', 'id#fraudster0123456789abcd'],
    'DeleteSpeaker': D + ['--speaker-id', 'customer-42'],
    'DeleteWatchlist': D + ['--watchlist-id', 'watchlist0123456789abc'],
    'DescribeDomain': D,
    'DescribeFraudster': D + ['--fraudster-id', 'id#fraudster0123456789abcd'],
    'DescribeFraudsterRegistrationJob': D + ['--job-id', 'job0123456789abcdefghi'],
    'DescribeSpeaker': D + ['--speaker-id', 'customer-42'],
    'DescribeSpeakerEnrollmentJob': D + ['--job-id', 'job0123456789abcdefghi'],
    'DescribeWatchlist': D + ['--watchlist-id', 'watchlist0123456789abc'],
    'DisassociateFraudster': D + ['--fraudster-id', 'id#fraudster0123456789abcd', '--watchlist-id', 'watchlist0123456789abc'],
    'EvaluateSession': D + ['--session-name-or-id', 'call-2024-11-25'],
    'ListTagsForResource': ['--resource-arn', ARN],
    'OptOutSpeaker': D + ['--speaker-id', 'customer-42'],
    'StartFraudsterRegistrationJob': D + ['--data-access-role-arn', ROLE,
                                          '--input-data-config', 'S3Uri=s3://voiceid-input/fraudsters.json',
                                          '--output-data-config', 'S3Uri=s3://voiceid-output/fraudsters',
                                          '--job-name', 'fraudster-batch',
                                          '--registration-config', 'DuplicateRegistrationAction=SKIP,FraudsterSimilarityThreshold=80'],
    'StartSpeakerEnrollmentJob': D + ['--data-access-role-arn', ROLE,
                                      '--input-data-config', 'S3Uri=s3://voiceid-input/manifest.json',
                                      '--output-data-config', 'S3Uri=s3://voiceid-output/results'],
    'TagResource': ['--resource-arn', ARN, '--tags', 'Key=team,Value=voice', 'Key=env,Value=prod'],
    'UntagResource': ['--resource-arn', ARN, '--tag-keys', 'team', 'env'],
    'UpdateDomain': D + ['--name', 'call-center', '--server-side-encryption-configuration', 'KmsKeyId=alias/voiceid-2'],
    'UpdateWatchlist': D + ['--watchlist-id', 'watchlist0123456789abc', '--name', 'known-fraudsters-2'],
}
# The option whose value is made too short for the model's `min` (a client-side ParamValidation error).
SHORT = {name: ('--resource-arn' if '--resource-arn' in args else '--domain-id' if '--domain-id' in args else '--name')
         for name, args in ARGS.items()}

STRINGS = {
    'DomainId': DOMAIN, 'Arn': ARN, 'KmsKeyId': 'alias/voiceid', 'OldKmsKeyId': 'alias/voiceid-old',
    'DataAccessRoleArn': ROLE, 'S3Uri': 's3://voiceid-output/results', 'JobId': 'job0123456789abcdefghi',
    'WatchlistId': 'watchlist0123456789abc', 'DefaultWatchlistId': 'watchlist0123456789abc',
    'GeneratedFraudsterId': 'id#fraudster0123456789abcd', 'GeneratedSpeakerId': 'id#speaker0123456789abcde',
    'SessionId': 'id#session0123456789abcde', 'Key': 'team', 'Value': 'voice',
}


def sample(model, shape_name, member, depth=0):
    """A response value for `shape_name` with every member (two items a list)."""
    shape = model['shapes'][shape_name]
    kind = shape['type']
    if kind == 'structure':
        return {k: sample(model, ref['shape'], k, depth + 1) for k, ref in shape['members'].items()}
    if kind == 'list':
        item = sample(model, shape['member']['shape'], member, depth + 1)
        second = item + '-2' if isinstance(item, str) and 'enum' not in model['shapes'][shape['member']['shape']] else item
        return [item, second]
    if kind == 'map':
        return {'k1': sample(model, shape['value']['shape'], member, depth + 1)}
    if kind == 'timestamp':
        return 1732554209.123456
    if kind == 'boolean':
        return True
    if kind in ('integer', 'long'):
        return 80
    if 'enum' in shape:
        return shape['enum'][0]
    return STRINGS.get(member, f'{member[0].lower()}{member[1:]}-1')


def cli_name(name):
    out = ''
    for i, c in enumerate(name):
        out += ('-' if i and c.isupper() else '') + c.lower()
    return out


def without_option(args, option):
    i = args.index(option)
    j = i + 1
    while j < len(args) and not args[j].startswith('--'):
        j += 1
    return args[:i] + args[j:]


def shortened(args, option):
    i = args.index(option)
    return args[: i + 1] + [''] + args[i + 2:]


def cases_for(model, name):
    op = model['operations'][name]
    base = ['--endpoint-url', '{endpoint}', 'voice-id', cli_name(name)]
    args = ARGS[name]
    body = sample(model, op['output']['shape'], None) if 'output' in op else {}
    ok = [{'status': 200, 'body': body}]
    prefix = f'op-{cli_name(name)}'
    cases = [{'name': f'{prefix}-json', 'args': base + args, 'responses': ok}]
    for fmt in ('text', 'table', 'yaml', 'yaml-stream'):
        cases.append({'name': f'{prefix}-{fmt}', 'args': base + args + ['--output', fmt], 'responses': ok})
    cases.append({'name': f'{prefix}-missing-required', 'args': base + without_option(args, args[0])})
    cases.append({'name': f'{prefix}-invalid-length', 'args': base + shortened(args, SHORT[name])})
    error = {'__type': 'ResourceNotFoundException', 'Message': f'{name}: no such resource', 'ResourceType': 'DOMAIN'}
    cases.append({'name': f'{prefix}-service-error', 'args': base + args, 'env': {'AWS_MAX_ATTEMPTS': '1'},
                  'responses': [{'status': 400, 'body': error}]})
    return cases


def list_cases():
    """List options (nargs '*'): JSON, paramfiles, items one by one, empty lists, errors; skeletons, tokens."""
    untag = ['--endpoint-url', '{endpoint}', 'voice-id', 'untag-resource', '--resource-arn', ARN, '--tag-keys']
    tag = ['--endpoint-url', '{endpoint}', 'voice-id', 'tag-resource', '--resource-arn', ARN, '--tags']
    ok = [{'status': 200, 'body': {}}]
    rows = [
        ('op-list-strings-json', untag + ['["team", "env"]'], {}),
        ('op-list-strings-empty', untag, {}),
        ('op-list-strings-explicit', untag[:-1] + ['--tag-keys=team'], {}),
        ('op-list-strings-then-option', untag[:4] + ['--tag-keys', 'team', 'env', '--resource-arn', ARN], {}),
        ('op-list-strings-paramfile-json', untag + ['file://keys.json'], {'cwd/keys.json': '["team", "env"]\n'}),
        ('op-list-strings-paramfile-text', untag + ['file://keys.txt'], {'cwd/keys.txt': 'ab'}),
        ('op-list-strings-paramfile-empty', untag + ['file://keys.txt'], {'cwd/keys.txt': ''}),
        ('op-list-strings-fileb', untag + ['fileb://keys.txt'], {'cwd/keys.txt': 'ab'}),
        ('op-list-strings-two-paramfiles', untag + ['file://keys.txt', 'file://keys.txt'], {'cwd/keys.txt': 'ab'}),
        ('op-list-strings-missing-file', untag + ['file://missing.txt'], {}),
        ('op-list-structures-json', tag + ['[{"Key": "team", "Value": "voice"}]'], {}),
        ('op-list-structures-json-items', tag + ['{"Key": "team", "Value": "voice"}', '{"Key": "env", "Value": "prod"}'], {}),
        ('op-list-structures-json-then-shorthand', tag + ['{"Key": "team", "Value": "voice"}', 'Key=env,Value=prod'], {}),
        ('op-list-structures-shorthand-error', tag + ['Key=team,Value'], {}),
        ('op-list-structures-shorthand-second-error', tag + ['Key=team,Value=voice', 'Key='], {}),
        ('op-list-structures-unknown-key', tag + ['Key=team,Value=voice,Other=x'], {}),
        ('op-list-structures-missing-key', tag + ['Value=voice'], {}),
        ('op-list-structures-empty', tag, {}),
        ('op-list-structures-paramfile-shorthand', tag + ['file://tags.txt'], {'cwd/tags.txt': 'Key=team,Value=voice'}),
        ('op-list-structures-paramfile-json', tag + ['file://tags.json'], {'cwd/tags.json': '[{"Key": "team", "Value": "voice"}]'}),
        ('op-list-structures-fileb', tag + ['fileb://tags.txt'], {'cwd/tags.txt': 'Key=team,Value=voice'}),
        ('op-list-cli-input-json', tag[:4] + ['--cli-input-json', '{"ResourceArn": "%s", "Tags": [{"Key": "a", "Value": "b"}]}' % ARN], {}),
        ('op-list-cli-input-json-and-option', tag + ['Key=team,Value=voice', '--cli-input-json', '{"Tags": [{"Key": "a", "Value": "b"}]}'], {}),
    ]
    cases = [{'name': name, 'args': args, 'responses': ok, **({'files': files} if files else {})} for name, args, files in rows]
    base = ['--endpoint-url', '{endpoint}', 'voice-id']
    cases += [
        {'name': 'op-create-domain-client-token', 'args': base + ['create-domain'] + ARGS['CreateDomain'] + ['--client-token', 'my-token-1']},
        {'name': 'op-create-domain-skeleton', 'args': base + ['create-domain', '--generate-cli-skeleton']},
        {'name': 'op-create-domain-skeleton-yaml', 'args': base + ['create-domain', '--generate-cli-skeleton', 'yaml-input']},
        {'name': 'op-describe-domain-skeleton-output', 'args': base + ['describe-domain', '--generate-cli-skeleton', 'output']},
        {'name': 'op-tag-resource-skeleton', 'args': base + ['tag-resource', '--generate-cli-skeleton']},
        {'name': 'op-delete-domain-skeleton-output', 'args': base + ['delete-domain', '--generate-cli-skeleton', 'output']},
        {'name': 'op-describe-domain-query', 'args': base + ['describe-domain'] + D + ['--query', 'Domain.[Name, CreatedAt]', '--output', 'text'],
         'responses': [{'status': 200, 'body': {'Domain': {'Name': 'call-center', 'CreatedAt': 1732554209.5}}}]},
        {'name': 'op-unknown-operation', 'args': base + ['describe-domains']},
        {'name': 'op-create-domain-cli-input-yaml', 'args': base + ['create-domain', '--cli-input-yaml',
            'Name: call-center\nServerSideEncryptionConfiguration:\n  KmsKeyId: alias/voiceid\nTags:\n- Key: team\n  Value: voice\n']},
    ]
    return cases


def newer_cases(model, final):
    """In an older generation, the success case of each operation only the final model has: its twin
    by name, which shows what the older release does with it (an invalid choice)."""
    paginated = set(final.get('paginators', {}))
    names = [n for n in final['operations'] if n not in model['operations'] and n not in paginated]
    return [cases_for(final, n)[0] for n in names]


HELP_PAGES = ['create-domain', 'tag-resource', 'untag-resource', 'evaluate-session', 'delete-domain',
              'start-fraudster-registration-job', 'create-watchlist', 'associate-fraudster', 'update-watchlist']


def help_cases(model):
    """operations-help.json: `aws voice-id help` and a few operations' pages (2.36.7's are recorded
    from a copy of the oracle that can render help, as help.json is)."""
    names = {cli_name(n) for n in model['operations']}
    cases = [{'name': 'op-help-service', 'args': ['voice-id', 'help'], 'env': {'PAGER': 'cat'}}]
    cases += [{'name': f'op-help-{op}', 'args': ['voice-id', op, 'help'], 'env': {'PAGER': 'cat'}} for op in HELP_PAGES if op in names]
    return cases


def write_cases(path, cases):
    with open(path, 'w') as f:
        json.dump(cases, f, indent=2, ensure_ascii=False)
        f.write('\n')
    print(f'{os.path.relpath(path, ROOT)}: {len(cases)} cases')


def main():
    with open(os.path.join(ROOT, 'src/model/voice-id-2.36.7.json')) as f:
        final = json.load(f)
    for generation, folder in GENERATIONS.items():
        with open(os.path.join(ROOT, f'src/model/voice-id-{generation}.json')) as f:
            model = json.load(f)
        paginated = set(model.get('paginators', {}))
        names = [n for n in model['operations'] if n not in paginated]
        missing = [n for n in names if n not in ARGS]
        if missing:
            raise SystemExit(f'no arguments for {missing}')
        cases = [c for n in names for c in cases_for(model, n)] + list_cases() + newer_cases(model, final)
        write_cases(os.path.join(ROOT, folder, 'operations.json'), cases)
        write_cases(os.path.join(ROOT, folder, 'operations-help.json'), help_cases(model))


if __name__ == '__main__':
    main()
