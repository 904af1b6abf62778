import { addDays, localDayOf, sessionOn, weekdayOf } from '../calendar/index.js';

/** The New York day (yyyymmdd) of an instant. */
export function dayKey(ts: number): number {
  return localDayOf(ts);
}

/** The Monday (yyyymmdd) of the New York week of an instant: the key of the weekly loss limit. */
export function weekKey(ts: number): number {
  const day = localDayOf(ts);
  return addDays(day, -weekdayOf(day));
}

/**
 * The regular session an event time belongs to: open < ts <= close, so a decision taken at the close of the last
 * bar still belongs to its session (and sits inside its last-minutes windows). Null outside regular hours.
 */
export function sessionAt(ts: number): { openMs: number; closeMs: number } | null {
  const session = sessionOn(localDayOf(ts - 1));
  return session && ts > session.openMs && ts <= session.closeMs ? session : null;
}
