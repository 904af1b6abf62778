import { describe, expect, it } from 'vitest';
import { RiskConfigSchema } from '../../config/risk.js';
import { toMicros } from '../money/money.js';
import { registerOrder } from '../orders/index.js';
import { orderRequest } from '../orders/testFixtures.js';
import { strategyId } from '../trading/ids.js';
import { createEngine, restoreEngine, serializeEngine } from './createEngine.js';

describe('restoreEngine', () => {
  it('rebuilds the working sums of a state saved before they were kept', () => {
    const risk = RiskConfigSchema.parse({});
    const engine = createEngine({
      risk,
      strategies: [strategyId('alpha')],
      initialCash: toMicros(1e5),
      barMs: 300_000,
    });
    registerOrder(engine.orders, orderRequest('alpha-1', { quantity: 30 }), 1_000);
    registerOrder(engine.orders, orderRequest('alpha-2', { side: 'SELL', quantity: 50 }), 1_000);
    registerOrder(engine.orders, orderRequest('alpha-3', { ticker: 'MSFT', quantity: 7 }), 1_000);
    const saved = JSON.parse(serializeEngine(engine)) as { orders: Record<string, unknown> };
    delete saved.orders['workingByTicker'];
    delete saved.orders['workedTickers'];

    const restored = restoreEngine(JSON.stringify(saved));

    expect(restored.orders.workingByTicker).toEqual({ AAPL: -20, MSFT: 7 });
    expect(restored).toEqual(engine);
  });
});
