import { describe, expect, it } from 'vitest';
import { allocateBatch } from '../data/BarBatch.js';
import { signalInformationCoefficient } from './signalInformationCoefficient.js';

// Two sessions of three 5-minute bars: 2025-06-02 and 2025-06-03, 09:30 New York (13:30 UTC).
function batch(closes: readonly number[]) {
  const bars = allocateBatch('AAA', 300_000, closes.length);
  const days = [Date.UTC(2025, 5, 2, 13, 30), Date.UTC(2025, 5, 3, 13, 30)];
  closes.forEach((close, i) => {
    bars.ts[i] = days[Math.floor(i / 3)]! + (i % 3) * 300_000;
    bars.close[i] = close;
  });
  return bars;
}

describe('signalInformationCoefficient', () => {
  it('pairs each signal with the next bar return of the same session only', () => {
    // Next-bar returns: +10% (100->110), -10% (110->99); bar 2 is the last of its day; then +5%, -20%.
    const bars = batch([100, 110, 99, 100, 105, 84]);
    const perfect = Float64Array.from([1, -1, 7, 0.5, -2, NaN]);

    const ic = signalInformationCoefficient([bars], () => perfect);

    // Pairs: (1, .10), (-1, -.10), (0.5, .05), (-2, -.20): signal = 10 x return exactly, so both ICs are 1.
    expect(ic.pairs).toBe(4);
    expect(ic.pearson).toBeCloseTo(1, 12);
    expect(ic.spearman).toBeCloseTo(1, 12);
  });

  it('has a rank IC of -1 for a signal whose ranks are exactly reversed', () => {
    const bars = batch([100, 110, 99, 100, 105, 84]);
    // Returns .10, -.10, .05, -.20 rank 4, 2, 3, 1; signals -3, 1, -1, 2 rank 1, 3, 2, 4.

    const ic = signalInformationCoefficient([bars], () => Float64Array.from([-3, 1, 0, -1, 2, 0]));

    expect(ic.spearman).toBeCloseTo(-1, 12);
  });
});
