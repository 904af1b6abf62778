import { describe, expect, it } from 'vitest';
import { localToUtc, NEW_YORK } from '../calendar/timezone.js';
import type { Series } from './series.js';
import { firstUnsortedRow, formatMonth, mergeSeries, monthRuns } from './series.js';

const series = (rows: readonly (readonly [number, number])[]): Series => ({
  length: rows.length,
  ts: Float64Array.from(rows, (row) => row[0]),
  columns: [Float64Array.from(rows, (row) => row[1])],
});

describe('mergeSeries', () => {
  it('keeps both sides sorted, lets the incoming row win on an equal ts, and counts what happened', () => {
    const stored = series([
      [1, 10],
      [2, 20],
      [3, 30],
    ]);
    const incoming = series([
      [2, 20],
      [3, 31],
      [4, 40],
    ]);

    const { merged, counts } = mergeSeries(stored, incoming);

    expect([...merged.ts]).toEqual([1, 2, 3, 4]);
    expect([...merged.columns[0]!]).toEqual([10, 20, 31, 40]);
    expect(counts).toEqual({ added: 1, replaced: 1, unchanged: 1 });
  });

  it('treats NaN as equal to NaN, so re-merging features with warm-up gaps is unchanged', () => {
    const stored = series([[1, Number.NaN]]);

    const { counts } = mergeSeries(stored, series([[1, Number.NaN]]));

    expect(counts).toEqual({ added: 0, replaced: 0, unchanged: 1 });
  });
});

describe('monthRuns', () => {
  it('splits by New York month: 20:00 ET on May 31 is June 1 in UTC but stays in May', () => {
    const lateMay = localToUtc(Date.UTC(2025, 4, 31, 20, 0), NEW_YORK);
    const june = localToUtc(Date.UTC(2025, 5, 2, 9, 30), NEW_YORK);

    expect(new Date(lateMay).toISOString()).toBe('2025-06-01T00:00:00.000Z');
    expect(monthRuns(Float64Array.from([lateMay - 300_000, lateMay, june]))).toEqual([
      { month: 202505, start: 0, end: 2 },
      { month: 202506, start: 2, end: 3 },
    ]);
    expect(formatMonth(202506)).toBe('2025-06');
  });
});

describe('firstUnsortedRow', () => {
  it('finds a repeated, a decreasing or a non-finite ts', () => {
    expect(firstUnsortedRow(Float64Array.from([1, 2, 3]))).toBe(-1);
    expect(firstUnsortedRow(Float64Array.from([1, 2, 2]))).toBe(2);
    expect(firstUnsortedRow(Float64Array.from([1, 3, 2]))).toBe(2);
    expect(firstUnsortedRow(Float64Array.from([Number.NaN]))).toBe(0);
  });
});
