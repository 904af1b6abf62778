import { describe, expect, it } from 'vitest';
import { computeFeature, configOf } from '../../../tests/support/featureKit.js';

const fields = ['hour', 'minute', 'day_of_week', 'day_of_month', 'month', 'quarter'] as const;
const config = configOf(
  Object.fromEntries(fields.map((field) => [field, { function: 'time.calendar_field', params: { field } }])),
);

// UTC instants with their New York wall clock worked out by hand: EST is UTC-5, EDT (from 2025-03-09 03:00) UTC-4.
const cases = [
  { utc: Date.UTC(2024, 10, 29, 14, 30), wall: [9, 30, 4, 29, 11, 4], note: 'Friday after Thanksgiving, EST' },
  { utc: Date.UTC(2024, 10, 30, 0, 55), wall: [19, 55, 4, 29, 11, 4], note: 'still Friday in New York' },
  { utc: Date.UTC(2025, 2, 7, 14, 30), wall: [9, 30, 4, 7, 3, 1], note: 'Friday before spring-forward, EST' },
  { utc: Date.UTC(2025, 2, 9, 6, 30), wall: [1, 30, 6, 9, 3, 1], note: 'Sunday 01:30 EST' },
  { utc: Date.UTC(2025, 2, 9, 7, 30), wall: [3, 30, 6, 9, 3, 1], note: 'Sunday 03:30 EDT, an hour later' },
  { utc: Date.UTC(2025, 2, 10, 13, 30), wall: [9, 30, 0, 10, 3, 1], note: 'Monday after spring-forward, EDT' },
  { utc: Date.UTC(2025, 5, 30, 19, 55), wall: [15, 55, 0, 30, 6, 2], note: 'end of June' },
  { utc: Date.UTC(2025, 10, 3, 14, 30), wall: [9, 30, 0, 3, 11, 4], note: 'Monday after fall-back, EST' },
];

describe('time.calendar_field', () => {
  it('reports the New York wall clock of the bar start across DST changes and the UTC midnight', () => {
    const bars = { ts: cases.map((c) => c.utc), close: cases.map(() => 1) };

    const columns = fields.map((field) => computeFeature(config, field, bars));

    cases.forEach((c, i) => {
      expect(
        columns.map((column) => column[i]),
        c.note,
      ).toEqual(c.wall);
    });
  });

  it('rejects an unknown field with the allowed ones', () => {
    expect(() => configOfBad()).toThrow(
      'feature "week": params.field must be one of hour, minute, day_of_week, day_of_month, month, quarter, was "week"',
    );
  });
});

function configOfBad(): unknown {
  return computeFeature(configOf({ week: { function: 'time.calendar_field', params: { field: 'week' } } }), 'week', {
    close: [1],
  });
}
