import { addDays, newYorkDayOf, sessionOn, weekdayOf, type Session } from '../calendar/index.js';

const HOUR_MS = 3_600_000;

// The engine asks for the day and the session on every bar. Both are functions of the UTC hour (New York changes
// offset on whole UTC hours only), so the last hour's answer is remembered: a pure function's memo, which never
// changes a result. `sessionAt` keeps its own memo because it looks up `ts - 1`, which sits in the previous hour
// on every bar that closes on the hour and would otherwise evict the day's memo twice per bar.
let sessionHour = Number.NaN;
let sessionOfHour: Session | null = null;

/** The New York day (yyyymmdd) of an instant. */
export function dayKey(ts: number): number {
  return newYorkDayOf(ts);
}

/** The Monday (yyyymmdd) of the New York week of an instant: the key of the weekly loss limit. */
export function weekKey(ts: number): number {
  const day = newYorkDayOf(ts);
  return addDays(day, -weekdayOf(day));
}

/**
 * The regular session an event time belongs to: open < ts <= close, so a decision taken at the close of the last
 * bar still belongs to its session (and sits inside its last-minutes windows). Null outside regular hours.
 */
export function sessionAt(ts: number): { openMs: number; closeMs: number } | null {
  const hour = Math.floor((ts - 1) / HOUR_MS);
  if (hour !== sessionHour) {
    sessionOfHour = sessionOn(newYorkDayOf(hour * HOUR_MS));
    sessionHour = hour;
  }
  const session = sessionOfHour;
  return session && ts > session.openMs && ts <= session.closeMs ? session : null;
}
