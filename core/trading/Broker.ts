import type { Micros } from '../money/money.js';
import type { EngineCommand } from './commands.js';
import type { ExecutionReported, OrderStatusReported } from './events.js';
import type { ClientOrderId } from './ids.js';
import type { OrderRequest } from './types.js';

/** What a broker reports back: the engine's own event types, so live and backtest share one code path. */
export type BrokerReport = OrderStatusReported | ExecutionReported;

/**
 * A broker the engine's commands go to (SubmitOrder -> placeOrder, CancelOrder -> cancelOrder, ReplaceOrder ->
 * modifyOrder) and whose reports go back into the engine (`onReport`). Implemented by the Interactive Brokers
 * adapter (`IbBroker` in adapters/ibkr/orders) and by `SimBroker` (core/broker/SimBroker.ts, the simulated broker's
 * state functions behind this interface). Calls never throw for broker-side refusals: those come back as reports
 * (REJECTED, or nothing for a cancel of a finished order, as IB does). Reports may be delivered synchronously
 * (simulated) or later (IB); the engine's order manager accepts them in any order.
 */
export interface Broker {
  /** Sends a new order; `ts` is the event time of the command. */
  placeOrder(order: OrderRequest, ts: number): void;
  /** Asks to cancel a working order. */
  cancelOrder(id: ClientOrderId, ts: number): void;
  /** New total quantity and/or limit price (null keeps the current limit). */
  modifyOrder(id: ClientOrderId, quantity: number, limitPrice: Micros | null, ts: number): void;
  /** Subscribes to reports; returns the function that unsubscribes. */
  onReport(listener: (report: BrokerReport) => void): () => void;
}

/**
 * Carries out one engine command on a broker: SubmitOrder -> placeOrder, CancelOrder -> cancelOrder, ReplaceOrder
 * -> modifyOrder. Returns false for commands that are not for a broker (LogRecord). The live driver and the
 * backtester both route commands through this, so the engine cannot tell which broker it talks to.
 */
export function sendToBroker(broker: Broker, command: EngineCommand): boolean {
  switch (command.type) {
    case 'SubmitOrder':
      broker.placeOrder(command.order, command.ts);
      return true;
    case 'CancelOrder':
      broker.cancelOrder(command.clientOrderId, command.ts);
      return true;
    case 'ReplaceOrder':
      broker.modifyOrder(command.clientOrderId, command.quantity, command.limitPrice, command.ts);
      return true;
    default:
      return false;
  }
}
