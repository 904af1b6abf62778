import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExecutionReported } from '../trading/events.js';
import { OrderStatus, type Side } from '../trading/types.js';
import { applyExecution } from './applyExecution.js';
import { applyOrderStatus } from './applyOrderStatus.js';
import { createOrderManagerState } from './OrderManagerState.js';
import { openQuantity } from './openQuantity.js';
import { registerOrder } from './registerOrder.js';
import { executionEvent, orderRequest, statusEvent } from './testFixtures.js';

const ORDERS: readonly { id: string; side: Side; quantity: number }[] = [
  { id: 'alpha-1', side: 'BUY', quantity: 100 },
  { id: 'alpha-2', side: 'SELL', quantity: 100 },
  { id: 'beta-1', side: 'BUY', quantity: 50 },
];

const action = fc.oneof(
  fc.record({ kind: fc.constant('new'), order: fc.nat(2), quantity: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant('duplicate'), pick: fc.nat() }),
  fc.record({ kind: fc.constant('correct'), pick: fc.nat(), quantity: fc.integer({ min: 0, max: 60 }) }),
  fc.record({ kind: fc.constant('status'), order: fc.nat(2), status: fc.constantFrom(...Object.values(OrderStatus)) }),
);

describe('applyExecution over random sequences', () => {
  it('keeps every filled quantity equal to the sum of its current executions and of the portfolio changes', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 80 }), (actions) => {
        const state = createOrderManagerState();
        for (const order of ORDERS) registerOrder(state, orderRequest(order.id, order), 1_000);
        const sent: ExecutionReported[] = [];
        // Independent model: each execution starts a lineage; a correction sets its lineage's quantity.
        const lineageOf: Record<string, number> = {};
        const lineages: { order: string; quantity: number }[] = [];
        const portfolio: Record<string, number> = {};

        actions.forEach((step, index) => {
          if (step.kind === 'status') {
            const before = state.orders.get(ORDERS[step.order]!.id)!.status;
            const update = applyOrderStatus(state, statusEvent(ORDERS[step.order]!.id, step.status));
            if (update.outcome !== 'APPLIED') expect(update.status, 'a refused report changes nothing').toBe(before);
            return;
          }
          let event: ExecutionReported;
          if (step.kind === 'new') {
            const order = ORDERS[step.order]!;
            event = executionEvent(order.id, `e${index}`, step.quantity, 10_000_000, { side: order.side });
            lineageOf[`e${index}`] = lineages.push({ order: order.id, quantity: step.quantity }) - 1;
          } else if (sent.length === 0) {
            return;
          } else if (step.kind === 'duplicate') {
            event = sent[step.pick % sent.length]!;
          } else {
            const target = sent[step.pick % sent.length]!.execution;
            const { clientOrderId, side, executionId } = target;
            event = executionEvent(clientOrderId, `c${index}`, step.quantity, 10_010_000, {
              side,
              corrects: executionId,
            });
            const lineage = lineageOf[executionId]!;
            lineageOf[`c${index}`] = lineage;
            lineages[lineage]!.quantity = step.quantity;
          }
          const update = applyExecution(state, event);
          if (step.kind !== 'duplicate') sent.push(event);
          expect(update.outcome).toBe(step.kind === 'duplicate' ? 'DUPLICATE' : 'APPLIED');
          const id = event.execution.clientOrderId;
          for (const execution of update.added) portfolio[id] = (portfolio[id] ?? 0) + execution.quantity;
          for (const execution of update.removed) portfolio[id] = (portfolio[id] ?? 0) - execution.quantity;
        });

        for (const order of ORDERS) {
          const record = state.orders.get(order.id)!;
          const current = [...record.executions.values()].reduce((sum, execution) => sum + execution.quantity, 0);
          const modelled = lineages.filter((l) => l.order === order.id).reduce((sum, l) => sum + l.quantity, 0);
          expect(record.filledQuantity, 'filled = sum of current executions').toBe(current);
          expect(record.filledQuantity, 'filled = sum of the latest version of each execution').toBe(modelled);
          expect(portfolio[order.id] ?? 0, 'added minus removed = filled').toBe(current);
        }
        const tickers = [...new Set(ORDERS.map((order) => state.orders.get(order.id)!.request.ticker))];
        const sums = Object.fromEntries(tickers.map((t) => [t, openQuantity(state, t)]).filter(([, q]) => q !== 0));
        expect(state.workingByTicker, 'running working sums = a pass over the working orders').toEqual(sums);
        expect([...state.workedTickers].sort(), 'worked tickers = keys of the sums').toEqual(Object.keys(sums).sort());
      }),
      { numRuns: 300 },
    );
  });
});
