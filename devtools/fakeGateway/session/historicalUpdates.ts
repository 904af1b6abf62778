import { historicalDataUpdateMessage } from '../encode/tickMessages.js';
import { formatIbDateTime } from '../market/ibTime.js';
import type { GatewayContext } from './GatewayContext.js';
import type { Session } from './Session.js';

const DEFAULT_PRICE = 100;

/** A keepUpToDate historical request that gets HISTORICAL_DATA_UPDATE after its initial bars. */
export interface HistoricalUpdateSubscription {
  readonly reqId: number;
  readonly symbol: string;
  readonly barSeconds: number;
  readonly formatDate: number;
  updates: number;
}

/**
 * Sends one update of the bar that contains the clock time (its start aligned to the bar size in epoch time),
 * with the fixture price as open, high, low and close, as TWS sends the bar in progress.
 */
export function sendHistoricalUpdate(
  context: GatewayContext,
  session: Session,
  subscription: HistoricalUpdateSubscription,
): void {
  const now = context.clock.now();
  const barMs = subscription.barSeconds * 1_000;
  const start = now - (now % barMs);
  const price = context.bars.priceAt(subscription.symbol, now) ?? DEFAULT_PRICE;
  subscription.updates += 1;
  const date = subscription.formatDate === 2 ? String(start / 1_000) : formatIbDateTime(start, context.config.zone);
  const bar = { open: price, high: price, low: price, close: price, wap: price, volume: 100 * subscription.updates };
  session.send(historicalDataUpdateMessage(subscription.reqId, subscription.updates, date, bar));
}
