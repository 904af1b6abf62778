import { describe, expect, it } from 'vitest';
import { EULER_MASCHERONI, deflatedSharpe, expectedMaxSharpe } from './deflatedSharpe.js';
import { probabilisticSharpe, sharpeEstimate } from './probabilisticSharpe.js';

describe('sharpeEstimate', () => {
  it('computes the per-period Sharpe, skewness and kurtosis by hand', () => {
    // Returns 0.01, -0.02, 0.03, 0: mean 0.005, deviations 0.005, -0.025, 0.025, -0.005.
    // m2 = 1.3e-3 / 4 = 3.25e-4; m3 = (0.005^3 - 0.025^3 + 0.025^3 - 0.005^3) / 4 = 0;
    // m4 = (2 * 0.005^4 + 2 * 0.025^4) / 4 = (1.25e-9 + 7.8125e-7) / 4 = 1.95625e-7; m4 / m2^2 = 1.852071.
    const estimate = sharpeEstimate([0.01, -0.02, 0.03, 0]);

    expect(estimate.observations).toBe(4);
    expect(estimate.sharpe).toBeCloseTo(0.005 / Math.sqrt(1.3e-3 / 3), 12);
    expect(estimate.skewness).toBeCloseTo(0, 12);
    expect(estimate.kurtosis).toBeCloseTo(1.95625e-7 / (3.25e-4 * 3.25e-4), 10);
  });
});

describe('sharpeEstimate of a constant series', () => {
  it('has no Sharpe ratio and so no PSR', () => {
    const estimate = sharpeEstimate([0.001, 0.001, 0.001]);

    expect(estimate.sharpe).toBeNaN();
    expect(probabilisticSharpe(estimate, 0)).toBeNaN();
  });
});

describe('probabilisticSharpe', () => {
  it('matches an independent computation for normal returns', () => {
    // SR = 0.1, T = 101, skew 0, kurtosis 3: variance term 1 - 0 + (3 - 1) / 4 * 0.01 = 1.005;
    // z = 0.1 * sqrt(100) / sqrt(1.005) = 0.99750934; Phi(z) = 0.84074133 (mpmath ncdf at 30 digits).
    const psr = probabilisticSharpe({ sharpe: 0.1, observations: 101, skewness: 0, kurtosis: 3 }, 0);

    expect(psr).toBeCloseTo(0.8407413278013518, 12);
  });

  it('is one half when the benchmark equals the estimate, and lower for negative skew and fat tails', () => {
    const normal = { sharpe: 0.1, observations: 250, skewness: 0, kurtosis: 3 };
    const skewed = { sharpe: 0.1, observations: 250, skewness: -2, kurtosis: 9 };

    const values = [probabilisticSharpe(normal, 0.1), probabilisticSharpe(normal, 0), probabilisticSharpe(skewed, 0)];

    expect(values[0]).toBe(0.5);
    expect(values[2]).toBeLessThan(values[1]);
  });

  it('is NaN for inconsistent moments and rejects fewer than two observations', () => {
    // 1 - 5 * 1 + (1 - 1) / 4 * 1 = -4: no valid variance.
    const psr = probabilisticSharpe({ sharpe: 1, observations: 10, skewness: 5, kurtosis: 1 }, 0);

    expect(psr).toBeNaN();
    expect(() => probabilisticSharpe({ sharpe: 1, observations: 1, skewness: 0, kurtosis: 3 }, 0)).toThrow(
      'observations must be an integer of at least 2, was 1',
    );
  });
});

describe('deflatedSharpe', () => {
  // Numerical example of Bailey and Lopez de Prado, "The Deflated Sharpe Ratio" (JPM 2014): the best of N = 100
  // trials has an annualized SR of 2.5 over T = 1250 daily observations (five years of 250 days), skewness -3 and
  // kurtosis 10; the trials' annualized Sharpe ratios have variance 0.5. The paper reports an expected maximum
  // SR0 of 0.1132 and a DSR of 0.9004, both in daily units.
  const sharpe = 2.5 / Math.sqrt(250); // 0.15811388 per day
  const variance = 0.5 / 250; // 0.002 in daily units (a variance scales with the period)
  const estimate = { sharpe, observations: 1250, skewness: -3, kurtosis: 10 };

  it('reproduces the expected maximum Sharpe of the paper step by step', () => {
    // Phi^-1(1 - 1/100) = 2.3263479; Phi^-1(1 - 1/(100 e)) = Phi^-1(0.99632121) = 2.6802104;
    // (1 - 0.5772157) * 2.3263479 + 0.5772157 * 2.6802104 = 0.9835535 + 1.5470494 = 2.5306029;
    // sqrt(0.002) = 0.0447214 -> SR0 = 0.1131720.
    const expected =
      Math.sqrt(0.002) * ((1 - EULER_MASCHERONI) * 2.326347874040841 + EULER_MASCHERONI * 2.680210444966883);

    const sr0 = expectedMaxSharpe(100, variance);

    expect(sr0).toBeCloseTo(expected, 12);
    expect(sr0).toBeCloseTo(0.1132, 4);
  });

  it('reproduces the DSR of the paper', () => {
    // Variance term 1 + 3 * 0.1581139 + (10 - 1) / 4 * 0.1581139^2 = 1 + 0.4743417 + 0.05625 = 1.5305917;
    // z = (0.1581139 - 0.1131720) * sqrt(1249) / sqrt(1.5305917) = 0.0449419 * 35.341194 / 1.2371709 = 1.2838160;
    // Phi(1.2838160) = 0.9003968.
    const dsr = deflatedSharpe(estimate, 100, variance);

    expect(dsr).toBeCloseTo(0.900396834449391, 10);
    expect(dsr).toBeCloseTo(0.9004, 4);
  });

  it('equals PSR(0) for a single trial or trials without spread', () => {
    const psrAtZero = probabilisticSharpe(estimate, 0);

    const values = [deflatedSharpe(estimate, 1, variance), deflatedSharpe(estimate, 50, 0), expectedMaxSharpe(1, 4)];

    expect(values).toEqual([psrAtZero, psrAtZero, 0]);
  });

  it('deflates more as trials grow', () => {
    const trials = [2, 10, 100, 1000, 10000];

    const values = trials.map((n) => deflatedSharpe(estimate, n, variance));

    for (let i = 1; i < values.length; i++) expect(values[i], `N = ${trials[i]}`).toBeLessThan(values[i - 1]);
  });

  it('rejects a non-integer trial count and a negative variance', () => {
    expect(() => expectedMaxSharpe(2.5, 1)).toThrow('trials must be an integer of at least 1, was 2.5');
    expect(() => expectedMaxSharpe(5, -1)).toThrow(expect.objectContaining({ code: 'ANALYTICS_INVALID_ARGUMENT' }));
  });
});
