import { previousTradingDay, sessionOn } from '../../../core/calendar/nyseCalendar.js';
import { localDayOf, localToUtc, utcToLocal } from '../../../core/calendar/timezone.js';
import type { Duration } from './historicalQuery.js';

const DAY_MS = 86_400_000;

/**
 * The first instant a request covers, counting back from `endMs` the way TWS does:
 * S, W, M and Y are calendar time (months and years move the New York wall date); D counts trading days:
 * the last `count` NYSE sessions that opened before `endMs`, from New York midnight of the earliest one
 * (so extended-hours bars of that day are in the window when useRTH is 0).
 */
export function windowStart(endMs: number, duration: Duration): number {
  switch (duration.unit) {
    case 'S':
      return endMs - duration.count * 1_000;
    case 'W':
      return endMs - duration.count * 7 * DAY_MS;
    case 'M':
    case 'Y': {
      const wall = utcToLocal(endMs);
      const months = duration.unit === 'M' ? duration.count : duration.count * 12;
      const shifted = Date.UTC(wall.year, wall.month - 1 - months, wall.day) + wall.msOfDay;
      return localToUtc(shifted);
    }
    case 'D':
      return tradingDaysStart(endMs, duration.count);
  }
}

function tradingDaysStart(endMs: number, count: number): number {
  let day = localDayOf(endMs);
  const today = sessionOn(day);
  if (!today || today.openMs >= endMs) day = previousTradingDay(day);
  for (let left = count - 1; left > 0; left -= 1) day = previousTradingDay(day);
  const year = Math.floor(day / 10_000);
  const month = Math.floor(day / 100) % 100;
  return localToUtc(Date.UTC(year, month - 1, day % 100));
}
