import { toDollars } from '../money/money.js';
import type { LogRecord } from '../trading/commands.js';
import type { OrderRequest } from '../trading/types.js';
import type { RiskDecision, RiskDetails } from './RiskDecision.js';
import { renderRiskMessage, renderValue } from './renderRiskMessage.js';

/**
 * The log record of one risk decision (every decision becomes one, approvals included): code = the decision's
 * code, context = the order's identity and the decided quantity followed by the deciding check's details,
 * message = that context rendered as `CODE: key=value, ...`. Level info for APPROVE, warn otherwise.
 *
 * A backtest logs a decision for every order it considers (about 140,000 on the benchmark), so this is built
 * without an object spread and with the fixed part of the message written out: the same text `renderRiskMessage`
 * gives for the same context (a detail that repeats an order field overwrites it in place, as a spread does, and
 * then the message is rendered from the finished context).
 */
export function riskDecisionLog(decision: RiskDecision, order: OrderRequest, ts: number): LogRecord {
  const limitPrice = order.limitPrice === null ? null : toDollars(order.limitPrice);
  const context: RiskDetails = {
    outcome: decision.outcome,
    clientOrderId: order.clientOrderId,
    strategy: order.strategy,
    ticker: order.ticker,
    side: order.side,
    type: order.type,
    purpose: order.purpose,
    limitPrice,
    requestedQuantity: order.quantity,
    quantity: decision.quantity,
  };
  const details = decision.context;
  let tail = '';
  let overwrites = false;
  for (const key in details) {
    const value = details[key]!;
    if (key in context) overwrites = true;
    context[key] = value;
    tail += ', ' + key + '=' + renderValue(value);
  }
  const message = overwrites
    ? renderRiskMessage(decision.code, context)
    : decision.code +
      ': outcome=' +
      renderValue(decision.outcome) +
      ', clientOrderId=' +
      renderValue(order.clientOrderId) +
      ', strategy=' +
      renderValue(order.strategy) +
      ', ticker=' +
      renderValue(order.ticker) +
      ', side=' +
      renderValue(order.side) +
      ', type=' +
      renderValue(order.type) +
      ', purpose=' +
      renderValue(order.purpose) +
      ', limitPrice=' +
      String(limitPrice) +
      ', requestedQuantity=' +
      renderValue(order.quantity) +
      ', quantity=' +
      String(decision.quantity) +
      tail;
  return {
    type: 'LogRecord',
    ts,
    level: decision.outcome === 'APPROVE' ? 'info' : 'warn',
    code: decision.code,
    message,
    context,
  };
}
