import { checkOrder, riskDecisionLog } from '../risk/index.js';
import { nextClientOrderId, registerOrder, requestCancel, toLogRecord, workingOrders } from '../orders/index.js';
import { bookOf, positionQuantity } from '../portfolio/index.js';
import type { EngineCommand } from '../trading/commands.js';
import type { StrategyId } from '../trading/ids.js';
import { OrderPurpose, OrderStatus, OrderType, Side, type OrderRequest } from '../trading/types.js';
import { cancelHeldByRisk } from './cancelHeldByRisk.js';
import type { EngineState } from './EngineState.js';
import { buildRiskContext } from './riskContext.js';
import { workingShares } from './workingShares.js';
import { refreshWorkingPart } from './workingExposure.js';

/** Weight of the newest order in the typical order size (fat-finger reference). */
const TYPICAL_ALPHA = 0.1;

/**
 * Moves a strategy's position in a ticker to `target` shares through the risk manager; the only way an order
 * leaves the engine, so nothing can skip `checkOrder`. Working orders that already point the right way and do not
 * overshoot are topped up; any other working order of that strategy and ticker is cancelled first and nothing new
 * is sent until the broker confirms, so a rejected or late leg can never leave an unintended position behind. A
 * cancel that would put a position back goes through `checkOrder` too (`cancelHeldByRisk`).
 * `position` and `working` are the strategy's shares held and working in the ticker now (`positionQuantity`,
 * `workingShares`): every caller has just read them.
 */
export function orderTowards(
  state: EngineState,
  strategy: StrategyId,
  ticker: string,
  target: number,
  position: number,
  working: number,
  purposeHint: OrderPurpose | null,
  ts: number,
  out: EngineCommand[],
): void {
  const needed = target - position;
  if (working !== 0 && (Math.sign(working) !== Math.sign(needed) || Math.abs(working) > Math.abs(needed))) {
    // Cancelling a working exit puts its position back: the risk manager may hold that back.
    if (!cancelHeldByRisk(state, strategy, ticker, ts, out)) cancelWorking(state, strategy, ticker, ts, out);
    return;
  }
  const current = position + working;
  const delta = needed - working;
  if (delta === 0) return;
  const reduces = Math.abs(target) < Math.abs(current) && Math.sign(target) !== -Math.sign(current);
  const request: OrderRequest = {
    clientOrderId: nextClientOrderId(state.orders, strategy),
    strategy,
    ticker,
    side: delta > 0 ? Side.BUY : Side.SELL,
    quantity: Math.abs(delta),
    type: OrderType.MARKET,
    limitPrice: null,
    purpose: purposeHint ?? (reduces ? OrderPurpose.EXIT : OrderPurpose.ENTRY),
    createdTs: ts,
  };
  const decision = checkOrder(request, buildRiskContext(state, ticker, ts), state.risk.limits);
  out.push(riskDecisionLog(decision, request, ts));
  if (decision.outcome === 'REJECT' || decision.quantity <= 0) return;
  const order: OrderRequest =
    decision.quantity === request.quantity ? request : { ...request, quantity: decision.quantity };
  registerOrder(state.orders, order, ts);
  refreshWorkingPart(state, ticker);
  state.recentOrders.push(ts);
  const memory = state.tickers[ticker];
  if (memory) {
    memory.typicalQuantity =
      memory.typicalQuantity === 0
        ? order.quantity
        : memory.typicalQuantity + TYPICAL_ALPHA * (order.quantity - memory.typicalQuantity);
  }
  out.push({ type: 'SubmitOrder', ts, order });
}

/** Asks the broker to cancel every working order of a strategy in a ticker (once: pending cancels are left alone). */
function cancelWorking(
  state: EngineState,
  strategy: StrategyId,
  ticker: string,
  ts: number,
  out: EngineCommand[],
): void {
  for (const order of workingOrders(state.orders)) {
    const request = order.request;
    if (request.strategy !== strategy || request.ticker !== ticker || order.status === OrderStatus.PENDING_CANCEL) {
      continue;
    }
    const update = requestCancel(state.orders, request.clientOrderId, ts);
    for (const notice of update.notices) out.push(toLogRecord(notice, ts));
    if (update.outcome === 'APPLIED') out.push({ type: 'CancelOrder', ts, clientOrderId: request.clientOrderId });
  }
  // A pending cancel still counts as working; read the ticker again rather than rely on that.
  refreshWorkingPart(state, ticker);
}

/** Sends every strategy's every position (net of working orders) to zero. */
export function flattenAll(state: EngineState, ts: number, reason: string, out: EngineCommand[]): void {
  const strategies = state.strategies;
  for (let s = 0; s < strategies.length; s++) {
    const strategy = strategies[s]!;
    const tickers = heldOrWorked(state, strategy);
    for (let t = 0; t < tickers.length; t++) {
      const ticker = tickers[t]!;
      const position = positionQuantity(state.portfolio, ticker, strategy);
      const working = workingShares(state, ticker, strategy);
      const net = position + working;
      if (net === 0) continue;
      out.push({
        type: 'LogRecord',
        ts,
        level: 'info',
        code: reason,
        message: `flatten ${strategy} ${ticker}`,
        context: { strategy, ticker, quantity: net },
      });
      orderTowards(state, strategy, ticker, 0, position, working, OrderPurpose.FLATTEN, ts, out);
    }
  }
}

/**
 * The tickers a strategy holds or has working orders in, sorted: the only ones whose net can be non-zero. Sending
 * an order in one ticker changes no other ticker's net, so skipping the rest changes nothing but the cost, which
 * matters because a breached drawdown stop flattens on every bar. A single strategy's book is the account, whose
 * count of open positions ends the scan of a position map that keeps every ticker ever traded. A short array with
 * a linear duplicate check, not a Set: the list holds a handful of tickers, and the call comes on every bar while
 * the stop holds (a Set per call was a fifth of the backtest's allocation).
 */
function heldOrWorked(state: EngineState, strategy: StrategyId): readonly string[] {
  const orders = state.orders;
  let left = state.strategies.length === 1 ? state.portfolio.openPositions : Number.POSITIVE_INFINITY;
  if (left === 0 && orders.working.length === 0) return NONE;
  const tickers: string[] = [];
  const working = orders.working;
  for (let i = 0; i < working.length; i++) {
    const request = orders.orders.get(working[i]!)!.request;
    if (request.strategy === strategy && !tickers.includes(request.ticker)) tickers.push(request.ticker);
  }
  if (left > 0) {
    const positions = bookOf(state.portfolio, strategy).positions;
    for (const ticker in positions) {
      if (positions[ticker]!.quantity === 0) continue;
      if (!tickers.includes(ticker)) tickers.push(ticker);
      if (--left === 0) break;
    }
  }
  return tickers.length < 2 ? tickers : tickers.sort();
}

const NONE: readonly string[] = Object.freeze([]);
