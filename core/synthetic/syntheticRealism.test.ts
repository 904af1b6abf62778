import { describe, expect, it } from 'vitest';

import { sessionOn } from '../calendar/nyseCalendar.js';
import { localDayOf } from '../calendar/timezone.js';
import type { BarBatch } from '../data/BarBatch.js';
import { generateBars } from './generateBars.js';
import { isConsistentBar } from '../../tests/support/barChecks.js';

// Stylized facts of intraday equity data, checked on a year of 5-minute bars for ten tickers and two seeds.
const BAR_MS = 5 * 60_000;
const TICKERS = ['AAPL', 'AMZN', 'JPM', 'KO', 'MSFT', 'NVDA', 'PFE', 'SPY', 'XOM', 'WMT'];

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function standardDeviation(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(mean(values.map((value) => (value - m) ** 2)));
}

function correlation(a: readonly number[], b: readonly number[]): number {
  const ma = mean(a);
  const mb = mean(b);
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += (a[i]! - ma) * (b[i]! - mb);
    aa += (a[i]! - ma) ** 2;
    bb += (b[i]! - mb) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

function autocorrelation(values: readonly number[], lag: number): number {
  return correlation(values.slice(lag), values.slice(0, values.length - lag));
}

/** Splits a batch into its sessions' index ranges. */
function sessionRanges(batch: BarBatch): { day: number; start: number; end: number }[] {
  const ranges: { day: number; start: number; end: number }[] = [];
  for (let i = 0; i < batch.length; i++) {
    const day = localDayOf(batch.ts[i]!);
    if (ranges.length === 0 || ranges[ranges.length - 1]!.day !== day) ranges.push({ day, start: i, end: i + 1 });
    else ranges[ranges.length - 1]!.end = i + 1;
  }
  return ranges;
}

/** Log return of each bar, open to close (intraday, so no overnight gap is mixed in). */
function barReturns(batch: BarBatch): number[] {
  return Array.from(batch.close, (close, i) => Math.log(close / batch.open[i]!));
}

/** Bar index within its session, counted from the open (sessions are complete, so from the first bar). */
function slotsOf(batch: BarBatch): number[] {
  const slots: number[] = [];
  for (const { start, end } of sessionRanges(batch)) {
    for (let i = start; i < end; i++) slots.push(i - start);
  }
  return slots;
}

describe.each([7, 2024])('a year of synthetic 5-minute bars, seed %i', (seed) => {
  const set = generateBars({ tickers: TICKERS, startDay: 20240101, endDay: 20241231, barMs: BAR_MS, seed });

  it('keeps OHLC consistent, prices positive and volumes positive integers on every bar', () => {
    const broken: string[] = [];

    for (const batch of set.batches) {
      for (let i = 0; i < batch.length; i++) {
        const ok = isConsistentBar(batch, i);
        if (!ok) broken.push(`${batch.ticker} bar ${i}`);
      }
    }

    expect(broken).toEqual([]);
  });

  it('opens each bar within a few ticks of the previous close inside a session', () => {
    let worst = 0;

    for (const batch of set.batches) {
      for (const { start, end } of sessionRanges(batch)) {
        for (let i = start + 1; i < end; i++) {
          worst = Math.max(worst, Math.abs(batch.open[i]! / batch.close[i - 1]! - 1));
        }
      }
    }

    expect(worst).toBeLessThan(0.001);
  });

  it('trades more in the first and last 30 minutes than at midday (U-shaped volume)', () => {
    for (const batch of set.batches) {
      const edges: number[] = [];
      const midday: number[] = [];
      for (const { day, start, end } of sessionRanges(batch)) {
        if (sessionOn(day)!.earlyClose) continue;
        for (let slot = 0; slot < end - start; slot++) {
          if (slot < 6 || slot >= 72) edges.push(batch.volume[start + slot]!);
          else if (slot >= 30 && slot < 48) midday.push(batch.volume[start + slot]!);
        }
      }

      expect(mean(edges) / mean(midday), batch.ticker).toBeGreaterThan(1.5);
    }
  });

  it('clusters volatility: absolute returns are autocorrelated, returns are not', () => {
    for (const batch of set.batches) {
      const returns = barReturns(batch);
      // Divide by the average size at each time of day so the clustering seen is not just the U shape.
      const slots = slotsOf(batch);
      const sums = new Map<number, { total: number; count: number }>();
      returns.forEach((value, i) => {
        const sum = sums.get(slots[i]!) ?? { total: 0, count: 0 };
        sum.total += Math.abs(value);
        sum.count += 1;
        sums.set(slots[i]!, sum);
      });
      const deseasonalised = returns.map((value, i) => {
        const { total, count } = sums.get(slots[i]!)!;
        return Math.abs(value) / (total / count);
      });

      for (let lag = 1; lag <= 5; lag++) {
        expect(autocorrelation(deseasonalised, lag), `${batch.ticker} |r| lag ${lag}`).toBeGreaterThan(0.05);
        expect(Math.abs(autocorrelation(returns, lag)), `${batch.ticker} r lag ${lag}`).toBeLessThan(0.03);
      }
    }
  });

  it('gaps overnight by more than a typical 5-minute move', () => {
    for (const batch of set.batches) {
      const ranges = sessionRanges(batch);
      const gaps = ranges.slice(1).map(({ start }) => Math.abs(Math.log(batch.open[start]! / batch.close[start - 1]!)));
      const moves = barReturns(batch).map(Math.abs);

      expect(mean(gaps) / mean(moves), batch.ticker).toBeGreaterThan(2);
    }
  });

  it('correlates 5-minute returns across tickers through the market factor', () => {
    const returns = set.batches.map(barReturns);
    const pairs: number[] = [];

    for (let a = 0; a < returns.length; a++) {
      for (let b = a + 1; b < returns.length; b++) pairs.push(correlation(returns[a]!, returns[b]!));
    }

    expect(Math.min(...pairs), 'weakest pair').toBeGreaterThan(0.2);
    expect(Math.max(...pairs), 'strongest pair').toBeLessThan(0.8);
    expect(mean(pairs), 'average pair').toBeGreaterThan(0.3);
    expect(mean(pairs), 'average pair').toBeLessThan(0.7);
  });

  it('has daily close-to-close volatility of a large-cap stock, about 1 to 2%', () => {
    const daily = set.batches.map((batch) => {
      const closes = sessionRanges(batch).map(({ end }) => batch.close[end - 1]!);
      return standardDeviation(closes.slice(1).map((close, i) => Math.log(close / closes[i]!)));
    });

    for (const [i, vol] of daily.entries()) {
      expect(vol, TICKERS[i]).toBeGreaterThan(0.008);
      expect(vol, TICKERS[i]).toBeLessThan(0.025);
    }
    expect(mean(daily)).toBeGreaterThan(0.01);
    expect(mean(daily)).toBeLessThan(0.02);
  });
});
