// long-file-ok: one suite per requirement of the issue (library agreement, stream = batch, look-ahead audit) over one shared load of the real file
import { ATR, EMA, Highest, Lowest, MACD, ROC, VWAP } from 'technicalindicators';
import { RSI, SMA, TR, getLogReturns, getReturns, getStandardDeviation } from 'trading-signals';
import { beforeAll, expect, it } from 'vitest';
import { sliceBatch, type BarBatch } from '../data/BarBatch.js';
import {
  loadFeaturesYaml,
  loadSmallBatches,
  loadSmallWallTimes,
  relativeDifference,
} from '../../tests/support/featureKit.js';
import { describeWithShared, SMALL_5MIN } from '../../tests/support/sharedData.js';
import { buildFeaturePipeline, type FeaturePipeline } from './index.js';

const TOLERANCE = 1e-9;

/** Asserts that `ours` matches the reference where it has a value and is NaN where it has none. */
function expectAgreement(ours: Float64Array, reference: readonly (number | undefined)[], label: string): void {
  let compared = 0;
  for (let i = 0; i < ours.length; i++) {
    const expected = reference[i];
    if (expected === undefined) {
      expect(ours[i], `${label}: bar ${i} has no reference value, so ours must be NaN`).toBeNaN();
      continue;
    }
    expect(
      relativeDifference(ours[i]!, expected),
      `${label}: bar ${i}, ours ${ours[i]}, reference ${expected}`,
    ).toBeLessThanOrEqual(TOLERANCE);
    compared++;
  }
  expect(compared, `${label}: compared values`).toBeGreaterThan(ours.length - 60);
}

/** Places a library's output (which starts at its first value) on the bars it belongs to. */
function aligned(values: readonly number[], length: number): (number | undefined)[] {
  return [...new Array<undefined>(length - values.length), ...values];
}

function streamOf<T>(update: (i: number) => T | null | undefined, length: number): (T | undefined)[] {
  return Array.from({ length }, (_, i) => update(i) ?? undefined);
}

describeWithShared(SMALL_5MIN, 'features on the real 5-minute file', () => {
  let batches: BarBatch[];
  let pipeline: FeaturePipeline;
  let results: Map<string, Float64Array[]>;
  const column = (batch: BarBatch, name: string): Float64Array =>
    results.get(batch.ticker)![pipeline.names.indexOf(name)]!;

  beforeAll(() => {
    batches = loadSmallBatches();
    pipeline = buildFeaturePipeline(loadFeaturesYaml());
    results = new Map(batches.map((batch) => [batch.ticker, pipeline.computeBatch(batch)]));
  });

  it('streams the same bits as the batch for all 44 features', () => {
    for (const batch of batches) {
      const stream = pipeline.createStream();
      const columns = results.get(batch.ticker)!;
      for (let i = 0; i < batch.length; i++) {
        const row = stream.update(
          batch.ts[i]!,
          batch.open[i]!,
          batch.high[i]!,
          batch.low[i]!,
          batch.close[i]!,
          batch.volume[i]!,
        );
        for (let k = 0; k < row.length; k++) {
          if (!Object.is(row[k], columns[k]![i])) {
            expect.fail(`${batch.ticker} bar ${i} ${pipeline.names[k]}: stream ${row[k]}, batch ${columns[k]![i]}`);
          }
        }
      }
    }
  });

  it('is NaN exactly until the computed warm-up, then never NaN', () => {
    for (const batch of batches) {
      pipeline.names.forEach((name, k) => {
        const values = column(batch, name);
        const first = pipeline.warmups[k]! - 1;
        for (let i = 0; i < batch.length; i++) {
          if (Number.isNaN(values[i]) !== i < first) {
            expect.fail(`${batch.ticker} ${name} bar ${i}: ${values[i]} (first value expected at bar ${first})`);
          }
        }
      });
    }
  });

  it('gives every bar the value it has on history truncated after it (no look-ahead)', () => {
    for (const batch of batches) {
      const full = results.get(batch.ticker)!;
      const ends = new Set<number>();
      for (let t = 0; t < 60; t++) ends.add(t);
      for (let t = 60; t < batch.length; t += 53) ends.add(t);
      ends.add(batch.length - 1);
      for (const t of ends) {
        const truncated = pipeline.computeBatch(sliceBatch(batch, 0, t + 1));
        truncated.forEach((values, k) => {
          if (!Object.is(values[t], full[k]![t])) {
            expect.fail(`${batch.ticker} ${pipeline.names[k]} bar ${t}: truncated ${values[t]}, full ${full[k]![t]}`);
          }
        });
      }
    }
  });

  it('matches trading-signals SMA (exact mean per window) for sma_n, volume_sma_n and the ratios', () => {
    for (const batch of batches) {
      const sma = (values: Float64Array, n: number): (number | undefined)[] => {
        const indicator = new SMA(n);
        return streamOf((i) => indicator.update(values[i]!, false), batch.length);
      };
      for (const n of [5, 10, 20, 50]) {
        expectAgreement(column(batch, `sma_${n}`), sma(batch.close, n), `${batch.ticker} sma_${n}`);
      }
      for (const n of [5, 20]) {
        expectAgreement(column(batch, `volume_sma_${n}`), sma(batch.volume, n), `${batch.ticker} volume_sma_${n}`);
      }
      const [s5, s20, v5, v20] = [
        sma(batch.close, 5),
        sma(batch.close, 20),
        sma(batch.volume, 5),
        sma(batch.volume, 20),
      ];
      const ratio = (a: (number | undefined)[], b: (number | undefined)[]): (number | undefined)[] =>
        a.map((x, i) => (x === undefined || b[i] === undefined ? undefined : x / b[i]!));
      expectAgreement(column(batch, 'sma_5_20_ratio'), ratio(s5, s20), `${batch.ticker} sma_5_20_ratio`);
      expectAgreement(column(batch, 'volume_ratio'), ratio(v5, v20), `${batch.ticker} volume_ratio`);
      expectAgreement(
        column(batch, 'price_sma_20_ratio'),
        ratio(Array.from(batch.close), s20),
        `${batch.ticker} price_sma_20_ratio`,
      );
    }
  });

  it('matches technicalindicators EMA (seeded with the SMA, as TA-Lib) for ema_n', () => {
    for (const batch of batches) {
      for (const n of [5, 10, 20]) {
        const reference = EMA.calculate({ period: n, values: Array.from(batch.close) });
        expectAgreement(column(batch, `ema_${n}`), aligned(reference, batch.length), `${batch.ticker} ema_${n}`);
      }
    }
  });

  it('matches technicalindicators MACD 12/26/9 with EMA oscillator and EMA signal', () => {
    for (const batch of batches) {
      const reference = MACD.calculate({
        values: Array.from(batch.close),
        fastPeriod: 12,
        slowPeriod: 26,
        signalPeriod: 9,
        SimpleMAOscillator: false,
        SimpleMASignal: false,
      });
      const rows = aligned(reference as unknown as number[], batch.length) as unknown as (
        | {
            MACD?: number;
            signal?: number;
            histogram?: number;
          }
        | undefined
      )[];
      expectAgreement(
        column(batch, 'macd'),
        rows.map((row) => row?.MACD),
        `${batch.ticker} macd`,
      );
      expectAgreement(
        column(batch, 'macd_signal'),
        rows.map((row) => row?.signal),
        `${batch.ticker} macd_signal`,
      );
      expectAgreement(
        column(batch, 'macd_histogram'),
        rows.map((row) => row?.histogram),
        `${batch.ticker} macd_histogram`,
      );
    }
  });

  it('matches trading-signals RSI (Wilder, first value after 14 changes); technicalindicators rounds to 2 decimals', () => {
    for (const batch of batches) {
      const rsi = new RSI(14);
      const reference = streamOf((i) => rsi.update(batch.close[i]!, false), batch.length);
      expectAgreement(column(batch, 'rsi_14'), reference, `${batch.ticker} rsi_14`);
    }
  });

  it('matches technicalindicators ATR (first bar skipped, as TA-Lib); trading-signals ATR counts the first bar', () => {
    for (const batch of batches) {
      const reference = ATR.calculate({
        period: 14,
        high: Array.from(batch.high),
        low: Array.from(batch.low),
        close: Array.from(batch.close),
      });
      expectAgreement(column(batch, 'atr_14'), aligned(reference, batch.length), `${batch.ticker} atr_14`);
    }
  });

  it('matches trading-signals TR, which also gives high - low on the first bar', () => {
    for (const batch of batches) {
      const tr = new TR();
      const reference = streamOf(
        (i) => tr.update({ high: batch.high[i]!, low: batch.low[i]!, close: batch.close[i]! }, false),
        batch.length,
      );
      expectAgreement(column(batch, 'true_range'), reference, `${batch.ticker} true_range`);
    }
  });

  it('matches technicalindicators ROC divided by 100 (ours is a fraction, theirs percent)', () => {
    for (const batch of batches) {
      for (const n of [5, 10]) {
        const reference = ROC.calculate({ period: n, values: Array.from(batch.close) }).map((x) => x / 100);
        expectAgreement(column(batch, `roc_${n}`), aligned(reference, batch.length), `${batch.ticker} roc_${n}`);
      }
    }
  });

  it('matches trading-signals getReturns / 100 and getLogReturns', () => {
    for (const batch of batches) {
      const closes = Array.from(batch.close);
      const simple = getReturns(closes).map((x) => x / 100);
      expectAgreement(column(batch, 'returns'), aligned(simple, batch.length), `${batch.ticker} returns`);
      expectAgreement(
        column(batch, 'log_returns'),
        aligned(getLogReturns(closes), batch.length),
        `${batch.ticker} log_returns`,
      );
    }
  });

  it('matches the population std of trading-signals times sqrt(n / (n - 1)) (ours is the sample std)', () => {
    for (const batch of batches) {
      const simple = getReturns(Array.from(batch.close)).map((x) => x / 100);
      for (const n of [5, 20]) {
        const reference = Array.from({ length: batch.length }, (_, i) =>
          i < n ? undefined : getStandardDeviation(simple.slice(i - n, i)) * Math.sqrt(n / (n - 1)),
        );
        expectAgreement(column(batch, `volatility_${n}`), reference, `${batch.ticker} volatility_${n}`);
      }
    }
  });

  it('matches technicalindicators VWAP (cumulative) run on each 5-bar window', () => {
    for (const batch of batches) {
      const reference = Array.from({ length: batch.length }, (_, i) => {
        if (i < 4) return undefined;
        const window = (values: Float64Array): number[] => Array.from(values.subarray(i - 4, i + 1));
        const values = VWAP.calculate({
          high: window(batch.high),
          low: window(batch.low),
          close: window(batch.close),
          volume: window(batch.volume),
        });
        return values[values.length - 1];
      });
      expectAgreement(column(batch, 'vwap_5'), reference, `${batch.ticker} vwap_5`);
    }
  });

  it('matches technicalindicators Highest and Lowest over 10 bars for local_max and local_min', () => {
    for (const batch of batches) {
      const highest = Highest.calculate({ period: 10, values: Array.from(batch.high) });
      const lowest = Lowest.calculate({ period: 10, values: Array.from(batch.low) });
      expectAgreement(column(batch, 'local_max'), aligned(highest, batch.length), `${batch.ticker} local_max`);
      expectAgreement(column(batch, 'local_min'), aligned(lowest, batch.length), `${batch.ticker} local_min`);
    }
  });

  it('matches the bar formulas for the features no library offers', () => {
    for (const batch of batches) {
      const { open, high, low, close, volume } = batch;
      const formula = (f: (i: number) => number | undefined): (number | undefined)[] =>
        Array.from({ length: batch.length }, (_, i) => f(i));
      const label = (name: string): string => `${batch.ticker} ${name}`;
      expectAgreement(
        column(batch, 'price_volume'),
        formula((i) => close[i]! * volume[i]!),
        label('price_volume'),
      );
      expectAgreement(
        column(batch, 'price_position'),
        formula((i) => (close[i]! - low[i]!) / (high[i]! - low[i]!)),
        label('price_position'),
      );
      expectAgreement(
        column(batch, 'gap'),
        formula((i) => (i === 0 ? undefined : open[i]! / close[i - 1]! - 1)),
        label('gap'),
      );
      expectAgreement(
        column(batch, 'intraday_range'),
        formula((i) => (high[i]! - low[i]!) / close[i]!),
        label('intraday_range'),
      );
      expectAgreement(
        column(batch, 'body_range_ratio'),
        formula((i) => Math.abs(close[i]! - open[i]!) / (high[i]! - low[i]!)),
        label('body_range_ratio'),
      );
      expectAgreement(
        column(batch, 'higher_high'),
        formula((i) => (i === 0 ? undefined : high[i]! > high[i - 1]! ? 1 : 0)),
        label('higher_high'),
      );
      expectAgreement(
        column(batch, 'lower_low'),
        formula((i) => (i === 0 ? undefined : low[i]! < low[i - 1]! ? 1 : 0)),
        label('lower_low'),
      );
    }
  });

  it('reads the time features off the file’s own New York wall-clock text (a regular-hours file)', () => {
    const walls = loadSmallWallTimes();
    for (const batch of batches) {
      const texts = walls.get(batch.ticker)!;
      const expected = texts.map((text) => {
        const [y, mo, d, h, mi] = text.split(/[- :]/).map(Number) as [number, number, number, number, number];
        return {
          hour: h,
          minute: mi,
          day_of_week: (new Date(Date.UTC(y, mo - 1, d)).getUTCDay() + 6) % 7,
          day_of_month: d,
          month: mo,
          quarter: Math.ceil(mo / 3),
          market_open_minutes: h * 60 + mi - 570,
          is_market_open: 1,
          is_pre_market: 0,
          is_after_hours: 0,
        };
      });
      for (const name of Object.keys(expected[0]!) as (keyof (typeof expected)[0])[]) {
        expectAgreement(
          column(batch, name),
          expected.map((row) => row[name]),
          `${batch.ticker} ${name}`,
        );
      }
    }
  });
});
