import { describe, expect, it } from 'vitest';
import { toMicros } from '../money/money.js';
import { applyExecution } from './applyExecution.js';
import { createPortfolio } from './createPortfolio.js';
import { realizedPnl } from './pnl.js';
import { reverseExecution } from './reverseExecution.js';
import { settleFlatPositions } from './settleFlatPositions.js';
import { ALPHA, fill } from './testFixtures.js';

const $ = toMicros;

describe('settleFlatPositions', () => {
  it('drops the history of flat positions only, and later rebuilds start from the settled P&L', () => {
    const state = createPortfolio($(10_000), [ALPHA]);
    applyExecution(state, ALPHA, fill('BUY', 10, 10, { ts: 10, commission: 1 }));
    applyExecution(state, ALPHA, fill('SELL', 10, 12, { ts: 20 }));
    applyExecution(state, ALPHA, fill('BUY', 5, 30, { ticker: 'MSFT', ts: 20 }));

    const settled = settleFlatPositions(state);
    const again = settleFlatPositions(state);
    const buy = fill('BUY', 4, 11, { ts: 40 });
    applyExecution(state, ALPHA, buy);
    applyExecution(state, ALPHA, fill('SELL', 4, 13, { ts: 30 }));
    reverseExecution(state, ALPHA, buy);

    expect([settled, again]).toEqual([1, 0]);
    expect(state.books['alpha']!.positions['MSFT']!.executions, 'an open position keeps its history').toHaveLength(1);
    expect(state.books['alpha']!.positions['AAPL']!.settledRealizedPnl).toBe($(20));
    expect(state.books['alpha']!.positions['AAPL']!.commissions, 'the settled commission stays').toBe($(1));
    expect(realizedPnl(state), '20 settled; the late sale now opens a short with nothing realized').toBe($(20));
    expect(state.books['alpha']!.positions['AAPL']!.quantity).toBe(-4);
  });
});
