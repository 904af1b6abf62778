import { describe, expect, it } from 'vitest';

import { newYorkDayOf } from './newYorkDayOf.js';

describe('newYorkDayOf', () => {
  it('changes day at New York midnight in winter (05:00 UTC) and summer (04:00 UTC)', () => {
    expect(newYorkDayOf(Date.UTC(2024, 0, 3, 4, 59, 59, 999))).toBe(20240102);
    expect(newYorkDayOf(Date.UTC(2024, 0, 3, 5, 0))).toBe(20240103);
    expect(newYorkDayOf(Date.UTC(2024, 6, 3, 3, 59))).toBe(20240702);
    expect(newYorkDayOf(Date.UTC(2024, 6, 3, 4, 0))).toBe(20240703);
  });

  it('gives the same day again from its memo, and the right one after going back in time', () => {
    const late = Date.UTC(2024, 0, 2, 21, 0);

    const first = newYorkDayOf(late);
    const again = newYorkDayOf(late + 59 * 60_000);
    const earlier = newYorkDayOf(Date.UTC(2023, 11, 29, 15, 0));

    expect([first, again, earlier]).toEqual([20240102, 20240102, 20231229]);
  });
});
