import { describe, expect, it } from 'vitest';
import { toMicros } from '../money/money.js';
import type { Execution } from '../trading/types.js';
import { applyExecution } from './applyExecution.js';
import { createPortfolio } from './createPortfolio.js';
import { markPrice } from './markPrice.js';
import { realizedPnl } from './pnl.js';
import type { PortfolioState } from './PortfolioState.js';
import { reverseExecution } from './reverseExecution.js';
import { ALPHA, BETA, fill } from './testFixtures.js';

const $ = toMicros;
const START = $(50_000);

function build(executions: readonly Execution[]): PortfolioState {
  const state = createPortfolio(START, [ALPHA, BETA]);
  markPrice(state, 'AAPL', $(10));
  for (const execution of executions) applyExecution(state, ALPHA, execution);
  return state;
}

describe('reverseExecution', () => {
  it('reverses a corrected execution and applies its correction into the state a fresh corrected list gives', () => {
    const buy = fill('BUY', 100, 10, { id: 'e1', ts: 1, commission: 1 });
    const sell = fill('SELL', 60, 12, { id: 'e2', ts: 2, commission: 1 });
    const buyMore = fill('BUY', 40, 11, { id: 'e3', ts: 3, commission: 1 });
    const correction = fill('SELL', 50, 12.5, { id: 'e2.c', ts: 2, commission: 0.75, corrects: 'e2' });
    const state = build([buy, sell, buyMore]);

    reverseExecution(state, ALPHA, sell);
    applyExecution(state, ALPHA, correction);

    expect(state).toEqual(build([buy, correction, buyMore]));
    expect(realizedPnl(state), '(12.5 - 10) x 50, the correction in the place of the sale').toBe($(125));
    expect(state.cash).toBe(START - $(1_000) - $(1) + $(625) - $(0.75) - $(440) - $(1));
  });

  it('leaves the position as if a busted execution (corrected to zero shares) had never happened', () => {
    const buy = fill('BUY', 100, 10, { id: 'e1', ts: 1 });
    const busted = fill('BUY', 50, 10.2, { id: 'e2', ts: 2, commission: 1 });
    const bust = fill('BUY', 0, 10.2, { id: 'e2.c', ts: 2, corrects: 'e2' });
    const state = build([buy, busted]);

    reverseExecution(state, ALPHA, busted);
    applyExecution(state, ALPHA, bust);

    expect(state.positions['AAPL']).toEqual({ quantity: 100, costBasis: $(1_000) });
    expect(state.cash).toBe(START - $(1_000));
    expect(state.commissions).toBe(0);
  });

  it('brings cash and P&L back exactly when every execution is reversed', () => {
    const executions = [fill('BUY', 7, 10.000003), fill('SELL', 3, 10.1, { commission: 0.35 }), fill('SELL', 9, 9.7)];
    const state = build(executions);

    for (const execution of [...executions].reverse()) reverseExecution(state, ALPHA, execution);

    expect(state.cash).toBe(START);
    expect([state.realizedPnl, state.commissions, state.costBasis, state.marketValue, state.grossExposure]).toEqual([
      0, 0, 0, 0, 0,
    ]);
    expect(state.positions['AAPL']).toEqual({ quantity: 0, costBasis: 0 });
    expect(state.openPositions).toBe(0);
  });

  it('undoes the execution as it was booked, whatever numbers the argument carries', () => {
    const buy = fill('BUY', 10, 10, { id: 'e1' });
    const state = build([buy]);

    reverseExecution(state, ALPHA, { ...buy, quantity: 99 });

    expect(state.cash).toBe(START);
  });

  it('throws when the book does not hold the execution', () => {
    const buy = fill('BUY', 10, 10, { id: 'e1' });
    const state = build([buy]);
    reverseExecution(state, ALPHA, buy);

    const again = (): void => reverseExecution(state, ALPHA, buy);
    const otherBook = (): void => reverseExecution(state, BETA, buy);

    expect(again).toThrow(
      expect.objectContaining({
        code: 'PORTFOLIO_UNKNOWN_EXECUTION',
        message: 'cannot reverse execution e1: the AAPL position of strategy alpha does not hold it',
      }),
    );
    expect(otherBook).toThrow('cannot reverse execution e1: the AAPL position of strategy beta does not hold it');
  });
});
