import { localDayOf, NEW_YORK } from '../calendar/timezone.js';
import { VOLUME_UNKNOWN } from './Bar.js';
import type { BarBatch, BarSet } from './BarBatch.js';
import { allocateBatch } from './BarBatch.js';
import { InvalidFactorFileError } from './errors.js';

/** One row of a LEAN factor file: `yyyymmdd,price_factor,split_factor,reference_price`. */
export interface FactorRow {
  /** yyyymmdd; the row's factors apply to this day and the days before it, back to the previous row's day. */
  readonly date: number;
  /** Dividend factor. */
  readonly priceFactor: number;
  readonly splitFactor: number;
  /** Raw close on `date` (informational). */
  readonly referencePrice: number;
}

/** Which corporate actions to adjust for: splits only, or splits and dividends (LEAN's `Adjusted` mode). */
export type AdjustMode = 'split' | 'split_and_dividend';

/** Parses a LEAN factor file's text into rows sorted by date; throws InvalidFactorFileError on a bad row. */
export function parseFactorFile(name: string, text: string): FactorRow[] {
  const rows: FactorRow[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const [date, price, split, reference] = line.split(',').map((field) => field.trim());
    const row = {
      date: /^\d{8}$/.test(date ?? '') ? Number(date) : Number.NaN,
      priceFactor: Number(price),
      splitFactor: Number(split),
      referencePrice: Number(reference ?? 0),
    };
    if (!Number.isFinite(row.date) || !(row.priceFactor > 0) || !(row.splitFactor > 0)) {
      throw new InvalidFactorFileError(name, index + 1, line);
    }
    rows.push(row);
  });
  return rows.sort((a, b) => a.date - b.date);
}

/**
 * The factor row in force on `day`, as LEAN's CorporateFactorProvider looks it up: the first row whose date is on
 * or after the day (a row's date is the last trading day before the split or dividend takes effect); null when the
 * day is after every row (factor 1).
 */
export function factorRowFor(rows: readonly FactorRow[], day: number): FactorRow | null {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (rows[middle]!.date < day) low = middle + 1;
    else high = middle;
  }
  return rows[low] ?? null;
}

function scaleOf(row: FactorRow | null, mode: AdjustMode): { price: number; split: number } {
  if (!row) return { price: 1, split: 1 };
  return { price: mode === 'split' ? row.splitFactor : row.splitFactor * row.priceFactor, split: row.splitFactor };
}

function adjustBatch(batch: BarBatch, rows: readonly FactorRow[], mode: AdjustMode): BarBatch {
  const out = allocateBatch(batch.ticker, batch.barMs, batch.length);
  if (batch.length === 0) return out;
  // Anchor on the last bar's day so that the newest prices stay as traded and history is scaled to them.
  const anchor = scaleOf(factorRowFor(rows, localDayOf(batch.ts[batch.length - 1]!, NEW_YORK)), mode);
  let currentDay = -1;
  let priceRatio = 1;
  let volumeRatio = 1;
  for (let i = 0; i < batch.length; i++) {
    const day = localDayOf(batch.ts[i]!, NEW_YORK);
    if (day !== currentDay) {
      currentDay = day;
      const scale = scaleOf(factorRowFor(rows, day), mode);
      priceRatio = scale.price / anchor.price;
      volumeRatio = anchor.split / scale.split;
    }
    out.ts[i] = batch.ts[i]!;
    out.open[i] = batch.open[i]! * priceRatio;
    out.high[i] = batch.high[i]! * priceRatio;
    out.low[i] = batch.low[i]! * priceRatio;
    out.close[i] = batch.close[i]! * priceRatio;
    const volume = batch.volume[i]!;
    out.volume[i] = volume === VOLUME_UNKNOWN ? VOLUME_UNKNOWN : volume * volumeRatio;
  }
  return out;
}

/**
 * Adjusts bars for splits (and dividends) with LEAN factor rows per ticker. Prices are multiplied by the factor of
 * their New York trading day divided by the factor of the last bar's day, so the last day is unchanged and earlier
 * days are scaled to it; volume is divided by the split part of that ratio. Tickers without factor rows are left as
 * they are. The adjustment is recorded in the origin detail, naming the adjusted and the unadjusted tickers.
 */
export function adjustBars(bars: BarSet, factors: ReadonlyMap<string, readonly FactorRow[]>, mode: AdjustMode): BarSet {
  const adjusted: string[] = [];
  const missing: string[] = [];
  const batches = bars.batches.map((batch) => {
    const rows = factors.get(batch.ticker);
    if (!rows || rows.length === 0) {
      missing.push(batch.ticker);
      return batch;
    }
    adjusted.push(batch.ticker);
    return adjustBatch(batch, rows, mode);
  });
  const what = mode === 'split' ? 'splits' : 'splits and dividends';
  const note =
    `adjusted for ${what} with LEAN factor files, anchored on each ticker's last day: ` +
    `${adjusted.join(' ') || 'none'}` +
    (missing.length > 0 ? `; no factor file, unadjusted: ${missing.join(' ')}` : '');
  return { batches, origin: { kind: bars.origin.kind, detail: `${bars.origin.detail}; ${note}` } };
}
