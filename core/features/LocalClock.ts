import {
  AFTER_HOURS_END_MINUTE,
  NEW_YORK,
  PRE_MARKET_START_MINUTE,
  localToUtc,
  sessionOn,
  zoneOffsetMs,
} from '../calendar/index.js';
import { BarSlot, ClockSlot, type Frame } from './FeatureKind.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Cache of the New York calendar for the current segment of UTC time, in which both the local date and the UTC
 * offset are constant: a bar inside it costs a range check and a subtraction; a new segment (a new day or a DST
 * change) costs a few calendar look-ups. Plain data (clonable), one per stream.
 */
export interface LocalClock {
  segmentStartMs: number;
  segmentEndMs: number;
  offsetMs: number;
  /** Local midnight of the segment's day, as wall-clock epoch ms (`Date.UTC` of the wall fields). */
  midnightWallMs: number;
  /** 0 = Monday ... 6 = Sunday. */
  dayOfWeek: number;
  dayOfMonth: number;
  month: number;
  quarter: number;
  /** UTC ms of the regular open and close (13:00 on early-close days), pre-market start, after-hours end; NaN on
   * days without a regular session. */
  openMs: number;
  closeMs: number;
  preMarketStartMs: number;
  afterHoursEndMs: number;
}

/** A clock that has seen no bar yet. */
export function createLocalClock(): LocalClock {
  return {
    segmentStartMs: Infinity,
    segmentEndMs: -Infinity,
    offsetMs: 0,
    midnightWallMs: 0,
    dayOfWeek: 0,
    dayOfMonth: 0,
    month: 0,
    quarter: 0,
    openMs: NaN,
    closeMs: NaN,
    preMarketStartMs: NaN,
    afterHoursEndMs: NaN,
  };
}

/**
 * Writes the clock slots of bars `from` to `to` (exclusive) from their start times, once per bar. Bars run in
 * stretches inside one segment, whose fields sit in locals: the clock object is read once per segment, not per bar.
 */
export function fillClock(clock: LocalClock, frame: Frame, from: number, to: number): void {
  const ts = frame[BarSlot.ts]!;
  const minuteOfDay = frame[ClockSlot.minuteOfDay]!;
  const dayOfWeek = frame[ClockSlot.dayOfWeek]!;
  const dayOfMonth = frame[ClockSlot.dayOfMonth]!;
  const month = frame[ClockSlot.month]!;
  const quarter = frame[ClockSlot.quarter]!;
  const openMs = frame[ClockSlot.openMs]!;
  const closeMs = frame[ClockSlot.closeMs]!;
  const preMarketStartMs = frame[ClockSlot.preMarketStartMs]!;
  const afterHoursEndMs = frame[ClockSlot.afterHoursEndMs]!;
  let i = from;
  while (i < to) {
    const first = ts[i]!;
    if (first < clock.segmentStartMs || first >= clock.segmentEndMs) loadSegment(clock, first);
    const { segmentStartMs, segmentEndMs, offsetMs, midnightWallMs } = clock;
    const { dayOfWeek: weekday, dayOfMonth: day, month: monthOfYear, quarter: quarterOfYear } = clock;
    const { openMs: open, closeMs: close, preMarketStartMs: preStart, afterHoursEndMs: afterEnd } = clock;
    let end = i + 1;
    while (end < to && ts[end]! >= segmentStartMs && ts[end]! < segmentEndMs) end++;
    for (let j = i; j < end; j++) {
      minuteOfDay[j] = (ts[j]! + offsetMs - midnightWallMs) / MINUTE_MS;
      dayOfWeek[j] = weekday;
      dayOfMonth[j] = day;
      month[j] = monthOfYear;
      quarter[j] = quarterOfYear;
      openMs[j] = open;
      closeMs[j] = close;
      preMarketStartMs[j] = preStart;
      afterHoursEndMs[j] = afterEnd;
    }
    i = end;
  }
}

/**
 * Segments already computed, by the UTC start of their local day under their offset (unique per segment: a New York
 * day has at most one offset change). Shared by every clock: the calendar and Intl work of a day is done once per
 * process instead of once per ticker, and a new segment costs one offset look-up and one map look-up.
 */
const segments = new Map<number, Readonly<LocalClock>>();

function loadSegment(clock: LocalClock, ts: number): void {
  const offset = zoneOffsetMs(ts, NEW_YORK);
  const key = Math.floor((ts + offset) / DAY_MS) * DAY_MS - offset;
  let segment = segments.get(key);
  if (segment === undefined) {
    segment = computeSegment(ts);
    segments.set(key, segment);
  }
  Object.assign(clock, segment);
}

function computeSegment(ts: number): LocalClock {
  const clock = createLocalClock();

  const offset = zoneOffsetMs(ts, NEW_YORK);
  const midnightWall = Math.floor((ts + offset) / DAY_MS) * DAY_MS;
  const dayStart = midnightWall - offset;
  const dayEnd = dayStart + DAY_MS;
  // Offsets change on whole UTC hours (see calendar/timezone.ts): widen hour by hour while the offset holds.
  let start = Math.floor(ts / HOUR_MS) * HOUR_MS;
  while (start > dayStart && zoneOffsetMs(start - HOUR_MS, NEW_YORK) === offset) start -= HOUR_MS;
  let end = Math.floor(ts / HOUR_MS) * HOUR_MS + HOUR_MS;
  while (end < dayEnd && zoneOffsetMs(end, NEW_YORK) === offset) end += HOUR_MS;
  clock.segmentStartMs = Math.max(start, dayStart);
  clock.segmentEndMs = Math.min(end, dayEnd);
  clock.offsetMs = offset;
  clock.midnightWallMs = midnightWall;

  const date = new Date(midnightWall);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  clock.dayOfWeek = (date.getUTCDay() + 6) % 7;
  clock.dayOfMonth = day;
  clock.month = month;
  clock.quarter = Math.floor((month - 1) / 3) + 1;
  const session = sessionOn(year * 10_000 + month * 100 + day);
  clock.openMs = session ? session.openMs : NaN;
  clock.closeMs = session ? session.closeMs : NaN;
  clock.preMarketStartMs = session ? localToUtc(midnightWall + PRE_MARKET_START_MINUTE * MINUTE_MS, NEW_YORK) : NaN;
  clock.afterHoursEndMs = session ? localToUtc(midnightWall + AFTER_HOURS_END_MINUTE * MINUTE_MS, NEW_YORK) : NaN;
  return clock;
}
