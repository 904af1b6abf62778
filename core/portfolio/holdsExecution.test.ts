import { describe, expect, it } from 'vitest';
import { toMicros } from '../money/money.js';
import { applyExecution } from './applyExecution.js';
import { createPortfolio } from './createPortfolio.js';
import { holdsExecution } from './holdsExecution.js';
import { settleFlatPositions } from './settleFlatPositions.js';
import { ALPHA, BETA, fill } from './testFixtures.js';

describe('holdsExecution', () => {
  it('is true for a booked execution until its flat position is settled', () => {
    const state = createPortfolio(toMicros(50_000), [ALPHA, BETA]);
    const buy = fill('BUY', 100, 10, { id: 'h1' });
    const sell = fill('SELL', 100, 11, { id: 'h2' });
    applyExecution(state, ALPHA, buy);
    applyExecution(state, ALPHA, sell);

    const before = [holdsExecution(state, ALPHA, buy), holdsExecution(state, ALPHA, sell)];
    const otherBook = holdsExecution(state, BETA, buy);
    const otherTicker = holdsExecution(state, ALPHA, { ...buy, ticker: 'MSFT' });
    settleFlatPositions(state);
    const after = [holdsExecution(state, ALPHA, buy), holdsExecution(state, ALPHA, sell)];

    expect(before, 'both booked to alpha').toEqual([true, true]);
    expect(otherBook, 'beta never booked it').toBe(false);
    expect(otherTicker, 'alpha never traded MSFT').toBe(false);
    expect(after, 'the flat AAPL position was settled: its history is gone').toEqual([false, false]);
  });
});
