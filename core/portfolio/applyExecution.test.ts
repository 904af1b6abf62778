import { describe, expect, it } from 'vitest';
import { toMicros, type Micros } from '../money/money.js';
import { strategyId } from '../trading/ids.js';
import { applyExecution } from './applyExecution.js';
import { createPortfolio } from './createPortfolio.js';
import { bookEquity, equity } from './equity.js';
import { grossExposure, netExposure } from './exposure.js';
import { markPrice } from './markPrice.js';
import { commissionsPaid, realizedPnl, unrealizedPnl } from './pnl.js';
import type { PortfolioState } from './PortfolioState.js';
import { averageCost, openPositionCount, positionQuantity } from './positions.js';
import { ALPHA, BETA, fill } from './testFixtures.js';

const $ = toMicros;
const START = $(100_000);

/** Cash plus every aggregate position at its mark, recomputed from scratch. */
function markedValue(state: PortfolioState): number {
  let total = state.cash as number;
  for (const ticker in state.positions) total += state.positions[ticker]!.quantity * (state.marks[ticker] ?? 0);
  return total;
}

function expectConsistent(state: PortfolioState): void {
  expect(equity(state), 'equity = cash + marked positions').toBe(markedValue(state));
  expect(equity(state) - state.initialCash, 'P&L = realized + unrealized - commissions').toBe(
    realizedPnl(state) + unrealizedPnl(state) - commissionsPaid(state),
  );
}

describe('average-cost accounting', () => {
  it('averages two buys and realizes (price - average cost) x shares on a sale', () => {
    const state = createPortfolio(START, [ALPHA]);

    applyExecution(state, ALPHA, fill('BUY', 100, 10));
    expectConsistent(state);
    applyExecution(state, ALPHA, fill('BUY', 100, 12));
    expectConsistent(state);
    const averageAfterBuys = averageCost(state, 'AAPL', ALPHA);
    applyExecution(state, ALPHA, fill('SELL', 150, 13));
    expectConsistent(state);
    markPrice(state, 'AAPL', $(14));
    expectConsistent(state);

    expect(averageAfterBuys, '(100 x 10 + 100 x 12) / 200').toBe($(11));
    expect(realizedPnl(state), '(13 - 11) x 150').toBe($(300));
    expect(positionQuantity(state, 'AAPL')).toBe(200 - 150);
    expect(averageCost(state, 'AAPL'), 'the average cost of what is left does not change').toBe($(11));
    expect(state.cash).toBe(START - $(1_000) - $(1_200) + $(1_950));
    expect(unrealizedPnl(state), '(14 - 11) x 50').toBe($(150));
    expect(equity(state)).toBe(START + $(300) + $(150));
  });

  it('realizes the closed part when a short crosses through zero and opens the rest at the fill price', () => {
    const state = createPortfolio(START, [ALPHA]);

    applyExecution(state, ALPHA, fill('SELL', 100, 20));
    const shortAverage = averageCost(state, 'AAPL');
    applyExecution(state, ALPHA, fill('BUY', 150, 18));
    expectConsistent(state);
    const longAverage = averageCost(state, 'AAPL');
    applyExecution(state, ALPHA, fill('SELL', 50, 17));
    expectConsistent(state);

    expect(shortAverage).toBe($(20));
    expect(longAverage, 'the 50 shares left over open at the fill price').toBe($(18));
    expect(realizedPnl(state), '(20 - 18) x 100 on the short, then (17 - 18) x 50 on the long').toBe($(200 - 50));
    expect(positionQuantity(state, 'AAPL')).toBe(0);
    expect(averageCost(state, 'AAPL'), 'flat has no average cost').toBeNull();
    expect(openPositionCount(state)).toBe(0);
    expect(equity(state)).toBe(START + $(150));
  });

  it('takes commissions from cash and reports them apart from realized P&L', () => {
    const state = createPortfolio(START, [ALPHA]);

    applyExecution(state, ALPHA, fill('BUY', 100, 10, { commission: 1 }));
    applyExecution(state, ALPHA, fill('SELL', 100, 11, { commission: 1.25 }));

    expect(realizedPnl(state)).toBe($(100));
    expect(commissionsPaid(state)).toBe($(2.25));
    expect(state.cash).toBe(START - $(1_000) - $(1) + $(1_100) - $(1.25));
    expect(bookEquity(state, ALPHA), '100 realized - 2.25 commissions').toBe($(97.75));
    expectConsistent(state);
  });

  it('splits cost basis in whole micro-dollars and loses nothing to rounding over a round trip', () => {
    const state = createPortfolio(START, [ALPHA]);
    applyExecution(state, ALPHA, fill('BUY', 1, 10));
    applyExecution(state, ALPHA, fill('BUY', 2, 10.000001));

    applyExecution(state, ALPHA, fill('SELL', 1, 11));
    const first = realizedPnl(state);
    applyExecution(state, ALPHA, fill('SELL', 2, 11));

    expect(first, '11 - round(30.000002 / 3) = 11 - 10.000001').toBe(999_999);
    expect(realizedPnl(state), 'in total 33 - 30.000002').toBe(33_000_000 - 30_000_002);
    expect(state.positions['AAPL']!.costBasis).toBe(0);
  });

  it('rounds the cost basis split of a short half away from zero, as for a long', () => {
    const state = createPortfolio(START, [ALPHA]);
    applyExecution(state, ALPHA, fill('SELL', 1, 10));
    applyExecution(state, ALPHA, fill('SELL', 2, 10.000001));

    applyExecution(state, ALPHA, fill('BUY', 1, 11));

    expect(realizedPnl(state), 'round(30.000002 / 3) - 11 = 10.000001 - 11').toBe(-999_999);
    expect(state.positions['AAPL']!.costBasis, '-30.000002 + 10.000001').toBe(-20_000_001);
  });

  it('marks at the first fill price until a price arrives, and revalues on every mark', () => {
    const state = createPortfolio(START, [ALPHA]);
    applyExecution(state, ALPHA, fill('BUY', 100, 10));
    applyExecution(state, ALPHA, fill('SELL', 30, 10, { ticker: 'MSFT' }));
    const before = [netExposure(state), grossExposure(state)];

    markPrice(state, 'AAPL', $(11));
    markPrice(state, 'MSFT', $(12));
    markPrice(state, 'IBM', $(5));

    expect(before).toEqual([$(1_000 - 300), $(1_000 + 300)]);
    expect(netExposure(state)).toBe($(100 * 11 - 30 * 12));
    expect(grossExposure(state)).toBe($(100 * 11 + 30 * 12));
    expect(unrealizedPnl(state), '100 x (11 - 10) + 30 x (10 - 12)').toBe($(100 - 60));
    expect(openPositionCount(state)).toBe(2);
    expectConsistent(state);
  });

  it('books each strategy apart and sums the books to the account, netting opposite positions', () => {
    const state = createPortfolio(START, [ALPHA, BETA]);

    applyExecution(state, ALPHA, fill('BUY', 100, 10, { commission: 1 }));
    applyExecution(state, BETA, fill('SELL', 100, 10.5, { commission: 1 }));
    applyExecution(state, BETA, fill('BUY', 20, 9, { ticker: 'MSFT' }));
    markPrice(state, 'AAPL', $(11));
    markPrice(state, 'MSFT', $(8));

    expect([positionQuantity(state, 'AAPL', ALPHA), positionQuantity(state, 'AAPL', BETA)]).toEqual([100, -100]);
    expect(positionQuantity(state, 'AAPL'), 'the account is flat in AAPL').toBe(0);
    expect(openPositionCount(state), 'only MSFT is open at the account').toBe(1);
    expect(grossExposure(state)).toBe($(20 * 8));
    expect(bookEquity(state, ALPHA), '100 x (11 - 10) - 1').toBe($(99));
    expect(bookEquity(state, BETA), '100 x (10.5 - 11) + 20 x (8 - 9) - 1').toBe($(-50 - 20 - 1));
    expect(bookEquity(state, ALPHA) + bookEquity(state, BETA)).toBe(equity(state) - START);
    expectConsistent(state);
  });

  it('books a late execution in time order, as if it had arrived in order', () => {
    const inOrder = createPortfolio(START, [ALPHA]);
    const late = createPortfolio(START, [ALPHA]);
    const buy = fill('BUY', 100, 10, { ts: 1 });
    const sell = fill('SELL', 50, 12, { ts: 2 });
    const buyMore = fill('BUY', 100, 11, { ts: 3 });

    for (const execution of [buy, sell, buyMore]) applyExecution(inOrder, ALPHA, execution);
    for (const execution of [buy, buyMore, sell]) applyExecution(late, ALPHA, execution);

    expect(late).toEqual(inOrder);
    expect(realizedPnl(late), '(12 - 10) x 50, not against the average with the later buy').toBe($(100));
  });

  it('throws for an unknown strategy and for impossible numbers', () => {
    const state = createPortfolio(START, [ALPHA]);

    expect(() => applyExecution(state, strategyId('gamma'), fill('BUY', 1, 10))).toThrow(
      expect.objectContaining({
        code: 'PORTFOLIO_UNKNOWN_STRATEGY',
        message: 'strategy gamma has no book in the portfolio',
      }),
    );
    expect(() =>
      applyExecution(state, ALPHA, { ...fill('BUY', 1, 10, { id: 'n1' }), price: Number.NaN as Micros }),
    ).toThrow(
      expect.objectContaining({
        code: 'PORTFOLIO_INVALID_EXECUTION',
        message: 'execution n1: price must be positive whole micro-dollars, was NaN',
      }),
    );
    expect(() => applyExecution(state, ALPHA, fill('BUY', -1, 10, { id: 'n2' }))).toThrow(
      'execution n2: quantity must be whole shares, was -1',
    );
    expect(() =>
      applyExecution(state, ALPHA, { ...fill('BUY', 1, 10, { id: 'n3' }), commission: 0.5 as Micros }),
    ).toThrow('execution n3: commission must be whole micro-dollars, was 0.5');
    expect(() => applyExecution(state, ALPHA, { ...fill('BUY', 1, 10, { id: 'n4' }), side: 'HOLD' as never })).toThrow(
      'execution n4: side must be BUY or SELL, was HOLD',
    );
    expect(() => markPrice(state, 'AAPL', 0 as Micros)).toThrow(
      expect.objectContaining({
        code: 'PORTFOLIO_INVALID_AMOUNT',
        message: 'the price of AAPL must be whole micro-dollars, was 0',
      }),
    );
    expect(() => createPortfolio(0.5 as Micros, [])).toThrow('initial cash must be whole micro-dollars, was 0.5');
    expect(state.cash, 'nothing was booked').toBe(START);
  });
});
