import { localDayOf } from './timezone.js';

const HOUR_MS = 3_600_000;

// New York changes offset only on whole UTC hours, so its calendar day is a function of the UTC hour. Remembering
// the last two hours turns a day lookup into one division on all but the first bar of each hour: two, because a
// backtest asks for a bar's start and the engine for its close, which on the last bar of an hour fall in
// different hours, and a single entry would be evicted twice per bar there. The cache is a pure function's memo:
// it never changes a result.
let recentHour = Number.NaN;
let recentDay = 0;
let olderHour = Number.NaN;
let olderDay = 0;

/** The New York calendar day (yyyymmdd) of an instant; `localDayOf` memoized on the UTC hour. */
export function newYorkDayOf(utcMs: number): number {
  const hour = Math.floor(utcMs / HOUR_MS);
  if (hour === recentHour) return recentDay;
  if (hour === olderHour) return olderDay;
  olderHour = recentHour;
  olderDay = recentDay;
  recentDay = localDayOf(hour * HOUR_MS);
  recentHour = hour;
  return recentDay;
}
