import type { GatewayState, PositionRecord, StockContract } from './GatewayState.js';
import { GatewayState as State } from './GatewayState.js';

/**
 * Applies a signed quantity at a price to an account's position and cash. The average cost moves only when the
 * position grows (weighted by quantity) or flips (the fill price); a reduction realizes (price - avgCost) per share.
 * Returns the realized P&L, or undefined for a fill that only opens or adds.
 */
export function applyFill(
  state: GatewayState,
  account: string,
  contract: StockContract,
  signedQuantity: number,
  price: number,
  commission: number,
): { position: PositionRecord; realizedPnl: number | undefined } {
  const key = State.positionKey(account, contract.symbol);
  const position = state.positions.get(key) ?? { account, contract, quantity: 0, avgCost: 0 };
  state.positions.set(key, position);
  const before = position.quantity;
  const after = before + signedQuantity;
  let realizedPnl: number | undefined;
  if (before === 0 || Math.sign(before) === Math.sign(signedQuantity)) {
    position.avgCost = (position.avgCost * Math.abs(before) + price * Math.abs(signedQuantity)) / Math.abs(after);
  } else {
    const closed = Math.min(Math.abs(before), Math.abs(signedQuantity));
    realizedPnl = round((price - position.avgCost) * closed * Math.sign(before) - commission, 2);
    if (after === 0) position.avgCost = 0;
    else if (Math.sign(after) !== Math.sign(before)) position.avgCost = price;
  }
  position.quantity = after;
  state.cash.set(account, (state.cash.get(account) ?? 0) - signedQuantity * price - commission);
  return { position, realizedPnl };
}

/**
 * Moves an execution's price after a correction: the position's cost and the cash change as if the shares had
 * traded at the new price from the start.
 */
export function applyPriceCorrection(
  state: GatewayState,
  account: string,
  symbol: string,
  signedQuantity: number,
  oldPrice: number,
  newPrice: number,
): PositionRecord | undefined {
  const position = state.positions.get(State.positionKey(account, symbol));
  state.cash.set(account, (state.cash.get(account) ?? 0) - signedQuantity * (newPrice - oldPrice));
  if (position && position.quantity !== 0) {
    position.avgCost += (signedQuantity * (newPrice - oldPrice)) / position.quantity;
  }
  return position;
}

/** IBKR fixed pricing: a rate per share, at least 1.00 and at most 1% of the trade value. */
export function commissionFor(shares: number, price: number, perShare = 0.005): number {
  return round(Math.min(Math.max(shares * perShare, 1), shares * price * 0.01), 2);
}

/** Account values for reqAccountSummary and reqAccountUpdates; positions are marked at `priceOf` (or cost). */
export function accountValues(
  state: GatewayState,
  account: string,
  priceOf: (symbol: string) => number | undefined,
): Map<string, string> {
  let gross = 0;
  let net = state.cash.get(account) ?? 0;
  for (const position of state.positions.values()) {
    if (position.account !== account) continue;
    const value = position.quantity * (priceOf(position.contract.symbol) ?? position.avgCost);
    net += value;
    gross += Math.abs(value);
  }
  const margin = 0.25 * gross;
  const text = (value: number): string => round(value, 2).toFixed(2);
  return new Map([
    ['AccountType', 'INDIVIDUAL'],
    ['NetLiquidation', text(net)],
    ['TotalCashValue', text(state.cash.get(account) ?? 0)],
    ['SettledCash', text(state.cash.get(account) ?? 0)],
    ['EquityWithLoanValue', text(net)],
    ['GrossPositionValue', text(gross)],
    ['InitMarginReq', text(margin)],
    ['MaintMarginReq', text(margin)],
    ['AvailableFunds', text(net - margin)],
    ['ExcessLiquidity', text(net - margin)],
    ['BuyingPower', text(4 * (net - margin))],
    ['Cushion', net === 0 ? '0' : round((net - margin) / net, 4).toString()],
    ['Leverage', net === 0 ? '0' : round(gross / net, 4).toString()],
  ]);
}

function round(value: number, digits: number): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}
