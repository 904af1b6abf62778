import type { Micros } from '../money/money.js';
import type { Broker, BrokerReport } from '../trading/Broker.js';
import type { ClientOrderId } from '../trading/ids.js';
import type { OrderRequest } from '../trading/types.js';
import { cancelOrder } from './cancelOrder.js';
import { createSimBrokerState } from './createSimBrokerState.js';
import { processBar } from './processBar.js';
import { replaceOrder } from './replaceOrder.js';
import type { SimBar } from './SimBar.js';
import type { SimBrokerConfig } from './SimBrokerConfig.js';
import type { SimBrokerState } from './SimBrokerState.js';
import { submitOrder } from './submitOrder.js';

/**
 * The simulated broker behind the `Broker` interface the Interactive Brokers adapter implements too. Reports are
 * delivered synchronously, inside the call that caused them; `processBar` is the simulated market (what IB's
 * matching engine is for the live broker). The state stays plain data (`state`), so a backtest can still save it.
 */
export class SimBroker implements Broker {
  readonly state: SimBrokerState;
  private readonly listeners = new Set<(report: BrokerReport) => void>();

  constructor(config?: SimBrokerConfig) {
    this.state = createSimBrokerState(config);
  }

  placeOrder(order: OrderRequest, ts: number): void {
    this.deliver(submitOrder(this.state, order, ts));
  }

  cancelOrder(id: ClientOrderId, ts: number): void {
    this.deliver(cancelOrder(this.state, id, ts));
  }

  modifyOrder(id: ClientOrderId, quantity: number, limitPrice: Micros | null, ts: number): void {
    this.deliver(replaceOrder(this.state, id, quantity, limitPrice, ts));
  }

  /** Runs one bar through the working orders of its ticker; fills are reported to the listeners. */
  processBar(bar: SimBar): void {
    this.deliver(processBar(this.state, bar));
  }

  onReport(listener: (report: BrokerReport) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private deliver(reports: readonly BrokerReport[]): void {
    for (const report of reports) for (const listener of [...this.listeners]) listener(report);
  }
}
