// TZif zone files (RFC 8536: /usr/share/zoneinfo/*, /etc/localtime) as glibc 2.36 reads them
// (time/tzfile.c: __tzfile_read): version 1 files through their 32-bit data, version 2 and later
// through the 64-bit data after the second header, and the POSIX TZ footer for instants from the
// last transition on. What glibc refuses (a bad magic, truncated data, a type index out of range,
// an isdst byte other than 0 or 1, a version 2+ file with no room for a footer) gives undefined,
// and glibc then reads the TZ value as a POSIX string. Pure.

export interface TzifType {
  /** Seconds east of UTC. */
  readonly offset: number;
  readonly isdst: boolean;
  /** The abbreviation (tm_zone). */
  readonly abbr: string;
  /** The transitions into this type are given in standard time / in UTC (used by posixrules). */
  readonly isstd: boolean;
  readonly isgmt: boolean;
}

export interface Tzif {
  /** Transition instants, epoch seconds, in file order. */
  readonly transitions: readonly number[];
  /** The type each transition goes to. */
  readonly typeIdxs: readonly number[];
  readonly types: readonly TzifType[];
  /** The footer's TZ string (version 2+), used from the last transition on; undefined if none or empty. */
  readonly spec: string | undefined;
  /** rule_stdoff: the offset of the last standard type transitioned to (the first type's without transitions). */
  readonly stdoff: number;
}

const HEADER = 44;

interface Counts {
  readonly isgmt: number;
  readonly isstd: number;
  readonly leaps: number;
  readonly times: number;
  readonly types: number;
  readonly chars: number;
}

/** Reads a zone file as glibc does; undefined where glibc gives up on it. */
export function parseTzif(bytes: Uint8Array): Tzif | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const first = readHeader(view, 0);
  if (first === undefined) return undefined;
  if (bytes[4] === 0) return readData(view, HEADER, first, 4, undefined);
  const skip = first.times * 5 + first.types * 6 + first.chars + first.leaps * 8 + first.isstd + first.isgmt;
  const second = readHeader(view, HEADER + skip);
  if (second === undefined) return undefined;
  const start = 2 * HEADER + skip;
  // The footer: what follows the data, less its final byte (a newline), is "\n" + the TZ string.
  const footer = bytes.length - start - (second.times * 9 + second.types * 6 + second.chars + second.leaps * 12 + second.isstd + second.isgmt);
  if (footer < 2) return undefined;
  const tail = bytes.subarray(bytes.length - footer, bytes.length - 1);
  const spec = tail[0] === 0x0a ? cString(tail, 1) : '';
  return readData(view, start, second, 8, spec === '' ? undefined : spec);
}

function readHeader(view: DataView, at: number): Counts | undefined {
  if (at + HEADER > view.byteLength || view.getUint32(at) !== 0x545a6966) return undefined; // "TZif"
  const count = (index: number): number => view.getInt32(at + 20 + index * 4);
  const counts = { isgmt: count(0), isstd: count(1), leaps: count(2), times: count(3), types: count(4), chars: count(5) };
  // A negative count is a huge size_t to glibc: some later check or read fails.
  if (Object.values(counts).some((n) => n < 0)) return undefined;
  if (counts.isstd > counts.types || counts.isgmt > counts.types) return undefined;
  return counts;
}

// The data block after a header: transition times, their type indexes, the types (ttinfo), the
// abbreviations, the leap seconds (skipped: they change no offset) and the isstd / isgmt flags.
function readData(view: DataView, start: number, counts: Counts, width: 4 | 8, spec: string | undefined): Tzif | undefined {
  const size = counts.times * (width + 1) + counts.types * 6 + counts.chars + counts.leaps * (width + 4) + counts.isstd + counts.isgmt;
  if (counts.types === 0 || start + size > view.byteLength) return undefined;
  let at = start;
  const transitions: number[] = [];
  for (let i = 0; i < counts.times; i++, at += width) {
    transitions.push(width === 4 ? view.getInt32(at) : Number(view.getBigInt64(at)));
  }
  const typeIdxs: number[] = [];
  for (let i = 0; i < counts.times; i++) typeIdxs.push(view.getUint8(at++));
  if (typeIdxs.some((index) => index >= counts.types)) return undefined;
  const typesAt = at;
  const charsAt = typesAt + counts.types * 6;
  const chars = new Uint8Array(view.buffer, view.byteOffset + charsAt, counts.chars);
  const flagsAt = charsAt + counts.chars + counts.leaps * (width + 4);
  const types: TzifType[] = [];
  for (let i = 0; i < counts.types; i++) {
    const isdst = view.getUint8(typesAt + i * 6 + 4);
    const abbrIndex = view.getUint8(typesAt + i * 6 + 5);
    if (isdst > 1 || abbrIndex > counts.chars) return undefined;
    types.push({
      offset: view.getInt32(typesAt + i * 6),
      isdst: isdst === 1,
      abbr: cString(chars, abbrIndex),
      isstd: i < counts.isstd && view.getUint8(flagsAt + i) !== 0,
      isgmt: i < counts.isgmt && view.getUint8(flagsAt + counts.isstd + i) !== 0,
    });
  }
  return { transitions, typeIdxs, types, spec, stdoff: ruleStdoff(typeIdxs, types) };
}

// rule_stdoff: the offset of the last standard type transitioned to (0 if none), of the first
// type without transitions.
function ruleStdoff(typeIdxs: readonly number[], types: readonly TzifType[]): number {
  if (typeIdxs.length === 0) return (types[0] as TzifType).offset;
  for (let i = typeIdxs.length - 1; i >= 0; i--) {
    const type = types[typeIdxs[i] as number] as TzifType;
    if (!type.isdst) return type.offset;
  }
  return 0;
}

// A NUL-terminated string at `at` (to the end of the bytes if no NUL), one character per byte.
function cString(bytes: Uint8Array, at: number): string {
  let end = at;
  while (end < bytes.length && bytes[end] !== 0) end++;
  return String.fromCharCode(...bytes.subarray(at, end));
}
