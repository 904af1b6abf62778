import { executionEndMessage, executionMessage, commissionReportMessage } from '../encode/executionMessages.js';
import { openOrderEndMessage } from '../encode/orderMessages.js';
import { ErrorCode, ErrorText } from '../errorTexts.js';
import { isSilenced } from '../faults.js';
import { parseEndDateTime } from '../market/ibTime.js';
import { boolField, intField, numberField } from '../protocol/fields.js';
import { ClientMessage } from '../protocol/messageIds.js';
import { parseContract } from '../protocol/parseContract.js';
import type { OrderRecord } from '../state/GatewayState.js';
import type { GatewayContext } from './GatewayContext.js';
import type { OrderDesk } from './orderDesk.js';
import { isActive } from './orderDesk.js';
import type { MessageHandler, Session } from './Session.js';

/**
 * placeOrder at sv 193 (no version field), read by position: 1 orderId, 2-13 contract, 16 action, 17 quantity,
 * 18 orderType, 19 lmtPrice, 20 auxPrice, 21 tif, 23 account, 26 orderRef, 27 transmit, 28 parentId, 33 outsideRth.
 */
function parseOrder(context: GatewayContext, session: Session, fields: readonly string[]): OrderRecord | string {
  const contract = parseContract(fields, 2);
  const stock = context.stockDetails(contract.symbol);
  if (!stock) return ErrorText.noSecurityDefinition;
  const action = fields[16];
  const quantity = numberField(fields[17]);
  if (action !== 'BUY' && action !== 'SELL') {
    return ErrorText.validating(`order action must be BUY or SELL, was "${action ?? ''}"`);
  }
  if (quantity === undefined || quantity <= 0) {
    return ErrorText.validating(`order size must be positive, was "${fields[17] ?? ''}"`);
  }
  const draft = {
    orderId: intField(fields[1], 0) as number,
    clientId: session.clientId ?? 0,
    permId: 0,
    account: fields[23] || (context.config.accounts[0] as string),
    contract: {
      conId: stock.conId,
      symbol: stock.symbol,
      exchange: contract.exchange || 'SMART',
      primaryExchange: stock.primaryExchange,
      currency: stock.currency,
    },
    action,
    totalQuantity: quantity,
    orderType: fields[18] ?? 'MKT',
    lmtPrice: numberField(fields[19]),
    auxPrice: numberField(fields[20]),
    tif: fields[21] ?? 'DAY',
    orderRef: fields[26] ?? '',
    transmit: boolField(fields[27]),
    outsideRth: boolField(fields[33]),
    parentId: intField(fields[28], 0) as number,
    status: 'Inactive',
    filled: 0,
    avgFillPrice: 0,
    lastFillPrice: 0,
    policy: { kind: 'rest' },
  } satisfies OrderRecord;
  return draft;
}

/** The order, execution and open-order handlers, bound to the gateway's desk. */
export function orderHandlers(desk: OrderDesk): [number, MessageHandler][] {
  const place: MessageHandler = (context, session, fields) => {
    if (isSilenced(context.faults, 'PLACE_ORDER')) return;
    const orderId = intField(fields[1], 0) as number;
    const parsed = parseOrder(context, session, fields);
    if (typeof parsed === 'string') {
      const code =
        parsed === ErrorText.noSecurityDefinition ? ErrorCode.NO_SECURITY_DEFINITION : ErrorCode.VALIDATING_REQUEST;
      session.sendError(orderId, code, parsed);
      return;
    }
    const existing = context.state.orders.get(orderId);
    if (existing) return modify(desk, session, existing, parsed);
    const order: OrderRecord = {
      ...parsed,
      permId: context.state.allocatePermId(),
      policy: context.fillPolicyFor(parsed),
    };
    context.state.orders.set(orderId, order);
    context.state.useOrderId(orderId);
    if (!order.transmit) {
      desk.announce(order);
      return;
    }
    desk.submit(order);
  };
  const cancel: MessageHandler = (context, session, fields) => {
    if (isSilenced(context.faults, 'CANCEL_ORDER')) return;
    const orderId = intField(fields[1], 0) as number;
    const order = context.state.orders.get(orderId);
    if (!order || order.clientId !== session.clientId) {
      session.sendError(orderId, ErrorCode.CANCEL_NOT_FOUND, ErrorText.cancelNotFound(orderId));
      return;
    }
    if (!isActive(order)) {
      session.sendError(
        orderId,
        ErrorCode.CANCEL_NOT_CANCELLABLE,
        ErrorText.cancelNotCancellable(orderId, order.status),
      );
      return;
    }
    desk.cancel(order);
  };
  const globalCancel: MessageHandler = (context) => {
    for (const order of context.state.orders.values()) if (isActive(order)) desk.cancel(order);
  };
  const openOrders =
    (all: boolean): MessageHandler =>
    (context, session) => {
      if (isSilenced(context.faults, all ? 'REQ_ALL_OPEN_ORDERS' : 'REQ_OPEN_ORDERS')) return;
      for (const order of context.state.orders.values()) {
        if (!isActive(order) || (!all && order.clientId !== session.clientId)) continue;
        session.send(desk.openOrderFields(order));
        session.send(desk.statusFields(order));
      }
      session.send(openOrderEndMessage());
    };
  const executions: MessageHandler = (context, session, fields) => {
    if (isSilenced(context.faults, 'REQ_EXECUTIONS')) return;
    const reqId = intField(fields[2], -1) as number;
    const filter = executionFilter(context, session, fields);
    for (const execution of context.state.executions) {
      if (!filter(execution)) continue;
      session.send(executionMessage(reqId, execution, desk.formatTime));
      session.send(commissionReportMessage(execution.execId, execution.commission, execution.realizedPnl));
    }
    session.send(executionEndMessage(reqId));
  };
  return [
    [ClientMessage.PLACE_ORDER, place],
    [ClientMessage.CANCEL_ORDER, cancel],
    [ClientMessage.REQ_GLOBAL_CANCEL, globalCancel],
    [ClientMessage.REQ_OPEN_ORDERS, openOrders(false)],
    [ClientMessage.REQ_ALL_OPEN_ORDERS, openOrders(true)],
    [ClientMessage.REQ_EXECUTIONS, executions],
  ];
}

/**
 * A second placeOrder with a known id: a filled order gets 104, a cancelled one 103 (the id was used), an active
 * one is modified (quantity, prices, type, tif) and re-announced; an untransmitted one is submitted once transmit is 1.
 */
function modify(desk: OrderDesk, session: Session, order: OrderRecord, update: OrderRecord): void {
  if (order.status === 'Filled') {
    session.sendError(order.orderId, ErrorCode.CANNOT_MODIFY_FILLED, ErrorText.cannotModifyFilled);
    return;
  }
  if (!isActive(order) || order.clientId !== update.clientId) {
    session.sendError(order.orderId, ErrorCode.DUPLICATE_ORDER_ID, ErrorText.duplicateOrderId);
    return;
  }
  order.totalQuantity = Math.max(update.totalQuantity, order.filled);
  order.lmtPrice = update.lmtPrice;
  order.auxPrice = update.auxPrice;
  order.orderType = update.orderType;
  order.tif = update.tif;
  if (!order.transmit && update.transmit) {
    order.transmit = true;
    desk.submit(order);
    return;
  }
  if (order.filled === order.totalQuantity) order.status = 'Filled';
  desk.announce(order);
}

/** reqExecutions filter (`7|3|reqId|clientId|acct|time|symbol|secType|exchange|side`); empty fields match all. */
function executionFilter(
  context: GatewayContext,
  session: Session,
  fields: readonly string[],
): (execution: {
  clientId: number;
  account: string;
  timeMs: number;
  contract: { symbol: string };
  side: string;
}) => boolean {
  const clientId = intField(fields[3], 0) as number;
  const account = fields[4] ?? '';
  const since = fields[5] ? parseEndDateTime(fields[5], 0, context.config.zone) : undefined;
  const symbol = fields[6] ?? '';
  const side = fields[9] ?? '';
  const own = session.clientId ?? 0;
  return (execution) =>
    (own === 0 || execution.clientId === own) &&
    (clientId === 0 || execution.clientId === clientId) &&
    (account === '' || execution.account === account) &&
    (since === undefined || execution.timeMs >= since) &&
    (symbol === '' || execution.contract.symbol === symbol) &&
    (side === '' || (side === 'BUY' ? execution.side === 'BOT' : side === 'SELL' ? execution.side === 'SLD' : true));
}
