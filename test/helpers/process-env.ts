// The environment of a spawned CLI or endpoint, built from scratch (PATH only from outside):
// no ~/.aws, no instance metadata, fake keys, a region, no pager.
export function processEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: '/nonexistent',
    AWS_CONFIG_FILE: '/nonexistent/config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'secretkey',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_PAGER: '',
    TZ: 'UTC',
    ...extra,
  };
}

/** The operation's required options, with valid values, for domain `domainId`. */
export function requiredOptions(domainId: string): string[] {
  return [
    '--domain-id',
    domainId,
    '--data-access-role-arn',
    'arn:aws:iam::123456789012:role/VoiceIdRole',
    '--input-data-config',
    'S3Uri=s3://voiceid-input/manifest.json',
    '--output-data-config',
    'S3Uri=s3://voiceid-output/results',
  ];
}
