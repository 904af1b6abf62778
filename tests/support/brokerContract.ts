// The contract every Broker (core/trading/Broker.ts) must meet, run against the simulated broker
// (core/broker/SimBroker.contract.test.ts) and the Interactive Brokers adapter over TCP against the fake gateway
// (adapters/ibkr/orders/IbBroker.contract.test.ts). The engine side is the real order manager and portfolio.
import { afterEach, describe, expect, it } from 'vitest';
import { EngineSide } from '../../core/broker/EngineSide.js';
import { toMicros } from '../../core/money/money.js';
import { clientOrderId, strategyId } from '../../core/trading/ids.js';
import type { Broker } from '../../core/trading/Broker.js';
import { OrderPurpose, type OrderRequest } from '../../core/trading/types.js';

export const CONTRACT_STRATEGY = strategyId('contract');
/** 2025-01-02 09:30 New York: orders are created here; the market trades after it. */
export const CONTRACT_T0 = Date.UTC(2025, 0, 2, 14, 30);

/** What a broker under test needs besides the interface: a market and a way to wait for its reports. */
export interface BrokerHarness {
  readonly broker: Broker;
  /** The market trades `ticker` at `price` with ample volume: working orders that can fill at that price fill. */
  trade(ticker: string, price: number): Promise<void>;
  /** Resolves once `condition` holds (at once for a synchronous broker); fails naming `what` otherwise. */
  settle(condition: () => boolean, what: string): Promise<void>;
  close(): Promise<void>;
}

function limitBuy(id: string, quantity: number, limit: number): OrderRequest {
  return {
    clientOrderId: clientOrderId(id),
    strategy: CONTRACT_STRATEGY,
    ticker: 'AAPL',
    side: 'BUY',
    quantity,
    type: 'LIMIT',
    limitPrice: toMicros(limit),
    purpose: OrderPurpose.ENTRY,
    createdTs: CONTRACT_T0,
  };
}

export function brokerContract(name: string, makeHarness: () => Promise<BrokerHarness>): void {
  describe(`Broker contract: ${name}`, () => {
    let harness: BrokerHarness | undefined;
    afterEach(async () => {
      await harness?.close();
      harness = undefined;
    });

    async function start(): Promise<{ h: BrokerHarness; engine: EngineSide }> {
      harness = await makeHarness();
      return { h: harness, engine: new EngineSide(harness.broker, [CONTRACT_STRATEGY]) };
    }

    it('acknowledges a limit order with a broker id, fills it when the market trades, books the position', async () => {
      const { h, engine } = await start();
      engine.place(limitBuy('c-1', 100, 25), CONTRACT_T0);
      await h.settle(() => engine.order('c-1').status === 'SUBMITTED', 'SUBMITTED');
      expect(engine.order('c-1').brokerOrderId).not.toBeNull();
      await h.trade('AAPL', 24.5);
      await h.settle(() => engine.order('c-1').status === 'FILLED', 'FILLED');
      const executions = [...engine.order('c-1').executions.values()];
      expect(executions.reduce((sum, e) => sum + e.quantity, 0)).toBe(100);
      expect(executions.every((e) => e.price === toMicros(24.5))).toBe(true);
      // IBKR fixed: max(0.005 x 100, 1.00) = 1.00 in both brokers.
      expect(executions.reduce((sum, e) => sum + e.commission, 0)).toBe(toMicros(1));
      expect(engine.position('AAPL')).toBe(100);
    });

    it('cancels a working order: CANCELLED, and a later trade fills nothing', async () => {
      const { h, engine } = await start();
      engine.place(limitBuy('c-1', 100, 25), CONTRACT_T0);
      await h.settle(() => engine.order('c-1').status === 'SUBMITTED', 'SUBMITTED');
      engine.cancel(clientOrderId('c-1'), CONTRACT_T0 + 1);
      await h.settle(() => engine.order('c-1').status === 'CANCELLED', 'CANCELLED');
      await h.trade('AAPL', 24);
      expect(engine.order('c-1').filledQuantity).toBe(0);
      expect(engine.position('AAPL')).toBe(0);
    });

    it('a modified quantity is what fills', async () => {
      const { h, engine } = await start();
      engine.place(limitBuy('c-1', 100, 25), CONTRACT_T0);
      await h.settle(() => engine.order('c-1').status === 'SUBMITTED', 'SUBMITTED');
      const before = engine.reports.length;
      engine.modify(clientOrderId('c-1'), 60, toMicros(25), CONTRACT_T0 + 1);
      await h.settle(() => engine.reports.length > before, 'the answer to the modification');
      await h.trade('AAPL', 24.5);
      await h.settle(() => engine.order('c-1').status === 'FILLED', 'FILLED');
      expect(engine.order('c-1').filledQuantity).toBe(60);
      expect(engine.position('AAPL')).toBe(60);
    });

    it('refuses a client order id that is still working, and the working order still fills', async () => {
      const { h, engine } = await start();
      engine.place(limitBuy('c-1', 100, 25), CONTRACT_T0);
      await h.settle(() => engine.order('c-1').status === 'SUBMITTED', 'SUBMITTED');
      h.broker.placeOrder(limitBuy('c-1', 5, 25), CONTRACT_T0 + 1);
      await h.settle(
        () => engine.reports.some((r) => r.type === 'OrderStatusReported' && r.status === 'REJECTED'),
        'REJECTED',
      );
      const rejection = engine.reports.find((r) => r.type === 'OrderStatusReported' && r.status === 'REJECTED');
      expect(rejection?.type === 'OrderStatusReported' && rejection.reason).toMatch(/^DUPLICATE_ORDER_ID/);
      await h.trade('AAPL', 24.5);
      await h.settle(() => engine.order('c-1').filledQuantity === 100, 'the first order filled');
    });
  });
}
