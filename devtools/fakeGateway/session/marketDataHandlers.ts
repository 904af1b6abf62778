import {
  TickType,
  marketDataTypeMessage,
  tickGenericMessage,
  tickPriceMessage,
  tickRequestParamsMessage,
  tickSizeMessage,
  tickSnapshotEndMessage,
  tickStringMessage,
} from '../encode/tickMessages.js';
import { ErrorCode, ErrorText } from '../errorTexts.js';
import { isSilenced } from '../faults.js';
import { boolField, intField } from '../protocol/fields.js';
import { parseContract } from '../protocol/parseContract.js';
import type { GatewayContext } from './GatewayContext.js';
import type { MarketDataSubscription, Session } from './Session.js';

const DEFAULT_PRICE = 100;

/**
 * reqMktData (`1|11|reqId|contract|deltaNeutral|genericTicks|snapshot|regulatorySnapshot|options`): tick
 * parameters, the market data type, then a quote (bid, ask, last with sizes, volume, last timestamp, halted) at the
 * fixture price of the clock time; a snapshot ends with TICK_SNAPSHOT_END, a stream gets a new quote with every
 * real-time bar tick. With the `marketDataNotSubscribed` fault: 354.
 */
export function handleMarketData(context: GatewayContext, session: Session, fields: readonly string[]): void {
  const reqId = intField(fields[2], -1) as number;
  const contract = parseContract(fields, 3);
  if (isSilenced(context.faults, 'REQ_MKT_DATA')) return;
  if (session.marketData.has(reqId)) {
    session.sendError(reqId, ErrorCode.DUPLICATE_TICKER_ID, ErrorText.duplicateTickerId(reqId));
    return;
  }
  if (!context.stockDetails(contract.symbol)) {
    session.sendError(reqId, ErrorCode.NO_SECURITY_DEFINITION, ErrorText.noSecurityDefinition);
    return;
  }
  if (context.faults.marketDataNotSubscribed) {
    session.sendError(reqId, ErrorCode.MARKET_DATA_NOT_SUBSCRIBED, ErrorText.marketDataNotSubscribed);
    return;
  }
  const subscription: MarketDataSubscription = { reqId, symbol: contract.symbol, volume: 0 };
  session.send(tickRequestParamsMessage(reqId));
  session.send(marketDataTypeMessage(reqId, session.marketDataType));
  sendQuote(context, session, subscription);
  if (boolField(fields[17]) || boolField(fields[18])) {
    session.send(tickSnapshotEndMessage(reqId));
    return;
  }
  session.marketData.set(reqId, subscription);
}

/** cancelMktData: the stream stops; nothing is answered. */
export function handleCancelMarketData(_context: GatewayContext, session: Session, fields: readonly string[]): void {
  session.marketData.delete(intField(fields[2], -1) as number);
}

/** reqMarketDataType (1 live, 2 frozen, 3 delayed, 4 delayed frozen): later quotes use the delayed tick types. */
export function handleMarketDataType(_context: GatewayContext, session: Session, fields: readonly string[]): void {
  const type = intField(fields[2], 1) as number;
  session.marketDataType = type >= 1 && type <= 4 ? type : 1;
}

/** Sends one quote of a subscription: bid and ask a cent around the fixture price, last at the price. */
export function sendQuote(context: GatewayContext, session: Session, subscription: MarketDataSubscription): void {
  const now = context.clock.now();
  const price = context.bars.priceAt(subscription.symbol, now) ?? DEFAULT_PRICE;
  const delayed = session.marketDataType >= 3;
  const { reqId } = subscription;
  subscription.volume += 100;
  session.send(tickPriceMessage(reqId, delayed ? TickType.DELAYED_BID : TickType.BID, round(price - 0.01), 300));
  session.send(tickPriceMessage(reqId, delayed ? TickType.DELAYED_ASK : TickType.ASK, round(price + 0.01), 200));
  session.send(tickPriceMessage(reqId, delayed ? TickType.DELAYED_LAST : TickType.LAST, price, 100));
  session.send(tickSizeMessage(reqId, delayed ? TickType.DELAYED_VOLUME : TickType.VOLUME, subscription.volume));
  const timestamp = String(Math.floor(now / 1_000));
  session.send(
    tickStringMessage(reqId, delayed ? TickType.DELAYED_LAST_TIMESTAMP : TickType.LAST_TIMESTAMP, timestamp),
  );
  session.send(tickGenericMessage(reqId, TickType.HALTED, 0));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
