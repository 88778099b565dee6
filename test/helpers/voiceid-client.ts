// An AWS SDK Voice ID client pointed at a local endpoint, with everything explicit so that it
// reads nothing from the developer's environment or ~/.aws.
import { VoiceIDClient } from '@aws-sdk/client-voice-id';

export function localClient(
  url: string,
  credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secretkey' },
  region = 'us-east-1',
  maxAttempts = 1,
): VoiceIDClient {
  return new VoiceIDClient({
    endpoint: url,
    region,
    credentials,
    maxAttempts,
    useFipsEndpoint: false,
    useDualstackEndpoint: false,
    defaultsMode: 'standard',
    authSchemePreference: [],
    userAgentAppId: async () => undefined,
  });
}
