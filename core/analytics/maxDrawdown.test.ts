import { describe, expect, it } from 'vitest';
import { annualizedReturn } from './annualizedReturn.js';
import { calmarRatio } from './calmarRatio.js';
import { maxDrawdown } from './maxDrawdown.js';
import { totalReturn } from './totalReturn.js';

describe('maxDrawdown', () => {
  it('finds the deepest fall and the longest drawdown separately', () => {
    // Peak 110 (index 1) -> 99 (index 2): 10%, recovered at index 4 (110 >= 110): 3 sessions.
    // Peak 120 (index 5) -> 90 (index 6): 1 - 90/120 = 25%, not recovered by index 7: 2 sessions.
    const equity = [100, 110, 99, 105, 110, 120, 90, 96];

    const drawdown = maxDrawdown(equity);

    expect(drawdown.depth).toBeCloseTo(0.25, 15);
    expect([drawdown.peakIndex, drawdown.troughIndex, drawdown.sessions]).toEqual([5, 6, 3]);
  });

  it('counts an unrecovered drawdown to the last session', () => {
    // Peak 100 at index 0, never regained: 4 sessions to index 4; depth 1 - 80/100 = 0.2.
    const equity = [100, 90, 80, 95, 99];

    const drawdown = maxDrawdown(equity);

    expect(drawdown.depth).toBeCloseTo(0.2, 15);
    expect(drawdown.sessions).toBe(4);
  });

  it('is zero for equity that never falls', () => {
    const equity = [100, 100, 101, 105];

    const drawdown = maxDrawdown(equity);

    expect(drawdown).toEqual({ depth: 0, peakIndex: 0, troughIndex: 0, sessions: 0 });
  });
});

describe('totalReturn and annualizedReturn', () => {
  it('compounds the total return over the years covered', () => {
    const equity = [100, 110, 121];

    const values = [totalReturn(equity), annualizedReturn(equity, 1), annualizedReturn(equity, 4)];

    // 121/100 - 1 = 0.21; one session per year: 1.21^(1/2) - 1 = 0.1; four per year: 1.21^(4/2) - 1 = 0.4641.
    expect(values[0]).toBeCloseTo(0.21, 14);
    expect(values[1]).toBeCloseTo(0.1, 14);
    expect(values[2]).toBeCloseTo(0.4641, 14);
  });

  it('has no annualized return for a single equity value', () => {
    const equity = [100];

    const values = [totalReturn(equity), annualizedReturn(equity)];

    expect(values).toEqual([0, Number.NaN]);
  });
});

describe('calmarRatio', () => {
  it('divides the annualized return by the maximum drawdown', () => {
    // Three sessions and three sessions per year: CAGR = 121/100 - 1 = 0.21; drawdown 1 - 90/120 = 0.25.
    const equity = [100, 120, 90, 121];

    const calmar = calmarRatio(equity, 3);

    expect(calmar).toBeCloseTo(0.21 / 0.25, 12);
  });

  it('is Infinity without drawdown and a gain, NaN when flat or a single value', () => {
    const values = [calmarRatio([100, 101, 102]), calmarRatio([100, 100]), calmarRatio([100])];

    expect(values).toEqual([Infinity, Number.NaN, Number.NaN]);
  });
});
