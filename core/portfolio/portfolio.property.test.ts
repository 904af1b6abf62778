import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toMicros, type Micros } from '../money/money.js';
import { clientOrderId, executionId } from '../trading/ids.js';
import type { Execution } from '../trading/types.js';
import { applyExecution } from './applyExecution.js';
import { createPortfolio } from './createPortfolio.js';
import { bookEquity, equity } from './equity.js';
import { grossExposure, netExposure } from './exposure.js';
import { markPrice } from './markPrice.js';
import { commissionsPaid, realizedPnl, unrealizedPnl } from './pnl.js';
import type { PortfolioState } from './PortfolioState.js';
import { positionQuantity } from './positions.js';
import { reverseExecution } from './reverseExecution.js';
import { ALPHA, BETA } from './testFixtures.js';

const TICKERS = ['AAPL', 'MSFT', 'IBM'];
const START = toMicros(1_000_000);

const fillArbitrary = fc.record({
  strategy: fc.constantFrom(ALPHA, BETA),
  ticker: fc.constantFrom(...TICKERS),
  side: fc.constantFrom('BUY' as const, 'SELL' as const),
  quantity: fc.integer({ min: 1, max: 500 }),
  price: fc.integer({ min: 1, max: 500_000_000 }),
  commission: fc.integer({ min: -1_000, max: 5_000_000 }),
  mark: fc.option(fc.integer({ min: 1, max: 500_000_000 })),
});
type Fill = typeof fillArbitrary extends fc.Arbitrary<infer T> ? T : never;

const toExecution = (f: Fill, index: number): Execution => ({
  executionId: executionId(`x${index}`),
  clientOrderId: clientOrderId('o'),
  ticker: f.ticker,
  side: f.side,
  quantity: f.quantity,
  price: f.price as Micros,
  commission: f.commission as Micros,
  ts: index,
  correctsExecutionId: null,
});

function fresh(): PortfolioState {
  const state = createPortfolio(START, [ALPHA, BETA]);
  for (const ticker of TICKERS) markPrice(state, ticker, toMicros(100));
  return state;
}

/** The state without entries that hold nothing (a position created and then fully reversed). */
function withoutEmptyEntries(state: PortfolioState): unknown {
  const copy = structuredClone(state);
  for (const book of Object.values(copy.books)) {
    for (const [ticker, position] of Object.entries(book.positions)) {
      const empty = position.executions.length === 0 && position.quantity === 0 && position.commissions === 0;
      if (empty && position.realizedPnl === 0) delete book.positions[ticker];
    }
  }
  for (const [ticker, position] of Object.entries(copy.positions)) {
    if (position.quantity === 0 && position.costBasis === 0) delete copy.positions[ticker];
  }
  return copy;
}

describe('the portfolio over random fills', () => {
  it('holds the sum of signed fills and moves cash by minus signed notionals and commissions, exactly', () => {
    fc.assert(
      fc.property(fc.array(fillArbitrary, { maxLength: 60 }), (fills) => {
        const state = fresh();
        const held: Record<string, number> = {};
        const marks: Record<string, number> = { AAPL: toMicros(100), MSFT: toMicros(100), IBM: toMicros(100) };
        let cash = START as number;

        fills.forEach((f, index) => {
          applyExecution(state, f.strategy, toExecution(f, index));
          if (f.mark !== null) markPrice(state, f.ticker, f.mark as Micros);
          const signed = f.side === 'BUY' ? f.quantity : -f.quantity;
          held[f.ticker] = (held[f.ticker] ?? 0) + signed;
          cash -= signed * f.price + f.commission;
          if (f.mark !== null) marks[f.ticker] = f.mark;
        });
        const gross = TICKERS.reduce((sum, t) => sum + Math.abs(held[t] ?? 0) * marks[t]!, 0);
        const net = TICKERS.reduce((sum, t) => sum + (held[t] ?? 0) * marks[t]!, 0);

        for (const ticker of TICKERS) {
          expect(positionQuantity(state, ticker)).toBe(held[ticker] ?? 0);
          expect(positionQuantity(state, ticker, ALPHA) + positionQuantity(state, ticker, BETA)).toBe(
            held[ticker] ?? 0,
          );
        }
        expect(state.cash).toBe(cash);
        expect([grossExposure(state), netExposure(state), equity(state)]).toEqual([gross, net, cash + net]);
        expect(Number.isSafeInteger(equity(state)), 'every amount stays an integer').toBe(true);
        expect(equity(state) - START).toBe(realizedPnl(state) + unrealizedPnl(state) - commissionsPaid(state));
        expect(bookEquity(state, ALPHA) + bookEquity(state, BETA)).toBe(equity(state) - START);
      }),
      { numRuns: 300 },
    );
  });

  it('after reversing any subset equals a fresh portfolio built from the rest', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fillArbitrary, fc.boolean()), { maxLength: 40 }), (steps) => {
        const executions = steps.map(([f], index) => ({ strategy: f.strategy, execution: toExecution(f, index) }));
        const state = fresh();
        for (const { strategy, execution } of executions) applyExecution(state, strategy, execution);

        executions.forEach(({ strategy, execution }, index) => {
          if (steps[index]![1]) reverseExecution(state, strategy, execution);
        });
        const expected = fresh();
        executions.forEach(({ strategy, execution }, index) => {
          if (!steps[index]![1]) applyExecution(expected, strategy, execution);
        });

        expect(state.cash).toBe(expected.cash);
        expect(withoutEmptyEntries(state)).toEqual(withoutEmptyEntries(expected));
      }),
      { numRuns: 200 },
    );
  });
});
