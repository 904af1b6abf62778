import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  NEW_YORK,
  addDays,
  assertZone,
  formatDay,
  localDayOf,
  localToUtc,
  parseDay,
  utcToLocal,
  weekdayOf,
  zoneOffsetMs,
} from './timezone.js';

const HOUR_MS = 3_600_000;

/** Reference wall clock straight from Intl, with no caching, to check the cached conversion against. */
function intlWall(utcMs: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(utcMs));
  const field = (type: string): number => Number(parts.find((part) => part.type === type)?.value);
  const wall = Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
  return wall + (utcMs - Math.floor(utcMs / 1000) * 1000);
}

describe('zoneOffsetMs', () => {
  it('gives -5 h in New York winter and -4 h in summer', () => {
    const winter = zoneOffsetMs(Date.UTC(2025, 0, 15, 12));
    const summer = zoneOffsetMs(Date.UTC(2025, 6, 15, 12));

    expect(winter).toBe(-5 * HOUR_MS);
    expect(summer).toBe(-4 * HOUR_MS);
  });

  it('gives zero for UTC', () => {
    expect(zoneOffsetMs(Date.UTC(2025, 6, 15), 'UTC')).toBe(0);
  });

  it('switches at the exact instant in a zone whose transitions fall on a half hour', () => {
    // Newfoundland (UTC-3:30) moves its clocks at 02:00 local, which is 05:30 UTC, inside a UTC hour.
    const before = Date.UTC(2025, 2, 9, 5, 29);
    const after = Date.UTC(2025, 2, 9, 5, 31);

    expect(zoneOffsetMs(before, 'America/St_Johns')).toBe(-3.5 * HOUR_MS);
    expect(zoneOffsetMs(after, 'America/St_Johns')).toBe(-2.5 * HOUR_MS);
  });
});

describe('localToUtc', () => {
  it('converts a winter and a summer wall time in New York', () => {
    const winter = localToUtc(Date.UTC(2025, 0, 15, 9, 30));
    const summer = localToUtc(Date.UTC(2025, 6, 15, 9, 30));

    expect(winter).toBe(Date.UTC(2025, 0, 15, 14, 30));
    expect(summer).toBe(Date.UTC(2025, 6, 15, 13, 30));
  });

  it('returns NaN for 02:30 on 2025-03-09, skipped when daylight-saving time starts', () => {
    expect(localToUtc(Date.UTC(2025, 2, 9, 2, 30))).toBeNaN();
  });

  it('keeps 01:59 and 03:00 on 2025-03-09, on either side of the skipped hour', () => {
    expect(localToUtc(Date.UTC(2025, 2, 9, 1, 59))).toBe(Date.UTC(2025, 2, 9, 6, 59));
    expect(localToUtc(Date.UTC(2025, 2, 9, 3, 0))).toBe(Date.UTC(2025, 2, 9, 7, 0));
  });

  it('resolves the repeated 01:30 on 2025-11-02 to the first, daylight-saving instant', () => {
    const instant = localToUtc(Date.UTC(2025, 10, 2, 1, 30));

    expect(instant).toBe(Date.UTC(2025, 10, 2, 5, 30));
    expect(zoneOffsetMs(instant)).toBe(-4 * HOUR_MS);
  });

  it('returns the wall time unchanged for UTC', () => {
    expect(localToUtc(Date.UTC(2025, 2, 9, 2, 30), 'UTC')).toBe(Date.UTC(2025, 2, 9, 2, 30));
  });

  it('inverts utcToLocal for every instant in several zones', () => {
    const zones = [NEW_YORK, 'Europe/London', 'America/St_Johns', 'Australia/Adelaide', 'Asia/Kolkata'];
    const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2035, 0, 1) });

    fc.assert(
      fc.property(instant, fc.constantFrom(...zones), (utcMs, zone) => {
        const wall = utcMs + zoneOffsetMs(utcMs, zone);
        const back = localToUtc(wall, zone);
        // An ambiguous wall time maps back to its first instant, which is at most one hour earlier.
        return (
          back === utcMs ||
          (back < utcMs && utcMs - back <= HOUR_MS && zoneOffsetMs(back, zone) !== zoneOffsetMs(utcMs, zone))
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe('utcToLocal', () => {
  it('gives every wall-clock field of the New York open on a winter Wednesday', () => {
    const parts = utcToLocal(Date.UTC(2025, 0, 15, 14, 30, 15));

    expect(parts).toEqual({
      year: 2025,
      month: 1,
      day: 15,
      hour: 9,
      minute: 30,
      second: 15,
      weekday: 2,
      msOfDay: (9 * 60 + 30) * 60_000 + 15_000,
      yyyymmdd: 20250115,
    });
  });

  it('puts 03:59:59 UTC on July 4 on the New York day before', () => {
    const evening = utcToLocal(Date.UTC(2025, 6, 4, 3, 59, 59));
    const midnight = utcToLocal(Date.UTC(2025, 6, 4, 4, 0, 0));

    expect(evening.yyyymmdd).toBe(20250703);
    expect(evening.hour).toBe(23);
    expect(midnight.yyyymmdd).toBe(20250704);
    expect(midnight.msOfDay).toBe(0);
  });

  it('matches Intl for random instants in several zones', () => {
    const zones = [NEW_YORK, 'Europe/London', 'America/St_Johns', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC'];
    const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2035, 0, 1) });

    fc.assert(
      fc.property(instant, fc.constantFrom(...zones), (utcMs, zone) => {
        const parts = utcToLocal(utcMs, zone);
        const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
        return wall + (parts.msOfDay % 1000) === intlWall(utcMs, zone);
      }),
      { numRuns: 2000 },
    );
  });

  it('matches Intl minute by minute through every 2025 transition in zones with half-hour rules', () => {
    const windows = [
      ['America/St_Johns', Date.UTC(2025, 2, 9, 4)],
      ['America/St_Johns', Date.UTC(2025, 10, 2, 3)],
      ['Australia/Adelaide', Date.UTC(2025, 3, 5, 15)],
      ['Australia/Lord_Howe', Date.UTC(2025, 3, 5, 14)],
      [NEW_YORK, Date.UTC(2025, 2, 9, 6)],
    ] as const;
    const mismatches: string[] = [];

    for (const [zone, start] of windows) {
      for (let utcMs = start; utcMs < start + 3 * HOUR_MS; utcMs += 60_000) {
        const parts = utcToLocal(utcMs, zone);
        const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
        if (wall !== intlWall(utcMs, zone)) mismatches.push(`${zone} ${new Date(utcMs).toISOString()}`);
      }
    }

    expect(mismatches).toEqual([]);
  });
});

describe('localDayOf', () => {
  it('gives the New York calendar day, not the UTC one', () => {
    expect(localDayOf(Date.UTC(2025, 0, 16, 2))).toBe(20250115);
    expect(localDayOf(Date.UTC(2025, 0, 16, 2), 'UTC')).toBe(20250116);
  });
});

describe('parseDay', () => {
  it('reads YYYY-MM-DD and YYYYMMDD, ignoring surrounding spaces', () => {
    expect(parseDay('2025-01-09')).toBe(20250109);
    expect(parseDay('20250109')).toBe(20250109);
    expect(parseDay(' 2024-02-29 ')).toBe(20240229);
  });

  it('rejects text that is not a date, naming the input', () => {
    expect(() => parseDay('2025/01/09')).toThrow('date must be YYYY-MM-DD, was "2025/01/09"');
    expect(() => parseDay('25-01-09')).toThrow('date must be YYYY-MM-DD, was "25-01-09"');
    expect(() => parseDay('')).toThrow('date must be YYYY-MM-DD, was ""');
  });

  it('rejects a mix of the two formats', () => {
    expect(() => parseDay('2025-0109')).toThrow('date must be YYYY-MM-DD, was "2025-0109"');
    expect(() => parseDay('202501-09')).toThrow('date must be YYYY-MM-DD, was "202501-09"');
  });

  it('rejects days that do not exist', () => {
    expect(() => parseDay('2025-02-29')).toThrow('date must be a real calendar day, was "2025-02-29"');
    expect(() => parseDay('2025-13-01')).toThrow('date must be a real calendar day, was "2025-13-01"');
    expect(() => parseDay('2025-04-31')).toThrow('date must be a real calendar day, was "2025-04-31"');
    expect(() => parseDay('2025-00-10')).toThrow('date must be a real calendar day, was "2025-00-10"');
  });
});

describe('day arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays(20241231, 1)).toBe(20250101);
    expect(addDays(20240228, 1)).toBe(20240229);
    expect(addDays(20250301, -1)).toBe(20250228);
    expect(addDays(20250115, 0)).toBe(20250115);
  });

  it('numbers weekdays from 0 on Monday to 6 on Sunday', () => {
    expect(weekdayOf(20250106)).toBe(0);
    expect(weekdayOf(20250111)).toBe(5);
    expect(weekdayOf(20250112)).toBe(6);
  });

  it('formats yyyymmdd with dashes and leading zeros', () => {
    expect(formatDay(20250109)).toBe('2025-01-09');
  });
});

describe('assertZone', () => {
  it('accepts IANA names and UTC', () => {
    expect(() => assertZone(NEW_YORK)).not.toThrow();
    expect(() => assertZone('UTC')).not.toThrow();
  });

  it('rejects an unknown zone, naming it', () => {
    expect(() => assertZone('Mars/Olympus_Mons')).toThrow('unknown time zone "Mars/Olympus_Mons"');
  });
});
