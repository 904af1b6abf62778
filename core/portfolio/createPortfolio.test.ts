import { describe, expect, it } from 'vitest';
import { toMicros } from '../money/money.js';
import { strategyId } from '../trading/ids.js';
import { applyExecution } from './applyExecution.js';
import { addStrategy, createPortfolio } from './createPortfolio.js';
import { bookEquity, equity } from './equity.js';
import { markPrice } from './markPrice.js';
import { realizedPnl, unrealizedPnl } from './pnl.js';
import type { PortfolioState } from './PortfolioState.js';
import { openPositionCount, positionQuantity } from './positions.js';
import { reverseExecution } from './reverseExecution.js';
import { ALPHA, BETA, fill } from './testFixtures.js';

const $ = toMicros;
const restore = (state: PortfolioState): PortfolioState => JSON.parse(JSON.stringify(state));

describe('createPortfolio', () => {
  it('starts with all cash, empty books and nothing open', () => {
    const state = createPortfolio($(25_000), [ALPHA, BETA]);

    expect(equity(state)).toBe($(25_000));
    expect(Object.keys(state.books)).toEqual(['alpha', 'beta']);
    expect([realizedPnl(state), unrealizedPnl(state), openPositionCount(state), bookEquity(state, BETA)]).toEqual([
      0, 0, 0, 0,
    ]);
    expect(positionQuantity(state, 'AAPL', ALPHA)).toBe(0);
  });

  it('round-trips through JSON and goes on exactly as the original', () => {
    const original = createPortfolio($(25_000), [ALPHA, BETA]);
    const late = fill('SELL', 40, 10.5, { id: 'e2', ts: 20 });
    applyExecution(original, ALPHA, fill('BUY', 100, 10, { id: 'e1', ts: 10, commission: 0.5 }));
    applyExecution(original, BETA, fill('SELL', 30, 20, { ticker: 'MSFT', ts: 10 }));
    applyExecution(original, ALPHA, late);
    markPrice(original, 'AAPL', $(10.25));

    const restored = restore(original);
    for (const state of [original, restored]) {
      reverseExecution(state, ALPHA, late);
      applyExecution(state, ALPHA, fill('SELL', 50, 10.75, { id: 'e2.c', ts: 20, corrects: 'e2' }));
      markPrice(state, 'MSFT', $(19));
    }

    expect(restored).toEqual(original);
    expect(equity(restored)).toBe(equity(original));
    expect(realizedPnl(restored), '(10.75 - 10) x 50').toBe($(37.5));
  });

  it('adds a book for a new strategy once, keeping an existing book as it is', () => {
    const state = createPortfolio($(1_000), [ALPHA]);
    applyExecution(state, ALPHA, fill('BUY', 1, 10));
    const gamma = strategyId('gamma');

    addStrategy(state, ALPHA);
    addStrategy(state, gamma);
    addStrategy(state, gamma);
    applyExecution(state, gamma, fill('BUY', 2, 10));

    expect(positionQuantity(state, 'AAPL', ALPHA)).toBe(1);
    expect(positionQuantity(state, 'AAPL', gamma)).toBe(2);
    expect(Object.keys(state.books)).toEqual(['alpha', 'gamma']);
  });
});
