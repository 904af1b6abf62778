import { checkOrder, riskDecisionLog } from '../risk/index.js';
import type { EngineCommand } from '../trading/commands.js';
import type { StrategyId } from '../trading/ids.js';
import { OrderPurpose, OrderStatus, OrderType, Side, type OrderRecord, type OrderRequest } from '../trading/types.js';
import type { EngineState } from './EngineState.js';
import { logRecord } from './logRecord.js';
import { buildRiskContext } from './riskContext.js';

/**
 * True when the risk manager holds back the cancel of a strategy's working orders in a ticker. The checks count
 * working orders as if filled, so a working exit has already given its ticker's share of every limit back (and
 * another entry may have taken it); cancelling the exit puts the position back as surely as an order the other
 * way would. So the cancel is judged as that order: the rest of the orders about to be cancelled (those not
 * already pending cancel), the other way, through `checkOrder`. Anything short of a full approval holds the cancel
 * (the working orders go on and may fill; the next signal starts from there) and is logged with the decision.
 * Cancelling orders that add risk is a reduction and always passes; approvals are not logged, as a cancel is not
 * an order and most cancels are of entries.
 */
export function cancelHeldByRisk(
  state: EngineState,
  strategy: StrategyId,
  ticker: string,
  ts: number,
  out: EngineCommand[],
): boolean {
  const orders = state.orders;
  let rest = 0;
  let first: OrderRecord | null = null;
  for (let i = 0; i < orders.working.length; i++) {
    const record = orders.orders.get(orders.working[i]!)!;
    const request = record.request;
    if (request.strategy !== strategy || request.ticker !== ticker || record.status === OrderStatus.PENDING_CANCEL) {
      continue;
    }
    first ??= record;
    const open = Math.max(0, record.quantity - record.filledQuantity);
    rest += request.side === Side.BUY ? open : -open;
  }
  if (rest === 0 || first === null) return false;
  // Named after the first order to cancel, for the log; never registered or sent.
  const request: OrderRequest = {
    clientOrderId: first.request.clientOrderId,
    strategy,
    ticker,
    side: rest > 0 ? Side.SELL : Side.BUY,
    quantity: Math.abs(rest),
    type: OrderType.MARKET,
    limitPrice: null,
    purpose: OrderPurpose.ENTRY,
    createdTs: ts,
  };
  const decision = checkOrder(request, buildRiskContext(state, ticker, ts), state.risk.limits);
  if (decision.outcome === 'APPROVE') return false;
  out.push(riskDecisionLog(decision, request, ts));
  out.push(
    logRecord(
      ts,
      'warn',
      'CANCEL_HELD',
      `cancel of ${strategy}'s working orders in ${ticker} held: it would put back ${request.quantity} shares (${decision.code})`,
      { strategy, ticker, restoredQuantity: -rest, riskCode: decision.code },
    ),
  );
  return true;
}
