import { NEW_YORK, addDays, localDayOf, localToUtc, splitDay, weekdayOf } from './timezone.js';

/**
 * One regular NYSE session. `openMs`/`closeMs` are UTC epoch ms; a bar belongs to the session when
 * `openMs <= ts < closeMs`. `day` is the New York calendar day as yyyymmdd.
 */
export interface Session {
  readonly day: number;
  readonly openMs: number;
  readonly closeMs: number;
  readonly earlyClose: boolean;
}

/** Wall-clock session edges in minutes after New York midnight. */
export const REGULAR_OPEN_MINUTE = 9 * 60 + 30;
export const REGULAR_CLOSE_MINUTE = 16 * 60;
export const EARLY_CLOSE_MINUTE = 13 * 60;
export const PRE_MARKET_START_MINUTE = 4 * 60;
export const AFTER_HOURS_END_MINUTE = 20 * 60;

/** Closures outside the yearly rules (national days of mourning, weather, September 2001). */
const SPECIAL_CLOSURES: ReadonlyMap<number, string> = new Map([
  [20010911, 'September 11 attacks'],
  [20010912, 'September 11 attacks'],
  [20010913, 'September 11 attacks'],
  [20010914, 'September 11 attacks'],
  [20040611, 'Day of mourning for Ronald Reagan'],
  [20070102, 'Day of mourning for Gerald Ford'],
  [20121029, 'Hurricane Sandy'],
  [20121030, 'Hurricane Sandy'],
  [20181205, 'Day of mourning for George H. W. Bush'],
  [20250109, 'Day of mourning for Jimmy Carter'],
]);

function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  const first = year * 10_000 + month * 100 + 1;
  const shift = (weekday - weekdayOf(first) + 7) % 7;
  return addDays(first, shift + 7 * (n - 1));
}

function lastWeekday(year: number, month: number, weekday: number): number {
  const nextFirst = month === 12 ? (year + 1) * 10_000 + 101 : year * 10_000 + (month + 1) * 100 + 1;
  const last = addDays(nextFirst, -1);
  return addDays(last, -((weekdayOf(last) - weekday + 7) % 7));
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return year * 10_000 + month * 100 + day;
}

/** A fixed-date holiday moved to Friday when on Saturday and to Monday when on Sunday. */
function observed(day: number): number {
  const weekday = weekdayOf(day);
  if (weekday === 5) return addDays(day, -1);
  if (weekday === 6) return addDays(day, 1);
  return day;
}

const holidayCache = new Map<number, ReadonlyMap<number, string>>();

/** Full-day NYSE holidays of one year (rules in force since 2000; Juneteenth from 2022). */
export function holidaysOf(year: number): ReadonlyMap<number, string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const days = new Map<number, string>();
  // New Year's Day on a Saturday is not observed on the Friday before (NYSE rule 7.2).
  const newYear = year * 10_000 + 101;
  if (weekdayOf(newYear) === 6) days.set(addDays(newYear, 1), "New Year's Day");
  else if (weekdayOf(newYear) !== 5) days.set(newYear, "New Year's Day");
  days.set(nthWeekday(year, 1, 0, 3), 'Martin Luther King Jr. Day');
  days.set(nthWeekday(year, 2, 0, 3), "Washington's Birthday");
  days.set(addDays(easterSunday(year), -2), 'Good Friday');
  days.set(lastWeekday(year, 5, 0), 'Memorial Day');
  if (year >= 2022) days.set(observed(year * 10_000 + 619), 'Juneteenth');
  days.set(observed(year * 10_000 + 704), 'Independence Day');
  days.set(nthWeekday(year, 9, 0, 1), 'Labor Day');
  days.set(nthWeekday(year, 11, 3, 4), 'Thanksgiving Day');
  days.set(observed(year * 10_000 + 1225), 'Christmas Day');
  for (const [day, name] of SPECIAL_CLOSURES) if (Math.floor(day / 10_000) === year) days.set(day, name);
  holidayCache.set(year, days);
  return days;
}

/** The holiday name when the exchange is closed all day on a weekday, else null. */
export function holidayOn(day: number): string | null {
  return holidaysOf(splitDay(day).year).get(day) ?? null;
}

/** True for the 13:00 early closes: July 3, the day after Thanksgiving and December 24 (when trading days). */
export function isEarlyClose(day: number): boolean {
  const { year, month, day: dom } = splitDay(day);
  const weekday = weekdayOf(day);
  if (weekday > 4 || holidayOn(day) !== null) return false;
  if (month === 7 && dom === 3) return weekday <= 3;
  if (month === 12 && dom === 24) return weekday <= 3;
  return day === addDays(nthWeekday(year, 11, 3, 4), 1);
}

const sessionCache = new Map<number, Session | null>();

/** The regular session on a New York calendar day, or null on weekends and holidays. */
export function sessionOn(day: number): Session | null {
  const cached = sessionCache.get(day);
  if (cached !== undefined) return cached;
  let session: Session | null = null;
  if (weekdayOf(day) <= 4 && holidayOn(day) === null) {
    const { year, month, day: dom } = splitDay(day);
    const early = isEarlyClose(day);
    const closeMinute = early ? EARLY_CLOSE_MINUTE : REGULAR_CLOSE_MINUTE;
    session = {
      day,
      openMs: localToUtc(Date.UTC(year, month - 1, dom, 0, REGULAR_OPEN_MINUTE), NEW_YORK),
      closeMs: localToUtc(Date.UTC(year, month - 1, dom, 0, closeMinute), NEW_YORK),
      earlyClose: early,
    };
  }
  sessionCache.set(day, session);
  return session;
}

/** True when the exchange holds a regular session on that day. */
export function isTradingDay(day: number): boolean {
  return sessionOn(day) !== null;
}

/** Every session from `startDay` to `endDay`, both inclusive. */
export function sessionsBetween(startDay: number, endDay: number): Session[] {
  const sessions: Session[] = [];
  for (let day = startDay; day <= endDay; day = addDays(day, 1)) {
    const session = sessionOn(day);
    if (session) sessions.push(session);
  }
  return sessions;
}

/** The session whose regular hours contain `utcMs`, or null outside regular hours. */
export function sessionContaining(utcMs: number): Session | null {
  const session = sessionOn(localDayOf(utcMs, NEW_YORK));
  return session && utcMs >= session.openMs && utcMs < session.closeMs ? session : null;
}

/** The first trading day strictly after `day`. */
export function nextTradingDay(day: number): number {
  let next = addDays(day, 1);
  while (!isTradingDay(next)) next = addDays(next, 1);
  return next;
}

/** The last trading day strictly before `day`. */
export function previousTradingDay(day: number): number {
  let previous = addDays(day, -1);
  while (!isTradingDay(previous)) previous = addDays(previous, -1);
  return previous;
}
