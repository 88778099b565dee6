// The records voiceid-local keeps, one interface per collection of the state (state.ts). Times are
// milliseconds since the epoch; ids are Voice ID's 22-character ids. Records are plain JSON: they go
// into the state file as they are. A new kind of record is a new entry here and in Records.

export interface DomainRecord {
  readonly DomainId: string;
  readonly Arn: string;
  readonly Name: string;
  readonly Description?: string;
  readonly DomainStatus: 'ACTIVE' | 'PENDING' | 'SUSPENDED';
  readonly ServerSideEncryptionConfiguration: { readonly KmsKeyId: string };
  /** The last change of the KMS key (UpdateDomain), as DescribeDomain shows it. */
  readonly ServerSideEncryptionUpdateDetails?: {
    readonly NewKmsKeyId?: string;
    readonly OldKmsKeyId?: string;
    readonly UpdateStatus?: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
    readonly Message?: string;
  };
  /** The id of the watchlist every domain is created with. */
  readonly DefaultWatchlistId?: string;
  readonly CreatedAt: number;
  readonly UpdatedAt: number;
  /** The request that created it, for idempotent retries (JSON of the input without ClientToken). */
  readonly request?: string;
}

/** Where a job stands; a job's processing (jobs/) moves it, the Describe/List operations show it. */
export interface JobProgressRecord {
  readonly JobStatus: 'SUBMITTED' | 'IN_PROGRESS' | 'COMPLETED' | 'COMPLETED_WITH_ERRORS' | 'FAILED';
  readonly PercentComplete: number;
  readonly EndedAt?: number;
  readonly FailureDetails?: { readonly StatusCode?: number; readonly Message?: string };
}

/** What both kinds of job hold. */
interface JobFields {
  readonly JobId: string;
  readonly DomainId: string;
  readonly JobName?: string;
  readonly DataAccessRoleArn: string;
  readonly InputDataConfig: { readonly S3Uri: string };
  readonly OutputDataConfig: { readonly S3Uri: string; readonly KmsKeyId?: string };
  readonly CreatedAt: number;
  readonly request: string;
  /** Set once processing has started; absent in state files written before jobs were processed. */
  readonly progress?: JobProgressRecord;
}

/** A speaker enrollment job (collection `jobs`, the name it has had since the first state files). */
export interface JobRecord extends JobFields {
  readonly EnrollmentConfig?: unknown;
}

/** A fraudster registration job (collection `fraudsterJobs`). */
export interface FraudsterJobRecord extends JobFields {
  readonly RegistrationConfig?: unknown;
}

/** A speaker (collection `speakers`, key speakerKey(domainId, generatedSpeakerId)). */
export interface SpeakerRecord {
  readonly DomainId: string;
  readonly GeneratedSpeakerId: string;
  readonly CustomerSpeakerId?: string;
  readonly Status: 'ENROLLED' | 'EXPIRED' | 'OPTED_OUT' | 'PENDING';
  readonly CreatedAt: number;
  readonly UpdatedAt: number;
  readonly LastAccessedAt?: number;
  /** The stand-in voice print (voiceprint.ts) of the audio it was enrolled with; none once opted out. */
  readonly voiceprint?: string;
}

/** A fraudster (collection `fraudsters`, key fraudsterKey(domainId, generatedFraudsterId)). */
export interface FraudsterRecord {
  readonly DomainId: string;
  readonly GeneratedFraudsterId: string;
  readonly CreatedAt: number;
  readonly WatchlistIds: readonly string[];
  readonly voiceprint: string;
}

/** A watchlist (collection `watchlists`, key watchlistKey(domainId, watchlistId)). */
export interface WatchlistRecord {
  readonly DomainId: string;
  readonly WatchlistId: string;
  readonly Name: string;
  readonly Description?: string;
  readonly DefaultWatchlist: boolean;
  readonly CreatedAt: number;
  readonly UpdatedAt: number;
  readonly request?: string;
}

/** The tags of a resource (collection `tags`, key: the resource ARN), in the order they were set. */
export interface TagsRecord {
  readonly Tags: readonly { readonly Key: string; readonly Value: string }[];
}

export const speakerKey = (domainId: string, generatedSpeakerId: string): string => `${domainId}/${generatedSpeakerId}`;
export const fraudsterKey = (domainId: string, generatedFraudsterId: string): string => `${domainId}/${generatedFraudsterId}`;
export const watchlistKey = (domainId: string, watchlistId: string): string => `${domainId}/${watchlistId}`;

/** The collections and the record each holds. */
export interface Records {
  readonly domains: DomainRecord;
  readonly jobs: JobRecord;
  readonly fraudsterJobs: FraudsterJobRecord;
  readonly speakers: SpeakerRecord;
  readonly fraudsters: FraudsterRecord;
  readonly watchlists: WatchlistRecord;
  readonly tags: TagsRecord;
  /** `<operation>/<ClientToken>` → the id of what that token created. */
  readonly tokens: string;
}

export type CollectionName = keyof Records;

export const COLLECTIONS: readonly CollectionName[] = ['domains', 'jobs', 'fraudsterJobs', 'speakers', 'fraudsters', 'watchlists', 'tags', 'tokens'];
