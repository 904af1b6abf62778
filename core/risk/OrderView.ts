import type { Micros } from '../money/money.js';
import type { OrderRequest } from '../trading/types.js';
import type { RiskContext } from './RiskContext.js';

/**
 * An order as the checks see it, derived once per `checkOrder` call. "Effective" means filled plus working: the
 * checks count working orders as if filled. Only `quantity` changes: each RESIZE lowers it for the later checks.
 */
export interface OrderView {
  readonly order: OrderRequest;
  /** +1 for a buy, -1 for a sell. */
  readonly sign: 1 | -1;
  /** The quantity under check: the order's, lowered by earlier resizes. */
  quantity: number;
  /** Filled plus working shares in the order's ticker (signed; NaN when the context holds no number there). */
  readonly effectivePosition: number;
  /**
   * How many shares of an order on this side move the effective position toward zero without crossing it:
   * `|effectivePosition|` when the order is on the other side of it, else 0. Shares beyond it are new risk.
   */
  readonly reducibleQuantity: number;
  /** The order's reference price: the last price of its ticker, or null when unknown. */
  readonly price: Micros | null;
  /** Sum over the other tickers of `|effective position| x mark` (micro-dollars). */
  readonly otherGross: number;
  /** Sum over the other tickers of `effective position x mark` (micro-dollars, signed). */
  readonly otherNet: number;
  /** Other tickers with a non-zero effective position. */
  readonly otherPositions: number;
  /** The first other ticker held without a positive mark, or null. */
  readonly unmarkedTicker: string | null;
  /** The first ticker whose position or working quantity is not a finite number, or null. */
  readonly invalidTicker: string | null;
}

/** True when part of the order (at its current quantity) is new risk rather than a reduction. */
export const addsRisk = (view: OrderView): boolean => view.quantity > view.reducibleQuantity;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Builds the view of `order` against `context`: one pass over the tickers held or worked, or none when the context
 * brings the totals; one object.
 */
export function viewOrder(order: OrderRequest, context: RiskContext): OrderView {
  const { positions, openOrderQuantity: working, marks } = context;
  const ticker = order.ticker;
  const sign = order.side === 'BUY' ? 1 : -1;
  const effectivePosition = (positions[ticker] ?? 0) + (working[ticker] ?? 0);
  const valid = Number.isFinite(effectivePosition);
  const view: Mutable<OrderView> = {
    order,
    sign,
    quantity: order.quantity,
    effectivePosition,
    reducibleQuantity: !valid || sign * effectivePosition >= 0 ? 0 : Math.abs(effectivePosition),
    price: context.lastPrice,
    otherGross: 0,
    otherNet: 0,
    otherPositions: 0,
    unmarkedTicker: null,
    invalidTicker: valid ? null : ticker,
  };
  const totals = context.totals;
  if (totals !== undefined && valid) {
    // Exact whole numbers (see `RiskContext.totals`): the order's ticker comes off without any rounding.
    const mark = effectivePosition === 0 ? 0 : marks[ticker]!;
    view.otherGross = totals.gross - Math.abs(effectivePosition) * mark;
    view.otherNet = totals.net - effectivePosition * mark;
    view.otherPositions = totals.positions - (effectivePosition === 0 ? 0 : 1);
    return view;
  }
  for (const name in positions) {
    if (name !== ticker) addOther(view, marks, name, positions[name]! + (working[name] ?? 0));
  }
  for (const name in working) {
    if (name !== ticker && positions[name] === undefined) addOther(view, marks, name, working[name]!);
  }
  return view;
}

function addOther(view: Mutable<OrderView>, marks: RiskContext['marks'], name: string, shares: number): void {
  if (!Number.isFinite(shares)) {
    view.invalidTicker ??= name;
    return;
  }
  if (shares === 0) return;
  view.otherPositions += 1;
  const mark = marks[name];
  if (mark === undefined || !(mark > 0 && Number.isFinite(mark))) {
    view.unmarkedTicker ??= name;
    return;
  }
  view.otherGross += Math.abs(shares) * mark;
  view.otherNet += shares * mark;
}
