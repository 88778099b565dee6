// dateutil 2.8.2's tz.tzlocal on CPython's view of the local zone: the offset is time.timezone or
// time.altzone (the zone's *current* standard and daylight offsets, not its historic ones), picked
// by time.localtime's tm_isdst for the wall time; PEP 495 folds for ambiguous wall times; and
// _tzinfo.fromutc. Wall times are naive datetimes as whole seconds since 1970-01-01. Pure.
import { PyOverflowError } from '../errors.js';
import { inDatetimeRange } from './py-datetime.js';
import type { PyLocalZone } from './py-local-zone.js';

export type Fold = 0 | 1;

export interface TzLocal {
  /** time.tzname. */
  readonly tznames: readonly [string, string];
  /** utcoffset(dt) in seconds east for a wall time with its fold. */
  utcoffset(wall: number, fold: Fold): number;
  /** tzname(dt). */
  tzname(wall: number, fold: Fold): string;
  /** fromutc(): the wall time (and fold) of a UTC time. */
  fromutc(utc: number): { readonly wall: number; readonly fold: Fold };
}

/** datetime ± timedelta: OverflowError past datetime.min / datetime.max. */
export function shiftDatetime(seconds: number, delta: number): number {
  const result = seconds + delta;
  if (!inDatetimeRange(result)) throw new PyOverflowError('date value out of range');
  return result;
}

/** tz.tzlocal() as it is built now (it reads time.timezone, altzone, daylight, tzname). */
export function tzlocal(zone: PyLocalZone): TzLocal {
  const std = -zone.timezone;
  const dst = zone.daylight ? -zone.altzone : std;
  const saved = dst - std;
  const hasDst = saved !== 0;
  const naiveIsDst = (wall: number): boolean => zone.localtime(wall + zone.timezone).isdst;
  const isAmbiguous = (wall: number): boolean => {
    const naiveDst = naiveIsDst(wall);
    return !naiveDst && naiveDst !== naiveIsDst(shiftDatetime(wall, -saved));
  };
  const isDst = (wall: number, fold: Fold): boolean => {
    if (!hasDst) return false;
    const dstValue = naiveIsDst(wall);
    return isAmbiguous(wall) ? fold === 0 : dstValue;
  };
  const utcoffset = (wall: number, fold: Fold): number => (isDst(wall, fold) ? dst : std);
  const dstOf = (wall: number, fold: Fold): number => (isDst(wall, fold) ? saved : 0);
  return {
    tznames: zone.tzname,
    utcoffset,
    tzname: (wall, fold) => zone.tzname[isDst(wall, fold) ? 1 : 0],
    fromutc(utc) {
      // _tzinfo._fromutc: dt += utcoffset - dst (= the standard offset); dt += dst(fold=1).
      const delta = utcoffset(utc, 0) - dstOf(utc, 0);
      let wall = shiftDatetime(utc, delta);
      wall = shiftDatetime(wall, dstOf(wall, 1));
      // _fold_status: in the fold when the wall is the standard offset from UTC.
      const fold: Fold = isAmbiguous(wall) && wall - utc === std ? 1 : 0;
      return { wall, fold };
    },
  };
}
