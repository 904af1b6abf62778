import type { ExperimentResult } from '../../core/experiment/contracts.js';

const show = (value: number | null | undefined, digits = 2): string =>
  value === null || value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits);

/** The verdict table `intraday demo` and `intraday experiment run` print. */
export function formatResult(result: ExperimentResult): string {
  const m = result.metrics;
  const lines = [
    `experiment ${result.name} (${result.experiment_id})`,
    `hypothesis: ${result.hypothesis}`,
    '',
    `verdict: ${result.verdict.toUpperCase()}`,
    ...result.reasons.map((reason) => `  - ${reason}`),
    '',
    'oos_sharpe  deflated_sharpe  trials  folds  trades  total_return  max_drawdown  costs',
    [
      show(result.oos_sharpe).padStart(10),
      show(result.deflated_sharpe, 3).padStart(15),
      String(result.trials).padStart(6),
      String(result.folds).padStart(5),
      String(result.trades).padStart(6),
      `${show((m['total_return'] ?? NaN) * 100)}%`.padStart(12),
      `${show((m['max_drawdown'] ?? NaN) * 100)}%`.padStart(12),
      `$${show(m['costs'])}`.padStart(6),
    ].join('  '),
    '',
    'fold  test window                sharpe   return  trades      ic',
    ...result.fold_results.map((fold) =>
      [
        String(fold.fold).padStart(4),
        `${fold.test_from.slice(0, 10)} .. ${fold.test_to.slice(0, 10)}`.padEnd(25),
        show(fold.sharpe).padStart(7),
        `${show(fold.total_return * 100)}%`.padStart(8),
        String(fold.trades).padStart(6),
        show(fold.ic, 3).padStart(7),
      ].join('  '),
    ),
    '',
    `steps: ${Object.entries(result.steps)
      .map(([step, seconds]) => `${step} ${seconds.toFixed(1)} s`)
      .join(', ')}`,
    `report: ${result.report}`,
  ];
  return lines.join('\n');
}
