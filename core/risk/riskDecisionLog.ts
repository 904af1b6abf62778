import { toDollars } from '../money/money.js';
import type { LogRecord } from '../trading/commands.js';
import type { OrderRequest } from '../trading/types.js';
import type { RiskDecision, RiskDetails } from './RiskDecision.js';
import { renderRiskMessage } from './renderRiskMessage.js';

/**
 * The log record of one risk decision (every decision becomes one, approvals included): code = the decision's
 * code, context = the order's identity and the decided quantity followed by the deciding check's details,
 * message = that context rendered as `CODE: key=value, ...`. Level info for APPROVE, warn otherwise.
 */
export function riskDecisionLog(decision: RiskDecision, order: OrderRequest, ts: number): LogRecord {
  const context: RiskDetails = {
    outcome: decision.outcome,
    clientOrderId: order.clientOrderId,
    strategy: order.strategy,
    ticker: order.ticker,
    side: order.side,
    type: order.type,
    purpose: order.purpose,
    limitPrice: order.limitPrice === null ? null : toDollars(order.limitPrice),
    requestedQuantity: order.quantity,
    quantity: decision.quantity,
    ...decision.context,
  };
  return {
    type: 'LogRecord',
    ts,
    level: decision.outcome === 'APPROVE' ? 'info' : 'warn',
    code: decision.code,
    message: renderRiskMessage(decision.code, context),
    context,
  };
}
