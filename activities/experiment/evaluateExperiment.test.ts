import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  BacktestOosResult,
  EvaluateInput,
  PreparedExperiment,
  RecordInput,
} from '../../core/experiment/contracts.js';
import { evaluateExperiment } from './evaluateExperiment.js';
import { recordExperiment } from './recordExperiment.js';
import { stepTestDeps, testPrepared, type StepTestDeps } from './stepTestKit.js';

/** The out-of-sample result under evaluation: daily Sharpe 0.15 over 100 sessions, skewness -0.3, kurtosis 4.5. */
function backtestOf(
  dailySharpe: number | null,
  foldSharpes: readonly (number | null)[] = [1, -0.5, null],
): BacktestOosResult {
  return {
    resultKey: 'experiments/data/test/sets/s1/backtests/x.json',
    metrics: { sharpe: dailySharpe === null ? null : dailySharpe * Math.sqrt(252), trades: 10 },
    folds: foldSharpes.map((sharpe, fold) => ({
      fold,
      test_from: '2024-01-02T14:30:00.000Z',
      test_to: '2024-01-31T20:55:00.000Z',
      sharpe,
      total_return: 0,
      trades: 3,
      ic: null,
      best_iteration: 5,
    })),
    daily: { n: 100, sharpe: dailySharpe, skew: -0.3, kurtosis: 4.5 },
  };
}

function preparedOf(configHash: string, target = 'direction_5'): PreparedExperiment {
  const base = testPrepared({ target }, configHash);
  return { ...base, target: { ...base.target, name: target } };
}

/** Puts a finished experiment into the history. */
async function remember(
  kit: StepTestDeps,
  id: string,
  prepared: PreparedExperiment,
  dailySharpe: number | null,
  startedAt: string,
): Promise<void> {
  const input: RecordInput = {
    experimentId: id,
    prepared,
    backtest: backtestOf(dailySharpe),
    evaluation: { verdict: 'iterate', reasons: [], oos_sharpe: null, deflated_sharpe: null, trials: 1 },
    report: { reportKey: `experiments/reports/${id}.html`, reportPath: null },
    startedAt,
  };
  await recordExperiment(kit.deps, input);
}

// Reference values from Python's statistics.NormalDist (an implementation independent of core/analytics) with
// Bailey and Lopez de Prado's formulas: SR0 = sqrt(V) ((1 - g) Phi^-1(1 - 1/N) + g Phi^-1(1 - 1/(N e))),
// DSR = Phi((SR - SR0) sqrt(T - 1) / sqrt(1 - skew SR + (kurtosis - 1) / 4 SR^2)), g the Euler-Mascheroni constant.
// SR = 0.15, T = 100, skew = -0.3, kurtosis = 4.5.
const DSR_ONE_TRIAL = 0.9259718508318822; // N = 1: SR0 = 0
const DSR_TWO_TRIALS = 0.8378634125118041; // N = 2, V = (0.15 - 0.02)^2 / 2 = 0.00845
const DSR_THREE_TRIALS = 0.7550589518602716; // N = 3, the same V

describe('evaluateExperiment', () => {
  let kit: StepTestDeps;

  beforeEach(async () => {
    kit = await stepTestDeps();
  });

  afterEach(async () => {
    await kit.cleanup();
  });

  it('counts a config run before as the same trial, and deflates with one trial', async () => {
    const prepared = preparedOf('aaaaaaaaaaaaaaaa');
    await remember(kit, 'run-1', prepared, 0.1, '2026-11-01T10:00:00.000Z');
    await remember(kit, 'run-2', prepared, 0.12, '2026-11-02T10:00:00.000Z');

    const result = await evaluateExperiment(kit.deps, { prepared, backtest: backtestOf(0.15) });

    expect(result.trials).toBe(1);
    expect(result.deflated_sharpe).toBeCloseTo(DSR_ONE_TRIAL, 10);
  });

  it('counts a different config with the same target as a second trial, with the variance of their Sharpes', async () => {
    const prepared = preparedOf('aaaaaaaaaaaaaaaa');
    await remember(kit, 'run-1', prepared, 0.9, '2026-11-01T10:00:00.000Z');
    await remember(kit, 'run-2', preparedOf('bbbbbbbbbbbbbbbb'), 0.02, '2026-11-02T10:00:00.000Z');
    await remember(kit, 'run-3', preparedOf('cccccccccccccccc', 'forward_return_5'), 3, '2026-11-03T10:00:00.000Z');
    await remember(kit, 'run-4', preparedOf('dddddddddddddddd'), null, '2026-11-04T10:00:00.000Z');
    const input: EvaluateInput = { prepared, backtest: backtestOf(0.15) };

    const result = await evaluateExperiment(kit.deps, input);

    expect(result.trials, 'a, b and d share the target; c does not count').toBe(3);
    // d has no Sharpe: it is a trial, but the spread comes from a (this run: 0.15, not the older 0.9) and b (0.02).
    expect(result.deflated_sharpe).toBeCloseTo(DSR_THREE_TRIALS, 10);
    await kit.store.delete('experiments/records/dddddddddddddddd/run-4.json');
    const two = await evaluateExperiment(kit.deps, input);
    expect(two.trials).toBe(2);
    expect(two.deflated_sharpe).toBeCloseTo(DSR_TWO_TRIALS, 10);
  });

  it('decides the verdict from the experiment thresholds and gives its reasons', async () => {
    const prepared = preparedOf('aaaaaaaaaaaaaaaa');

    const result = await evaluateExperiment(kit.deps, { prepared, backtest: backtestOf(0.15) });

    expect(result.verdict).toBe('iterate');
    expect(result.oos_sharpe).toBeCloseTo(0.15 * Math.sqrt(252), 12);
    expect(result.reasons).toEqual([
      'out-of-sample Sharpe 2.38 reaches the 1.00 needed for promising',
      'deflated Sharpe 0.93 is below the 0.95 needed for promising',
      '1 of 3 folds (33%) have a positive Sharpe, below the 60% needed for promising',
    ]);
  });

  it('kills an experiment whose out-of-sample Sharpe is undefined, with a null deflated Sharpe', async () => {
    const prepared = preparedOf('aaaaaaaaaaaaaaaa');

    const result = await evaluateExperiment(kit.deps, { prepared, backtest: backtestOf(null) });

    expect(result).toEqual({
      verdict: 'kill',
      reasons: ['out-of-sample Sharpe is undefined (fewer than two daily returns, or no variation)'],
      oos_sharpe: null,
      deflated_sharpe: null,
      trials: 1,
    });
  });

  it('uses the thresholds of the experiment config', async () => {
    const prepared = testPrepared(
      { verdict: { promising_deflated_sharpe: 0.9, promising_oos_sharpe: 2, min_positive_folds: 0.3 } },
      'eeeeeeeeeeeeeeee',
    );

    const result = await evaluateExperiment(kit.deps, { prepared, backtest: backtestOf(0.15) });

    expect(result.verdict).toBe('promising');
    expect(result.reasons[1]).toBe('deflated Sharpe 0.93 reaches the 0.90 needed for promising');
  });
});
