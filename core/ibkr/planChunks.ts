import {
  AFTER_HOURS_END_MINUTE,
  PRE_MARKET_START_MINUTE,
  sessionsBetween,
  type Session,
} from '../calendar/nyseCalendar.js';
import { NEW_YORK, localToUtc, splitDay } from '../calendar/timezone.js';
import { InvalidFetchRangeError } from './errors.js';
import { ibBarSize } from './ibBarSize.js';

/** What to fetch for one ticker: New York days, both inclusive, a bar size, and regular hours or not. */
export interface ChunkPlanInput {
  readonly startDay: number;
  readonly endDay: number;
  readonly barMs: number;
  /** True: regular session only (09:30-16:00, 13:00 on early closes); false: 04:00-20:00 New York time. */
  readonly rth: boolean;
}

/** One historical request: the span it covers and the parameters that ask IB for exactly that span. */
export interface HistoricalChunk {
  /** First instant covered (UTC ms, inclusive). */
  readonly fromMs: number;
  /** End of the span (UTC ms, exclusive): the close of the last session in the chunk. */
  readonly toMs: number;
  /** IB `endDateTime` in UTC, `yyyymmdd-hh:mm:ss`, equal to `toMs`. */
  readonly endDateTime: string;
  /** IB `durationStr`: `N D` (trading days) or `N S`. */
  readonly duration: string;
  /** IB `barSizeSetting`, e.g. `5 mins`. */
  readonly barSetting: string;
  /** New York days of the first and last session covered (yyyymmdd). */
  readonly firstDay: number;
  readonly lastDay: number;
}

/** Formats a UTC instant as IB's `yyyymmdd-hh:mm:ss` (the dash means UTC to the gateway). */
export function formatIbUtc(utcMs: number): string {
  const date = new Date(utcMs);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return (
    `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}-` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  );
}

interface Window {
  readonly day: number;
  readonly fromMs: number;
  readonly toMs: number;
}

function windowOf(session: Session, rth: boolean): Window {
  if (rth) return { day: session.day, fromMs: session.openMs, toMs: session.closeMs };
  const { year, month, day } = splitDay(session.day);
  const wall = (minute: number): number => localToUtc(Date.UTC(year, month - 1, day, 0, minute), NEW_YORK);
  return { day: session.day, fromMs: wall(PRE_MARKET_START_MINUTE), toMs: wall(AFTER_HOURS_END_MINUTE) };
}

/**
 * Splits a fetch into requests no longer than IB allows for the bar size. Chunks follow the NYSE calendar:
 * each covers whole sessions (or, for second bars, a slice of one session), so the end of a chunk is always a
 * session close and `N D` counts exactly the N sessions inside it. Chunks come out in time order.
 */
export function planChunks(input: ChunkPlanInput): HistoricalChunk[] {
  if (input.endDay < input.startDay) {
    throw new InvalidFetchRangeError(input.startDay, input.endDay, 'the end day is before the start day');
  }
  const size = ibBarSize(input.barMs);
  const windows = sessionsBetween(input.startDay, input.endDay).map((session) => windowOf(session, input.rth));
  const chunks: HistoricalChunk[] = [];
  const limit = size.limit;
  if (limit.unit === 'days') {
    for (let i = 0; i < windows.length; i += limit.maxDays) {
      const group = windows.slice(i, i + limit.maxDays);
      const first = group[0]!;
      const last = group[group.length - 1]!;
      chunks.push({
        fromMs: first.fromMs,
        toMs: last.toMs,
        endDateTime: formatIbUtc(last.toMs),
        duration: `${group.length} D`,
        barSetting: size.setting,
        firstDay: first.day,
        lastDay: last.day,
      });
    }
    return chunks;
  }
  const sliceMs = limit.maxSeconds * 1000;
  for (const window of windows) {
    for (let from = window.fromMs; from < window.toMs; from += sliceMs) {
      const to = Math.min(window.toMs, from + sliceMs);
      chunks.push({
        fromMs: from,
        toMs: to,
        endDateTime: formatIbUtc(to),
        duration: `${(to - from) / 1000} S`,
        barSetting: size.setting,
        firstDay: window.day,
        lastDay: window.day,
      });
    }
  }
  return chunks;
}
