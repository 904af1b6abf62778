import { describe, expect, it } from 'vitest';
import { adjustBars, factorRowFor, parseFactorFile } from './adjust.js';
import { batchFromBars } from './BarBatch.js';

const FACTORS = parseFactorFile(
  'aapl.csv',
  '20140606,0.9011818,0.0357143,645.57\n20140806,0.9011818,0.25,94.97\n20501231,1,1,0\n',
);
const day = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d, 14, 0);

describe('factor files', () => {
  it('applies a row to its own date and the dates before it, as LEAN does', () => {
    expect(factorRowFor(FACTORS, 20140605)!.splitFactor).toBe(0.0357143);
    expect(factorRowFor(FACTORS, 20140606)!.splitFactor).toBe(0.0357143);
    expect(factorRowFor(FACTORS, 20140609)!.splitFactor).toBe(0.25);
    expect(factorRowFor(FACTORS, 20600101)).toBeNull();
  });

  it('refuses a row that is not yyyymmdd,price_factor,split_factor,reference_price', () => {
    expect(() => parseFactorFile('bad.csv', '20140606,0.9,0.03,1\n2014-06-06,1,1,1\n')).toThrow(
      expect.objectContaining({ code: 'INVALID_FACTOR_FILE', message: expect.stringContaining('bad.csv:2:') }),
    );
  });
});

describe('adjustBars', () => {
  const bars = {
    batches: [
      batchFromBars('AAPL', 60_000, [
        { ticker: 'AAPL', ts: day(2014, 6, 6), open: 700, high: 700, low: 700, close: 700, volume: 100 },
        { ticker: 'AAPL', ts: day(2014, 6, 9), open: 100, high: 100, low: 100, close: 100, volume: -1 },
      ]),
      batchFromBars('IBM', 60_000, [
        { ticker: 'IBM', ts: day(2014, 6, 9), open: 5, high: 5, low: 5, close: 5, volume: 1 },
      ]),
    ],
    origin: { kind: 'file', detail: 'x.csv' },
  };

  it('scales days before the split to the last day and divides volume by the same ratio', () => {
    const adjusted = adjustBars(bars, new Map([['AAPL', FACTORS]]), 'split');

    const aapl = adjusted.batches[0]!;
    expect(aapl.close[0]).toBeCloseTo(700 * (0.0357143 / 0.25), 12);
    expect(aapl.volume[0]).toBeCloseTo(100 / (0.0357143 / 0.25), 9);
    expect(aapl.close[1]).toBe(100);
    expect(aapl.volume[1], 'unknown volume stays unknown').toBe(-1);
    expect(adjusted.batches[1], 'a ticker without factors is left as it is').toBe(bars.batches[1]);
    expect(adjusted.origin.detail).toBe(
      "x.csv; adjusted for splits with LEAN factor files, anchored on each ticker's last day: AAPL; no factor file, unadjusted: IBM",
    );
  });
});
