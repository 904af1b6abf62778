/** The exchange time zone of US equities. */
export const NEW_YORK = 'America/New_York';

const HOUR_MS = 3_600_000;

/** Wall-clock fields of an instant in some time zone. `weekday` is 0 for Monday through 6 for Sunday. */
export interface LocalParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly weekday: number;
  /** Milliseconds since local midnight. */
  readonly msOfDay: number;
  /** The local calendar day as yyyymmdd. */
  readonly yyyymmdd: number;
}

// Offsets are cached per UTC hour, so converting millions of rows costs one Intl call per hour. Some zones
// (Newfoundland, South Australia, Lord Howe) change offset inside a UTC hour, so an hour whose two edges
// disagree is resolved minute by minute; every transition since 1970 falls on a whole minute.
// Intl is pure (no clock, no I/O).
const MINUTE_MS = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();
const minuteOffsetCache = new Map<string, Map<number, number>>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

function computeOffset(zone: string, hourStartMs: number): number {
  const parts = formatterFor(zone).formatToParts(new Date(hourStartMs));
  const field = (type: string): number => Number(parts.find((part) => part.type === type)?.value ?? NaN);
  const wall = Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
  return wall - hourStartMs;
}

/** Checks a zone name once; throws with the name when the runtime does not know it. */
export function assertZone(zone: string): void {
  if (zone === 'UTC') return;
  try {
    formatterFor(zone);
  } catch {
    throw new Error(`unknown time zone "${zone}" (expected an IANA name such as America/New_York or UTC)`);
  }
}

/** Offset of `zone` from UTC at the instant `utcMs`, in milliseconds (New York in winter: -5 h). */
export function zoneOffsetMs(utcMs: number, zone: string = NEW_YORK): number {
  if (zone === 'UTC') return 0;
  const hour = Math.floor(utcMs / HOUR_MS);
  const offset = cachedOffset(offsetCache, zone, hour, HOUR_MS);
  if (offset === cachedOffset(offsetCache, zone, hour + 1, HOUR_MS)) return offset;
  return cachedOffset(minuteOffsetCache, zone, Math.floor(utcMs / MINUTE_MS), MINUTE_MS);
}

function cachedOffset(caches: Map<string, Map<number, number>>, zone: string, index: number, stepMs: number): number {
  let cache = caches.get(zone);
  if (!cache) {
    cache = new Map();
    caches.set(zone, cache);
  }
  let offset = cache.get(index);
  if (offset === undefined) {
    offset = computeOffset(zone, index * stepMs);
    cache.set(index, offset);
  }
  return offset;
}

/**
 * Converts a wall-clock time, given as `Date.UTC(y, m-1, d, h, mi, s)` of the wall fields, to a UTC instant.
 * Returns NaN for a wall time that does not exist (the hour skipped when daylight-saving time starts).
 * An ambiguous wall time (the hour repeated when it ends) resolves to the first, daylight-saving instant.
 */
export function localToUtc(wallMs: number, zone: string = NEW_YORK): number {
  if (zone === 'UTC') return wallMs;
  // Try the offsets in force a day before and a day after; at most two candidates exist.
  const early = wallMs - zoneOffsetMs(wallMs - 86_400_000, zone);
  const late = wallMs - zoneOffsetMs(wallMs + 86_400_000, zone);
  const earlyOk = early + zoneOffsetMs(early, zone) === wallMs;
  const lateOk = late + zoneOffsetMs(late, zone) === wallMs;
  if (earlyOk && lateOk) return Math.min(early, late);
  if (earlyOk) return early;
  if (lateOk) return late;
  return NaN;
}

/** Wall-clock fields of `utcMs` in `zone`. */
export function utcToLocal(utcMs: number, zone: string = NEW_YORK): LocalParts {
  const wall = utcMs + zoneOffsetMs(utcMs, zone);
  const date = new Date(wall);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  const msOfDay = ((wall % 86_400_000) + 86_400_000) % 86_400_000;
  return {
    year,
    month,
    day,
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    weekday: (date.getUTCDay() + 6) % 7,
    msOfDay,
    yyyymmdd: year * 10_000 + month * 100 + day,
  };
}

/** The local calendar day (yyyymmdd) of an instant in `zone`. */
export function localDayOf(utcMs: number, zone: string = NEW_YORK): number {
  const wall = utcMs + zoneOffsetMs(utcMs, zone);
  const date = new Date(wall);
  return date.getUTCFullYear() * 10_000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
}

/** Splits yyyymmdd into its fields. */
export function splitDay(yyyymmdd: number): { year: number; month: number; day: number } {
  return { year: Math.floor(yyyymmdd / 10_000), month: Math.floor(yyyymmdd / 100) % 100, day: yyyymmdd % 100 };
}

/** Formats yyyymmdd as YYYY-MM-DD. */
export function formatDay(yyyymmdd: number): string {
  const { year, month, day } = splitDay(yyyymmdd);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Parses YYYY-MM-DD (or YYYYMMDD) into yyyymmdd; throws on anything else. */
export function parseDay(text: string): number {
  // The back-reference makes both separators present or both absent (no "2025-0109").
  const match = /^(\d{4})(-?)(\d{2})\2(\d{2})$/.exec(text.trim());
  if (!match) throw new Error(`date must be YYYY-MM-DD, was "${text}"`);
  const year = Number(match[1]);
  const month = Number(match[3]);
  const day = Number(match[4]);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new Error(`date must be a real calendar day, was "${text}"`);
  }
  return year * 10_000 + month * 100 + day;
}

/** Adds `days` calendar days to yyyymmdd. */
export function addDays(yyyymmdd: number, days: number): number {
  const { year, month, day } = splitDay(yyyymmdd);
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return date.getUTCFullYear() * 10_000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
}

/** Weekday of yyyymmdd, 0 for Monday through 6 for Sunday. */
export function weekdayOf(yyyymmdd: number): number {
  const { year, month, day } = splitDay(yyyymmdd);
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}
