import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localToUtc } from '../calendar/timezone.js';
import { createWallToUtc } from './wallToUtc.js';

describe('createWallToUtc', () => {
  it('agrees with localToUtc for any wall time in New York, including the skipped and repeated hours', () => {
    const convert = createWallToUtc('America/New_York');
    const start = Date.UTC(2000, 0, 1);
    const end = Date.UTC(2035, 0, 1);

    fc.assert(
      fc.property(fc.integer({ min: start / 60_000, max: end / 60_000 }), (minute) => {
        const wallMs = minute * 60_000;
        expect(Object.is(convert(wallMs), localToUtc(wallMs, 'America/New_York'))).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });

  it('agrees with localToUtc around every New York change of 2025', () => {
    const convert = createWallToUtc('America/New_York');

    for (const day of [Date.UTC(2025, 2, 9), Date.UTC(2025, 10, 2)]) {
      for (let wallMs = day; wallMs < day + 86_400_000; wallMs += 60_000) {
        expect(Object.is(convert(wallMs), localToUtc(wallMs, 'America/New_York')), new Date(wallMs).toISOString()).toBe(
          true,
        );
      }
    }
  });

  it('handles a zone whose offset changes on the half hour exactly (Lord Howe Island)', () => {
    const convert = createWallToUtc('Australia/Lord_Howe');
    const day = Date.UTC(2025, 3, 6);

    for (let wallMs = day; wallMs < day + 86_400_000; wallMs += 60_000) {
      expect(Object.is(convert(wallMs), localToUtc(wallMs, 'Australia/Lord_Howe'))).toBe(true);
    }
  });

  it('returns NaN for the skipped 02:30 of 2025-03-09 in New York', () => {
    expect(createWallToUtc('America/New_York')(Date.UTC(2025, 2, 9, 2, 30))).toBeNaN();
  });
});
