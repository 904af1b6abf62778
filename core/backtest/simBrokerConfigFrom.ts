import type { BacktestConfig } from '../../config/backtest.js';
import { FillPolicy, type SimBrokerConfig } from '../broker/index.js';

/** The simulated broker's settings from a backtest config; `costs: 'none'` switches commission and slippage off. */
export function simBrokerConfigFrom(config: BacktestConfig, costs: 'config' | 'none' = 'config'): SimBrokerConfig {
  const slippage = config.slippage;
  const commission = config.commission;
  return {
    fillPolicy: FillPolicy.NEXT_BAR_OPEN,
    slippage:
      costs === 'none' || slippage.model === 'none'
        ? { model: 'none' }
        : slippage.model === 'fixed_bps'
          ? { model: 'fixed_bps', bps: slippage.bps }
          : slippage.model === 'half_spread'
            ? { model: 'half_spread', fallbackBps: slippage.fallback_bps }
            : { model: 'volume_participation', coefficient: slippage.coefficient, fallbackBps: 1 },
    commission:
      costs === 'none' || commission.model === 'none'
        ? { model: 'none' }
        : {
            model: 'ibkr_fixed',
            perShare: commission.per_share,
            minimum: commission.minimum,
            maximumPctOfValue: commission.maximum_pct_of_value,
          },
    participationLimit: config.participation_limit,
    latencyBars: config.latency_bars,
    cancelAtEndOfDay: true,
  };
}
