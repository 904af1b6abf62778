import { localDayOf } from './timezone.js';

const HOUR_MS = 3_600_000;

// New York changes offset only on whole UTC hours, so its calendar day is a function of the UTC hour. Remembering
// the last hour turns a day lookup into one division on all but the first bar of each hour. The cache is a pure
// function's memo: it never changes a result.
let cachedHour = Number.NaN;
let cachedDay = 0;

/** The New York calendar day (yyyymmdd) of an instant; `localDayOf` memoized on the UTC hour. */
export function newYorkDayOf(utcMs: number): number {
  const hour = Math.floor(utcMs / HOUR_MS);
  if (hour !== cachedHour) {
    cachedDay = localDayOf(hour * HOUR_MS);
    cachedHour = hour;
  }
  return cachedDay;
}
