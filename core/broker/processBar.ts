import { newYorkDayOf } from '../calendar/newYorkDayOf.js';
import { OrderStatus } from '../trading/types.js';
import type { BrokerEvent } from './BrokerEvent.js';
import { BrokerReason } from './BrokerReason.js';
import { InvalidSimBarError } from './errors.js';
import { fillOrder } from './fillOrder.js';
import { orderStatusReported } from './orderStatusReported.js';
import type { SimBar } from './SimBar.js';
import type { SimBrokerState, SimOrder } from './SimBrokerState.js';

const NO_EVENTS: readonly BrokerEvent[] = Object.freeze([]);

function checkPrice(bar: SimBar, field: 'open' | 'high' | 'low'): void {
  const value = bar[field];
  if (!(Number.isFinite(value) && value > 0)) {
    throw new InvalidSimBarError(bar.ticker, bar.barStart, field, 'a finite positive number', value);
  }
}

function checkBar(bar: SimBar): void {
  checkPrice(bar, 'open');
  checkPrice(bar, 'high');
  checkPrice(bar, 'low');
  if (Number.isNaN(bar.volume)) {
    throw new InvalidSimBarError(bar.ticker, bar.barStart, 'volume', 'a number (-1 when unknown)', bar.volume);
  }
}

/** Steps one order through `bar`: day end, latency, then a fill attempt. Returns whether it is still working. */
function stepOrder(state: SimBrokerState, order: SimOrder, bar: SimBar, day: number, events: BrokerEvent[]): boolean {
  // A bar that opened before the order existed is history: its open cannot be traded.
  if (bar.barStart < order.submittedTs) return true;
  if (order.sessionDay === 0) {
    order.sessionDay = day;
  } else if (day !== order.sessionDay) {
    const reason = BrokerReason.END_OF_DAY;
    events.push(
      orderStatusReported(bar.barStart, order.clientOrderId, order.brokerOrderId, OrderStatus.CANCELLED, reason),
    );
    return false;
  }
  if (order.barsToWait > 0) {
    order.barsToWait -= 1;
    return true;
  }
  return fillOrder(state, order, bar, events);
}

/**
 * Runs one bar of one ticker through the working orders of that ticker, in submission order, and returns the
 * broker events it causes (executions at the bar start, status changes, END_OF_DAY cancels). Call it for each
 * bar before the engine sees that bar's close, so no order can fill at prices of the bar that decided it.
 * Throws INVALID_SIM_BAR for a non-positive or non-finite open, high or low, or a NaN volume.
 */
export function processBar(state: SimBrokerState, bar: SimBar): readonly BrokerEvent[] {
  // Most bars meet no working order: one shared empty answer instead of an array per bar.
  if (state.workingCount === 0) return NO_EVENTS;
  const orders = state.working[bar.ticker] as SimOrder[] | undefined;
  if (orders === undefined || orders.length === 0) return NO_EVENTS;
  const events: BrokerEvent[] = [];
  checkBar(bar);
  // With day ends off every bar counts as the same day (1), so no order is ever cancelled for its age.
  const day = state.config.cancelAtEndOfDay ? newYorkDayOf(bar.barStart) : 1;
  let kept = 0;
  for (let index = 0; index < orders.length; index++) {
    const order = orders[index];
    if (stepOrder(state, order, bar, day, events)) orders[kept++] = order;
    else state.tickerOf.delete(order.clientOrderId);
  }
  state.workingCount -= orders.length - kept;
  orders.length = kept;
  if (kept === 0) delete state.working[bar.ticker];
  return events;
}
