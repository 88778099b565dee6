// The SDK's parts that a request uses, each imported on its own (deep imports of the package's
// dist-es files) so that the bundle evaluates the client and the one command in use, not the
// package's index with every command and the aggregated client. Type-checked against the
// package's own types; tests resolve the paths to the package's index (vitest.config.ts).
import type { VoiceIDClient as Client, VoiceIDClientConfig } from '@aws-sdk/client-voice-id';

/** A command class of the SDK, as the client's send() takes it. */
type CommandClass = new (input: never) => Parameters<Client['send']>[0];

/** The client class. */
export async function voiceIdClient(): Promise<new (config: VoiceIDClientConfig) => Client> {
  return (await import('@aws-sdk/client-voice-id/dist-es/VoiceIDClient.js')).VoiceIDClient;
}

/**
 * The command class of each operation this CLI can send, by the model's name (a table, not a
 * name built at run time).
 */
export const SDK_COMMANDS: Readonly<Record<string, () => Promise<CommandClass>>> = {
  AssociateFraudster: async () => (await import('@aws-sdk/client-voice-id/dist-es/commands/AssociateFraudsterCommand.js')).AssociateFraudsterCommand,
  CreateDomain: async () => (await import('@aws-sdk/client-voice-id/dist-es/commands/CreateDomainCommand.js')).CreateDomainCommand,
  CreateWatchlist: async () => (await import('@aws-sdk/client-voice-id/dist-es/commands/CreateWatchlistCommand.js')).CreateWatchlistCommand,
  DeleteDomain: async () => (await import('@aws-sdk/client-voice-id/dist-es/commands/DeleteDomainCommand.js')).DeleteDomainCommand,
  DeleteFraudster: async () => (await import('@aws-sdk/client-voice-id/dist-es/commands/DeleteFraudsterCommand.js')).DeleteFraudsterCommand,
  DeleteSpeaker: async () => (await import('@aws-sdk/client-voice-id/dist-es/commands/DeleteSpeakerCommand.js')).DeleteSpeakerCommand,
  DeleteWatchlist: async () => (await import('@aws-sdk/client-voice-id/dist-es/commands/DeleteWatchlistCommand.js')).DeleteWatchlistCommand,
  DescribeDomain: async () => (await import('@aws-sdk/client-voice-id/dist-es/commands/DescribeDomainCommand.js')).DescribeDomainCommand,
  DescribeFraudster: async () => (await import('@aws-sdk/client-voice-id/dist-es/commands/DescribeFraudsterCommand.js')).DescribeFraudsterCommand,
  DescribeFraudsterRegistrationJob: async () =>
    (await import('@aws-sdk/client-voice-id/dist-es/commands/DescribeFraudsterRegistrationJobCommand.js')).DescribeFraudsterRegistrationJobCommand,
  DescribeSpeaker: async () => (await import('@aws-sdk/client-voice-id/dist-es/commands/DescribeSpeakerCommand.js')).DescribeSpeakerCommand,
  DescribeSpeakerEnrollmentJob: async () =>
    (await import('@aws-sdk/client-voice-id/dist-es/commands/DescribeSpeakerEnrollmentJobCommand.js')).DescribeSpeakerEnrollmentJobCommand,
  DescribeWatchlist: async () => (await import('@aws-sdk/client-voice-id/dist-es/commands/DescribeWatchlistCommand.js')).DescribeWatchlistCommand,
  DisassociateFraudster: async () => (await import('@aws-sdk/client-voice-id/dist-es/commands/DisassociateFraudsterCommand.js')).DisassociateFraudsterCommand,
  EvaluateSession: async () => (await import('@aws-sdk/client-voice-id/dist-es/commands/EvaluateSessionCommand.js')).EvaluateSessionCommand,
  ListDomains: async () => (await import('@aws-sdk/client-voice-id/dist-es/commands/ListDomainsCommand.js')).ListDomainsCommand,
  ListFraudsterRegistrationJobs: async () =>
    (await import('@aws-sdk/client-voice-id/dist-es/commands/ListFraudsterRegistrationJobsCommand.js')).ListFraudsterRegistrationJobsCommand,
  ListFraudsters: async () => (await import('@aws-sdk/client-voice-id/dist-es/commands/ListFraudstersCommand.js')).ListFraudstersCommand,
  ListSpeakerEnrollmentJobs: async () =>
    (await import('@aws-sdk/client-voice-id/dist-es/commands/ListSpeakerEnrollmentJobsCommand.js')).ListSpeakerEnrollmentJobsCommand,
  ListSpeakers: async () => (await import('@aws-sdk/client-voice-id/dist-es/commands/ListSpeakersCommand.js')).ListSpeakersCommand,
  ListTagsForResource: async () => (await import('@aws-sdk/client-voice-id/dist-es/commands/ListTagsForResourceCommand.js')).ListTagsForResourceCommand,
  ListWatchlists: async () => (await import('@aws-sdk/client-voice-id/dist-es/commands/ListWatchlistsCommand.js')).ListWatchlistsCommand,
  OptOutSpeaker: async () => (await import('@aws-sdk/client-voice-id/dist-es/commands/OptOutSpeakerCommand.js')).OptOutSpeakerCommand,
  StartFraudsterRegistrationJob: async () =>
    (await import('@aws-sdk/client-voice-id/dist-es/commands/StartFraudsterRegistrationJobCommand.js')).StartFraudsterRegistrationJobCommand,
  StartSpeakerEnrollmentJob: async () =>
    (await import('@aws-sdk/client-voice-id/dist-es/commands/StartSpeakerEnrollmentJobCommand.js')).StartSpeakerEnrollmentJobCommand,
  TagResource: async () => (await import('@aws-sdk/client-voice-id/dist-es/commands/TagResourceCommand.js')).TagResourceCommand,
  UntagResource: async () => (await import('@aws-sdk/client-voice-id/dist-es/commands/UntagResourceCommand.js')).UntagResourceCommand,
  UpdateDomain: async () => (await import('@aws-sdk/client-voice-id/dist-es/commands/UpdateDomainCommand.js')).UpdateDomainCommand,
  UpdateWatchlist: async () => (await import('@aws-sdk/client-voice-id/dist-es/commands/UpdateWatchlistCommand.js')).UpdateWatchlistCommand,
};
