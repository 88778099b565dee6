// botocore's RefreshableCredentials (credentials.py), which ProcessProvider returns when the
// process printed an Expiration that is not null: the expiry is dateutil's plain parse() of it
// (no tzinfos), and every signing asks for the credentials (get_frozen_credentials), which
// refreshes them first when fewer than 15 minutes are left (the advisory window: a failed refresh
// is ignored) or fewer than 10 (the mandatory window, which an expired expiry is in: a failed
// refresh is raised). Refreshed credentials that are still expired are refused. "Now" is
// datetime.now(tzlocal()), read at each check; a naive expiry cannot be subtracted from it.
import { type Io, zoneSourceOf } from '../io.js';
import type { CredentialMethod, Credentials } from './credentials.js';
import { CliError, GeneralError } from '../errors.js';
import {
  dateutilParse,
  DateutilParserError,
  notAStringMessage,
  parsedUtcOffset,
  type ParsedDatetime,
  unknownTimezoneWarning,
} from '../values/dateutil-parse.js';
import { tzlocal } from '../values/dateutil-tzlocal.js';
import { utcOffsetError } from '../values/py-datetime.js';
import { localToday, pyLocalZone, type PyLocalZone } from '../values/py-local-zone.js';
import type { PyValue } from '../values/py-value.js';
import { warnOnce } from '../values/py-warnings.js';

/** _DEFAULT_ADVISORY_REFRESH_TIMEOUT: refresh when fewer seconds are left, keeping the credentials if that fails. */
export const ADVISORY_REFRESH_SECONDS = 15 * 60;
/** _DEFAULT_MANDATORY_REFRESH_TIMEOUT: refresh when fewer seconds are left, and fail if that fails. */
export const MANDATORY_REFRESH_SECONDS = 10 * 60;

/** What the expiry checks read: the time now (at each check), the local zone, a warnings sink. */
export interface ExpiryClock {
  nowMs(): number;
  /** CPython's view of the local zone, read once (tzlocal, and the default date of a parse). */
  readonly local: PyLocalZone;
  /** Receives a Python warning's text for stderr (dateutil's UnknownTimezoneWarning). */
  warn(text: string): void;
}

/** What a provider's fetch yields (botocore's metadata dict): the credentials and the unparsed expiry_time. */
export interface CredentialMetadata {
  readonly credentials: Credentials;
  /** expiry_time as the provider read it; null is None (no Expiration). */
  readonly expiryTime: PyValue;
}

/** The clock of a process run through `io` (its local zone read now, as CPython reads it once). */
export function expiryClockOf(io: Io): ExpiryClock {
  return {
    nowMs: () => io.now().getTime(),
    local: pyLocalZone(zoneSourceOf(io), io.now().getTime()),
    warn: (text) => warnOnce(io, text, (shown) => io.writeStderr(shown)),
  };
}

function crash(message: string, cause?: unknown): GeneralError {
  return new GeneralError('PYTHON_CRASH', message, cause === undefined ? undefined : { cause });
}

/** dateutil.parser.parse(value) without tzinfos; its errors reach the CLI as they are (rc 255). */
export function parseExpiryTime(value: PyValue, clock: ExpiryClock): ParsedDatetime {
  if (typeof value !== 'string') throw crash(notAStringMessage(value));
  let parsed: ParsedDatetime;
  try {
    parsed = dateutilParse(value, { today: localToday(clock.local, clock.nowMs()), local: tzlocal(clock.local), tzinfos: 'none' });
  } catch (error) {
    if (error instanceof DateutilParserError) throw crash(error.message, error);
    throw error;
  }
  if (parsed.unknownTzname !== undefined) clock.warn(unknownTimezoneWarning(parsed.unknownTzname));
  return parsed;
}

/** _seconds_remaining: total_seconds(expiry - datetime.now(tzlocal())). */
export function secondsRemaining(expiry: ParsedDatetime, clock: ExpiryClock): number {
  const tz = tzlocal(clock.local);
  // datetime.now(tzlocal()): the UTC time as a local wall time, then back through its utcoffset.
  const nowMs = clock.nowMs();
  const nowSeconds = Math.floor(nowMs / 1000);
  const nowMicrosecond = (nowMs - nowSeconds * 1000) * 1000;
  const { wall, fold } = tz.fromutc(nowSeconds);
  const nowOffset = tz.utcoffset(wall, fold);
  const nowError = utcOffsetError(nowOffset);
  if (nowError !== undefined) throw crash(nowError);
  const offset = parsedUtcOffset(expiry, tz);
  if (offset === undefined) throw crash("can't subtract offset-naive and offset-aware datetimes");
  const seconds = expiry.seconds - offset - (wall - nowOffset);
  return (seconds * 1e6 + expiry.microsecond - nowMicrosecond) / 1e6;
}

/** refresh_needed(refresh_in): fewer than `refreshIn` seconds are left. */
export function refreshNeeded(expiry: ParsedDatetime, refreshIn: number, clock: ExpiryClock): boolean {
  return secondsRemaining(expiry, clock) < refreshIn;
}

/** Temporary credentials, their expiry and how to fetch new ones (botocore's RefreshableCredentials). */
export class RefreshableCredentials {
  private constructor(
    private current: Credentials,
    private expiry: ParsedDatetime,
    private readonly refreshUsing: () => Promise<CredentialMetadata>,
    private readonly clock: ExpiryClock,
  ) {}

  /** create_from_metadata: the expiry is parsed now, when the provider loads (client creation). */
  static fromMetadata(metadata: CredentialMetadata, refreshUsing: () => Promise<CredentialMetadata>, clock: ExpiryClock): RefreshableCredentials {
    return new RefreshableCredentials(metadata.credentials, parseExpiryTime(metadata.expiryTime, clock), refreshUsing, clock);
  }

  get method(): CredentialMethod {
    return this.current.source;
  }

  /** get_frozen_credentials: _refresh, then the credentials in hand. */
  async frozen(): Promise<Credentials> {
    // _refresh: the refresh lock is always free here (one thread), so the advisory window is
    // checked twice, then the mandatory one decides what a failure means.
    if (this.needed(ADVISORY_REFRESH_SECONDS) && this.needed(ADVISORY_REFRESH_SECONDS)) {
      await this.protectedRefresh(this.needed(MANDATORY_REFRESH_SECONDS));
    }
    return this.current;
  }

  private needed(refreshIn: number): boolean {
    return refreshNeeded(this.expiry, refreshIn, this.clock);
  }

  // _protected_refresh: the fetch's failure is raised in the mandatory window and logged (not
  // shown) otherwise; _set_from_data then takes the keys and parses the new expiry_time.
  private async protectedRefresh(mandatory: boolean): Promise<void> {
    let metadata: CredentialMetadata;
    try {
      metadata = await this.refreshUsing();
    } catch (error) {
      if (mandatory || !(error instanceof CliError)) throw error;
      return;
    }
    this.current = metadata.credentials;
    this.expiry = parseExpiryTime(metadata.expiryTime, this.clock);
    if (this.needed(0)) throw crash('Credentials were refreshed, but the refreshed credentials are still expired.');
  }
}
