import { addMicros, notional, toMicros } from '../money/money.js';
import type { Micros } from '../money/money.js';
import { executionId } from '../trading/ids.js';
import { OrderStatus, OrderType, Side } from '../trading/types.js';
import type { BrokerEvent } from './BrokerEvent.js';
import { cumulativeCommission } from './cumulativeCommission.js';
import { marketFillPrice } from './marketFillPrice.js';
import { orderStatusReported } from './orderStatusReported.js';
import type { SimBar } from './SimBar.js';
import type { SimBrokerState, SimOrder } from './SimBrokerState.js';

// Fractions such as 0.29 * 100 land just below the whole number in binary floating point.
const FLOOR_TOLERANCE = 1e-9;

/** Most shares one order may take in a bar: unlimited without a limit or with unknown (negative) volume. */
function participationCap(limit: number | null, volume: number): number {
  if (limit === null || volume < 0) return Number.POSITIVE_INFINITY;
  return Math.floor(limit * volume + FLOOR_TOLERANCE);
}

/** Fill price of a limit order, or null when the bar did not reach the limit. No slippage beyond the limit. */
function limitFillPrice(order: SimOrder, bar: SimBar): Micros | null {
  const limit = order.limitPrice as Micros;
  const open = toMicros(bar.open);
  if (order.side === Side.BUY) return toMicros(bar.low) <= limit ? (Math.min(open, limit) as Micros) : null;
  return toMicros(bar.high) >= limit ? (Math.max(open, limit) as Micros) : null;
}

/**
 * Fills what it can of an eligible order in `bar`, appending ExecutionReported then OrderStatusReported
 * (PARTIALLY_FILLED or FILLED) to `events`. Returns whether the order is still working.
 */
export function fillOrder(state: SimBrokerState, order: SimOrder, bar: SimBar, events: BrokerEvent[]): boolean {
  // Zero volume: nothing traded, so nothing can fill.
  if (bar.volume === 0) return true;
  const config = state.config;
  const quantity = Math.min(
    order.quantity - order.filledQuantity,
    participationCap(config.participationLimit, bar.volume),
  );
  if (quantity <= 0) return true;
  const price =
    order.type === OrderType.MARKET
      ? marketFillPrice(config.slippage, order.side, bar, quantity)
      : limitFillPrice(order, bar);
  if (price === null) return true;

  order.filledQuantity += quantity;
  order.filledValue = addMicros(order.filledValue, notional(price, quantity));
  const charged = cumulativeCommission(config.commission, order.filledQuantity, order.filledValue);
  const commission = (charged - order.commissionCharged) as Micros;
  order.commissionCharged = charged;
  state.lastExecutionNumber += 1;
  const ts = bar.barStart;
  events.push({
    type: 'ExecutionReported',
    ts,
    execution: {
      executionId: executionId(`SIM-${state.lastExecutionNumber}`),
      clientOrderId: order.clientOrderId,
      ticker: order.ticker,
      side: order.side,
      quantity,
      price,
      commission,
      ts,
      correctsExecutionId: null,
    },
  });
  const done = order.filledQuantity >= order.quantity;
  const status = done ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
  events.push(orderStatusReported(ts, order.clientOrderId, order.brokerOrderId, status, null));
  return !done;
}
