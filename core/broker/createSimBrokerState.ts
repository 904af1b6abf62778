import { InvalidSimBrokerConfigError } from './errors.js';
import { FillPolicy, defaultSimBrokerConfig } from './SimBrokerConfig.js';
import type { SimBrokerConfig } from './SimBrokerConfig.js';
import type { SimBrokerState } from './SimBrokerState.js';

const isNonNegative = (value: number): boolean => Number.isFinite(value) && value >= 0;

function checkConfig(config: SimBrokerConfig): void {
  if (config.fillPolicy !== FillPolicy.NEXT_BAR_OPEN) {
    throw new InvalidSimBrokerConfigError('fillPolicy', FillPolicy.NEXT_BAR_OPEN, config.fillPolicy);
  }
  const slippage = config.slippage;
  if (slippage.model === 'fixed_bps' && !isNonNegative(slippage.bps)) {
    throw new InvalidSimBrokerConfigError('slippage.bps', 'a number >= 0', slippage.bps);
  }
  if (
    (slippage.model === 'half_spread' || slippage.model === 'volume_participation') &&
    !isNonNegative(slippage.fallbackBps)
  ) {
    throw new InvalidSimBrokerConfigError('slippage.fallbackBps', 'a number >= 0', slippage.fallbackBps);
  }
  if (slippage.model === 'volume_participation' && !isNonNegative(slippage.coefficient)) {
    throw new InvalidSimBrokerConfigError('slippage.coefficient', 'a number >= 0', slippage.coefficient);
  }
  const commission = config.commission;
  if (commission.model === 'ibkr_fixed') {
    for (const key of ['perShare', 'minimum', 'maximumPctOfValue'] as const) {
      if (!isNonNegative(commission[key])) {
        throw new InvalidSimBrokerConfigError(`commission.${key}`, 'a number >= 0', commission[key]);
      }
    }
  }
  const limit = config.participationLimit;
  if (limit !== null && !(Number.isFinite(limit) && limit > 0 && limit <= 1)) {
    throw new InvalidSimBrokerConfigError('participationLimit', 'null or a fraction in (0, 1]', limit);
  }
  if (!Number.isInteger(config.latencyBars) || config.latencyBars < 0) {
    throw new InvalidSimBrokerConfigError('latencyBars', 'a whole number >= 0', config.latencyBars);
  }
}

/** A fresh simulated broker with no orders; throws INVALID_SIM_BROKER_CONFIG for settings out of range. */
export function createSimBrokerState(config: SimBrokerConfig = defaultSimBrokerConfig): SimBrokerState {
  checkConfig(config);
  return { config, working: {}, tickerOf: new Map(), workingCount: 0, lastOrderNumber: 0, lastExecutionNumber: 0 };
}
