import { MICROS_PER_DOLLAR } from '../money/money.js';
import type { Micros } from '../money/money.js';
import type { CommissionModel } from './SimBrokerConfig.js';

/**
 * Commission for an order that has filled `quantity` shares worth `value` so far, as if all of it were one
 * execution: `min(max(perShare * quantity, minimum), maximumPctOfValue * value)`. The cap wins over the
 * minimum (100 shares at USD 0.50 pay USD 0.50, not 1.00). Each execution is charged the
 * increase of this amount, so the minimum is paid once per order and partial fills sum to the single-fill price.
 * @see https://www.interactivebrokers.com/en/pricing/commissions-stocks.php
 */
export function cumulativeCommission(model: CommissionModel, quantity: number, value: Micros): Micros {
  if (model.model === 'none' || quantity === 0) return 0 as Micros;
  const perShare = Math.round(model.perShare * MICROS_PER_DOLLAR * quantity);
  const minimum = Math.round(model.minimum * MICROS_PER_DOLLAR);
  const cap = Math.round(model.maximumPctOfValue * value);
  return Math.min(Math.max(perShare, minimum), cap) as Micros;
}
