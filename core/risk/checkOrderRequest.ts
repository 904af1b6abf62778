import type { OrderRequest } from '../trading/types.js';
import { deny } from './findings.js';
import { RiskCode } from './RiskCode.js';
import type { Denial } from './RiskDecision.js';

/**
 * Rejects a malformed order (`RISK_INVALID_ORDER`): quantity not a positive whole number, side not BUY/SELL, type
 * not MARKET/LIMIT, a LIMIT order without a positive whole micro-dollar price, or an empty ticker. Such an order
 * is a bug upstream; it is rejected (and logged) rather than thrown so the live process keeps managing risk.
 */
export function checkOrderRequest(order: OrderRequest): Denial | null {
  const { quantity, side, type, limitPrice, ticker } = order;
  if (!(Number.isSafeInteger(quantity) && quantity > 0)) return invalid('quantity', quantity);
  if (side !== 'BUY' && side !== 'SELL') return invalid('side', side);
  if (type !== 'MARKET' && type !== 'LIMIT') return invalid('type', type);
  if (type === 'LIMIT' && !(limitPrice !== null && Number.isSafeInteger(limitPrice) && limitPrice > 0)) {
    return invalid('limitPrice', limitPrice);
  }
  if (typeof ticker !== 'string' || ticker.length === 0) return invalid('ticker', ticker);
  return null;
}

const invalid = (field: string, value: unknown): Denial =>
  deny(RiskCode.INVALID_ORDER, {
    field,
    value: typeof value === 'number' || typeof value === 'string' || value === null ? value : String(value),
  });
