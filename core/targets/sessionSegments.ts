import { NEW_YORK, addDays, localDayOf, localToUtc, sessionOn, splitDay } from '../calendar/index.js';

/** Part of a New York day a bar starts in; a label window never leaves the part of its decision bar. */
export const SegmentPart = {
  preMarket: 0,
  regular: 1,
  afterHours: 2,
  closedDay: 3,
} as const;
export type SegmentPart = (typeof SegmentPart)[keyof typeof SegmentPart];

function midnightUtc(day: number): number {
  const { year, month, day: dom } = splitDay(day);
  return localToUtc(Date.UTC(year, month - 1, dom), NEW_YORK);
}

/**
 * Session segment key of every bar: `yyyymmdd * 4 + part`, where part is pre-market (before the regular
 * open), regular session (`openMs <= ts < closeMs` from the NYSE calendar, so early closes end at 13:00),
 * after-hours (from the close to New York midnight) or a whole day without a session. Keys never decrease
 * along sorted bars, so bars t and t+N share a key exactly when every bar between them does too.
 * One calendar lookup per segment, a range check per bar.
 */
export function sessionSegments(ts: Float64Array): Float64Array {
  const keys = new Float64Array(ts.length);
  let start = Infinity;
  let end = -Infinity;
  let key = NaN;
  for (let i = 0; i < ts.length; i++) {
    const at = ts[i]!;
    if (!(at >= start && at < end)) {
      const day = localDayOf(at, NEW_YORK);
      const session = sessionOn(day);
      let part: SegmentPart;
      if (session !== null && at >= session.openMs && at < session.closeMs) {
        // The common case needs no midnight conversions.
        [start, end, part] = [session.openMs, session.closeMs, SegmentPart.regular];
      } else if (session === null) {
        [start, end, part] = [midnightUtc(day), midnightUtc(addDays(day, 1)), SegmentPart.closedDay];
      } else if (at < session.openMs) {
        [start, end, part] = [midnightUtc(day), session.openMs, SegmentPart.preMarket];
      } else {
        [start, end, part] = [session.closeMs, midnightUtc(addDays(day, 1)), SegmentPart.afterHours];
      }
      key = day * 4 + part;
    }
    keys[i] = key;
  }
  return keys;
}
