import { newYorkDayOf } from '../calendar/newYorkDayOf.js';
import type { Session } from '../calendar/nyseCalendar.js';
import { sessionsBetween } from '../calendar/nyseCalendar.js';

/** Consecutive missing bars inside one session: bar starts `startMs` up to (not including) `endMs`. */
export interface MissingRun {
  readonly day: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly bars: number;
}

/** Gaps of one ticker against the NYSE calendar over a range of New York days. */
export interface TickerGaps {
  readonly ticker: string;
  /** Regular sessions in the range (half days included). */
  readonly sessions: number;
  /** Days (yyyymmdd) of sessions without a single bar. */
  readonly sessionsMissing: readonly number[];
  /** Bar slots of every session in the range: session length / bar size, so a half day expects fewer. */
  readonly barsExpected: number;
  /** Bars on a slot of a regular session. */
  readonly barsPresent: number;
  /** Empty slots inside sessions that have bars (missing sessions are counted in `sessionsMissing` instead). */
  readonly barsMissing: number;
  readonly missingRuns: readonly MissingRun[];
  /** Bars in the range but outside regular hours (pre-market, after hours, weekends, holidays). */
  readonly barsOutsideSessions: number;
  /** Bars inside a session whose start is not on the session's grid (open + k x bar size). */
  readonly barsOffGrid: number;
}

/** The gap report of a dataset: one entry per ticker over a shared range. */
export interface GapReport {
  readonly barMs: number;
  readonly startDay: number;
  readonly endDay: number;
  readonly sessions: number;
  readonly halfDays: number;
  readonly tickers: readonly TickerGaps[];
}

/** Bars this long or longer are daily: a session counts as present when any bar falls on its New York day. */
const DAILY_MS = 6.5 * 3_600_000;

/**
 * Compares one ticker's bar starts (sorted, UTC epoch ms) with the NYSE sessions from `startDay` to `endDay`
 * (New York days, inclusive). Intraday bars are expected at open + k x `barMs` while before the close, which on a
 * half day is 13:00; bars outside the range are ignored.
 */
export function tickerGaps(
  ticker: string,
  ts: Float64Array,
  barMs: number,
  startDay: number,
  endDay: number,
): TickerGaps {
  if (!(barMs > 0)) throw new RangeError(`the bar size must be positive to find gaps, was ${barMs} ms`);
  const sessions = sessionsBetween(startDay, endDay);
  return barMs >= DAILY_MS
    ? dailyGaps(ticker, ts, sessions, startDay, endDay)
    : intradayGaps(ticker, ts, barMs, sessions, startDay, endDay);
}

function intradayGaps(
  ticker: string,
  ts: Float64Array,
  barMs: number,
  sessions: readonly Session[],
  startDay: number,
  endDay: number,
): TickerGaps {
  const inRange = (t: number): boolean => {
    const day = newYorkDayOf(t);
    return day >= startDay && day <= endDay;
  };
  const sessionsMissing: number[] = [];
  const missingRuns: MissingRun[] = [];
  let barsExpected = 0;
  let barsPresent = 0;
  let barsMissing = 0;
  let outside = 0;
  let offGrid = 0;
  let p = 0;
  for (const session of sessions) {
    const slots = Math.ceil((session.closeMs - session.openMs) / barMs);
    barsExpected += slots;
    for (; p < ts.length && ts[p]! < session.openMs; p++) if (inRange(ts[p]!)) outside++;
    const filled = new Uint8Array(slots);
    let present = 0;
    for (; p < ts.length && ts[p]! < session.closeMs; p++) {
      const k = (ts[p]! - session.openMs) / barMs;
      if (Number.isInteger(k)) {
        filled[k] = 1;
        present++;
      } else {
        offGrid++;
      }
    }
    barsPresent += present;
    if (present === 0) {
      sessionsMissing.push(session.day);
      continue;
    }
    for (let k = 0; k < slots; k++) {
      if (filled[k]) continue;
      let end = k;
      while (end < slots && !filled[end]) end++;
      missingRuns.push({
        day: session.day,
        startMs: session.openMs + k * barMs,
        endMs: session.openMs + end * barMs,
        bars: end - k,
      });
      barsMissing += end - k;
      k = end;
    }
  }
  for (; p < ts.length; p++) if (inRange(ts[p]!)) outside++;
  return {
    ticker,
    sessions: sessions.length,
    sessionsMissing,
    barsExpected,
    barsPresent,
    barsMissing,
    missingRuns,
    barsOutsideSessions: outside,
    barsOffGrid: offGrid,
  };
}

function dailyGaps(
  ticker: string,
  ts: Float64Array,
  sessions: readonly Session[],
  startDay: number,
  endDay: number,
): TickerGaps {
  const tradingDays = new Set(sessions.map((session) => session.day));
  const seen = new Set<number>();
  let outside = 0;
  for (const t of ts) {
    const day = newYorkDayOf(t);
    if (day < startDay || day > endDay) continue;
    if (tradingDays.has(day)) seen.add(day);
    else outside++;
  }
  return {
    ticker,
    sessions: sessions.length,
    sessionsMissing: sessions.filter((session) => !seen.has(session.day)).map((session) => session.day),
    barsExpected: sessions.length,
    barsPresent: seen.size,
    barsMissing: 0,
    missingRuns: [],
    barsOutsideSessions: outside,
    barsOffGrid: 0,
  };
}

/** Builds a dataset's report over one range; `series` gives each ticker's sorted bar starts. */
export function gapReport(
  series: readonly { readonly ticker: string; readonly ts: Float64Array }[],
  barMs: number,
  startDay: number,
  endDay: number,
): GapReport {
  const sessions = sessionsBetween(startDay, endDay);
  return {
    barMs,
    startDay,
    endDay,
    sessions: sessions.length,
    halfDays: sessions.filter((session) => session.earlyClose).length,
    tickers: series.map((entry) => tickerGaps(entry.ticker, entry.ts, barMs, startDay, endDay)),
  };
}
