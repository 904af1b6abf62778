import { BacktestConfigSchema, type BacktestConfig } from '../../config/backtest.js';
import { CostsSchema } from '../../config/experiment.js';
import type { PreparedExperiment } from '../../core/experiment/contracts.js';
import { BadExperimentConfigError } from './errors.js';

/**
 * The backtest settings of an experiment's `costs` section, as `intraday backtest --config` would take them:
 *
 * - `model: ibkr`: IBKR Pro fixed commission at the schema's defaults ($0.005 a share, $1 minimum, at most 1% of
 *   the trade value) and fixed slippage of `slippage_bps` per fill (none when 0);
 * - `model: none`: no commission and no slippage, whatever `slippage_bps` says (the CLI's `--costs none`): the
 *   section describes it as "no costs";
 * - `initial_cash` as given; everything else (participation limit 10% of a bar's volume, no extra latency, the
 *   strategy name `model`) at the backtest schema's defaults, so the experiment and the CLI simulate alike.
 */
export function backtestSettingsOf(prepared: PreparedExperiment): BacktestConfig {
  const parsed = CostsSchema.safeParse(prepared.config['costs'] ?? {});
  if (!parsed.success) {
    throw new BadExperimentConfigError(
      `experiment ${prepared.name}: costs ${JSON.stringify(prepared.config['costs'])} is not a valid costs section (${parsed.error.issues
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ')})`,
    );
  }
  const costs = parsed.data;
  return BacktestConfigSchema.parse({
    initial_cash: costs.initial_cash,
    slippage:
      costs.model === 'none' || costs.slippage_bps === 0
        ? { model: 'none' }
        : { model: 'fixed_bps', bps: costs.slippage_bps },
    commission: costs.model === 'none' ? { model: 'none' } : { model: 'ibkr_fixed' },
  });
}
