import { describe, expect, it } from 'vitest';
import { VerdictSchema } from '../../config/experiment.js';
import { decideVerdict } from './decideVerdict.js';
import type { VerdictInput } from './Verdict.js';

// Schema defaults: promising_deflated_sharpe 0.95, promising_oos_sharpe 1, kill_oos_sharpe 0, min_positive_folds 0.6.
const THRESHOLDS = VerdictSchema.parse({});
const STRONG: VerdictInput = { oosSharpe: 1.5, deflatedSharpe: 0.97, foldSharpes: [1, 2, 0.5, -0.2, 1.1], trades: 120 };

describe('decideVerdict', () => {
  it('uses the schema defaults this suite assumes', () => {
    expect(THRESHOLDS).toEqual({
      promising_deflated_sharpe: 0.95,
      promising_oos_sharpe: 1,
      kill_oos_sharpe: 0,
      min_positive_folds: 0.6,
    });
  });

  it('is promising when all three tests pass, and says why', () => {
    const decision = decideVerdict(STRONG, THRESHOLDS);

    expect(decision).toEqual({
      verdict: 'promising',
      reasons: [
        'out-of-sample Sharpe 1.50 reaches the 1.00 needed for promising',
        'deflated Sharpe 0.97 reaches the 0.95 needed for promising',
        '4 of 5 folds (80%) have a positive Sharpe, reaching the 60% needed for promising',
      ],
    });
  });

  it('kills at or below the kill threshold', () => {
    const decisions = [
      decideVerdict({ ...STRONG, oosSharpe: 0 }, THRESHOLDS),
      decideVerdict({ ...STRONG, oosSharpe: -0.3 }, THRESHOLDS),
    ];

    expect(decisions).toEqual([
      { verdict: 'kill', reasons: ['out-of-sample Sharpe 0.00 is at or below the kill threshold of 0.00'] },
      { verdict: 'kill', reasons: ['out-of-sample Sharpe -0.30 is at or below the kill threshold of 0.00'] },
    ]);
  });

  it('kills without trades whatever the other numbers say', () => {
    const decision = decideVerdict({ ...STRONG, trades: 0 }, THRESHOLDS);

    expect(decision).toEqual({
      verdict: 'kill',
      reasons: ['no out-of-sample trade was made, so there is nothing to evaluate'],
    });
  });

  it('judges a position held to the end as traded: no round trip closed, but the equity moved', () => {
    expect(decideVerdict({ ...STRONG, trades: 0, openTrades: 0 }, THRESHOLDS).verdict).toBe('kill');
    const held = decideVerdict({ ...STRONG, trades: 0, openTrades: 1 }, THRESHOLDS);

    expect(held).toEqual(decideVerdict({ ...STRONG, trades: 1 }, THRESHOLDS));
    expect(held.verdict).toBe('promising');
  });

  it('kills an undefined out-of-sample Sharpe', () => {
    const decision = decideVerdict({ ...STRONG, oosSharpe: Number.NaN }, THRESHOLDS);

    expect(decision.verdict).toBe('kill');
    expect(decision.reasons).toEqual([
      'out-of-sample Sharpe is undefined (fewer than two daily returns, or no variation)',
    ]);
  });

  it('iterates just above the kill threshold', () => {
    const decision = decideVerdict({ ...STRONG, oosSharpe: 0.42 }, THRESHOLDS);

    expect(decision.verdict).toBe('iterate');
    expect(decision.reasons[0]).toBe('out-of-sample Sharpe 0.42 is below the 1.00 needed for promising');
  });

  it('accepts each promising threshold when met exactly', () => {
    // 3 of 5 positive folds is exactly 0.6.
    const input = { oosSharpe: 1, deflatedSharpe: 0.95, foldSharpes: [0.1, 0.2, 0.3, 0, -1], trades: 1 };

    const decision = decideVerdict(input, THRESHOLDS);

    expect(decision.verdict).toBe('promising');
    expect(decision.reasons[2]).toBe(
      '3 of 5 folds (60%) have a positive Sharpe, reaching the 60% needed for promising',
    );
  });

  it('iterates when any single promising test fails', () => {
    const failing: readonly VerdictInput[] = [
      { ...STRONG, oosSharpe: 0.999 },
      { ...STRONG, deflatedSharpe: 0.9499 },
      { ...STRONG, foldSharpes: [1, Number.NaN, 0, -1, 0.5] },
      { ...STRONG, deflatedSharpe: Number.NaN },
      { ...STRONG, foldSharpes: [] },
    ];

    const decisions = failing.map((input) => decideVerdict(input, THRESHOLDS));

    expect(decisions.map((d) => d.verdict)).toEqual(['iterate', 'iterate', 'iterate', 'iterate', 'iterate']);
    // Extra digits appear where two decimals would print the value and the threshold alike.
    expect(decisions[0].reasons[0]).toBe('out-of-sample Sharpe 0.999 is below the 1.000 needed for promising');
    expect(decisions[1].reasons[1]).toBe('deflated Sharpe 0.9499 is below the 0.9500 needed for promising');
    // A zero, negative or NaN fold Sharpe is not positive.
    expect(decisions[2].reasons[2]).toBe(
      '2 of 5 folds (40%) have a positive Sharpe, below the 60% needed for promising',
    );
    expect(decisions[3].reasons[1]).toBe(
      'deflated Sharpe is undefined, so it cannot reach the 0.95 needed for promising',
    );
    expect(decisions[4].reasons[2]).toBe(
      '0 of 0 folds (0%) have a positive Sharpe, below the 60% needed for promising',
    );
  });

  it('follows custom thresholds', () => {
    const thresholds = {
      promising_deflated_sharpe: 0.5,
      promising_oos_sharpe: 2,
      kill_oos_sharpe: 0.5,
      min_positive_folds: 1,
    };

    const decisions = [
      decideVerdict({ ...STRONG, oosSharpe: 0.5 }, thresholds).verdict,
      decideVerdict({ ...STRONG, oosSharpe: 2.5 }, thresholds).verdict,
      decideVerdict({ ...STRONG, oosSharpe: 2.5, foldSharpes: [1, 2] }, thresholds).verdict,
    ];

    // 2.5 with 4 of 5 positive folds misses min_positive_folds 1; with 2 of 2 it passes.
    expect(decisions).toEqual(['kill', 'iterate', 'promising']);
  });
});
