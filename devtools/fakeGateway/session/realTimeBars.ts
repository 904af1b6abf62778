import { realTimeBarMessage } from '../encode/marketDataMessages.js';
import { ErrorCode, ErrorText } from '../errorTexts.js';
import { isSilenced } from '../faults.js';
import { intField } from '../protocol/fields.js';
import { parseContract } from '../protocol/parseContract.js';
import type { GatewayContext } from './GatewayContext.js';
import { sendHistoricalUpdate } from './historicalUpdates.js';
import { sendQuote } from './marketDataHandlers.js';
import type { RealTimeSubscription, Session } from './Session.js';

const BAR_SECONDS = 5;
const DEFAULT_PRICE = 100;

const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * reqRealTimeBars (`50|3|reqId|contract|barSize|whatToShow|useRTH|options`): only 5-second bars, at most 60 new
 * subscriptions per 10 minutes (error 420 beyond, recorded as a pacing violation), 200 for unknown stocks.
 */
export function handleRealTimeBars(context: GatewayContext, session: Session, fields: readonly string[]): void {
  const reqId = intField(fields[2], -1) as number;
  const contract = parseContract(fields, 3);
  if (session.realTimeBars.has(reqId)) {
    session.sendError(reqId, ErrorCode.DUPLICATE_TICKER_ID, ErrorText.duplicateTickerId(reqId));
    return;
  }
  if (isSilenced(context.faults, 'REQ_REAL_TIME_BARS')) return;
  if (!context.stockDetails(contract.symbol)) {
    session.sendError(reqId, ErrorCode.NO_SECURITY_DEFINITION, ErrorText.noSecurityDefinition);
    return;
  }
  if (fields[15] !== String(BAR_SECONDS)) {
    session.sendError(
      reqId,
      ErrorCode.VALIDATING_REQUEST,
      ErrorText.validating(`real-time bar size must be 5, was "${fields[15] ?? ''}"`),
    );
    return;
  }
  const identity = [contract.symbol, contract.exchange, fields[16], fields[17]].join('|');
  const rule = context.pacing.admitRealTimeBars(session.clientId ?? -1, reqId, identity);
  if (rule && context.faults.pacing === 'enforce') {
    session.sendError(reqId, ErrorCode.REAL_TIME_QUERY, ErrorText.realTimePacing);
    return;
  }
  const nowSeconds = Math.floor(context.clock.now() / 1_000);
  session.realTimeBars.set(reqId, {
    reqId,
    symbol: contract.symbol,
    nextBarTime: nowSeconds - (nowSeconds % BAR_SECONDS),
    lastClose: undefined,
  });
}

/** cancelRealTimeBars: the subscription stops; nothing is answered. */
export function handleCancelRealTimeBars(_context: GatewayContext, session: Session, fields: readonly string[]): void {
  session.realTimeBars.delete(intField(fields[2], -1) as number);
}

/**
 * The stream clock of the gateway. Sends one 5-second bar to every live subscription, on a real-time interval or on demand. Each subscription's bar
 * times advance by 5 s per bar from the subscription time (so an accelerated interval gives accelerated bar times);
 * prices follow the fixture close at the bar time (100 without fixtures), with a one-cent range around open and
 * close. Nothing is sent while connectivity is lost (an injected 1100).
 */
export class RealTimeBarFeed {
  private readonly context: GatewayContext;
  private readonly timer: NodeJS.Timeout | undefined;

  constructor(context: GatewayContext, intervalMs: number) {
    this.context = context;
    if (intervalMs > 0) {
      this.timer = setInterval(() => this.emitAll(), intervalMs);
      this.timer.unref();
    }
  }

  /** Sends the next bar of every subscription now, a quote to every market-data stream and keepUpToDate updates. */
  emitAll(): void {
    if (this.context.faults.connectivityLost) return;
    for (const session of this.context.sessions()) {
      for (const subscription of session.realTimeBars.values()) this.emit(session, subscription);
      for (const subscription of session.marketData.values()) sendQuote(this.context, session, subscription);
      for (const subscription of session.historicalUpdates.values()) {
        sendHistoricalUpdate(this.context, session, subscription);
      }
    }
  }

  /** Stops the interval. */
  stop(): void {
    clearInterval(this.timer);
  }

  private emit(session: Session, subscription: RealTimeSubscription): void {
    const time = subscription.nextBarTime;
    const close = this.context.bars.priceAt(subscription.symbol, time * 1_000) ?? DEFAULT_PRICE;
    const open = subscription.lastClose ?? close;
    const high = round(Math.max(open, close) + 0.01, 2);
    const low = round(Math.min(open, close) - 0.01, 2);
    const wap = round((high + low + close) / 3, 4);
    session.send(realTimeBarMessage(subscription.reqId, { time, open, high, low, close, volume: 100, wap, count: 1 }));
    subscription.nextBarTime = time + BAR_SECONDS;
    subscription.lastClose = close;
  }
}
