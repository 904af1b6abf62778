import { describe, expect, it } from 'vitest';
import { dailyPnl } from './dailyPnl.js';
import { dailyReturns } from './dailyReturns.js';

describe('dailyReturns', () => {
  it('returns E_t / E_(t-1) - 1 for each session', () => {
    const equity = [100, 110, 99, 99];

    const returns = Array.from(dailyReturns(equity));

    // 110/100 - 1 = 0.1; 99/110 - 1 = -0.1; 99/99 - 1 = 0.
    expect(returns.map((r) => Number(r.toFixed(12)))).toEqual([0.1, -0.1, 0]);
  });

  it('returns no value for the initial equity alone', () => {
    const equity = [1_000_000];

    const returns = dailyReturns(equity);

    expect(returns.length).toBe(0);
  });

  it('rejects empty, non-finite and non-positive equity with its code', () => {
    const broken = [[], [100, Number.NaN], [100, 0, 50]];

    const codes = broken.map((equity) => {
      try {
        dailyReturns(equity);
        return 'none';
      } catch (error) {
        return (error as { code: string }).code;
      }
    });

    expect(codes).toEqual(['ANALYTICS_INVALID_ARGUMENT', 'ANALYTICS_NON_FINITE', 'ANALYTICS_NONPOSITIVE_EQUITY']);
    expect(() => dailyReturns([100, 0, 50])).toThrow('equity[1] must be positive to compute returns, was 0');
  });
});

describe('dailyPnl', () => {
  it('returns the dollar change of equity per session, negative equity included', () => {
    const equity = [100, 110.5, 99, -1];

    const pnl = Array.from(dailyPnl(equity));

    // 110.5 - 100 = 10.5; 99 - 110.5 = -11.5; -1 - 99 = -100.
    expect(pnl).toEqual([10.5, -11.5, -100]);
  });

  it('rejects an empty series', () => {
    const act = () => dailyPnl([]);

    expect(act).toThrow('equity must hold at least the initial equity, was empty');
  });
});
