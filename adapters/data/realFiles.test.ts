import { expect, it } from 'vitest';
import { localDayOf } from '../../core/calendar/timezone.js';
import type { BarBatch } from '../../core/data/BarBatch.js';
import {
  BENCH_5MIN,
  describeWithShared,
  LEAN_FACTORS,
  LEAN_TRADES,
  SMALL_1MIN_BAR_END,
  SMALL_5MIN,
  sharedFile,
} from '../../tests/support/sharedData.js';
import { loadBars } from './loadBars.js';
import { parseColumnMap } from './loadColumnMap.js';
import { ParquetSource } from './ParquetSource.js';

const batchOf = (batches: readonly BarBatch[], ticker: string): BarBatch => {
  const batch = batches.find((candidate) => candidate.ticker === ticker);
  if (!batch) throw new Error(`no batch for ${ticker}`);
  return batch;
};
const iso = (ms: number): string => new Date(ms).toISOString();

describeWithShared(SMALL_5MIN, 'the real 5-minute CSV file', () => {
  it('loads 12,480 bars of 8 tickers with nothing quarantined, New York bar starts in UTC', async () => {
    const { bars, quarantine } = await loadBars(sharedFile(SMALL_5MIN));

    expect(quarantine.rowsIn).toBe(12_480);
    expect(quarantine.rows).toEqual([]);
    expect(bars.batches.map((batch) => batch.ticker)).toEqual([
      'AAPL',
      'AMZN',
      'GOOG',
      'MSFT',
      'NVDA',
      'QQQ',
      'SPY',
      'TSLA',
    ]);
    const aapl = batchOf(bars.batches, 'AAPL');
    expect(iso(aapl.ts[0]!), '09:30 New York in June (EDT) is 13:30 UTC').toBe('2025-06-02T13:30:00.000Z');
    expect(aapl.barMs).toBe(300_000);
    expect([aapl.open[0], aapl.high[0], aapl.low[0], aapl.close[0], aapl.volume[0]]).toEqual([
      200.28, 202.13, 200.15, 201.73, 1619361,
    ]);
    expect(bars.origin).toEqual({ kind: 'file', detail: sharedFile(SMALL_5MIN) });
  });
});

describeWithShared(SMALL_1MIN_BAR_END, 'the bar-end 1-minute file', () => {
  it('turns bar-end times into bar starts: the first bar of a February day starts at 09:30 EST, 14:30 UTC', async () => {
    const map = parseColumnMap('inline', { timestamps: { convention: 'bar_end' } });

    const { bars, quarantine } = await loadBars(sharedFile(SMALL_1MIN_BAR_END), { map });

    expect(quarantine.rows).toEqual([]);
    const spy = batchOf(bars.batches, 'SPY');
    expect(spy.barMs, 'bar size inferred from the most common spacing').toBe(60_000);
    expect(iso(spy.ts[0]!)).toBe('2019-02-11T14:30:00.000Z');
    const days = new Set<number>();
    for (let i = 0; i < spy.length; i++) {
      const day = localDayOf(spy.ts[i]!);
      if (!days.has(day)) {
        days.add(day);
        expect(iso(spy.ts[i]!).slice(11), `first bar of ${day}`).toBe('14:30:00.000Z');
      }
    }
    expect(days.size).toBe(5);
  });

  it('reads the same file as bar starts one minute later when told nothing', async () => {
    const { bars } = await loadBars(sharedFile(SMALL_1MIN_BAR_END));

    expect(iso(batchOf(bars.batches, 'SPY').ts[0]!)).toBe('2019-02-11T14:31:00.000Z');
  });
});

describeWithShared(LEAN_TRADES, 'the AAPL 7:1 split of June 2014 in the LEAN minute file', () => {
  const jumpAcrossSplit = (aapl: BarBatch): number => {
    let lastBefore = -1;
    for (let i = 0; i < aapl.length; i++) if (localDayOf(aapl.ts[i]!) === 20140606) lastBefore = i;
    // The first 06-09 bar opens at the stale pre-split 645.57 (a quirk of the feed), so compare closes.
    return aapl.close[lastBefore + 1]! / aapl.close[lastBefore]!;
  };

  it('shows a 7x drop from 2014-06-06 to 2014-06-09 when not adjusted', async () => {
    const { bars } = await loadBars(sharedFile(LEAN_TRADES));

    expect(jumpAcrossSplit(batchOf(bars.batches, 'AAPL'))).toBeCloseTo(1 / 7, 2);
  });

  it('removes the jump with the factor file and leaves the last day as traded', async () => {
    const raw = batchOf((await loadBars(sharedFile(LEAN_TRADES))).bars.batches, 'AAPL');

    const { bars } = await loadBars(sharedFile(LEAN_TRADES), {
      adjust: { factorDir: sharedFile(LEAN_FACTORS), mode: 'split' },
    });

    const aapl = batchOf(bars.batches, 'AAPL');
    const jump = jumpAcrossSplit(aapl);
    expect(jump, 'no 7x step across the split').toBeGreaterThan(0.97);
    expect(jump).toBeLessThan(1.03);
    for (let i = 0; i < aapl.length; i++) {
      if (localDayOf(aapl.ts[i]!) === 20140609) {
        expect(aapl.close[i], `last day close ${iso(aapl.ts[i]!)}`).toBe(raw.close[i]);
        expect(aapl.volume[i]).toBe(raw.volume[i]);
      }
    }
    // aapl.csv: 20140606 row split factor 0.0357143, next row (20140806) 0.25; their ratio is about 1/7.
    const ratio = 0.0357143 / 0.25;
    expect(aapl.close[0]).toBeCloseTo(raw.close[0]! * ratio, 9);
    expect(aapl.volume[0]).toBeCloseTo(raw.volume[0]! / ratio, 6);
    expect(bars.origin.detail).toContain('adjusted for splits with LEAN factor files');
  });
});

describeWithShared(BENCH_5MIN, 'the 1.65 M-bar Parquet benchmark file', () => {
  it('reads every bar with nothing quarantined and converts New York wall time to UTC', async () => {
    const { bars, quarantine } = await loadBars(sharedFile(BENCH_5MIN));

    expect(quarantine.rowsIn).toBe(1_653_498);
    expect(quarantine.rows).toEqual([]);
    expect(bars.batches.length).toBe(101);
    expect(iso(batchOf(bars.batches, 'AAPL').ts[0]!)).toBe('2025-05-12T13:30:00.000Z');
    expect(bars.origin.kind).toBe('file');
  });

  it('serves a fetch of two tickers over one day without counting the rest', async () => {
    const source = new ParquetSource(sharedFile(BENCH_5MIN));

    const result = await source.fetch({
      tickers: ['SPY', 'AAPL'],
      startMs: Date.parse('2025-06-02T13:30:00Z'),
      endMs: Date.parse('2025-06-02T19:55:00Z'),
      barMs: 300_000,
    });

    expect(result.bars.batches.map((batch) => [batch.ticker, batch.length])).toEqual([
      ['AAPL', 78],
      ['SPY', 78],
    ]);
    expect(result.quarantine.rowsIn).toBe(156);
    expect(await source.healthcheck()).toMatchObject({ ok: true });
  });
});
