import { describe, expect, test } from 'vitest';
import { monthsTouched, partitionName } from './partitions.js';

describe('monthsTouched', () => {
  test('lists each UTC month once, sorted, whatever the order of the timestamps', () => {
    const times = [
      Date.UTC(2024, 2, 10),
      Date.UTC(2024, 0, 31, 23, 59, 59, 999),
      Date.UTC(2024, 1, 1),
      Date.UTC(2024, 0, 1),
      Date.UTC(2024, 2, 31),
    ];

    expect(monthsTouched(times)).toEqual([Date.UTC(2024, 0, 1), Date.UTC(2024, 1, 1), Date.UTC(2024, 2, 1)]);
  });

  test('crosses a year boundary', () => {
    expect(
      monthsTouched([Date.UTC(2024, 11, 31, 23), Date.UTC(2025, 0, 1)]).map((ms) => partitionName('p', ms)),
    ).toEqual(['p_p202412', 'p_p202501']);
  });
});
