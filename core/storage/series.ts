import { newYorkDayOf } from '../calendar/newYorkDayOf.js';

/**
 * Rows of one ticker in columns: `ts` (UTC epoch ms of the bar start, strictly increasing) and one Float64Array per
 * named value column (bars: open, high, low, close, volume; feature sets: one per feature). The unit the bar and
 * feature stores partition, merge and write.
 */
export interface Series {
  readonly length: number;
  readonly ts: Float64Array;
  readonly columns: readonly Float64Array[];
}

/** A run of rows `[start, end)` of a sorted series that fall in one New York calendar month (yyyymm). */
export interface MonthRun {
  readonly month: number;
  readonly start: number;
  readonly end: number;
}

/** What a merge did: rows new to the partition, rows whose values changed, rows written again unchanged. */
export interface MergeCounts {
  readonly added: number;
  readonly replaced: number;
  readonly unchanged: number;
}

/** The New York month (yyyymm) of an instant; months follow the exchange's calendar, not UTC. */
export const newYorkMonthOf = (utcMs: number): number => Math.floor(newYorkDayOf(utcMs) / 100);

/** `202506` as `2025-06`, the partition file name. */
export const formatMonth = (month: number): string =>
  `${Math.floor(month / 100)}-${String(month % 100).padStart(2, '0')}`;

/** Splits a series sorted by `ts` into its New York months, in order. */
export function monthRuns(ts: Float64Array, length: number = ts.length): MonthRun[] {
  const runs: MonthRun[] = [];
  let start = 0;
  while (start < length) {
    const month = newYorkMonthOf(ts[start]!);
    let end = start + 1;
    while (end < length && newYorkMonthOf(ts[end]!) === month) end++;
    runs.push({ month, start, end });
    start = end;
  }
  return runs;
}

/** Index of the first row whose `ts` is not strictly above the previous one, or -1 when sorted and unique. */
export function firstUnsortedRow(ts: Float64Array, length: number = ts.length): number {
  for (let i = 0; i < length; i++) {
    if (!Number.isFinite(ts[i]!) || (i > 0 && !(ts[i]! > ts[i - 1]!))) return i;
  }
  return -1;
}

/** Rows `[start, end)` of a series as views (no copy). */
export function sliceSeries(series: Series, start: number, end: number): Series {
  return {
    length: end - start,
    ts: series.ts.subarray(start, end),
    columns: series.columns.map((column) => column.subarray(start, end)),
  };
}

const sameValue = (a: number, b: number): boolean => a === b || (Number.isNaN(a) && Number.isNaN(b));

/**
 * Merges incoming rows into stored rows, both sorted by `ts` with the same columns. On equal `ts` the incoming row
 * wins (a later write corrects an earlier one, as a data vendor's revised last bar does). The result is sorted and
 * unique, so merging the same rows twice gives the same series.
 */
export function mergeSeries(stored: Series, incoming: Series): { merged: Series; counts: MergeCounts } {
  const width = incoming.columns.length;
  if (stored.columns.length !== width) {
    throw new RangeError(`cannot merge series of ${stored.columns.length} and ${width} columns`);
  }
  const capacity = stored.length + incoming.length;
  const ts = new Float64Array(capacity);
  const columns = Array.from({ length: width }, () => new Float64Array(capacity));
  let i = 0;
  let j = 0;
  let out = 0;
  let added = 0;
  let replaced = 0;
  let unchanged = 0;
  const take = (from: Series, row: number): void => {
    ts[out] = from.ts[row]!;
    for (let c = 0; c < width; c++) columns[c]![out] = from.columns[c]![row]!;
    out++;
  };
  while (i < stored.length || j < incoming.length) {
    const storedTs = i < stored.length ? stored.ts[i]! : Number.POSITIVE_INFINITY;
    const incomingTs = j < incoming.length ? incoming.ts[j]! : Number.POSITIVE_INFINITY;
    if (storedTs < incomingTs) {
      take(stored, i++);
    } else if (incomingTs < storedTs) {
      take(incoming, j++);
      added++;
    } else {
      let same = true;
      for (let c = 0; c < width && same; c++) same = sameValue(stored.columns[c]![i]!, incoming.columns[c]![j]!);
      if (same) unchanged++;
      else replaced++;
      take(incoming, j++);
      i++;
    }
  }
  return {
    merged: { length: out, ts: ts.subarray(0, out), columns: columns.map((column) => column.subarray(0, out)) },
    counts: { added, replaced, unchanged },
  };
}

/** A series with no rows and `width` value columns. */
export const emptySeries = (width: number): Series => ({
  length: 0,
  ts: new Float64Array(0),
  columns: Array.from({ length: width }, () => new Float64Array(0)),
});

/** Series of consecutive, non-overlapping ranges joined in order. */
export function concatSeries(parts: readonly Series[], width: number): Series {
  if (parts.length === 1) return parts[0]!;
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const ts = new Float64Array(length);
  const columns = Array.from({ length: width }, () => new Float64Array(length));
  let at = 0;
  for (const part of parts) {
    ts.set(part.ts, at);
    part.columns.forEach((column, c) => columns[c]!.set(column, at));
    at += part.length;
  }
  return { length, ts, columns };
}

/** Rows with `start <= ts <= end` of a sorted series (views, no copy). */
export function clipSeries(series: Series, start: number | undefined, end: number | undefined): Series {
  let from = 0;
  let to = series.length;
  if (start !== undefined) while (from < to && series.ts[from]! < start) from++;
  if (end !== undefined) while (to > from && series.ts[to - 1]! > end) to--;
  return from === 0 && to === series.length ? series : sliceSeries(series, from, to);
}
