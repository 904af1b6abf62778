import { describe, expect, it } from 'vitest';
import { computeFeature, configOf } from '../../../tests/support/featureKit.js';

const config = configOf({
  regular: { function: 'time.session_flag', params: { session: 'regular' } },
  pre: { function: 'time.session_flag', params: { session: 'pre_market' } },
  after: { function: 'time.session_flag', params: { session: 'after_hours' } },
});

// [UTC instant, regular, pre-market, after-hours]; New York is EST (UTC-5) here until 2025-03-09, then EDT (UTC-4).
const cases: [number, number, number, number, string][] = [
  [Date.UTC(2024, 10, 28, 15, 0), 0, 0, 0, 'Thanksgiving 10:00, a holiday'],
  [Date.UTC(2024, 10, 29, 8, 55), 0, 0, 0, 'early-close day 03:55'],
  [Date.UTC(2024, 10, 29, 9, 0), 0, 1, 0, 'early-close day 04:00'],
  [Date.UTC(2024, 10, 29, 14, 25), 0, 1, 0, '09:25'],
  [Date.UTC(2024, 10, 29, 14, 30), 1, 0, 0, '09:30 open'],
  [Date.UTC(2024, 10, 29, 17, 55), 1, 0, 0, '12:55, last regular bar of the early close'],
  [Date.UTC(2024, 10, 29, 18, 0), 0, 0, 1, '13:00 early close'],
  [Date.UTC(2024, 10, 30, 0, 55), 0, 0, 1, '19:55, after midnight UTC'],
  [Date.UTC(2024, 10, 30, 1, 0), 0, 0, 0, '20:00'],
  [Date.UTC(2024, 10, 30, 15, 0), 0, 0, 0, 'Saturday 10:00'],
  [Date.UTC(2025, 2, 7, 20, 55), 1, 0, 0, 'Friday 15:55 EST'],
  [Date.UTC(2025, 2, 7, 21, 0), 0, 0, 1, 'Friday 16:00 EST'],
  [Date.UTC(2025, 2, 10, 13, 25), 0, 1, 0, 'Monday 09:25 EDT'],
  [Date.UTC(2025, 2, 10, 13, 30), 1, 0, 0, 'Monday 09:30 EDT'],
  [Date.UTC(2025, 2, 10, 19, 55), 1, 0, 0, 'Monday 15:55 EDT'],
  [Date.UTC(2025, 2, 10, 20, 0), 0, 0, 1, 'Monday 16:00 EDT'],
];

describe('time.session_flag', () => {
  it('follows the NYSE calendar: holidays, the 13:00 early close and the spring-forward change', () => {
    const bars = { ts: cases.map((c) => c[0]), close: cases.map(() => 1) };

    const columns = ['regular', 'pre', 'after'].map((name) => computeFeature(config, name, bars));

    cases.forEach(([, regular, pre, after, note], i) => {
      expect(
        columns.map((column) => column[i]),
        note,
      ).toEqual([regular, pre, after]);
    });
  });
});
