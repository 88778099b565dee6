// The sessions of voiceid-local, read from their names (EvaluateSession's convention, described in
// evaluate-session.ts): a session name is an optional keyword and its subject, `<keyword>-<subject>`
// or a bare `<CustomerSpeakerId>`. And the SessionId of a session: `id#` and 22 characters, which
// names the same session again. Pure.
import { createHash } from 'node:crypto';

/** What a session is, by the keyword of its name. */
export type SessionKind = 'speaker' | 'impostor' | 'spoof' | 'silent' | 'ongoing' | 'pending' | 'anonymous' | 'fraudster' | 'missing';

interface KindInfo {
  readonly kind: SessionKind;
  /** The keyword its names start with (followed by `-`); none for the bare CustomerSpeakerId. */
  readonly keyword?: string;
  /** What its subject names: the claimed speaker's CustomerSpeakerId, a fraudster's id, or nothing. */
  readonly subject: 'speaker' | 'fraudster' | 'none';
}

/** The kinds in a fixed order: the order also makes their SessionIds (sessionId below). */
const KINDS: readonly KindInfo[] = [
  { kind: 'speaker', subject: 'speaker' },
  { kind: 'impostor', keyword: 'impostor', subject: 'speaker' },
  { kind: 'spoof', keyword: 'spoof', subject: 'speaker' },
  { kind: 'silent', keyword: 'silent', subject: 'speaker' },
  { kind: 'ongoing', keyword: 'ongoing', subject: 'speaker' },
  { kind: 'pending', keyword: 'pending', subject: 'speaker' },
  { kind: 'fraudster', keyword: 'fraudster', subject: 'fraudster' },
  { kind: 'anonymous', keyword: 'anonymous', subject: 'none' },
  { kind: 'missing', keyword: 'missing', subject: 'none' },
];

export interface SessionName {
  readonly name: string;
  readonly kind: SessionKind;
  /** What follows the keyword (the whole name for a bare CustomerSpeakerId). */
  readonly subject: string;
  /** Whether the subject is the CustomerSpeakerId the session claims. */
  readonly claimsSpeaker: boolean;
}

/** A session name read by the convention: a keyword the name starts with wins over a bare CustomerSpeakerId. */
export function parseSessionName(name: string): SessionName {
  for (const info of KINDS) {
    if (info.keyword !== undefined && name.startsWith(`${info.keyword}-`) && name.length > info.keyword.length + 1) {
      return { name, kind: info.kind, subject: name.slice(info.keyword.length + 1), claimsSpeaker: info.subject === 'speaker' };
    }
  }
  return { name, kind: 'speaker', subject: name, claimsSpeaker: true };
}

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function shifted(id22: string, by: number): string {
  return [...id22].map((c) => ID_CHARS[(ID_CHARS.indexOf(c) + by + ID_CHARS.length) % ID_CHARS.length]).join('');
}

/** 22 id characters derived from the parts, the same from run to run. */
export function digestId(...parts: readonly string[]): string {
  const digest = createHash('sha256').update(JSON.stringify(parts)).digest();
  return [...digest.subarray(0, 22)].map((b) => ID_CHARS[b % ID_CHARS.length]).join('');
}

/**
 * The SessionId of a session. A session about a known speaker or fraudster (`record`: the 22
 * characters of its GeneratedSpeakerId or GeneratedFraudsterId) gets those characters rotated by its
 * kind's place in KINDS, so that resolveSessionId can find it again; any other session gets a digest
 * of its domain and name (such an id names no session voiceid-local can find again).
 */
export function sessionId(domainId: string, session: SessionName, record: string | undefined): string {
  const place = KINDS.findIndex((info) => info.kind === session.kind);
  return `id#${record !== undefined ? shifted(record, place + 1) : digestId('session', domainId, session.name)}`;
}

/** The records a SessionId may be about: for each kind with a subject, the id it would be of. */
export function sessionIdCandidates(id: string): { kind: SessionKind; keyword: string | undefined; subject: 'speaker' | 'fraudster'; record: string }[] {
  const id22 = id.slice(3);
  return KINDS.flatMap((info, place) =>
    info.subject === 'none' ? [] : [{ kind: info.kind, keyword: info.keyword, subject: info.subject, record: shifted(id22, -(place + 1)) }],
  );
}

/** The name of a session of `kind` about `subject`. */
export const nameOf = (keyword: string | undefined, subject: string): string => (keyword === undefined ? subject : `${keyword}-${subject}`);
