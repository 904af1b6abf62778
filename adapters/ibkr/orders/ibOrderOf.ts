import { OrderAction, OrderType as IbOrderType, SecType } from '@stoqey/ib';
import type { Contract, Order } from '@stoqey/ib';
import { toDollars } from '../../../core/money/money.js';
import type { Micros } from '../../../core/money/money.js';
import type { OrderRequest } from '../../../core/trading/types.js';

/** A US stock routed SMART, as every order and subscription of the project uses. */
export function stockContract(ticker: string): Contract {
  return { symbol: ticker, secType: SecType.STK, exchange: 'SMART', currency: 'USD' };
}

/**
 * The IB order for an engine order. `transmit` is always set explicitly to true: left undefined, @stoqey/ib sends
 * an empty field and TWS keeps the order untransmitted (reference §1.4 item 7). `orderRef` carries our client
 * order id, so executions and open orders can be matched to it even by a process that lost its id map.
 */
export function ibOrderOf(
  request: OrderRequest,
  quantity: number,
  limitPrice: Micros | null,
  account: string | undefined,
): Order {
  const limit = request.type === 'LIMIT' && limitPrice !== null;
  return {
    action: request.side === 'BUY' ? OrderAction.BUY : OrderAction.SELL,
    totalQuantity: quantity,
    orderType: limit ? IbOrderType.LMT : IbOrderType.MKT,
    ...(limit ? { lmtPrice: toDollars(limitPrice) } : {}),
    tif: 'DAY',
    transmit: true,
    orderRef: request.clientOrderId,
    ...(account !== undefined ? { account } : {}),
  };
}
