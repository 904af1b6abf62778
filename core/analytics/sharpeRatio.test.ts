import { describe, expect, it } from 'vitest';
import { sharpeRatio } from './sharpeRatio.js';
import { sortinoRatio } from './sortinoRatio.js';

// mean = (0.01 - 0.02 + 0.03 + 0) / 4 = 0.005; deviations 0.005, -0.025, 0.025, -0.005;
// squared sum = 2.5e-5 + 6.25e-4 + 6.25e-4 + 2.5e-5 = 1.3e-3; sample variance = 1.3e-3 / 3.
const RETURNS = [0.01, -0.02, 0.03, 0];

describe('sharpeRatio', () => {
  it('annualizes mean over sample standard deviation with sqrt(252)', () => {
    const sharpe = sharpeRatio(RETURNS);

    expect(sharpe).toBeCloseTo((0.005 / Math.sqrt(1.3e-3 / 3)) * Math.sqrt(252), 12);
    expect(sharpe).toBeCloseTo(3.8129334, 6);
  });

  it('uses the given periods per year', () => {
    const sharpe = sharpeRatio(RETURNS, 1);

    expect(sharpe).toBeCloseTo(0.005 / Math.sqrt(1.3e-3 / 3), 12);
  });

  it('is NaN with fewer than two returns', () => {
    const values = [sharpeRatio([]), sharpeRatio([0.01])];

    expect(values).toEqual([Number.NaN, Number.NaN]);
  });

  it('is NaN when all returns are equal (zero standard deviation), even a positive constant', () => {
    const constant = [0.001, 0.001, 0.001, 0.001, 0.001, 0.001, 0.001];

    const values = [sharpeRatio(constant), sharpeRatio([0, 0, 0])];

    expect(values).toEqual([Number.NaN, Number.NaN]);
  });

  it('rejects NaN returns', () => {
    const returns = [0.01, Number.NaN];

    const act = () => sharpeRatio(returns);

    expect(act).toThrow('returns[1] must be a finite number, was NaN');
  });
});

describe('sortinoRatio', () => {
  it('divides the mean by the downside deviation over all returns', () => {
    const sortino = sortinoRatio(RETURNS);

    // Downside squares: 0, 4e-4, 0, 0 -> mean 1e-4 over all 4 returns -> DD = 0.01; 0.005 / 0.01 = 0.5.
    expect(sortino).toBeCloseTo(0.5 * Math.sqrt(252), 12);
  });

  it('is Infinity with no negative return and a positive mean, NaN when flat or too short', () => {
    const values = [sortinoRatio([0.01, 0, 0.02]), sortinoRatio([0, 0, 0]), sortinoRatio([-0.01])];

    expect(values).toEqual([Infinity, Number.NaN, Number.NaN]);
  });

  it('is negative when losses dominate', () => {
    const returns = [-0.02, 0.01];

    const sortino = sortinoRatio(returns, 1);

    // mean = -0.005; DD = sqrt((0.02^2 + 0) / 2) = sqrt(2e-4); -0.005 / 0.0141421 = -0.353553.
    expect(sortino).toBeCloseTo(-0.005 / Math.sqrt(2e-4), 12);
  });
});
