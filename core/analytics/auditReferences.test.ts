import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calmarRatio,
  createExposureTally,
  dailyReturns,
  deflatedSharpe,
  expectedMaxSharpe,
  informationCoefficient,
  maxDrawdown,
  probabilisticSharpe,
  profitFactor,
  sharpeEstimate,
  sharpeRatio,
  sortinoRatio,
  summarizeBacktest,
  annualizedReturn,
  averageRanks,
  pearsonCorrelation,
  spearmanCorrelation,
} from './index.js';
import type { TradeRecord } from './TradeRecord.js';

// Independent references: every expected number below was computed with numpy 2.4.6 / scipy 1.17.1
// (workers/training/.venv/bin/python) from the same inputs, not with this module:
//   eq = 100000 * cumprod([1, 1.012, 0.993, 1.003, 1.021, 0.985, 1.0, 1.008, 0.969, 1.017, 1.004, 0.998, 1.011])
//   ret = eq[1:] / eq[:-1] - 1; m = ret.mean(); s = ret.std(ddof=1)
//   sharpe = m / s * sqrt(252); sortino = m / sqrt(mean(minimum(ret, 0)**2)) * sqrt(252)
//   skew = scipy.stats.skew(ret, bias=True); kurt = scipy.stats.kurtosis(ret, fisher=False, bias=True)
//   psr(sr0) = norm.cdf((m/s - sr0) * sqrt(T - 1) / sqrt(1 - skew*m/s + (kurt - 1)/4 * (m/s)**2)), T = 12
//   sr0 = sqrt(V) * ((1 - euler_gamma) * norm.ppf(1 - 1/N) + euler_gamma * norm.ppf(1 - 1/(N e))), N = 7, V = 9e-4
//   mdd = max(1 - eq / maximum.accumulate(eq)); cagr = (eq[-1] / eq[0])**(252 / 12) - 1
const GROWTH = [1.012, 0.993, 1.003, 1.021, 0.985, 1.0, 1.008, 0.969, 1.017, 1.004, 0.998, 1.011];
const EQUITY = GROWTH.reduce((series, g) => [...series, series[series.length - 1]! * g], [100_000]);

describe('analytics against numpy / scipy references', () => {
  const returns = dailyReturns(EQUITY);

  it('Sharpe (sample std, sqrt(252)) and Sortino (downside over all returns)', () => {
    expect(sharpeRatio(returns)).toBeCloseTo(1.9269604560640154, 10);
    expect(sortinoRatio(returns)).toBeCloseTo(2.733967130597256, 10);
  });

  it('per-period Sharpe, population skewness and raw (non-excess) kurtosis for PSR', () => {
    const estimate = sharpeEstimate(returns);

    expect(estimate.sharpe).toBeCloseTo(0.12138709888097596, 12);
    expect(estimate.skewness).toBeCloseTo(-0.8793032685908474, 10);
    expect(estimate.kurtosis).toBeCloseTo(3.3208487041740726, 10);
    expect(probabilisticSharpe(estimate, 0)).toBeCloseTo(0.6484800567241924, 10);
  });

  it('DSR benchmark SR0 and DSR with N = 7 trials and per-period variance 9e-4', () => {
    const estimate = sharpeEstimate(returns);

    expect(expectedMaxSharpe(7, 9e-4)).toBeCloseTo(0.0416032338406248, 12);
    expect(deflatedSharpe(estimate, 7, 9e-4)).toBeCloseTo(0.5989243313642123, 10);
  });

  it('max drawdown depth and duration in sessions, CAGR and Calmar', () => {
    // Peak 102909.73 at session 4, trough 99009.52 at session 8, never recovered by session 12: 8 sessions.
    const drawdown = maxDrawdown(EQUITY);

    expect(drawdown.depth).toBeCloseTo(0.03789928000000009, 12);
    expect([drawdown.peakIndex, drawdown.troughIndex, drawdown.sessions]).toEqual([4, 8, 8]);
    expect(annualizedReturn(EQUITY)).toBeCloseTo(0.5166316185544519, 10);
    expect(calmarRatio(EQUITY)).toBeCloseTo(13.631700089142873, 8);
  });

  it('IC with ties and a NaN pair matches scipy pearsonr / spearmanr (average ranks)', () => {
    const signals = [1, 2, 2, 3, 3, 3, 0.5, 4, Number.NaN, 2];
    const forward = [0.01, 0.02, -0.01, 0.03, 0.03, 0.0, -0.02, 0.05, 0.1, 0.02];

    const ic = informationCoefficient(signals, forward);

    expect(ic.pairs).toBe(9);
    expect(ic.pearson).toBeCloseTo(0.7529069767441862, 12);
    expect(ic.spearman).toBeCloseTo(0.7480806756871626, 12);
  });
});

describe('analytics edge cases', () => {
  const trade = (pnl: number): TradeRecord => ({
    ticker: 'AAA',
    side: 'BUY',
    entryTs: 0,
    exitTs: 1,
    entryPrice: 10,
    exitPrice: 11,
    quantity: 1,
    pnl,
    costs: 0.5,
    bars: 3,
  });

  it('a flat account with no trade gives NaN ratios, never Infinity', () => {
    const summary = summarizeBacktest({
      equity: [1000, 1000, 1000, 1000],
      trades: [],
      exposure: createExposureTally(),
      tradedNotional: 0,
      costs: 0,
    });

    expect([summary.sharpe, summary.sortino, summary.calmar, summary.win_rate, summary.profit_factor]).toEqual([
      NaN,
      NaN,
      NaN,
      NaN,
      NaN,
    ]);
    expect([summary.max_drawdown, summary.max_drawdown_sessions, summary.turnover, summary.sessions]).toEqual([
      0, 0, 0, 3,
    ]);
  });

  it('a single equity value (no session) gives NaN, not a throw', () => {
    const summary = summarizeBacktest({
      equity: [1000],
      trades: [],
      exposure: createExposureTally(),
      tradedNotional: 0,
      costs: 0,
    });

    expect([summary.sharpe, summary.annualized_return, summary.calmar, summary.turnover]).toEqual([NaN, NaN, NaN, NaN]);
    expect(summary.sessions).toBe(0);
  });

  it('constant non-zero returns have no Sharpe (std 0 is NaN, not Infinity)', () => {
    expect(sharpeRatio([0.002, 0.002, 0.002])).toBeNaN();
    expect(sharpeEstimate([0.002, 0.002, 0.002]).sharpe).toBeNaN();
  });

  it('NaN inputs are rejected with ANALYTICS_NON_FINITE', () => {
    expect(() => sharpeRatio([0.01, Number.NaN])).toThrow(expect.objectContaining({ code: 'ANALYTICS_NON_FINITE' }));
    expect(() => maxDrawdown([100, Number.NaN])).toThrow(expect.objectContaining({ code: 'ANALYTICS_NON_FINITE' }));
    expect(() => profitFactor([trade(Number.NaN)])).toThrow(expect.objectContaining({ code: 'ANALYTICS_NON_FINITE' }));
  });

  it('profit factor is Infinity with no losing trade, NaN when all break even', () => {
    expect(profitFactor([trade(5), trade(0)])).toBe(Infinity);
    expect(profitFactor([trade(0), trade(0)])).toBeNaN();
    expect(profitFactor([trade(6), trade(-2), trade(0)])).toBe(3);
  });

  it('IC of a constant signal is NaN on both sides', () => {
    const ic = informationCoefficient([1, 1, 1], [0.01, -0.02, 0.03]);

    expect([ic.pearson, ic.spearman]).toEqual([NaN, NaN]);
  });
});

/** Longest underwater run by brute force: the peak before it to the first session back at the peak, or to the end. */
function bruteDuration(eq: number[]): number {
  let longest = 0;
  let runMax = eq[0]!;
  let start = -1;
  for (let k = 1; k < eq.length; k++) {
    if (eq[k]! < runMax) {
      if (start < 0) start = k;
    } else {
      if (start >= 0) longest = Math.max(longest, k - (start - 1));
      start = -1;
      runMax = eq[k]!;
    }
  }
  if (start >= 0) longest = Math.max(longest, eq.length - 1 - (start - 1));
  return longest;
}
describe('analytics properties against brute force', () => {
  it('drawdown depth and duration match a brute-force search (ties included)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 12 }), (eq) => {
        expect(maxDrawdown(eq).sessions).toBe(bruteDuration(eq));
        let best = 0;
        for (let j = 0; j < eq.length; j++) for (let i = 0; i <= j; i++) best = Math.max(best, 1 - eq[j]! / eq[i]!);
        expect(maxDrawdown(eq).depth).toBeCloseTo(best, 14);
      }),
      { numRuns: 1000 },
    );
  });
  it('average ranks equal (values below) + (ties + 1) / 2', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 0, maxLength: 12 }), (xs) => {
        const r = averageRanks(xs);
        xs.forEach((x, i) => {
          const less = xs.filter((v) => v < x).length;
          const eq = xs.filter((v) => v === x).length;
          expect(r[i]).toBe(less + (eq + 1) / 2);
        });
      }),
      { numRuns: 1000 },
    );
  });
  it('Spearman with ties stays in [-1, 1], is symmetric, and is NaN only for a constant side', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 })), {
          minLength: 2,
          maxLength: 12,
        }),
        (pairs) => {
          const x = pairs.map((p) => p[0]);
          const y = pairs.map((p) => p[1]);
          const s = spearmanCorrelation(x, y);
          if (!Number.isNaN(s)) {
            expect(Math.abs(s)).toBeLessThanOrEqual(1);
            expect(spearmanCorrelation(y, x)).toBe(s);
            expect(pearsonCorrelation(averageRanks(x), averageRanks(y))).toBe(s);
          } else {
            expect(new Set(x).size === 1 || new Set(y).size === 1).toBe(true);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
